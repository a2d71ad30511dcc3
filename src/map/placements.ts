// The per-hunk state the mapper carries between its passes, and how a HunkPlacement is built.
import type { FileDiff, Hunk } from '../patch/types.js';
import type { HunkSides } from './hunk-sides.js';
import { headerFunction } from './locate.js';
import type { Range } from './splice.js';
import type { HunkPlacement, MapNote, MissingName, UnplacedReason, WhyUnplaced } from './types.js';

export interface HunkState {
  key: string;
  fi: number;
  hi: number;
  fd: FileDiff;
  hunk: Hunk;
  sides: HunkSides;
  path: string;
}

export interface Pass {
  placements: HunkPlacement[];
  texts: Map<string, string>;
  /** Per placed code hunk: model path and the offsets of its change in the final text. */
  ranges: Map<string, { path: string; range: Range }>;
}

function bodyLines(h: Hunk): { start: number; end: number } {
  if (!h.lines.length) return { start: 0, end: 0 };
  return { start: Math.min(...h.lines.map((l) => l.lineNo)), end: Math.max(...h.lines.map((l) => l.lineNo)) };
}

export function placement(h: HunkState, p: Partial<HunkPlacement> & Pick<HunkPlacement, 'kind'>): HunkPlacement {
  const mapped = p.kind !== 'unplaced';
  return {
    fileIndex: h.fi,
    hunkIndex: h.hi,
    file: h.path,
    function: p.function ?? null,
    kind: p.kind,
    mapped,
    placement: p.placement ?? null,
    modelLines: p.modelLines ?? null,
    match: p.match ?? null,
    alreadyApplied: p.alreadyApplied ?? false,
    missing: p.missing ?? [],
    unplaced: p.unplaced ?? null,
    reason: p.reason ?? null,
    bodyLines: bodyLines(h.hunk),
    notes: [...cutShort(h.hunk), ...(p.notes ?? [])],
  };
}

/** A hunk the mail cuts short is said first: what follows may stem from the lines it lacks. */
function cutShort(h: Hunk): MapNote[] {
  return h.sent ? [{ kind: 'cut-short', sent: h.sent, quoted: { oldLines: h.oldLines, newLines: h.newLines } }] : [];
}

export function unplaced(h: HunkState, reason: UnplacedReason, why: WhyUnplaced, fn: string | null, notes: MapNote[] = [], missing: MissingName[] = []): HunkPlacement {
  return placement(h, { kind: 'unplaced', unplaced: reason, reason: why, function: fn ?? headerFunction(h.hunk), notes, missing });
}

