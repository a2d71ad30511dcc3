// The checks after a splice: the spliced files must parse (tree-sitter) and the spliced sources
// must not call anything the base could resolve but the variant cannot (the interpreter's own
// compile). Each finding is blamed on the hunk whose change holds it.
import type { ModelSource } from '../model/source/index.js';
import { compileFacts, newErrors, newUnresolved } from './compile-check.js';
import { functionAtLine, indexFile, type BaseIndex, type FileIndex } from './model-index.js';
import { unplaced, type HunkState, type Pass } from './placements.js';
import { lineAt } from './splice.js';
import type { HunkPlacement, MissingName, ModelLine, WhyUnplaced } from './types.js';
import type { Diagnostic } from '../model/interp/compiler.js';
import { basesKnowing } from './vocabulary.js';
import type { MapBase } from './index.js';

/** Syntax errors the splice brought in, blamed on the hunk whose change holds them. */
export function parseProblems(hunks: HunkState[], pass: Pass, idx: BaseIndex): Map<string, HunkPlacement> {
  const out = new Map<string, HunkPlacement>();
  for (const [path, text] of pass.texts) {
    if (text === idx.textOf(path)) continue;
    const base = idx.file(path);
    if (!base) continue;
    const now = indexFile(path, text);
    if (!now.syntaxErrors.length) continue;
    const baseCount = base.syntaxErrors.length;
    const spans = hunkSpans(pass, path, now);
    for (const e of now.syntaxErrors) {
      const owner = spans.find((s) => e.line >= s.lo && e.line <= s.hi) ?? (baseCount ? undefined : [...spans].reverse().find((s) => s.lo <= e.line) ?? spans[0]);
      if (!owner || out.has(owner.key)) continue;
      const h = hunks.find((x) => x.key === owner.key)!;
      const fn = functionAtLine(now, e.line)?.name ?? null;
      out.set(owner.key, unplaced(h, 'does-not-parse', { kind: 'does-not-parse', file: path, function: fn, line: e.line, message: e.message }, fn));
    }
  }
  return out;
}

/** Per placed hunk of a file: its key and the lines of the functions its change sits in (new text). */
function hunkSpans(pass: Pass, path: string, now: FileIndex): { key: string; lo: number; hi: number; functions: string[] }[] {
  const out: { key: string; lo: number; hi: number; functions: string[] }[] = [];
  for (const [key, v] of pass.ranges) {
    if (v.path !== path) continue;
    let lo = lineAt(now.text, v.range.start);
    let hi = lineAt(now.text, Math.max(v.range.start, v.range.end - 1));
    const functions: string[] = [];
    for (const l of [lo, hi]) {
      const fn = functionAtLine(now, l);
      if (!fn) continue;
      lo = Math.min(lo, fn.startLine);
      hi = Math.max(hi, fn.endLine);
      if (!functions.includes(fn.name)) functions.push(fn.name);
    }
    out.push({ key, lo, hi, functions });
  }
  return out.sort((a, b) => a.lo - b.lo);
}

function splicedSources(pass: Pass, idx: BaseIndex): ModelSource[] {
  return idx.sources.map((s) => ({ path: s.path, text: pass.texts.get(s.path) ?? s.text }));
}

/** Which placed hunk a compile finding (file, line, function, called name) belongs to. */
function blame(hunks: HunkState[], pass: Pass, file: string, line: number, fn: string | undefined, name?: string): string | null {
  const text = pass.texts.get(file);
  if (text !== undefined) {
    const now = indexFile(file, text);
    const spans = hunkSpans(pass, file, now);
    const exact = [...pass.ranges].find(([, v]) => v.path === file && line >= lineAt(text, v.range.start) && line <= lineAt(text, Math.max(v.range.start, v.range.end - 1)));
    if (exact) return exact[0];
    const inFn = fn ? spans.find((s) => s.functions.includes(fn)) : undefined;
    if (inFn) return inFn.key;
  }
  if (name) {
    // the hunk that changes the declaration or definition of `name`, else one that removed a use
    const declares = new RegExp(`^\\s*(?!return\\b)[A-Za-z_][\\w\\s]*[\\s*]${name}\\s*\\(`);
    const placed = hunks.filter((h) => pass.ranges.has(h.key));
    const owner = placed.find((h) => h.hunk.lines.some((l) => declares.test(l.text))) ?? placed.find((h) => h.hunk.lines.some((l) => l.op === '-' && new RegExp(`\\b${name}\\b`).test(l.text)));
    if (owner) return owner.key;
  }
  const sameFile = [...pass.ranges].find(([, v]) => v.path === file);
  if (sameFile) return sameFile[0];
  return pass.ranges.keys().next().value ?? null;
}

