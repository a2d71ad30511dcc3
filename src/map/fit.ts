// How well an alignment fits: per hunk line how much of it the model has, whether the context is
// there at all, and the model lines that the hunk's token-less lines (blank lines, comment lines)
// correspond to.
import { align, type Alignment } from './align.js';
import type { HunkSides } from './hunk-sides.js';
import type { FileIndex } from './model-index.js';

/** Word coverage of the context needed to call it found, and the fewest words that must match. */
export const MIN_COVERAGE = 0.6;
const MIN_WORDS = 2;
/** A removed line is "the model's statement" when this share of its words (and half its tokens) matched. */
export const MIN_REMOVED_LINE = 0.6;

interface LineFit {
  tokens: number;
  words: number;
  matchedTokens: number;
  matchedWords: number;
  /** All its tokens are in declarations (a local the model may leave out). */
  declaration: boolean;
  /** Model token indices of its first and last matched token, -1 when none. */
  modelFirst: number;
  modelLast: number;
  /** For a token-less line: the model line (1-based) it corresponds to, or 0. */
  gapLine: number;
  /**
   * For a comment line: its comment (a run of comment-only lines: hunk old-side lines
   * [from, to]) and the model comment it stands for at that place (model lines [modelFrom,
   * modelTo]), whatever either says. A comment goes or stays as a whole.
   */
  comment: { from: number; to: number; modelFrom: number; modelTo: number } | null;
}

export interface Fit {
  file: FileIndex;
  region: { from: number; to: number };
  alignment: Alignment;
  lines: LineFit[];
  matchedWords: number;
  totalWords: number;
  /** Matched share of the context's words, declarations the model leaves out not counted. */
  coverage: number;
  accepted: boolean;
}

export function fitHunk(sides: HunkSides, file: FileIndex, from: number, to: number, masked?: { from: number; to: number }): Fit {
  const a = align(sides.oldToks, sides.oldLines, file.toks, from, to, masked);
  return evaluate(sides, file, { from, to }, a);
}

/**
 * Per old-side line: its words (tokens that are not punctuation) and whether it is a
 * declaration (every token in a declaration statement: a local the model may leave out, not
 * counted when nothing of it matched).
 */
export function lineWords(sides: HunkSides): { words: number; declaration: boolean }[] {
  const declTok = new Uint8Array(sides.oldToks.length);
  for (const s of sides.oldStatements) if (s.kind === 'decl') for (let i = s.first; i < s.end; i++) declTok[i] = 1;
  return sides.oldLines.map((l) => {
    let words = 0;
    let declaration = l.end > l.first;
    for (let i = l.first; i < l.end; i++) {
      if (sides.oldToks[i]!.kind !== 'punct') words++;
      if (!declTok[i]) declaration = false;
    }
    return { words, declaration };
  });
}

