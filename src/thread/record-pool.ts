// Decode + extract (readMail) on worker threads for big inputs. The main thread keeps splitting
// and hands out batches; results come back in input order, so what parseThread builds from them
// is the same, byte for byte, as on one thread. The worker module is lib/thread/record-worker.js
// beside this file; where it is not there (tests running the TypeScript sources, the Action's
// single-file bundle) the pool is not available and parsing stays on one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawMail } from './input/read-input.js';
import type { BatchItem, BatchReply, BatchRequest } from './record-worker.js';
import { batchRecords, unpackLines } from './record-transport.js';

const WORKER_URL = new URL('./record-worker.js', import.meta.url);

/** Whether worker threads can be used here (the compiled worker module exists). */
export function poolAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/** About this many bytes of raw mail per batch: big enough to amortise a message round trip. */
const BATCH_BYTES = 512 * 1024;
const BATCH_MAILS = 256;
/** Batches in flight per worker: keeps workers busy without reading far ahead (memory stays flat). */
const IN_FLIGHT = 3;

/** Where the time went (ms), for ParseOptions.onStats. */
export interface PoolTimes {
  /** Main thread: waiting for the input's next mails (reading, gunzip, splitting). */
  input: number;
  /** Main thread: copying each batch's mails into the buffer handed to a worker. */
  send: number;
  /** Main thread: waiting for a worker's result that was not there yet. */
  wait: number;
  /** Main thread: putting the hunk lines back into the records (the clone itself is not timed). */
  unpack: number;
  /** Each worker: reading mails, packing and posting results; batches done. */
  workers: { read: number; post: number; batches: number }[];
}

export class RecordPool {
  private workers: Worker[] = [];
  private next = 0;
  private seq = 0;
  private waiting = new Map<number, { resolve: (items: BatchItem[]) => void; reject: (e: Error) => void; worker: number }>();
  private failed: Error | null = null;
  private closing = false;
  readonly times: PoolTimes;

  constructor(size: number, private readonly lean: boolean) {
    this.times = { input: 0, send: 0, wait: 0, unpack: 0, workers: [] };
    for (let i = 0; i < size; i++) {
      // A small young generation: garbage from decoding is collected often instead of piling up.
      const w = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      w.on('message', (m: BatchReply) => this.settle(m));
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`record worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.times.workers.push({ read: 0, post: 0, batches: 0 });
    }
  }

  /**
   * Reads every mail through the workers; yields each batch's [mail, result] pairs in input
   * order. `mails` is consumed ahead by at most IN_FLIGHT batches per worker.
   */
  async *read(mails: AsyncIterable<RawMail[]>): AsyncGenerator<[RawMail, BatchItem][]> {
    const queue: { mails: RawMail[]; result: Promise<BatchItem[]> }[] = [];
    let batch: RawMail[] = [];
    let bytes = 0;
    const limit = this.workers.length * IN_FLIGHT;
    const times = this.times;
    const flush = (): void => {
      if (!batch.length) return;
      const result = this.send(batch);
      // Awaited in order below; until then a rejection is not unhandled.
      result.catch(() => {});
      queue.push({ mails: batch, result });
      batch = [];
      bytes = 0;
    };
    async function* drain(upTo: number): AsyncGenerator<[RawMail, BatchItem][]> {
      while (queue.length > upTo) {
        const b = queue.shift()!;
        const t = performance.now();
        const items = await b.result;
        times.wait += performance.now() - t;
        yield b.mails.map((m, i) => [m, items[i]!]);
      }
    }
    const it = mails[Symbol.asyncIterator]();
    for (;;) {
      const t = performance.now();
      const r = await it.next();
      times.input += performance.now() - t;
      if (r.done) break;
      for (const m of r.value) {
        batch.push(m);
        bytes += m.raw.length;
        if (bytes >= BATCH_BYTES || batch.length >= BATCH_MAILS) flush();
      }
      yield* drain(limit - 1);
    }
    flush();
    yield* drain(0);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(batch: RawMail[]): Promise<BatchItem[]> {
    if (this.failed) return Promise.reject(this.failed);
    const t = performance.now();
    const total = batch.reduce((n, m) => n + m.raw.length, 0);
    const all = Buffer.allocUnsafeSlow(total);
    let at = 0;
    const mails: BatchRequest['mails'] = batch.map(({ raw, ...rest }) => {
      raw.copy(all, at);
      const start = at;
      at += raw.length;
      return { ...rest, start, end: at };
    });
    const seq = this.seq++;
    const req: BatchRequest = { seq, bytes: all.buffer as ArrayBuffer, mails, lean: this.lean };
    const worker = this.next++ % this.workers.length;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, worker });
      this.workers[worker]!.postMessage(req, [req.bytes]);
      this.times.send += performance.now() - t;
    });
  }

  private settle(m: BatchReply): void {
    const p = this.waiting.get(m.seq);
    if (!p) return;
    this.waiting.delete(m.seq);
    if ('fatal' in m) {
      p.reject(new Error(`record worker: ${m.fatal}`));
      return;
    }
    const t = performance.now();
    unpackLines(batchRecords(m.items), m.lines);
    this.times.unpack += performance.now() - t;
    const w = this.times.workers[p.worker]!;
    w.read += m.times.read;
    w.post += m.times.previousPost;
    w.batches++;
    p.resolve(m.items);
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
  }
}
