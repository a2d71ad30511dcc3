// Finds every diff in a message body. Each quote depth is searched on its own (a diff is a
// run of lines at one depth; the reviewer's comments between quoted hunks are skipped over),
// in one pass over the lines, so the cost stays linear in the body size.
import type { DiffOrigin, FileDiff, QuotedLine, Repair } from './types.js';
import { buildViews, type DepthView, Kind, isFileStartKind } from './view.js';
import { readDiff, type ReadDiff } from './diff-reader.js';
import { renderDiff } from './render.js';
import { isPatchBreakLine } from './patch-break.js';
import { depthsWithDiffStart } from './diff-gate.js';

export interface FoundDiff {
  quoteDepth: number;
  origin: DiffOrigin;
  /** Body line numbers (1-based) of the diff's first and last line. */
  firstLine: number;
  lastLine: number;
  repairs: Repair[];
  files: FileDiff[];
  /** The repaired diff as unified-diff text that jsdiff parses and applies. */
  text: string;
}

export interface FindOptions {
  /** The message is a patch submission: depth-0 diffs after git's patch break are its patch. */
  patchMail?: boolean;
}

export function findDiffs(lines: readonly QuotedLine[], opts: FindOptions = {}): FoundDiff[] {
  // Most bodies (replies without code) have no line a diff could start at: one cheap scan.
  const depths = depthsWithDiffStart(lines);
  if (depths === null) return [];
  return findDiffsAt(lines, depths, opts);
}

/** The diffs of the given quote depths; a depth without a diff-start line has none. */
export function findDiffsAt(lines: readonly QuotedLine[], depths: ReadonlySet<number> | null, opts: FindOptions = {}): FoundDiff[] {
  let breakLine = Infinity;
  // The break only sorts out depth-0 diffs. Quoted lines start with `>` in the mail, so they
  // never break.
  if (opts.patchMail && (depths === null || depths.has(0))) {
    for (const l of lines) {
      if (l.depth === 0 && isPatchBreakLine(l.text)) {
        breakLine = l.lineNo;
        break;
      }
    }
  }
  const found: FoundDiff[] = [];
  for (const v of buildViews(lines, depths)) for (const d of findInView(v, breakLine)) found.push(d);
  return found.sort((a, b) => a.firstLine - b.firstLine);
}

function isStart(k: Kind): boolean {
  return k === Kind.HunkHeader || isFileStartKind(k);
}

export function findInView(v: DepthView, patchBreakLine = Infinity): FoundDiff[] {
  const out: FoundDiff[] = [];
  // A cut line opens a scissors section; the next cut line after a diff closes it.
  let scissorsOpen = false;
  let diffSinceCut = false;
  let i = 0;
  while (i < v.text.length) {
    const k = v.kind[i]!;
    if (k === Kind.Scissors) {
      scissorsOpen = !(scissorsOpen && diffSinceCut);
      diffSinceCut = false;
      i++;
      continue;
    }
    if (isStart(k)) {
      const d = readDiff(v, i);
      if (d) {
        out.push(toFound(v, d, originOf(v, d, scissorsOpen, patchBreakLine)));
        diffSinceCut = true;
        i = d.next;
        continue;
      }
    }
    i++;
  }
  return out;
}

function originOf(v: DepthView, d: ReadDiff, scissorsOpen: boolean, patchBreakLine: number): DiffOrigin {
  if (v.depth === 0 && v.lineNo[d.first]! >= patchBreakLine) return 'patch';
  if (scissorsOpen) return 'scissors';
  return v.depth > 0 ? 'quoted' : 'inline';
}

function toFound(v: DepthView, d: ReadDiff, origin: DiffOrigin): FoundDiff {
  return {
    quoteDepth: v.depth,
    origin,
    firstLine: v.lineNo[d.first]!,
    lastLine: v.lineNo[d.last]!,
    repairs: [...d.repairs].sort((a, b) => a.line - b.line),
    files: d.files.map((f) => f.file),
    text: renderDiff(d.files),
  };
}
