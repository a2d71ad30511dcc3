// Opens one input (a path, a maildir folder, or `-` for stdin), works out what it is and hands
// out its messages one by one as raw bytes. mboxes are streamed through our splitter;
// gzip is detected by its magic bytes (not the name) and decompressed up to a cap.
import { createReadStream } from 'node:fs';
import { readdir, stat, readFile } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { splitMbox } from './mbox-split.js';
import { sniff, SNIFF_BYTES, type Layout } from './sniff.js';
import { UnreadableInput, describeFsError } from './input-error.js';
import type { InputFormat } from './types.js';

export interface RawMail {
  file: string;
  index: number;
  format: InputFormat;
  layout: Exclude<Layout, 'mbox'> | 'mbox';
  raw: Buffer;
  /** Text found in an mbox before its first From_ line: not a message, reported as an error. */
  orphan: boolean;
  /** 1-based line of the file where `raw` starts (after an mbox's From_ line; 1 otherwise). */
  line: number;
}

export interface ReadOptions {
  /** Force mboxrd (`>From ` unescaping). Default: lore's `From mboxrd@z` line or a `.mboxrd` name. */
  mboxrd?: boolean;
  /** Largest decompressed size of a gzip input (a guard against gzip bombs). */
  maxGunzipBytes?: number;
  /** Where `-` reads from (tests pass their own stream). */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_GUNZIP_BYTES = 4 * 1024 ** 3;

/** The name `-` gets in reports. */
export const STDIN_NAME = '<stdin>';

export async function* readInput(path: string, opts: ReadOptions = {}): AsyncGenerator<RawMail> {
  const file = path === '-' ? STDIN_NAME : path;
  if (path !== '-') {
    const st = await stat(path).catch((err: unknown) => {
      throw new UnreadableInput(file, describeFsError(err));
    });
    if (st.isDirectory()) {
      yield* readMaildir(path);
      return;
    }
    if (!st.isFile()) throw new UnreadableInput(file, 'not a regular file');
  }
  const source = path === '-' ? (opts.stdin ?? process.stdin) : createReadStream(path);
  let chunks = guard(file, source as AsyncIterable<Buffer>);
  let { head, rest } = await peek(chunks);
  let name = path;
  let s = sniff(head, name);
  if ('layout' in s && s.layout === 'gzip') {
    chunks = gunzip(file, rest, opts.maxGunzipBytes ?? DEFAULT_MAX_GUNZIP_BYTES);
    ({ head, rest } = await peek(chunks));
    name = path.replace(/\.gz$/i, '');
    s = sniff(head, name);
  }
  if ('problem' in s) throw new UnreadableInput(file, s.problem);
  if (s.layout === 'gzip') throw new UnreadableInput(file, 'gzip inside gzip');
  const { layout, format } = s;
  if (layout === 'mbox') {
    const mboxrd = opts.mboxrd ?? (/\.mboxrd$/i.test(name) ? true : undefined);
    for await (const e of splitMbox(rest, mboxrd === undefined ? {} : { mboxrd })) {
      yield { file, index: e.index, format, layout, raw: e.raw, orphan: e.envelope === null, line: e.line };
    }
    return;
  }
  const parts: Buffer[] = [];
  for await (const c of rest) parts.push(c);
  yield { file, index: 0, format, layout, raw: Buffer.concat(parts), orphan: false, line: 1 };
}

/** A maildir: a folder with `cur/` and/or `new/`; each file in them is one message. */
async function* readMaildir(dir: string): AsyncGenerator<RawMail> {
  const entries: string[] = [];
  let isMaildir = false;
  for (const sub of ['cur', 'new']) {
    const names = await readdir(join(dir, sub)).catch(() => null);
    if (names === null) continue;
    isMaildir = true;
    for (const n of names) if (!n.startsWith('.')) entries.push(join(dir, sub, n));
  }
  if (!isMaildir) throw new UnreadableInput(dir, 'is a directory but not a maildir (no cur/ or new/ folder)');
  // Maildir names start with the delivery time, so name order is close to arrival order.
  entries.sort((a, b) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : 0));
  let index = 0;
  for (const p of entries) {
    const raw = await readFile(p).catch((err: unknown) => {
      throw new UnreadableInput(p, describeFsError(err));
    });
    yield { file: dir, index: index++, format: 'maildir', layout: 'mail', raw, orphan: false, line: 1 };
  }
}

/** Reads until SNIFF_BYTES (or the end) are seen, and gives back a stream that starts over. */
async function peek(source: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let n = 0;
  let done = false;
  while (n < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    got.push(r.value);
    n += r.value.length;
  }
  const head = Buffer.concat(got);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    while (!done) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, rest: rest() };
}

/** Read errors of the underlying stream become UnreadableInput naming the file. */
async function* guard(file: string, source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  try {
    for await (const c of source) yield typeof c === 'string' ? Buffer.from(c) : c;
  } catch (err) {
    throw new UnreadableInput(file, describeFsError(err));
  }
}

async function* gunzip(file: string, src: AsyncIterable<Buffer>, cap: number): AsyncGenerator<Buffer> {
  const out = pipeline(Readable.from(src), createGunzip(), () => {});
  let total = 0;
  try {
    for await (const c of out as AsyncIterable<Buffer>) {
      total += c.length;
      if (total > cap) {
        out.destroy();
        throw new UnreadableInput(file, `decompresses to more than ${Math.round(cap / 1024 ** 2)} MiB; refusing to go on`);
      }
      yield c;
    }
  } catch (err) {
    if (err instanceof UnreadableInput) throw err;
    throw new UnreadableInput(file, `bad gzip data (${err instanceof Error ? err.message : String(err)})`);
  }
}
