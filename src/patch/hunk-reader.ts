// The tolerant hunk reader. jsdiff (like git apply) trusts a hunk's @@ counts and rejects a
// hunk whose lines do not fit them; mail mangles exactly those lines. So:
//   1. When the counts are consistent (reading that many old/new lines lands on a place
//      where the hunk can end), they decide where the hunk ends, as in git.
//   2. Otherwise the hunk is read by content and recounted.
// Either way, a context line that lost its leading space, a blank context line that became
// an empty line (or a bare `>`), and a line a mail client wrapped are put back, and every such
// fix is logged as a Repair against its body line.
import type { Hunk, HunkLine, Repair } from './types.js';
import { type DepthView, Kind, isOpKind } from './view.js';
import { type HunkHeader, formatHunkHeader, functionName } from './hunk-header.js';
import { isJunkLine, looksLikeProse } from './junk.js';

interface Entry {
  op: ' ' | '+' | '-';
  text: string;
  idx: number;
  noNewline?: boolean;
}

interface Attempt {
  entries: Entry[];
  repairs: Repair[];
  /** Index after the last line used. */
  next: number;
  /** Body line of the snip mark the reading stopped at, or 0. */
  snipLine?: number;
}

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

/** A line at least this long may have been broken by a mail client's line wrap. */
export const WRAP_WIDTH = 60;

/**
 * Reads the hunk whose lines start at view index `start` (the line after its @@ header, or
 * the first line after a snip for a synthesised continuation).
 * `headerIdx` is the @@ line's index, or -1 when the header is synthesised.
 */
export function readHunk(
  v: DepthView,
  headerIdx: number,
  start: number,
  header: HunkHeader,
  opts: { countsTrusted: boolean } = { countsTrusted: true },
): ReadHunk | null {
  const hard = v.nextHard[start] ?? v.text.length;
  const spaceContext = v.contextBefore[hard]! - v.contextBefore[start]! > 0;
  let attempt: Attempt | null = null;
  let recounted = false;
  if (opts.countsTrusted) {
    attempt =
      readByCounts(v, start, header, !spaceContext) ?? readByCounts(v, start, header, spaceContext);
  }
  if (!attempt) {
    attempt = readByContent(v, start, header, spaceContext);
    recounted = true;
  }
  if (attempt.entries.length === 0) return null;
  return buildHunk(v, headerIdx, header, attempt, recounted && opts.countsTrusted);
}

function take(entries: Entry[], op: Entry['op'], text: string, idx: number): void {
  entries.push({ op, text, idx });
}

/**
 * Reads exactly the lines the header counts. Fails (null) when a line cannot be part of a
 * hunk, the counts overflow, or the hunk visibly goes on after the counted lines.
 * `bareIsContext`: a line without a diff marker is a context line that lost its space;
 * otherwise it is the wrapped rest of the line before it.
 */
