// The lines of one quote depth, in body order, with a mark where other-depth lines were cut
// out. A diff lives at one depth; a reviewer's comments between quoted hunks are the gaps.
// Each line gets a kind once, up front (one line of look-ahead), so the readers never rescan.
import type { QuotedLine } from './types.js';
import { type HunkHeader, isHunkHeaderStart, parseHunkHeader } from './hunk-header.js';
import { isScissorsLine } from './scissors.js';
import { isSnipLine } from './junk.js';

export enum Kind {
  Context, // ' ' line
  Added, // '+'
  Removed, // '-'
  NoNewline, // '\ No newline at end of file'
  Blank, // empty text
  Bare, // anything else: prose, or a context line that lost its leading space
  HunkHeader, // '@@ -a,b +c,d @@'
  GitDiff, // 'diff --git ...', 'diff -u ...' and friends
  CvsIndex, // 'Index: path' followed by '====...'
  FilePair, // '--- path' directly followed by '+++ path'
  NewFileLine, // '+++ path' right before a hunk header, its '--- path' cut (a reviewer's trimmed quote)
  Scissors, // git's cut line
  Snip, // '[...]', '[snip]', '<snip>'
  Signature, // '-- ', '--' or '---' (a signature or separator) not followed by more hunk lines
}

export interface DepthView {
  depth: number;
  text: string[];
  lineNo: number[];
  /** Lines of another depth were skipped right before this one. */
  gapBefore: boolean[];
  /** Body line number of a snip mark (`[...]`) among the skipped lines before this one, or 0. */
  snipInGap: number[];
  /**
   * The body line right after this one when it is shallower, not empty, and followed by a line
   * of this depth, an empty line or the end: where a replier's client re-wrapping quoted text
   * leaves the tail of a long quoted line, without the quote marker.
   */
  tailAfter: (QuotedLine | null)[];
  /** The lines skipped before this one are exactly the previous line's tailAfter. */
  gapIsTail: boolean[];
  kind: Kind[];
  /** First index >= i whose kind is neither Bare nor Blank, stopping at a gap. */
  nextSolid: number[];
  /** First index >= i of a line no hunk can contain (header, cut line, snip, signature). */
  nextHard: number[];
  /** contextBefore[i] = number of Context (' ') lines before index i. */
  contextBefore: number[];
  /** The parsed header of each HunkHeader line, by index (parsed once, when classified). */
  hunkHeaders: Map<number, HunkHeader>;
  /** Lines whose no-break spaces (U+00A0) were read as spaces, or null for none. */
  nbsp: Set<number> | null;
}

function emptyView(depth: number): DepthView {
  return {
    depth,
    text: [],
    lineNo: [],
    gapBefore: [],
    snipInGap: [],
    tailAfter: [],
    gapIsTail: [],
    kind: [],
    nextSolid: [],
    nextHard: [],
    contextBefore: [],
    hunkHeaders: new Map(),
    nbsp: null,
  };
}

/**
 * The views of the quote depths in `depths` (all depths when null): a depth left out has no
 * line a diff can start at, so its view would find nothing.
 */
export function buildViews(lines: readonly QuotedLine[], depths: ReadonlySet<number> | null = null): DepthView[] {
  const one = singleDepthView(lines);
  if (one) return depths === null || depths.has(one.depth) ? [one] : [];
  const byDepth = new Map<number, { view: DepthView; last: number }>();
  let entry: { view: DepthView; last: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!entry || entry.view.depth !== l.depth) {
      if (depths !== null && !depths.has(l.depth)) continue;
      entry = byDepth.get(l.depth);
      if (!entry) {
        entry = { view: emptyView(l.depth), last: -1 };
        byDepth.set(l.depth, entry);
      }
    }
    const v = entry.view;
    const gap = entry.last >= 0 && entry.last !== i - 1;
    v.text.push(l.text);
    v.lineNo.push(l.lineNo);
    v.gapBefore.push(gap);
    v.snipInGap.push(gap ? lastSnipBetween(lines, entry.last, i) : 0);
    v.gapIsTail.push(gap && entry.last === i - 2 && v.tailAfter[v.tailAfter.length - 1] !== null);
    v.tailAfter.push(tailAfter(lines, i));
    entry.last = i;
  }
  const views = [...byDepth.values()].map((e) => e.view).sort((a, b) => a.depth - b.depth);
  for (const v of views) classify(v);
  return views;
}

