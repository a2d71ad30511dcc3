// Reads one diff (one or more files, each a header block and its hunks) from a depth view.
// Between hunks and files it steps over blank lines and snip marks; a snip inside a hunk
// splits the hunk there, the part after the snip getting a synthesised header.
import type { FileDiff, Hunk, Repair } from './types.js';
import { type DepthView, Kind, isFileStartKind, isOpKind } from './view.js';
import { readFileHeader, type FileHeader } from './file-header.js';
import type { HunkHeader } from './hunk-header.js';
import { readHunk } from './hunk-reader.js';
import { WRAP_WIDTH, overflowsInto } from './hunk-lines.js';
import { restoreTabs } from './tabs.js';
import type { RenderableFile } from './render.js';

export interface ReadDiff {
  files: RenderableFile[];
  repairs: Repair[];
  /** View indices of the first and last line of the diff, and the index after it. */
  first: number;
  last: number;
  next: number;
}

/** Steps over blank lines and snip marks when a hunk or file header follows them. */
function skipSeparators(v: DepthView, i: number): number {
  const { kind } = v;
  let j = i;
  while (j < kind.length && (kind[j] === Kind.Blank || kind[j] === Kind.Snip)) j++;
  if (j < kind.length && (kind[j] === Kind.HunkHeader || isFileStartKind(kind[j]!))) return j;
  return i;
}

/** A snip right after a hunk with more hunk lines after it: where those lines start. */
function continuationAfterSnip(v: DepthView, i: number): { at: number; snipLine: number } | null {
  const { kind, lineNo, snipInGap, gapBefore } = v;
  const n = kind.length;
  let j = i;
  let snipLine = 0;
  while (j < n && kind[j] === Kind.Blank && !(j > i && gapBefore[j])) j++;
  if (j < n && snipInGap[j]) snipLine = snipInGap[j]!;
  else if (j < n && kind[j] === Kind.Snip) {
    snipLine = lineNo[j]!;
    j++;
    while (j < n && kind[j] === Kind.Blank) j++;
  } else return null;
  if (j < n && snipInGap[j]) snipLine ||= snipInGap[j]!;
  return j < n && isOpKind(kind[j]!) ? { at: j, snipLine } : null;
}

export function readDiff(v: DepthView, start: number): ReadDiff | null {
  const files: RenderableFile[] = [];
  const repairs: Repair[] = [];
  let i = start;
  let last = start;
  for (;;) {
    let fh: FileHeader | null = null;
    let headerless = false;
    if (isFileStartKind(v.kind[i]!)) {
      fh = readFileHeader(v, i);
    } else if (v.kind[i] === Kind.HunkHeader && files.length === 0) {
      headerless = true;
      fh = {
        old: null,
        new: null,
        extended: [],
        binary: false,
        binaryData: [],
        git: false,
        hasFilePair: false,
        oldLineCut: false,
        start: i,
        next: i,
        wrappedAt: -1,
      };
    }
    if (!fh) break;
    const fileRepairs: Repair[] = [];
    const hunks = readHunks(v, fh.next, fileRepairs);
    const changes = hunks.hunks.some((h) => h.added + h.removed > 0);
    // Without a whole file header, only a change makes a diff (a quoted `@@` with context lines is talk about code).
    if ((headerless || fh.oldLineCut) && !changes) break;
    // No hunk, and nothing else a file can change (mode, name, binary data), or quoted: a quote
    // that kept only headers (`diff --git`, `index`, `new file mode`, even `@@` lines with
    // nothing under them). No diff.
    if (hunks.hunks.length === 0 && (v.depth > 0 || (!fh.binary && fh.extended.every((e) => e.startsWith('index '))))) break;
    const file: FileDiff = {
      old: fh.old,
      new: fh.new,
      hunks: hunks.hunks,
      extended: fh.extended,
      binary: fh.binary,
    };
    // Header repairs first: they come before the hunk repairs of the same line.
    if (headerless) {
      file.headerless = true;
      fileRepairs.unshift({
        kind: 'header-synthesised',
        line: v.lineNo[i]!,
        detail: 'hunks without a ---/+++ file header: the file is unknown',
      });
    }
    if (fh.oldLineCut) {
      fileRepairs.push({
        kind: 'header-synthesised',
        line: v.lineNo[fh.next - 1]!,
        detail: `the --- line of the file pair was cut: its old side taken as ${fh.old ?? '/dev/null'}`,
      });
    }
    if (fh.wrappedAt >= 0) {
      fileRepairs.push({
        kind: 'wrapped-line-joined',
        line: v.lineNo[fh.wrappedAt]!,
        detail: 'the b/ path of a wrapped diff --git line joined back to it',
      });
    }
    if (!headerless && !fh.hasFilePair && file.hunks.length > 0) {
      fileRepairs.unshift({
        kind: 'header-synthesised',
        line: v.lineNo[fh.next - 1]!,
        detail: 'hunks after the extended headers without a ---/+++ pair: the pair was added',
      });
    }
    restoreTabs(file, fileRepairs);
    files.push({ file, git: fh.git, hasFilePair: fh.hasFilePair, binaryData: fh.binaryData });
    repairs.push(...fileRepairs);
    last = Math.max(fh.next - 1, hunks.last);
    i = hunks.next;
    const j = skipSeparators(v, i);
    if (j < v.kind.length && isFileStartKind(v.kind[j]!)) {
      i = j;
      continue;
    }
    break;
  }
  if (files.length === 0) return null;
  return { files, repairs, first: start, last, next: last + 1 };
}

