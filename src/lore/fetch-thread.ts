// A thread by Message-ID, as b4 fetches it: `<lore>/<msgid>/t.mbox.gz` (public-inbox's whole
// thread as a gzipped mboxrd), kept in the cache directory. A copy younger than CACHE_FRESH_MS
// is used as it is (b4 keeps its lookups ten minutes too); an older one is fetched again, and
// used when lore cannot be reached, with a note saying how old it is.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { messageIdPath } from './message-id.js';

export const DEFAULT_LORE_URL = 'https://lore.kernel.org/all';
const CACHE_FRESH_MS = 10 * 60 * 1000;
const TIMEOUT_MS = 120_000;

export interface FetchThreadOptions {
  /** The public-inbox base (`https://lore.kernel.org/all`). */
  lore: string;
  cacheDir: string;
  /** Tests shorten it. */
  timeoutMs?: number;
  now?: () => number;
}

export interface FetchedThread {
  /** The cached mbox (`.mbox.gz`, or `.mbox` when the server sent it uncompressed). */
  path: string;
  url: string;
  /** `stale`: lore could not be reached and an older copy is used (see `age`). */
  from: 'lore' | 'cache' | 'stale';
  /** Age of the cached copy in ms, when one was used. */
  age: number | null;
}

/** Why a thread could not be had: `offline` (no answer), `not-found` (404), `bad-answer` (anything else). */
export class LoreError extends Error {
  constructor(
    readonly kind: 'offline' | 'not-found' | 'bad-answer',
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'LoreError';
  }
}

export function threadUrl(lore: string, messageId: string): string {
  return `${lore.replace(/\/+$/, '')}/${messageIdPath(messageId)}/t.mbox.gz`;
}

export async function fetchThread(messageId: string, opts: FetchThreadOptions): Promise<FetchedThread> {
  const url = threadUrl(opts.lore, messageId);
  const now = opts.now ?? Date.now;
  const stem = join(opts.cacheDir, cacheName(opts.lore, messageId));
  const cached = await newestCopy(stem);
  if (cached && now() - cached.mtime < CACHE_FRESH_MS) return { path: cached.path, url, from: 'cache', age: now() - cached.mtime };
  try {
    const path = await download(url, stem, opts.timeoutMs ?? TIMEOUT_MS);
    return { path, url, from: 'lore', age: null };
  } catch (err) {
    if (err instanceof LoreError && err.kind === 'offline' && cached) return { path: cached.path, url, from: 'stale', age: now() - cached.mtime };
    throw err;
  }
}

/** `<id, made safe for a file name>-<hash of lore base and id>`: readable in reports, distinct per base. */
function cacheName(lore: string, id: string): string {
  const hash = createHash('sha256').update(`${lore.replace(/\/+$/, '')}\0${id}`).digest('hex').slice(0, 10);
  return `${id.replace(/[^A-Za-z0-9@._+-]/g, '_').slice(0, 100)}-${hash}`;
}

async function newestCopy(stem: string): Promise<{ path: string; mtime: number } | null> {
  let best: { path: string; mtime: number } | null = null;
  for (const path of [`${stem}.mbox.gz`, `${stem}.mbox`]) {
    const s = await stat(path).catch(() => null);
    if (s?.isFile() && (!best || s.mtimeMs > best.mtime)) best = { path, mtime: s.mtimeMs };
  }
  return best;
}

async function download(url: string, stem: string, timeoutMs: number): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { 'user-agent': 'lkml-replay', accept: 'application/gzip, application/mbox;q=0.9, */*;q=0.1' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new LoreError('offline', url, `cannot reach ${new URL(url).host} (${networkReason(err)})`);
  }
  if (res.status === 404 || res.status === 410) {
    await res.body?.cancel();
    throw new LoreError('not-found', url, `no such thread at ${url} (HTTP ${res.status})`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new LoreError('bad-answer', url, `${url} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  await mkdir(join(stem, '..'), { recursive: true });
  const part = `${stem}.part-${process.pid}`;
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(part));
  } catch (err) {
    await rm(part, { force: true });
    throw new LoreError('offline', url, `the download from ${new URL(url).host} broke off (${networkReason(err)})`);
  }
  // lore sends the gzip as it is; a server (or proxy) that sets Content-Encoding has it undone
  // by fetch, which leaves a plain mbox. Anything else (an HTML error page) is no thread.
  const head = await firstBytes(part, 5);
  const ext = head[0] === 0x1f && head[1] === 0x8b ? '.mbox.gz' : head.toString('latin1') === 'From ' ? '.mbox' : null;
  if (!ext) {
    await rm(part, { force: true });
    throw new LoreError('bad-answer', url, `${url} did not answer with an mbox (content-type ${res.headers.get('content-type') ?? 'none'})`);
  }
  const path = `${stem}${ext}`;
  await rename(part, path);
  // A copy under the other name is older: drop it, so the newest is the one kept.
  await rm(ext === '.mbox' ? `${stem}.mbox.gz` : `${stem}.mbox`, { force: true });
  return path;
}

async function firstBytes(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** `ECONNREFUSED`, `ENOTFOUND`, `timed out` ... from fetch's error and its cause. */
function networkReason(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string } } | null;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  return e?.cause?.code ?? e?.code ?? e?.cause?.message ?? (err instanceof Error ? err.message : String(err));
}