/** A body all at one depth (a patch mail, a bare diff): one view with no gaps and no tails. */
function singleDepthView(lines: readonly QuotedLine[]): DepthView | null {
  const n = lines.length;
  if (n === 0) return null;
  const depth = lines[0]!.depth;
  for (let i = 1; i < n; i++) if (lines[i]!.depth !== depth) return null;
  const v = emptyView(depth);
  v.text = lines.map((l) => l.text);
  v.lineNo = lines.map((l) => l.lineNo);
  v.gapBefore = new Array<boolean>(n).fill(false);
  v.snipInGap = new Array<number>(n).fill(0);
  v.tailAfter = new Array<QuotedLine | null>(n).fill(null);
  v.gapIsTail = new Array<boolean>(n).fill(false);
  classify(v);
  return v;
}

/** Body line number of the last snip mark strictly between body indices a and b, or 0. */
function lastSnipBetween(lines: readonly QuotedLine[], a: number, b: number): number {
  for (let j = b - 1; j > a; j--) if (isSnipLine(lines[j]!.text)) return lines[j]!.lineNo;
  return 0;
}

/** `s.trim() === ''`, without the copy for the usual line that starts with a visible ASCII character. */
function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return s.trim() === '';
}

/**
 * The line after line i when it is the tail of a quoted line i that the replier's client
 * re-wrapped: shallower than i (the tail lost the quote markers), or (Evolution, which breaks
 * after the `-` of `->`) one level deeper and right after a `-`: then its text gets the `>` back.
 */
function tailAfter(lines: readonly QuotedLine[], i: number): QuotedLine | null {
  const l = lines[i]!;
  const t = lines[i + 1];
  if (!t || isBlankText(t.text)) return null;
  const after = lines[i + 2];
  const resumes = !after || after.depth === l.depth || isBlankText(after.text);
  if (t.depth < l.depth) return resumes ? t : null;
  if (t.depth === l.depth + 1 && /\S-$/.test(l.text) && /^[A-Za-z_]/.test(t.text) && resumes) return { ...t, text: '>' + t.text };
  return null;
}

/** A view of a bare diff text (an attachment, a .patch file). */
export function viewOfText(lines: readonly string[]): DepthView {
  const v = emptyView(0);
  v.text = [...lines];
  v.lineNo = lines.map((_, i) => i + 1);
  v.gapBefore = lines.map(() => false);
  v.snipInGap = lines.map(() => 0);
  v.tailAfter = lines.map(() => null);
  v.gapIsTail = lines.map(() => false);
  classify(v);
  return v;
}

const GIT_DIFF = /^diff (?:--git |--cc |--combined |--?[A-Za-z])/;
const NBSP = '\u00a0';