/**
 * A mail client's wrap can break a long @@ line inside its function context: the rest lands
 * on the next line without a diff marker. When the hunk's other lines keep their markers, that
 * line is the header's tail. Returns where the hunk's lines start.
 */
function joinWrappedHeader(v: DepthView, j: number, header: HunkHeader): { start: number; repair: Repair | null } {
  const next = j + 1;
  if (next >= v.kind.length || header.context === null) return { start: next, repair: null };
  // Quoted and re-wrapped by the replier: the tail sits between the quoted lines, unquoted.
  const tail = v.gapIsTail[next] ? v.tailAfter[j] : null;
  if (tail && overflowsInto(2 * v.depth + v.text[j]!.length, tail.text, 0)) {
    header.context = `${header.context} ${tail.text.trim()}`;
    const detail = 'the unquoted tail of a re-wrapped @@ line joined back to it';
    return { start: next, repair: { kind: 'wrapped-line-joined', line: tail.lineNo, detail } };
  }
  if (v.kind[next] !== Kind.Bare || v.gapBefore[next] || v.text[j]!.length < WRAP_WIDTH) {
    return { start: next, repair: null };
  }
  // If the hunk's context lines lost their markers, the line is one of them, not a tail.
  const hard = v.nextHard[next]!;
  if (v.contextBefore[hard]! - v.contextBefore[next]! === 0) return { start: next, repair: null };
  header.context = `${header.context} ${v.text[next]!.trim()}`;
  const detail = 'the rest of a wrapped @@ line joined back to it';
  return { start: next + 1, repair: { kind: 'wrapped-line-joined', line: v.lineNo[next]!, detail } };
}

/** First old line a hunk touches, and the line after the last; a `-n,0` side sits after line n. */
function firstOldLine(h: Hunk): number {
  return h.oldLines === 0 ? h.oldStart + 1 : h.oldStart;
}
function endOfOld(h: Hunk): number {
  return h.oldLines === 0 ? h.oldStart + 1 : h.oldStart + h.oldLines;
}

/** Hunks of one file go forward, and nothing follows a `\ No newline at end of file`. */
function follows(prev: Hunk | undefined, h: Hunk): boolean {
  if (!prev) return true;
  return firstOldLine(h) >= endOfOld(prev) && !prev.lines.some((l) => l.noNewline);
}

function readHunks(v: DepthView, i: number, repairs: Repair[]): { hunks: Hunk[]; last: number; next: number } {
  const hunks: Hunk[] = [];
  let last = i - 1;
  for (;;) {
    const j = skipSeparators(v, i);
    if (!(j < v.kind.length && v.kind[j] === Kind.HunkHeader)) break;
    // A copy: joinWrappedHeader may lengthen its context.
    const header = { ...v.hunkHeaders.get(j)! };
    const wrapped = joinWrappedHeader(v, j, header);
    const r = readHunk(v, j, wrapped.start, header);
    // A hunk that reaches back belongs to something else.
    if (!r || !follows(hunks[hunks.length - 1], r.hunk)) break;
    if (wrapped.repair) repairs.push(wrapped.repair);
    hunks.push(r.hunk);
    repairs.push(...r.repairs);
    last = r.last;
    i = r.next;
    // A snip inside the hunk: the rest continues under a synthesised header.
    let prev = r.hunk;
    let oldSeen = prev.oldLines;
    let newSeen = prev.newLines;
    let c = continuationAfterSnip(v, i);
    if (r.snipLine && !c && (oldSeen !== header.oldLines || newSeen !== header.newLines)) {
      repairs.push({ kind: 'snip-marker', line: r.snipLine, detail: `hunk cut short at a snip: recounted as ${prev.header}` });
    }
    for (; c; c = continuationAfterSnip(v, i)) {
      const synth: HunkHeader = {
        oldStart: prev.oldStart + prev.oldLines,
        oldLines: Math.max(0, header.oldLines - oldSeen),
        newStart: prev.newStart + prev.newLines,
        newLines: Math.max(0, header.newLines - newSeen),
        context: header.context,
        nonstandard: false,
      };
      const part = readHunk(v, -1, c.at, synth, { countsTrusted: false });
      if (!part || !follows(prev, part.hunk)) break;
      repairs.push({
        kind: 'snip-marker',
        line: c.snipLine,
        detail: `hunk split at a snip; the part after it starts at body line ${v.lineNo[c.at]} under a synthesised header ${part.hunk.header}`,
      });
      repairs.push(...part.repairs);
      hunks.push(part.hunk);
      prev = part.hunk;
      oldSeen += prev.oldLines;
      newSeen += prev.newLines;
      last = part.last;
      i = part.next;
    }
  }
  return { hunks, last, next: Math.max(i, last + 1) };
}
