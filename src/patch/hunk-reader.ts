// The tolerant hunk reader. jsdiff (like git apply) trusts a hunk's @@ counts and rejects a
// hunk whose lines do not fit them; mail mangles exactly those lines. So:
//   1. When the counts are consistent (reading that many old/new lines lands on a place
//      where the hunk can end), they decide where the hunk ends, as in git.
//   2. Otherwise the hunk is read by content and recounted.
// Either way, a context line that lost its leading space, a blank context line that became
// an empty line (or a bare `>`), and a line a mail client wrapped are put back, and every such
// fix is logged as a Repair against its body line.
import type { Hunk, Repair } from './types.js';
import { type DepthView, Kind, isFileStartKind, isOpKind } from './view.js';
import type { HunkHeader } from './hunk-header.js';
import { HunkLines, type Op } from './hunk-lines.js';
import { isJunkLine, looksLikeProse } from './junk.js';

export interface ReadHunk {
  hunk: Hunk;
  repairs: Repair[];
  /** View index after the hunk's last line. */
  next: number;
  /** View index of the hunk's last line. */
  last: number;
  /** Body line of a snip mark right after the hunk (it was cut there), or 0. */
  snipLine: number;
}

interface Attempt {
  lines: HunkLines;
  /** Index after the last line used. */
  next: number;
}

/**
 * Reads the hunk whose lines start at view index `start` (the line after its @@ header, or
 * the first line after a snip for a synthesised continuation). `headerIdx` is the @@ line's
 * index, or -1 when the header is synthesised; then the counts only guide the reading.
 */
export function readHunk(
  v: DepthView,
  headerIdx: number,
  start: number,
  header: HunkHeader,
  opts: { countsTrusted: boolean } = { countsTrusted: true },
): ReadHunk | null {
  // Do the context lines up to the next header still start with a space? Then a line
  // without a marker is a wrapped tail; otherwise it is a context line that lost its space.
  const hard = v.nextHard[start] ?? v.text.length;
  const spaceContext = v.contextBefore[hard]! - v.contextBefore[start]! > 0;
  let attempt: Attempt | null = null;
  if (opts.countsTrusted) {
    // Where context lines kept their space, a marker-less line is a wrapped tail (or a tail a
    // re-flowing client glued the next context line to) before it is a context line.
    attempt = spaceContext
      ? (readByCounts(v, start, header, false, true) ?? readByCounts(v, start, header, false, true, true) ?? readByCounts(v, start, header, true, true))
      : (readByCounts(v, start, header, true, false) ?? readByCounts(v, start, header, false, false));
  }
  const recounted = !attempt && opts.countsTrusted;
  attempt ??= readByContent(v, start, header, spaceContext);
  const { lines, next } = attempt;
  if (lines.entries.length === 0) return null;
  // The hunk's last line may have been re-wrapped by the replier too.
  if (next > start) joinUnquotedTail(v, next, lines);
  const snipLine = snipAt(v, next);
  const { hunk, repairs } = lines.toHunk(headerIdx, header, recounted, snipLine);
  const last = Math.max(lines.lastIdx, next - 1);
  return { hunk, repairs, next, last, snipLine };
}

/**
 * Reads exactly the lines the header counts. Fails (null) when a line cannot be part of a
 * hunk, the counts overflow, or the hunk visibly goes on after the counted lines.
 * `bareIsContext`: a line without a diff marker is a context line that lost its space;
 * otherwise it is the wrapped tail of the line before it.
 */
