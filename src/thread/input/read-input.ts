// Opens one input (a path, a maildir folder, or `-` for stdin), works out what it is and hands
// out its messages one by one as raw bytes. mboxes are streamed through our splitter;
// gzip is detected by its magic bytes (not the name) and decompressed up to a cap.
import { createReadStream } from 'node:fs';
import { readdir, stat, readFile, realpath } from 'node:fs/promises';
import { join, basename, relative, isAbsolute, resolve, sep } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MboxSplitter, MAX_MESSAGE_BYTES, type MboxEntry } from './mbox-split.js';
import { sniff, SNIFF_BYTES, type Layout } from './sniff.js';
import { UnreadableInput, describeFsError } from './input-error.js';
import type { InputFormat } from '../types.js';

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
  /**
   * Why this message could not be read (a maildir file that is unreadable or a symlink out of
   * the maildir, a stream that broke off); `raw` is then empty and readMail reports it.
   */
  problem?: string;
}

export interface ReadOptions {
  /** Force mboxrd (`>From ` unescaping). Default: lore's `From mboxrd@z` line or a `.mboxrd` name. */
  mboxrd?: boolean;
  /**
   * Largest decompressed size of a gzip input (a guard against gzip bombs). Default:
   * $LKML_REPLAY_MAX_GUNZIP_BYTES, else DEFAULT_MAX_GUNZIP_BYTES.
   */
  maxGunzipBytes?: number;
  /** Where `-` reads from (tests pass their own stream). */
  stdin?: NodeJS.ReadableStream;
  /**
   * The folder relative input paths are read from (default: the working directory). Reports
   * name the inputs as they were given.
   */
  dir?: string;
}

/** Where an input path is read from (see ReadOptions.dir); `-` stays `-`. */
export function inputLocation(path: string, opts: ReadOptions): string {
  return path === '-' || opts.dir === undefined ? path : resolve(opts.dir, path);
}

const DEFAULT_MAX_GUNZIP_BYTES = 4 * 1024 ** 3;

/** The gzip cap: the option, else the environment variable (how tests and users lower it), else 4 GiB. */
function gunzipCap(opts: ReadOptions): number {
  if (opts.maxGunzipBytes !== undefined) return opts.maxGunzipBytes;
  const env = process.env.LKML_REPLAY_MAX_GUNZIP_BYTES;
  const n = env === undefined || env.trim() === '' ? NaN : Number(env);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_GUNZIP_BYTES;
}

/** The name `-` gets in reports. */
const STDIN_NAME = '<stdin>';

export async function* readInput(path: string, opts: ReadOptions = {}): AsyncGenerator<RawMail> {
  for await (const batch of readInputBatches(path, opts)) yield* batch;
}

/**
 * Bytes per read of a file: fewer round trips to the file system than the stream's 64 KiB
 * default (which left the splitter idle a fifth of a split), without the memory of bigger
 * reads (a lean `thread` parse of the 58 MB corpus peaks at ~123 MB with 64 KiB reads, ~128 MB
 * with 128 KiB, ~138 MB with 512 KiB; the split alone at 57 MB with 256 KiB, 115 MB with 4 MiB).
 */
const READ_CHUNK_BYTES = 128 * 1024;

/**
 * readInput's messages in the batches they come in (an mbox: the messages each read completes),
 * for callers that take many at once: one await per batch instead of one per message.
 */
