// Shared helpers of the mapper tests: diffs read the way a user's input is read (src/thread's
// parseThread, or src/patch's parseDiffText for a diff with prose on top), and views of the
// spliced sources that ignore comments and whitespace.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.js';
import { parseThread } from '../../src/thread/index.js';
import { parseDiffText } from '../../src/patch/index.js';
import type { FileDiff } from '../../src/patch/types.js';
import type { Diff } from '../../src/thread/types.js';
import { initOutline, outlineTranslationUnit, type FunctionOutline } from '../../src/model/interp/source-outline.js';
import { loadBase, type ModelSource } from '../../src/model/source/index.js';
import { mapDiff, type MapOptions } from '../../src/map/index.js';
import { tokenTexts } from '../../src/map/tokens.js';

export const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
export const fixture = (name: string): string => `fixtures/patches/${name}`;

/** The diffs of an input file as `lkml-replay thread` reads them (first appearances only). */
export async function diffsOf(path: string): Promise<Diff[]> {
  const t = await parseThread([path]);
  return t.messages.flatMap((m) => m.diffs).filter((d) => !d.quotedFrom);
}

export async function diffOf(path: string): Promise<Diff> {
  const ds = await diffsOf(path);
  if (ds.length !== 1) throw new Error(`${path}: ${ds.length} diffs`);
  return ds[0]!;
}

/** A diff in text (prose above it allowed), read by src/patch. */
export function diffOfText(text: string): { files: FileDiff[] } {
  const d = parseDiffText(text, 'patch');
  if (!d) throw new Error('no diff in text');
  return { files: d.files };
}

/** Write text to a temporary file (for mangled copies read through parseThread); removed after the file's tests. */
export function tempFile(name: string, text: string): string {
  const dir = tempDir('lkml-map-');
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/**
 * A web-archive style copy of a unified diff: every hunk line loses its leading whitespace
 * (after the op character) and blank context lines become empty lines.
 */
export function mangle(diffText: string): string {
  let inHunk = false;
  return diffText
    .split('\n')
    .map((l) => {
      if (l.startsWith('@@')) inHunk = true;
      else if (/^(diff --git|--- |\+\+\+ |-- $)/.test(l)) inHunk = false;
      if (!inHunk || l.startsWith('@@')) return l;
      const op = l[0];
      if (op !== ' ' && op !== '+' && op !== '-') return l;
      const body = l.slice(1).trimStart();
      return op === ' ' && body === '' ? '' : `${op}${body}`;
    })
    .join('\n');
}

export async function base(name: string): Promise<{ name: string; kernel: string; sources: ModelSource[] }> {
  await initOutline();
  const { base: info, sources } = loadBase(name);
  return { name, kernel: info.spec.kernel, sources };
}

export async function map(diff: Diff | { files: FileDiff[] }, b: string, opts: MapOptions = {}) {
  return mapDiff(diff, await base(b), opts);
}

export function textOf(sources: ModelSource[] | null, path: string): string {
  const s = sources?.find((x) => x.path === path);
  if (!s) throw new Error(`no ${path}`);
  return s.text;
}

export function fnOf(text: string, name: string): FunctionOutline & { text: string } {
  const f = outlineTranslationUnit(text).functions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name}`);
  return { ...f, text: text.split('\n').slice(f.startLine - 1, f.endLine).join('\n') };
}

/** Token stream of C text, comments and whitespace dropped, as one string. */
export function toks(text: string): string {
  return tokenTexts(text).join(' ');
}

/** Names of the top-level statements of a function, in order (first line of each). */
export function statementHeads(text: string, fn: string): string[] {
  return fnOf(text, fn).statements.map((s) => s.text.split('\n')[0]!.trim());
}
