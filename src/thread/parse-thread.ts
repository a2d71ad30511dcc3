// All inputs → ThreadParse: each input is read a message at a time (input/), each message
// decoded (mime/) and read on its own into a record (message/), and the records go to the one
// thread builder (tree/builder.ts), which threads them and makes the messages.
import { stat } from 'node:fs/promises';
import { inputLocation, readInputBatches, type ReadOptions } from './input/read-input.js';
import { readMail, BrokenMessage } from './message/mail-record.js';
import { ThreadBuilder } from './tree/builder.js';
import { MemoryStore, SpillStore } from './tree/message-store.js';
import type { InputError, ThreadParse } from './types.js';

export interface ParseOptions extends ReadOptions {
  /**
   * Where each message's parts other than its threading keys are kept until it is made
   * (tree/message-store.ts): 'memory', or 'spill' (an unlinked temporary file; messages are then
   * made again each time they are read, and memory grows with the number of messages, not their
   * size). Default: 'spill' when the inputs add up to SPILL_MIN_BYTES or their size is not known
   * (standard input, a maildir), else 'memory'. The parse is the same either way.
   */
  store?: 'memory' | 'spill';
  /** Keep each hunk's per-line array (default true; review maps the lines). `thread` prints each diff's text and needs none. */
  hunkLines?: boolean;
  /** Called as messages are read (at most every PROGRESS_EVERY messages, and at the end). */
  onProgress?: (p: ParseProgress) => void;
}

export interface ParseProgress {
  /** Bytes of mail read so far (decompressed), and the file inputs' total size when known. */
  bytes: number;
  totalBytes: number | null;
  messages: number;
  done: boolean;
}

/** From this much input on, the parse spills (see ParseOptions.store). */
export const SPILL_MIN_BYTES = 16 * 1024 * 1024;
const PROGRESS_EVERY = 200;

export async function parseThread(inputs: readonly string[], opts: ParseOptions = {}): Promise<ThreadParse> {
  const totalBytes = await inputSize(inputs.map((i) => inputLocation(i, opts)));
  const spill = opts.store ? opts.store === 'spill' : totalBytes === null || totalBytes >= SPILL_MIN_BYTES;
  const builder = new ThreadBuilder({ store: spill ? new SpillStore() : new MemoryStore(), hunkLines: opts.hunkLines ?? true });
  const errors: InputError[] = [];
  let bytes = 0;
  let messages = 0;
  const progress = (done: boolean): void => opts.onProgress?.({ bytes, totalBytes, messages, done });
  for (const input of inputs) {
    for await (const batch of readInputBatches(input, opts)) {
      for (const raw of batch) {
        bytes += raw.raw.length;
        if (++messages % PROGRESS_EVERY === 0) progress(false);
        let record;
        try {
          record = await readMail(raw);
        } catch (err) {
          if (!(err instanceof BrokenMessage)) throw err;
          errors.push({ file: raw.file, index: raw.index, message: err.message });
          continue;
        }
        const first = builder.first(record.id);
        if (first) {
          // The same mail twice (two inputs, a list mirror): keep the first, say so.
          errors.push({
            file: raw.file,
            index: raw.index,
            message: `duplicate Message-ID <${record.id}> (first in ${first.file} #${first.index}); skipped`,
            duplicate: true,
          });
          continue;
        }
        builder.add(record);
      }
    }
  }
  progress(true);
  return builder.build(errors);
}

/** Total size of the inputs that are regular files; null when one is stdin or a folder (size unknown). */
async function inputSize(inputs: readonly string[]): Promise<number | null> {
  let bytes = 0;
  for (const input of inputs) {
    if (input === '-') return null;
    const st = await stat(input).catch(() => null);
    if (st?.isDirectory()) return null;
    // A missing file: readInput reports it; count nothing for it.
    if (st?.isFile()) bytes += st.size;
  }
  return bytes;
}
