// How a worker's records travel back to the main thread (record-worker.ts -> record-pool.ts).
// A structured clone copies each hunk line as an object of its own, and most of a record's
// objects are hunk lines; deserialising them was the biggest share of the main thread's time.
// So the lines of every hunk of a batch go as columns (the ops as one string, the texts as one
// string, the line numbers in a transferred Int32Array) and are made into objects again on
// the main thread, with the same fields in the same order.
import type { Hunk, HunkLine } from '../patch/types.js';
import type { MailRecord } from './message/mail-record.js';
import type { BatchItem } from './record-worker.js';

export interface PackedLines {
  /** Lines taken out of each hunk, in walk order (records, diffs, files, hunks); 0: left in. */
  counts: Int32Array;
  /** One character per line: ' ', '+' or '-'. */
  ops: string;
  /** The lines' texts, joined with '\n' (a hunk with a '\n' in a line is left in). */
  texts: string;
  lineNos: Int32Array;
  /** Indexes (into the packed lines) of the lines followed by `\ No newline at end of file`. */
  noNewline: number[];
}

/** The records of a batch's items (null for a broken message), in the order packLines walks. */
export function batchRecords(items: BatchItem[]): (MailRecord | null)[] {
  return items.map((i) => ('record' in i ? i.record : null));
}

/** Empty arrays put in place of the packed lines (each gets its lines back in unpackLines). */
const PACKED: HunkLine[] = [];

function* hunksOf(records: Iterable<MailRecord | null>): Generator<Hunk> {
  for (const r of records) if (r) for (const d of r.found) for (const f of d.files) yield* f.hunks;
}

/** Takes the hunk lines out of `records` (changing them) into columns. */
export function packLines(records: (MailRecord | null)[]): PackedLines {
  const counts: number[] = [];
  let ops = '';
  const texts: string[] = [];
  const lineNos: number[] = [];
  const noNewline: number[] = [];
  for (const h of hunksOf(records)) {
    const lines = h.lines;
    if (!packable(lines)) {
      counts.push(0);
      continue;
    }
    counts.push(lines.length);
    for (const l of lines) {
      if (l.noNewline) noNewline.push(texts.length);
      ops += l.op;
      texts.push(l.text);
      lineNos.push(l.lineNo);
    }
    h.lines = PACKED;
  }
  return { counts: Int32Array.from(counts), ops, texts: texts.join('\n'), lineNos: Int32Array.from(lineNos), noNewline };
}

/** The lines packLines can rebuild exactly: the usual fields, whole line numbers, no '\n'. */
function packable(lines: HunkLine[]): boolean {
  if (lines.length === 0) return false;
  for (const l of lines) {
    if ((l.lineNo | 0) !== l.lineNo || (l.noNewline !== undefined && l.noNewline !== true) || l.text.includes('\n')) return false;
  }
  return true;
}

/** Puts the lines back into the (cloned) records, in the order packLines took them. */
export function unpackLines(records: (MailRecord | null)[], p: PackedLines): void {
  const texts = p.texts.split('\n');
  let k = 0;
  let c = 0;
  let nn = 0;
  let nextNoNewline = p.noNewline.length ? p.noNewline[0]! : -1;
  for (const h of hunksOf(records)) {
    const n = p.counts[c++]!;
    if (n === 0) continue;
    const lines = new Array<HunkLine>(n);
    for (let i = 0; i < n; i++, k++) {
      const l: HunkLine = { op: p.ops[k] as HunkLine['op'], text: texts[k]!, lineNo: p.lineNos[k]! };
      if (k === nextNoNewline) {
        l.noNewline = true;
        nextNoNewline = ++nn < p.noNewline.length ? p.noNewline[nn]! : -1;
      }
      lines[i] = l;
    }
    h.lines = lines;
  }
}