function readByCounts(
  v: DepthView,
  start: number,
  h: HunkHeader,
  bareIsContext: boolean,
  spaceContext: boolean,
  splitGlued = false,
): Attempt | null {
  const { text, kind, gapBefore, snipInGap } = v;
  const n = text.length;
  const lines = new HunkLines(v, h.oldStart === 0);
  let i = start;
  while (lines.old < h.oldLines || lines.new < h.newLines) {
    if (i >= n) return null;
    // After a reviewer's comment the quote must resume with a real hunk line.
    if (gapAt(v, i, start, lines) && (snipInGap[i] || !resumesHunk(v, i, bareIsContext))) return null;
    const t = text[i]!;
    let ok: boolean;
    switch (kind[i]) {
      case Kind.Context:
      case Kind.Added:
      case Kind.Removed:
        ok = lines.take(t[0] as Op, t.slice(1), i);
        break;
      case Kind.FilePair: // `--- x` inside counted lines is a removed `-- x`, as git reads it
      case Kind.Signature:
        ok = lines.take('-', t.slice(1), i);
        break;
      case Kind.NewFileLine: // and `+++ x` an added `++ x`
        ok = lines.take('+', t.slice(1), i);
        break;
      case Kind.Blank:
        ok = lines.takeBlank(i);
        break;
      case Kind.NoNewline:
        ok = lines.markNoNewline();
        break;
      case Kind.Bare:
        if (isJunkLine(t)) return null;
        ok = bareIsContext ? lines.takeSpaceless(t, i) : splitGlued ? lines.joinWrappedSplittingGlue(t, i) : lines.joinWrapped(t, i);
        break;
      default:
        return null; // a header, cut line or snip inside the counted lines
    }
    if (!ok || lines.old > h.oldLines || lines.new > h.newLines) return null;
    i++;
  }
  // The counted lines are all there; a marker-less line right after the last one can only be
  // its wrapped tail (here or, unquoted, between the quoted lines).
  while (i < n && !gapBefore[i] && kind[i] === Kind.Bare && tailFits(lines, text[i]!, spaceContext)) {
    lines.joinWrapped(text[i]!, i);
    i++;
  }
  const joinedAcrossGap = joinUnquotedTail(v, i, lines) && i < n && v.gapIsTail[i];
  if (i < n && (!gapBefore[i] || joinedAcrossGap) && kind[i] === Kind.NoNewline && lines.markNoNewline()) i++;
  if (!endsHere(v, i, joinedAcrossGap)) return null;
  return { lines, next: i };
}

/**
 * May `t` be the wrapped tail of the last line read? Where context lines kept their markers,
 * a long last line is enough; where they lost them, `t` might be a context line, so only a
 * change-only hunk with a visible wrap (the next word would overflow 72 columns) qualifies.
 */
function tailFits(lines: HunkLines, t: string, spaceContext: boolean): boolean {
  if (isJunkLine(t)) return false;
  if (spaceContext) return lines.mayContinueWith(t);
  return !lines.entries.some((e) => e.op === ' ') && lines.wrapsInto(t, 0);
}

/**
 * The unquoted tail of a re-wrapped quoted line, right after view line i - 1 (the last line
 * read): joins it back. True when joined.
 */
function joinUnquotedTail(v: DepthView, i: number, lines: HunkLines): boolean {
  const tail = v.tailAfter[i - 1];
  return !!tail && lines.entries.length > 0 && lines.lastIdx === i - 1 && lines.joinQuotedTail(tail, v.depth);
}

/**
 * Were other-depth lines skipped right before i? When all that was skipped is the unquoted
 * tail of the last line, it is joined back and there was no gap.
 */
function gapAt(v: DepthView, i: number, start: number, lines: HunkLines): boolean {
  if (i <= start || !v.gapBefore[i]) return false;
  if (v.snipInGap[i]) return true;
  return !(joinUnquotedTail(v, i, lines) && v.gapIsTail[i]);
}

/**
 * After a reviewer's comment, the quote goes on with a hunk line, or blank context before one,
 * or (`bareIsContext`: the hunk's context lost its spaces) a code line that leads to one.
 */
function resumesHunk(v: DepthView, i: number, bareIsContext: boolean): boolean {
  const k = v.kind[i]!;
  if (isOpKind(k)) return true;
  if (k === Kind.Blank) return leadsToDiff(v, i);
  if (k !== Kind.Bare || !bareIsContext) return false;
  const t = v.text[i]!;
  return !isJunkLine(t) && !looksLikeProse(t) && leadsToDiff(v, i);
}

/** Can a hunk whose counts are used up end right before index i? */
function endsHere(v: DepthView, i: number, tailWasGap: boolean): boolean {
  const { kind, gapBefore, nextSolid } = v;
  if (i >= kind.length) return true;
  // The counts are used up where the reviewer's comment starts: what the quote goes on with
  // after it is another fragment (quoted lines with no header of their own), not this hunk.
  if (gapBefore[i] && !tailWasGap) return true;
  const k = kind[i]!;
  if (isOpKind(k)) return false;
  if (k === Kind.Blank) {
    // An empty line followed by +/- lines is a blank context line the counts left out.
    const j = nextSolid[i]!;
    return !(j < kind.length && !gapBefore[j] && (kind[j] === Kind.Added || kind[j] === Kind.Removed));
  }
  if (k === Kind.Bare) {
    // A code line with more of the diff after it: the counts left a line out.
    const t = v.text[i]!;
    return isJunkLine(t) || looksLikeProse(t) || !leadsToDiff(v, i);
  }
  return true;
}