export function compileProblems(hunks: HunkState[], pass: Pass, idx: BaseIndex, base: MapBase): Map<string, HunkPlacement> {
  const out = new Map<string, HunkPlacement>();
  if (!pass.ranges.size) return out;
  const baseFacts = compileFacts(base.kernel, base.sources);
  const facts = compileFacts(base.kernel, splicedSources(pass, idx));
  const byHunk = new Map<string, { name: string; at: ModelLine; fn: string }[]>();
  for (const u of newUnresolved(baseFacts, facts)) {
    const k = blame(hunks, pass, u.file, u.line, u.function, u.name);
    if (!k) continue;
    byHunk.set(k, [...(byHunk.get(k) ?? []), { name: u.name, at: { file: u.file, line: u.line }, fn: u.function }]);
  }
  for (const [k, calls] of byHunk) {
    const h = hunks.find((x) => x.key === k)!;
    const names = [...new Set(calls.map((c) => c.name))];
    const added = h.hunk.lines.filter((l) => l.op === '+').map((l) => l.text);
    const isAdded = (n: string): boolean => added.some((t) => new RegExp(`\\b${n}\\s*\\(`).test(t));
    const missing = names.map((name) => ({ kind: 'call' as const, name, knownIn: basesKnowing(name) }));
    // Names the added code calls first, then those it removed while others still call them.
    // Which other bases have a called name says what the added code was written for.
    const ordered = [...names.filter(isAdded), ...names.filter((n) => !isAdded(n))];
    const why: WhyUnplaced = {
      kind: 'calls-unknown',
      calls: ordered.map((name) => ({ name, at: calls.filter((c) => c.name === name).map((c) => c.at), added: isAdded(name), elsewhere: elsewhere(basesKnowing(name), base.name) })),
    };
    out.set(k, unplaced(h, 'calls-unknown-function', why, ownFunction(pass, h) ?? (calls[0]!.fn || null), [], missing));
  }
  // Code that does not compile on this base: never replayed into an `error` verdict.
  const errorsByHunk = new Map<string, Diagnostic[]>();
  for (const d of newErrors(baseFacts, facts)) {
    // an unknown identifier: the hunk that removed it; a call that no longer fits: the hunk that
    // changed the callee's prototype (a caller elsewhere, untouched, still passes the old arguments)
    const k = blame(hunks, pass, d.file, d.line, d.function, d.unknown?.kind === 'identifier' ? d.unknown.name : d.callee);
    if (!k || out.has(k)) continue;
    errorsByHunk.set(k, [...(errorsByHunk.get(k) ?? []), d]);
  }
  for (const [k, ds] of errorsByHunk) {
    const h = hunks.find((x) => x.key === k)!;
    const missing: MissingName[] = [];
    for (const d of ds) {
      const u = d.unknown;
      if (!u || missing.some((m) => m.name === u.name && m.kind === u.kind)) continue;
      missing.push({ kind: u.kind, name: u.name, ...(u.struct ? { struct: u.struct } : {}), knownIn: basesKnowing(u.name, u.struct) });
    }
    // Calls the failed compile did not get to: every call in the added lines the base lacks.
    for (const l of h.hunk.lines) {
      if (l.op !== '+') continue;
      for (const m of l.text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) {
        const name = m[1]!;
        if (C_KEYWORDS.has(name) || missing.some((x) => x.name === name)) continue;
        const knownIn = basesKnowing(name);
        if (!knownIn.includes(base.name)) missing.push({ kind: 'call', name, knownIn });
      }
    }
    const d = ds[0]!;
    const why: WhyUnplaced = {
      kind: 'does-not-compile',
      file: d.file,
      line: d.line,
      function: d.function ?? null,
      message: d.message,
      more: ds.length - 1,
      missing: missing.map((m) => ({ kind: m.kind, name: m.name, struct: m.struct ?? null, elsewhere: elsewhere(m.knownIn, base.name) })),
    };
    out.set(k, unplaced(h, 'does-not-compile', why, ownFunction(pass, h) ?? d.function ?? null, [], missing));
  }
  return out;
}

/** The function the hunk itself changes, as placed (a finding may be in another function it broke). */
function ownFunction(pass: Pass, h: HunkState): string | null {
  return pass.placements.find((p) => p.fileIndex === h.fi && p.hunkIndex === h.hi)?.function ?? null;
}

const C_KEYWORDS = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'do', 'case', 'defined']);

/** The bases other than `base` that know a name. */
function elsewhere(knownIn: string[], base: string): string[] {
  return knownIn.filter((b) => b !== base);
}