function classify(v: DepthView): void {
  const { text, gapBefore } = v;
  const n = text.length;
  // Some clients (Thunderbird) send runs of blanks, and tabs, as no-break spaces: in a diff they
  // are the blanks the writer meant (code has none: checkpatch refuses them).
  for (let i = 0; i < n; i++) {
    if (text[i]!.includes(NBSP)) {
      text[i] = text[i]!.replaceAll(NBSP, ' ');
      (v.nbsp ??= new Set()).add(i);
    }
  }
  const kind: Kind[] = new Array<Kind>(n);
  const nextText = (i: number): string | null =>
    i + 1 < n && !gapBefore[i + 1] ? text[i + 1]! : null;
  for (let i = 0; i < n; i++) {
    const t = text[i]!;
    let k: Kind;
    let h: HunkHeader | null;
    if (t === '') k = Kind.Blank;
    else {
      const c = t[0];
      if (c === '@' && isHunkHeaderStart(t) && (h = parseHunkHeader(t))) {
        k = Kind.HunkHeader;
        v.hunkHeaders.set(i, h);
      } else if (isScissorsLine(t)) k = Kind.Scissors;
      else if (c === ' ') k = Kind.Context;
      else if (c === '+') k = isNewFileLine(t, i > 0 && !gapBefore[i] ? text[i - 1]! : null, nextText(i)) ? Kind.NewFileLine : Kind.Added;
      else if (c === '-') {
        const next = nextText(i);
        if (t.startsWith('--- ') && next !== null && next.startsWith('+++ ')) k = Kind.FilePair;
        else if (isSeparator(t) && !continuesHunk(next)) k = Kind.Signature;
        else k = Kind.Removed;
      } else if (c === '\\') k = Kind.NoNewline;
      else if (c === 'd' && GIT_DIFF.test(t)) k = Kind.GitDiff;
      else if (c === 'I' && t.startsWith('Index: ') && /^={20,}\s*$/.test(nextText(i) ?? ''))
        k = Kind.CvsIndex;
      else if (isSnipLine(t)) k = Kind.Snip;
      else k = Kind.Bare;
    }
    kind[i] = k;
  }
  v.kind = kind;

  const nextSolid = new Array<number>(n + 1);
  const nextHard = new Array<number>(n + 1);
  nextSolid[n] = n;
  nextHard[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const k = kind[i]!;
    const gapAfter = i + 1 < n && gapBefore[i + 1];
    nextSolid[i] = k !== Kind.Bare && k !== Kind.Blank ? i : gapAfter ? i + 1 : nextSolid[i + 1]!;
    nextHard[i] = isHardKind(k) ? i : nextHard[i + 1]!;
  }
  const contextBefore = new Array<number>(n + 1);
  contextBefore[0] = 0;
  for (let i = 0; i < n; i++) contextBefore[i + 1] = contextBefore[i]! + (kind[i] === Kind.Context ? 1 : 0);
  v.nextSolid = nextSolid;
  v.nextHard = nextHard;
  v.contextBefore = contextBefore;
}

/**
 * `+++ b/path` with no `--- ` line before it and a hunk header after it: the new-side line of a
 * file pair whose old side was cut.
 */
function isNewFileLine(t: string, prev: string | null, next: string | null): boolean {
  return t.startsWith('+++ ') && t.length > 4 && !(prev !== null && prev.startsWith('--- ')) && next !== null && isHunkHeaderStart(next);
}

/** Kinds that end any hunk read by content. */
function isHardKind(k: Kind): boolean {
  return (
    k === Kind.HunkHeader ||
    k === Kind.GitDiff ||
    k === Kind.CvsIndex ||
    k === Kind.FilePair ||
    k === Kind.NewFileLine ||
    k === Kind.Scissors ||
    k === Kind.Snip ||
    k === Kind.Signature
  );
}

/**
 * `-- ` (a signature) or a line of dashes (`--`, `---`, `-----`: a separator a writer puts after a
 * diff); one only when no hunk line follows it, since inside counted lines git reads it as a
 * removed line.
 */
function isSeparator(t: string): boolean {
  return t === '-- ' || /^-{2,}[ \t]*$/.test(t);
}

function continuesHunk(next: string | null): boolean {
  if (next === null) return false;
  const c = next[0];
  return c === '+' || c === ' ' || (c === '-' && next !== '-- ' && next !== '--');
}

export function isOpKind(k: Kind): boolean {
  return k === Kind.Context || k === Kind.Added || k === Kind.Removed;
}

/** Lines that start a file's header block. */
export function isFileStartKind(k: Kind): boolean {
  return k === Kind.GitDiff || k === Kind.CvsIndex || k === Kind.FilePair || k === Kind.NewFileLine;
}