/** The first solid line from i on (same run) is a hunk line, a hunk header or a file header. */
function leadsToDiff(v: DepthView, i: number): boolean {
  const j = v.nextSolid[i]!;
  if (j >= v.kind.length) return false;
  const k = v.kind[j]!;
  if (isOpKind(k)) return true;
  return !v.gapBefore[j] && (k === Kind.HunkHeader || isFileStartKind(k));
}

/** Reads as far as the lines look like hunk lines; the header's counts only guide the tail. */
function readByContent(v: DepthView, start: number, h: HunkHeader, spaceContext: boolean): Attempt {
  const { text, kind, gapBefore, snipInGap, nextSolid } = v;
  const n = text.length;
  const lines = new HunkLines(v, h.oldStart === 0);
  const deficit = (): boolean => lines.old < h.oldLines && lines.new < h.newLines;
  const bareIsContext = (j: number): boolean => {
    const t = text[j]!;
    if (isJunkLine(t) || looksLikeProse(t)) return false;
    return leadsToDiff(v, j) || deficit();
  };
  let i = start;
  scan: while (i < n) {
    const k = kind[i]!;
    const t = text[i]!;
    const gap = gapAt(v, i, start, lines);
    if (gap && (snipInGap[i] || !resumesHunk(v, i, !spaceContext))) break;
    switch (k) {
      case Kind.Context:
      case Kind.Added:
      case Kind.Removed:
        if (!lines.take(t[0] as Op, t.slice(1), i)) break scan;
        break;
      case Kind.NoNewline:
        if (!lines.markNoNewline()) break scan;
        break;
      case Kind.Blank: {
        if (!blankContinues(i)) break scan;
        for (let first = true; i < n && kind[i] === Kind.Blank && (first || !gapBefore[i]); first = false) {
          if (!lines.takeBlank(i)) break scan;
          i++;
        }
        continue;
      }
      case Kind.Bare:
        if (gap) {
          if (spaceContext || !bareIsContext(i) || !lines.takeSpaceless(t, i)) break scan;
        } else if (tailFits(lines, t, spaceContext)) {
          lines.joinWrapped(t, i);
        } else if (spaceContext || !bareIsContext(i) || !lines.takeSpaceless(t, i)) break scan;
        break;
      default:
        break scan;
    }
    i++;
  }
  if (i < n && !gapBefore[i] && deficit() && (kind[i] === Kind.Signature || isJunkLine(text[i]!))) {
    lines.log('trailing-junk-dropped', i, `the hunk counts reached into ${JSON.stringify(text[i])}; dropped`);
  }
  return { lines, next: i };

  /** Empty lines at i are blank context when the hunk goes on after them. */
  function blankContinues(b: number): boolean {
    const j = nextSolid[b]!;
    if (j >= n || gapBefore[j]) return false;
    if (isOpKind(kind[j]!) || kind[j] === Kind.NoNewline) return true;
    // Right before the next hunk or file: trailing blank context the counts still want.
    if (deficit() && (kind[j] === Kind.HunkHeader || isFileStartKind(kind[j]!))) return true;
    // Followed by a space-less context line that itself continues the hunk.
    let c = b;
    while (c < j && kind[c] === Kind.Blank) c++;
    return !spaceContext && c < j && kind[c] === Kind.Bare && !gapBefore[c] && bareIsContext(c);
  }
}

/** The snip mark at i (blank lines before it allowed), or one among the lines skipped there. */
function snipAt(v: DepthView, i: number): number {
  const { kind, gapBefore, snipInGap, lineNo } = v;
  let j = i;
  while (j < kind.length && kind[j] === Kind.Blank && !(j > i && gapBefore[j])) j++;
  if (j >= kind.length) return 0;
  if (snipInGap[j]) return snipInGap[j]!;
  return kind[j] === Kind.Snip ? lineNo[j]! : 0;
}
