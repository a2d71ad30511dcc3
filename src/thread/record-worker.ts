// Worker-thread side of the record pool (record-pool.ts): decodes and extracts a batch of raw
// mails (readMail) and posts the records back in the order they came.
import { parentPort } from 'node:worker_threads';
import { readMail, BrokenMessage, type MailRecord } from './mail-record.js';
import type { RawMail } from './read-input.js';
import { settleRecord } from './lean-record.js';

export interface BatchRequest {
  seq: number;
  /** All raw messages of the batch in one buffer (transferred, not copied). */
  bytes: ArrayBuffer;
  mails: (Omit<RawMail, 'raw'> & { start: number; end: number })[];
  lean: boolean;
}

export type BatchItem = { record: MailRecord } | { broken: string };

export type BatchReply = { seq: number; items: BatchItem[] } | { seq: number; fatal: string };

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
  port.on('message', (req: BatchRequest) => {
    readBatch(req).then(
      (items) => port.postMessage({ seq: req.seq, items } satisfies BatchReply),
      (err: unknown) => port.postMessage({ seq: req.seq, fatal: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies BatchReply),
    );
  });
}