function evaluate(sides: HunkSides, file: FileIndex, region: { from: number; to: number }, a: Alignment): Fit {
  const shape = lineWords(sides);
  const lines: LineFit[] = sides.oldLines.map((l, k) => {
    let mw = 0;
    let mt = 0;
    let modelFirst = -1;
    let modelLast = -1;
    for (let i = l.first; i < l.end; i++) {
      const mi = a.match[i]!;
      if (mi >= 0) {
        mt++;
        if (sides.oldToks[i]!.kind !== 'punct') mw++;
        if (modelFirst < 0) modelFirst = mi;
        modelLast = mi;
      }
    }
    const { words, declaration } = shape[k]!;
    return { tokens: l.end - l.first, words, matchedTokens: mt, matchedWords: mw, declaration, modelFirst, modelLast, gapLine: 0, comment: null };
  });
  let total = 0;
  let matched = 0;
  for (const l of lines) {
    if (l.tokens === 0) continue;
    if (l.declaration && l.matchedTokens === 0) continue; // a local the model leaves out
    total += l.words;
    matched += l.matchedWords;
  }
  const coverage = total === 0 ? 0 : matched / total;
  matchGapLines(sides, file, lines);
  return {
    file,
    region,
    alignment: a,
    lines,
    matchedWords: matched,
    totalWords: total,
    coverage,
    accepted: total > 0 && coverage >= MIN_COVERAGE && matched >= Math.min(MIN_WORDS, total),
  };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Token-less hunk lines (blank, comment-only) between two matched lines correspond to the
 * model's token-less lines between the same two places. Blank lines pair with blank lines; a
 * comment (a run of comment-only lines) pairs with the model's comment at that place whatever
 * its words (comments are not code: the model's are its own), and within a pair the lines whose
 * text is the same up to whitespace pair line by line. Longest common subsequences, over units
 * then over lines.
 */
function matchGapLines(sides: HunkSides, file: FileIndex, lines: LineFit[]): void {
  const anchored = (k: number): boolean => lines[k]!.modelFirst >= 0;
  const modelTokless = (line: number): boolean => {
    const lt = file.lineToks[line - 1];
    return !!lt && lt.first === lt.end;
  };
  const modelLineText = (line: number): string => {
    const s = file.lineStarts[line - 1]!;
    const e = line < file.lineStarts.length ? file.lineStarts[line]! - 1 : file.text.length;
    return file.text.slice(s, e);
  };
  const K = lines.length;
  let k = 0;
  while (k < K) {
    if (anchored(k)) {
      k++;
      continue;
    }
    const runStart = k;
    while (k < K && !anchored(k)) k++;
    const runEnd = k; // [runStart, runEnd) has no matched tokens
    const prev = runStart > 0 ? file.toks[lines[runStart - 1]!.modelLast]!.line : 0;
    const next = runEnd < K ? file.toks[lines[runEnd]!.modelFirst]!.line : 0;
    if (!prev && !next) continue;
    // model lines of the gap: between the anchors, or the token-less lines next to the one anchor
    const modelLines: number[] = [];
    if (prev && next) for (let l = prev + 1; l < next; l++) modelLines.push(l);
    else if (next) for (let l = next - 1; l >= 1 && modelTokless(l) && next - l <= runEnd - runStart + 2; l--) modelLines.unshift(l);
    else for (let l = prev + 1; l <= file.lineStarts.length && modelTokless(l) && l - prev <= runEnd - runStart + 2; l++) modelLines.push(l);
    const hText: string[] = [];
    for (let x = runStart; x < runEnd; x++) hText.push(lines[x]!.tokens === 0 ? norm(sides.oldLines[x]!.text) : `\u0000h${x}`);
    const mText = modelLines.map((l) => (modelTokless(l) ? norm(modelLineText(l)) : `\u0000m${l}`));
    const hUnits = units(hText);
    const mUnits = units(mText);
    // leading run: prefer matches next to the anchor below it (the end); otherwise the start
    const preferEnd = !!next && !prev;
    for (const [hu, mu] of lcsPairs(hUnits.map((u) => u.key), mUnits.map((u) => u.key), preferEnd)) {
      const h = hUnits[hu]!;
      const m = mUnits[mu]!;
      if (h.key === COMMENT) {
        for (let x = h.from; x <= h.to; x++) {
          lines[runStart + x]!.comment = { from: runStart + h.from, to: runStart + h.to, modelFrom: modelLines[m.from]!, modelTo: modelLines[m.to]! };
        }
      }
      const pairs = lcsPairs(hText.slice(h.from, h.to + 1), mText.slice(m.from, m.to + 1), preferEnd);
      for (const [hi, mi] of pairs) lines[runStart + h.from + hi]!.gapLine = modelLines[m.from + mi]!;
    }
  }
}

const COMMENT = '\u0000comment';

/** Consecutive comment lines as one unit (any comment pairs with any comment); other lines alone. */
function units(texts: string[]): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    const isComment = t !== '' && !t.startsWith('\u0000');
    const last = out[out.length - 1];
    if (isComment && last?.key === COMMENT && last.to === i - 1) last.to = i;
    else out.push({ key: isComment ? COMMENT : t, from: i, to: i });
  }
  return out;
}

/** Matched index pairs of a longest common subsequence; `preferEnd` keeps matches late. */
function lcsPairs(a: string[], b: string[], preferEnd: boolean): [number, number][] {
  if (!a.length || !b.length) return [];
  const A = preferEnd ? a : [...a].reverse();
  const B = preferEnd ? b : [...b].reverse();
  const W = B.length + 1;
  const T = new Int32Array((A.length + 1) * W);
  for (let i = 1; i <= A.length; i++)
    for (let j = 1; j <= B.length; j++)
      T[i * W + j] = A[i - 1] === B[j - 1] ? T[(i - 1) * W + j - 1]! + 1 : Math.max(T[(i - 1) * W + j]!, T[i * W + j - 1]!);
  // backtrack from the end, taking diagonals first: matches land as late as possible in A/B
  const out: [number, number][] = [];
  let i = A.length;
  let j = B.length;
  while (i > 0 && j > 0) {
    if (A[i - 1] === B[j - 1] && T[i * W + j] === T[(i - 1) * W + j - 1]! + 1) {
      out.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (T[(i - 1) * W + j]! >= T[i * W + j - 1]!) i--;
    else j--;
  }
  out.reverse();
  if (preferEnd) return out;
  return out.map(([x, y]) => [a.length - 1 - x, b.length - 1 - y] as [number, number]).reverse();
}