function readByCounts(
  v: DepthView,
  start: number,
  h: HunkHeader,
  bareIsContext: boolean,
): Attempt | null {
  const { text, kind, gapBefore, snipInGap, lineNo } = v;
  const n = text.length;
  const entries: Entry[] = [];
  const repairs: Repair[] = [];
  let o = 0;
  let nw = 0;
  let i = start;
  while (o < h.oldLines || nw < h.newLines) {
    if (i >= n) return null;
    const gap = i > start && gapBefore[i];
    // After a reviewer's comment the quote must resume with a real hunk line.
    if (gap && (snipInGap[i] || !isOpKind(kind[i]!))) return null;
    const t = text[i]!;
    switch (kind[i]) {
      case Kind.Context:
        take(entries, ' ', t.slice(1), i);
        o++;
        nw++;
        break;
      case Kind.Blank:
        take(entries, ' ', '', i);
        repairs.push(repair('blank-context-restored', lineNo[i]!, 'empty line read as a blank context line'));
        o++;
        nw++;
        break;
      case Kind.Added:
        take(entries, '+', t.slice(1), i);
        nw++;
        break;
      case Kind.Removed:
      case Kind.FilePair: // `--- x` inside counted lines is a removed `-- x`, as git reads it
      case Kind.Signature:
        take(entries, '-', t.slice(1), i);
        o++;
        break;
      case Kind.NoNewline: {
        const last = entries[entries.length - 1];
        if (!last || gap) return null;
        last.noNewline = true;
        break;
      }
      case Kind.Bare: {
        if (isJunkLine(t)) return null;
        if (bareIsContext) {
          take(entries, ' ', t, i);
          repairs.push(repair('context-space-restored', lineNo[i]!, 'context line had lost its leading space'));
          o++;
          nw++;
        } else {
          const last = entries[entries.length - 1];
          if (!last || gap || last.text === '') return null;
          joinWrapped(last, t);
          repairs.push(repair('wrapped-line-joined', lineNo[i]!, 'line joined to the one before it'));
        }
        break;
      }
      default:
        return null; // a header, cut line or snip inside the counted lines
    }
    if (o > h.oldLines || nw > h.newLines) return null;
    i++;
  }
  if (i < n && !gapBefore[i] && kind[i] === Kind.NoNewline && entries.length > 0) {
    entries[entries.length - 1]!.noNewline = true;
    i++;
  }
  if (!endsHere(v, i, bareIsContext, entries)) return null;
  return { entries, repairs, next: i };
}

/** Can a hunk end right before index i? */
function endsHere(v: DepthView, i: number, bareIsContext: boolean, entries: Entry[]): boolean {
  const { kind, gapBefore, nextSolid } = v;
  if (i >= kind.length || gapBefore[i]) return true;
  const k = kind[i]!;
  if (k === Kind.Added || k === Kind.Removed || k === Kind.Context) return false;
  if (k === Kind.Blank) {
    // An empty line followed by +/- lines is a blank context line the counts left out.
    const j = nextSolid[i]!;
    const kj = kind[j];
    return !(j < kind.length && !gapBefore[j] && (kj === Kind.Added || kj === Kind.Removed));
  }
  if (k === Kind.Bare && !bareIsContext) {
    // A wrapped continuation of the last line would belong to the hunk.
    const last = entries[entries.length - 1];
    return !(last && last.text !== '' && isWrapCandidate(last, v.text[i]!));
  }
  return true;
}

