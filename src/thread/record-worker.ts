// Worker-thread side of the record pool (record-pool.ts): decodes and extracts a batch of raw
// mails (readMail) and posts the records back in the order they came, their hunk lines packed
// into columns (record-transport.ts).
import { parentPort } from 'node:worker_threads';
import { readMail, BrokenMessage, type MailRecord } from './message/mail-record.js';
import type { RawMail } from './input/read-input.js';
import { settleRecord } from './lean-record.js';
import { batchRecords, packLines, type PackedLines } from './record-transport.js';

export interface BatchRequest {
  seq: number;
  /** All raw messages of the batch in one buffer (transferred, not copied). */
  bytes: ArrayBuffer;
  mails: (Omit<RawMail, 'raw'> & { start: number; end: number })[];
  lean: boolean;
}

export type BatchItem = { record: MailRecord } | { broken: string };

/**
 * Where a worker's time went (ms): reading this batch's mails; packing and posting the batch
 * before it (a post's time is known only once it is done, so it travels with the next reply).
 */
export interface BatchTimes {
  read: number;
  previousPost: number;
}

export type BatchReply =
  | { seq: number; items: BatchItem[]; lines: PackedLines; times: BatchTimes }
  | { seq: number; fatal: string };

export async function readBatch(req: BatchRequest): Promise<BatchItem[]> {
  const all = Buffer.from(req.bytes);
  const items: BatchItem[] = [];
  for (const m of req.mails) {
    const { start, end, ...rest } = m;
    try {
      items.push({ record: settleRecord(await readMail({ ...rest, raw: all.subarray(start, end) }), req.lean) });
    } catch (err) {
      if (!(err instanceof BrokenMessage)) throw err;
      items.push({ broken: err.message });
    }
  }
  return items;
}

if (parentPort) {
  const port = parentPort;
  let lastPost = 0;
  const handle = async (req: BatchRequest): Promise<void> => {
    const t0 = performance.now();
    try {
      const items = await readBatch(req);
      const t1 = performance.now();
      const lines = packLines(batchRecords(items));
      const reply: BatchReply = { seq: req.seq, items, lines, times: { read: t1 - t0, previousPost: lastPost } };
      port.postMessage(reply, [lines.counts.buffer as ArrayBuffer, lines.lineNos.buffer as ArrayBuffer]);
      lastPost = performance.now() - t1;
    } catch (err) {
      port.postMessage({ seq: req.seq, fatal: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies BatchReply);
    }
  };
  // One batch at a time (readMail awaits): batches started together would all hold their
  // records until the last is done, and finish later than one after the other.
  let chain = Promise.resolve();
  port.on('message', (req: BatchRequest) => {
    chain = chain.then(() => handle(req));
  });
}