export async function* readInputBatches(path: string, opts: ReadOptions = {}): AsyncGenerator<RawMail[]> {
  const file = path === '-' ? STDIN_NAME : path;
  const at = inputLocation(path, opts);
  if (path !== '-') {
    const st = await stat(at).catch((err: unknown) => {
      throw new UnreadableInput(file, describeFsError(err));
    });
    if (st.isDirectory()) {
      for await (const m of readMaildir(at, path)) yield [m];
      return;
    }
    if (!st.isFile()) throw new UnreadableInput(file, 'not a regular file');
  }
  const source = path === '-' ? (opts.stdin ?? process.stdin) : createReadStream(at, { highWaterMark: READ_CHUNK_BYTES });
  let chunks = guard(file, source as AsyncIterable<Buffer>);
  let { head, rest } = await peek(chunks);
  let name = path;
  let s = sniff(head, name);
  if ('layout' in s && s.layout === 'gzip') {
    chunks = gunzip(file, rest, gunzipCap(opts));
    ({ head, rest } = await peek(chunks));
    name = path.replace(/\.gz$/i, '');
    s = sniff(head, name);
  }
  if ('problem' in s) throw new UnreadableInput(file, s.problem);
  if (s.layout === 'gzip') throw new UnreadableInput(file, 'gzip inside gzip');
  const { layout, format } = s;
  // Once the input is known to be mail, a later failure (a gzip cap, a read error) costs only
  // the message being read: the ones before it are kept and the break is reported at its index.
  let next = 0;
  try {
    if (layout === 'mbox') {
      const mboxrd = opts.mboxrd ?? (/\.mboxrd$/i.test(name) ? true : undefined);
      const splitter = new MboxSplitter(mboxrd === undefined ? {} : { mboxrd });
      const mails = (entries: MboxEntry[]): RawMail[] => {
        if (entries.length) next = entries[entries.length - 1]!.index + 1;
        return entries.map((e) =>
          e.tooBig === undefined
            ? { file, index: e.index, format, layout, orphan: e.envelope === null, line: e.line, raw: e.raw }
            : { file, index: e.index, format, layout, orphan: e.envelope === null, line: e.line, raw: EMPTY, problem: tooBigProblem(e.tooBig) },
        );
      };
      for await (const chunk of rest) {
        const batch = mails(splitter.push(chunk));
        if (batch.length) yield batch;
      }
      const last = mails(splitter.end());
      if (last.length) yield last;
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    for await (const c of rest) {
      size += c.length;
      if (size <= MAX_MESSAGE_BYTES) parts.push(c);
    }
    const base = { file, index: 0, format, layout, orphan: false, line: 1 };
    yield [size > MAX_MESSAGE_BYTES ? { ...base, raw: EMPTY, problem: tooBigProblem(size) } : { ...base, raw: Buffer.concat(parts) }];
  } catch (err) {
    if (!(err instanceof UnreadableInput)) throw err;
    yield [{ file, index: next, format, layout, raw: EMPTY, orphan: false, line: 1, problem: err.problem }];
  }
}

const EMPTY = Buffer.alloc(0);

function tooBigProblem(size: number): string {
  return `message of ${mib(size)} is larger than the ${mib(MAX_MESSAGE_BYTES)} limit; skipped`;
}

/** A size for an error line: MiB when it is at least one, bytes otherwise. */
function mib(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${Math.floor(bytes / 1024 ** 2)} MiB` : `${bytes} bytes`;
}

/** A maildir: a folder with `cur/` and/or `new/`; each file in them is one message. `name`: the input as given. */
async function* readMaildir(dir: string, name: string): AsyncGenerator<RawMail> {
  const entries: string[] = [];
  let isMaildir = false;
  for (const sub of ['cur', 'new']) {
    const names = await readdir(join(dir, sub)).catch(() => null);
    if (names === null) continue;
    isMaildir = true;
    for (const n of names) if (!n.startsWith('.')) entries.push(join(dir, sub, n));
  }
  if (!isMaildir) throw new UnreadableInput(name, 'is a directory but not a maildir (no cur/ or new/ folder)');
  // Maildir names start with the delivery time, so name order is close to arrival order.
  entries.sort((a, b) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : 0));
  // A maildir comes from someone else (an Action checks out a stranger's pull request): a
  // symlink may point at any file of the machine, so only files inside the maildir are read.
  const root = await realpath(dir).catch(() => dir);
  let index = 0;
  for (const p of entries) {
    const base = { file: name, index: index++, format: 'maildir' as const, layout: 'mail' as const, orphan: false, line: 1 };
    const entryName = relative(dir, p);
    const entry = await maildirEntry(p, root);
    if ('problem' in entry) {
      yield { ...base, raw: EMPTY, problem: `${entryName}: ${entry.problem}` };
      continue;
    }
    try {
      // The resolved path: what was checked is what is read.
      yield { ...base, raw: await readFile(entry.real) };
    } catch (err) {
      yield { ...base, raw: EMPTY, problem: `${entryName}: ${describeFsError(err)}` };
    }
  }
}

/**
 * A maildir entry's real path, or why it is not read: a symlink loop or one out of the maildir,
 * no regular file (a FIFO would block the read for ever), or too big.
 */
async function maildirEntry(p: string, root: string): Promise<{ real: string } | { problem: string }> {
  let real: string;
  try {
    real = await realpath(p);
  } catch (err) {
    return { problem: (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink loop' : describeFsError(err) };
  }
  const rel = relative(root, real);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return { problem: 'a symlink to a file outside the maildir; not followed' };
  const st = await stat(real).catch(() => null);
  if (!st?.isFile()) return { problem: 'not a regular file' };
  if (st.size > MAX_MESSAGE_BYTES) return { problem: tooBigProblem(st.size) };
  return { real };
}

/**
 * Reads until SNIFF_BYTES (or the end) are seen, and gives back a stream that starts over. A read
 * error after some bytes (a truncated .gz) comes after those bytes, so what came before it can
 * still be read as messages; with no bytes at all it is thrown here.
 */
async function peek(source: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let n = 0;
  let done = false;
  let failed: unknown = null;
  while (n < SNIFF_BYTES) {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (err) {
      if (n === 0) throw err;
      failed = err;
      done = true;
      break;
    }
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
    if (failed !== null) throw failed;
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
        throw new UnreadableInput(file, `decompresses to more than ${mib(cap)} (the gzip cap; LKML_REPLAY_MAX_GUNZIP_BYTES raises it); stopped there`);
      }
      yield c;
    }
  } catch (err) {
    if (err instanceof UnreadableInput) throw err;
    if ((err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR') throw new UnreadableInput(file, 'the gzip data ends early (the file is cut short); read up to there');
    throw new UnreadableInput(file, `bad gzip data (${err instanceof Error ? err.message : String(err)})`);
  }
}
