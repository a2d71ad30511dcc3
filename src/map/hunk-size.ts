// Whether a hunk's old side can fit a model region at all, decided before aligning (the
// alignment costs hunk tokens x region tokens: a hostile 100,000-line hunk against a whole model
// file would take minutes). Two bounds:
//
// - exact: a match needs MIN_COVERAGE of the context's words, each matched to its own model
//   word; words on lines that are not declarations always count, so when MIN_COVERAGE of them
//   is more than the region's words, no alignment can be accepted;
// - documented limit (README "How hunks are mapped"): an old side of more than
//   MAX_OLD_PER_MODEL_TOKEN tokens per region token is not aligned. Only unmatched
//   declaration lines escape the exact bound; a hunk that is mostly declarations the model
//   lacks is not the model's code. This keeps every alignment under 4 x region² cells.
import { lineWords, MIN_COVERAGE } from './fit.js';
import type { HunkSides } from './hunk-sides.js';
import type { FileIndex } from './model-index.js';

export const MAX_OLD_PER_MODEL_TOKEN = 4;

export interface HunkSize {
  lines: number;
  tokens: number;
  /** Words on old-side lines that are not wholly declarations: they count whether matched or not. */
  countedWords: number;
}

export interface RegionSize {
  lines: number;
  tokens: number;
  words: number;
}

export function hunkSize(sides: HunkSides): HunkSize {
  const countedWords = lineWords(sides).reduce((n, l) => (l.declaration ? n : n + l.words), 0);
  return { lines: sides.oldLines.length, tokens: sides.oldToks.length, countedWords };
}

/** The old side's words (tokens that are not punctuation) by text. */
export function hunkWords(sides: HunkSides): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of sides.oldToks) if (t.kind !== 'punct') m.set(t.t, (m.get(t.t) ?? 0) + 1);
  return m;
}

/** The most of these words an alignment with `file` can match: each at most as often as the file has it. */
export function matchableWords(words: Map<string, number>, file: FileIndex): number {
  let have = fileWords.get(file);
  if (!have) {
    have = new Map();
    for (const t of file.toks) if (t.kind !== 'punct') have.set(t.t, (have.get(t.t) ?? 0) + 1);
    fileWords.set(file, have);
  }
  let n = 0;
  for (const [t, k] of words) n += Math.min(k, have.get(t) ?? 0);
  return n;
}

const fileWords = new WeakMap<FileIndex, Map<string, number>>();

export function regionSize(file: FileIndex, from: number, to: number): RegionSize {
  let words = 0;
  for (let i = from; i < to; i++) if (file.toks[i]!.kind !== 'punct') words++;
  const lines = to > from ? file.toks[to - 1]!.line - file.toks[from]!.line + 1 : 0;
  return { lines, tokens: Math.max(0, to - from), words };
}

export function canHold(h: HunkSize, r: RegionSize): boolean {
  return h.countedWords * MIN_COVERAGE <= r.words && h.tokens <= MAX_OLD_PER_MODEL_TOKEN * r.tokens;
}
