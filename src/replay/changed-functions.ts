// Which model functions a variant changes: what decides that a scenario whose base run never
// called any of them cannot behave differently (the runs are the same until one of them runs).
// Only when every difference is inside function definitions: a changed macro, type, global or
// anything else outside a function may act anywhere, so then nothing is decided (null).
import { indexFile, type FileIndex } from '../map/model-index.js';
import { functionTokens, tokenDigest } from '../map/token-digest.js';
import type { ModelSource } from '../model/source/index.js';

function outsideFunctions(f: FileIndex): string {
  const inside = new Uint8Array(f.toks.length);
  for (const fn of f.functions) inside.fill(1, fn.tokFirst, fn.tokEnd);
  return f.toks.filter((_, i) => !inside[i]).map((t) => t.t).join(' ');
}

function digests(f: FileIndex): Map<string, string> {
  return new Map(f.functions.map((fn) => [fn.name, tokenDigest(functionTokens(f, fn))]));
}

/** Names of the functions `after` defines differently from `before` (or only one defines); null when that does not say it all. */
export function changedFunctions(before: readonly ModelSource[], after: readonly ModelSource[]): string[] | null {
  if (before.length !== after.length) return null;
  const changed = new Set<string>();
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a.path !== b.path) return null;
    if (a.text === b.text) continue;
    const fa = indexFile(a.path, a.text);
    const fb = indexFile(b.path, b.text);
    if (outsideFunctions(fa) !== outsideFunctions(fb)) return null;
    const da = digests(fa);
    const db = digests(fb);
    for (const [name, d] of da) if (db.get(name) !== d) changed.add(name);
    for (const name of db.keys()) if (!da.has(name)) changed.add(name);
  }
  return [...changed].sort();
}
