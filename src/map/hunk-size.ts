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
import { MIN_COVERAGE } from './fit.js';
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
  const declTok = new Uint8Array(sides.oldToks.length);
  for (const s of sides.oldStatements) if (s.kind === 'decl') for (let i = s.first; i < s.end; i++) declTok[i] = 1;
  let countedWords = 0;
  for (const l of sides.oldLines) {
    let words = 0;
    let decl = l.end > l.first;
    for (let i = l.first; i < l.end; i++) {
      if (sides.oldToks[i]!.kind !== 'punct') words++;
      if (!declTok[i]) decl = false;
    }
    if (!decl) countedWords += words;
  }
  return { lines: sides.oldLines.length, tokens: sides.oldToks.length, countedWords };
}

export function regionSize(file: FileIndex, from: number, to: number): RegionSize {
  let words = 0;
  for (let i = from; i < to; i++) if (file.toks[i]!.kind !== 'punct') words++;
  const lines = to > from ? file.toks[to - 1]!.line - file.toks[from]!.line + 1 : 0;
  return { lines, tokens: Math.max(0, to - from), words };
}

export function canHold(h: HunkSize, r: RegionSize): boolean {
  return h.countedWords * MIN_COVERAGE <= r.words && h.tokens <= MAX_OLD_PER_MODEL_TOKEN * r.tokens;
}
