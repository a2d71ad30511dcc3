// Apply the planned edits of a file's hunks to its text, bottom-up in effect (offsets refer to
// the text before this set of edits), and keep track of where each hunk's change ended up so
// parse errors and unresolved calls can be traced back to the hunk that caused them.
import type { Edit } from './plan.js';

export interface KeyedEdits {
  key: string;
  edits: Edit[];
}

export interface Range {
  start: number;
  end: number;
}

export interface SpliceResult {
  text: string;
  /** Per hunk key: offsets in the new text covering its change. */
  ranges: Map<string, Range>;
  /** Hunks whose edits overlap an earlier hunk's: [hunk, the hunk it collides with]. */
  overlaps: [string, string][];
}

export function applyEdits(text: string, hunks: KeyedEdits[]): SpliceResult {
  const flat = hunks.flatMap((h, order) => h.edits.map((e) => ({ ...e, key: h.key, order })));
  flat.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start) || a.order - b.order);
  const overlaps: [string, string][] = [];
  const bad = new Set<string>();
  let lastEnd = -1;
  let lastKey = '';
  for (const e of flat) {
    if (e.start < lastEnd && e.key !== lastKey) {
      overlaps.push([e.key, lastKey]);
      bad.add(e.key);
    }
    if (e.end >= lastEnd) {
      lastEnd = e.end;
      lastKey = e.key;
    }
  }
  if (bad.size) return { text, ranges: new Map(), overlaps };
  let out = '';
  let cursor = 0;
  const ranges = new Map<string, Range>();
  for (const e of flat) {
    out += text.slice(cursor, e.start);
    const s = out.length;
    out += e.text;
    const r = ranges.get(e.key);
    ranges.set(e.key, r ? { start: Math.min(r.start, s), end: Math.max(r.end, out.length) } : { start: s, end: out.length });
    cursor = Math.max(cursor, e.end);
  }
  out += text.slice(cursor);
  return { text: out, ranges, overlaps };
}

/** Where an offset of the text before `edits` is after them (inside a replaced span: its start). */
export function shiftOffset(pos: number, edits: Edit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= pos && !(e.start === e.end && e.start === pos)) delta += e.text.length - (e.end - e.start);
    else if (e.start < pos && pos < e.end) return e.start + delta;
  }
  return pos + delta;
}

/** 1-based line of an offset. */
export function lineAt(text: string, off: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < off; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