/** Reads as far as the lines look like hunk lines; the counts only guide the tail. */
function readByContent(v: DepthView, start: number, h: HunkHeader, spaceContext: boolean): Attempt {
  const { text, kind, gapBefore, snipInGap, lineNo, nextSolid } = v;
  const n = text.length;
  const entries: Entry[] = [];
  const repairs: Repair[] = [];
  let o = 0;
  let nw = 0;
  let i = start;
  const deficit = (): boolean => o < h.oldLines && nw < h.newLines;
  const bareIsContext = (j: number): boolean => {
    const t = text[j]!;
    if (isJunkLine(t) || looksLikeProse(t)) return false;
    const s = nextSolid[j]!;
    return (s < n && isOpKind(kind[s]!)) || deficit();
  };
  while (i < n) {
    const k = kind[i]!;
    const t = text[i]!;
    if (i > start && gapBefore[i] && (snipInGap[i] || !isOpKind(k))) break;
    if (k === Kind.Context || k === Kind.Added || k === Kind.Removed) {
      const op = t[0] as Entry['op'];
      take(entries, op, t.slice(1), i);
      if (op !== '+') o++;
      if (op !== '-') nw++;
    } else if (k === Kind.NoNewline) {
      const last = entries[entries.length - 1];
      if (!last) break;
      last.noNewline = true;
    } else if (k === Kind.Blank) {
      const j = nextSolid[i]!;
      let continues = j < n && !gapBefore[j] && (isOpKind(kind[j]!) || kind[j] === Kind.NoNewline);
      if (!continues && !spaceContext && j > i) {
        // Blank lines followed by a space-less context line that itself continues the hunk.
        let b = i;
        while (b < j && kind[b] === Kind.Blank) b++;
        continues = b < j && kind[b] === Kind.Bare && bareIsContext(b) && !gapBefore[b];
      }
      if (!continues) break;
      while (i < n && kind[i] === Kind.Blank && (i === start || !gapBefore[i])) {
        take(entries, ' ', '', i);
        repairs.push(repair('blank-context-restored', lineNo[i]!, 'empty line read as a blank context line'));
        o++;
        nw++;
        i++;
      }
      continue;
    } else if (k === Kind.Bare) {
      const last = entries[entries.length - 1];
      if (spaceContext) {
        if (!last || gapBefore[i] || last.text === '' || !isWrapCandidate(last, t) || isJunkLine(t))
          break;
        joinWrapped(last, t);
        repairs.push(repair('wrapped-line-joined', lineNo[i]!, 'line joined to the one before it'));
      } else {
        if (!bareIsContext(i)) break;
        take(entries, ' ', t, i);
        repairs.push(repair('context-space-restored', lineNo[i]!, 'context line had lost its leading space'));
        o++;
        nw++;
      }
    } else break;
    i++;
  }
  if (i < n && !gapBefore[i] && deficit() && (kind[i] === Kind.Signature || isJunkLine(text[i]!))) {
    repairs.push(
      repair('trailing-junk-dropped', lineNo[i]!, `the hunk counts reached into ${JSON.stringify(text[i])}; dropped`),
    );
  }
  return { entries, repairs, next: i, snipLine: snipAt(v, i) };
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

function isWrapCandidate(last: Entry, continuation: string): boolean {
  return last.text.length + 1 >= WRAP_WIDTH && continuation.trim() !== '';
}

/** A wrap ate the space at the break, or left it at the end of the first half. */
function joinWrapped(last: Entry, rest: string): void {
  last.text = /\s$/.test(last.text) ? last.text + rest : `${last.text} ${rest}`;
}

function repair(kind: Repair['kind'], line: number, detail: string): Repair {
  return { kind, line, detail };
}

function buildHunk(
  v: DepthView,
  headerIdx: number,
  h: HunkHeader,
  a: Attempt,
  recounted: boolean,
): ReadHunk {
  const lines: HunkLine[] = a.entries.map((e) => {
    const l: HunkLine = { op: e.op, text: e.text, lineNo: v.lineNo[e.idx]! };
    if (e.noNewline) l.noNewline = true;
    return l;
  });
  let oldLines = 0;
  let newLines = 0;
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op !== '+') oldLines++;
    if (l.op !== '-') newLines++;
    if (l.op === '+') added++;
    if (l.op === '-') removed++;
  }
  const repairs = [...a.repairs];
  const headerLine = headerIdx >= 0 ? v.lineNo[headerIdx]! : v.lineNo[a.entries[0]!.idx]!;
  // A zero-length side is addressed by the line before it (`-0,0` for a new file).
  const oldStart = oldLines > 0 && h.oldStart === 0 ? 1 : h.oldStart;
  const newStart = newLines > 0 && h.newStart === 0 ? 1 : h.newStart;
  const header = formatHunkHeader(oldStart, oldLines, newStart, newLines, h.context);
  const snipLine = a.snipLine ?? 0;
  // A hunk cut at a snip is recounted too; the snip says why (logged by the diff reader).
  if (headerIdx >= 0 && (oldLines !== h.oldLines || newLines !== h.newLines) && recounted && !snipLine) {
    repairs.push(
      repair(
        'hunk-count-fixed',
        headerLine,
        `counts -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} recounted as -${oldStart},${oldLines} +${newStart},${newLines}`,
      ),
    );
  }
  if (headerIdx >= 0 && h.nonstandard) {
    repairs.push(repair('hunk-header-normalised', headerLine, `nonstandard hunk header rewritten as ${header}`));
  }
  const last = a.entries[a.entries.length - 1]!.idx;
  const hunk: Hunk = {
    header,
    oldStart,
    oldLines,
    newStart,
    newLines,
    function: functionName(h.context),
    context: h.context,
    added,
    removed,
    lines,
  };
  return { hunk, repairs, next: a.next, last: Math.max(last, a.next - 1), snipLine };
}
