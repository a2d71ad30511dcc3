// Stage two: all inputs → ThreadParse. Reads every input (streamed, one message at a time),
// threads the records, then fills in what needs the thread: quote-layer fallback through the
// reply tree, diff authors, and links from a diff quoted again to its first appearance.
import { diffIdentity } from '../patch/index.js';
import type { Diff } from '../patch/types.js';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { readInputBatches, type RawMail, type ReadOptions } from './input/read-input.js';
import { readMail, BrokenMessage, type MailRecord } from './message/mail-record.js';
import { threadMessages } from './tree/threading.js';
import { quoteLayers } from './tree/quote-layers.js';
import { settleRecord, type SettledRecord } from './lean-record.js';
import { LeanCollector } from './lean-thread.js';
import type { InputError, Message, Person, QuoteLayer, ThreadParse, Trailer } from './types.js';

export interface ParseOptions extends ReadOptions {
  /**
   * Worker threads that decode and extract messages while the main thread splits: a number
   * (0: none), or 'auto' (the default): the machine's cores less one, from 3 cores, when the file inputs add up to at
   * least WORKER_MIN_BYTES and the compiled worker module is there, except in a lean parse: there
   * each worker's heap and the records cloned back from it cost more memory (~140 MB on a
   * 250 MB mbox) than the whole lean parse holds, so 'auto' is one thread. The result is the same.
   */
  workers?: number | 'auto';
  /**
   * Keep only what the `thread` output prints: no per-line array in hunks (the diff's text has
   * the lines), and each message's parts other than its threading keys in an unlinked temporary
   * file (lean-thread.ts); `messages` then makes each Message again when it is read.
   * Memory grows with the number of messages (a few hundred bytes each), not their size.
   */
  lean?: boolean;
  /** In a lean parse, keep each hunk's lines all the same (in the spill file): `review` maps them. */
  hunkLines?: boolean;
  /** Called as messages are read (at most every PROGRESS_EVERY messages, and at the end). */
  onProgress?: (p: ParseProgress) => void;
  /** Called once at the end with where the time went (the benchmark prints it). */
  onStats?: (s: ParseStats) => void;
}

/** Wall-clock milliseconds per stage of one parse. */
export interface ParseStats {
  workers: number;
  /** Main thread: each stage; `input`, `send`, `wait`, `unpack` only with workers, `read` only without. */
  main: { input: number; send: number; read: number; wait: number; unpack: number; collect: number; assemble: number; total: number };
  /** Per worker thread: reading mails (decode + extraction), packing and posting the results. */
  perWorker: { read: number; post: number; batches: number }[];
}

export interface ParseProgress {
  /** Bytes of mail read so far (decompressed), and the file inputs' total size when known. */
  bytes: number;
  totalBytes: number | null;
  messages: number;
  done: boolean;
}

/** Below this much input, starting workers costs more than it saves. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;
const PROGRESS_EVERY = 200;

type Item = { record: MailRecord } | { broken: string };

export async function parseThread(inputs: readonly string[], opts: ParseOptions = {}): Promise<ThreadParse> {
  const t0 = performance.now();
  const records: MailRecord[] = [];
  const errors: InputError[] = [];
  const seen = new Map<string, MailRecord>();
  const intern = interner();
  const totalBytes = await inputSize(inputs);
  const workers = await workerCount(opts.workers ?? (opts.lean ? 0 : 'auto'), totalBytes);
  const dropLines = !!opts.lean && !opts.hunkLines;
  const pool = workers > 0 ? new (await import('./record-pool.js')).RecordPool(workers, dropLines) : null;
  const lean = opts.lean ? new LeanCollector() : null;
  const local = { input: 0, read: 0 };
  let collect = 0;
  let bytes = 0;
  let messages = 0;
  const progress = (done: boolean): void => opts.onProgress?.({ bytes, totalBytes: totalBytes?.bytes ?? null, messages, done });
  try {
    for (const input of inputs) {
      const raws = readInputBatches(input, opts);
      const batches: AsyncIterable<[RawMail, Item][]> = pool ? pool.read(raws) : inProcess(raws, dropLines, local);
      for await (const batch of batches) {
        const t = performance.now();
        for (const [raw, item] of batch) {
          bytes += raw.raw.length;
          if (++messages % PROGRESS_EVERY === 0) progress(false);
          if ('broken' in item) {
            errors.push({ file: raw.file, index: raw.index, message: item.broken });
            continue;
          }
          const first = lean ? lean.first(item.record.id) : seen.get(item.record.id)?.source;
          if (first) {
            // The same mail twice (two inputs, a list mirror): keep the first, say so.
            errors.push({
              file: raw.file,
              index: raw.index,
              message: `duplicate Message-ID <${item.record.id}> (first in ${first.file} #${first.index}); skipped`,
              duplicate: true,
            });
            continue;
          }
          if (lean) {
            lean.add(item.record);
            continue;
          }
          const rec = compact(item.record, intern);
          seen.set(rec.id, rec);
          records.push(rec);
        }
        collect += performance.now() - t;
      }
    }
  } finally {
    await pool?.close();
  }
  progress(true);
  const t1 = performance.now();
  const parse = lean ? lean.assemble(errors) : assemble(records, errors);
  if (opts.onStats) {
    const p = pool?.times;
    const main = { input: p?.input ?? local.input, send: p?.send ?? 0, read: local.read, wait: p?.wait ?? 0, unpack: p?.unpack ?? 0, collect };
    opts.onStats({ workers, main: { ...main, assemble: performance.now() - t1, total: performance.now() - t0 }, perWorker: p?.workers ?? [] });
  }
  return parse;
}

async function* inProcess(raws: AsyncIterable<RawMail[]>, dropLines: boolean, times: { input: number; read: number }): AsyncGenerator<[RawMail, Item][]> {
  const it = raws[Symbol.asyncIterator]();
  for (;;) {
    let t = performance.now();
    const r = await it.next();
    times.input += performance.now() - t;
    if (r.done) return;
    t = performance.now();
    const out: [RawMail, Item][] = [];
    for (const raw of r.value) {
      try {
        out.push([raw, { record: settleRecord(await readMail(raw), dropLines) }]);
      } catch (err) {
        if (!(err instanceof BrokenMessage)) throw err;
        out.push([raw, { broken: err.message }]);
      }
    }
    times.read += performance.now() - t;
    yield out;
  }
}

/** Total size of the inputs that are regular files; null when one is stdin (size unknown). */
async function inputSize(inputs: readonly string[]): Promise<{ bytes: number } | null> {
  let bytes = 0;
  for (const input of inputs) {
    if (input === '-') return null;
    const st = await stat(input).catch(() => null);
    // A folder (maildir) or a missing file: readInput reports it; count nothing for it.
    if (st?.isFile()) bytes += st.size;
  }
  return { bytes };
}

async function workerCount(asked: number | 'auto', size: { bytes: number } | null): Promise<number> {
  if (asked !== 'auto') return Math.max(0, Math.floor(asked));
  if (!size || size.bytes < WORKER_MIN_BYTES) return 0;
  const { poolAvailable } = await import('./record-pool.js');
  if (!poolAvailable()) return 0;
  // Workers cost 40-50% more CPU in all (three heaps to collect, the code compiled in each, the
  // results serialised): on 2 cores two workers were 17% slower than one thread (bench, 58 MB).
  // So one core is left to the main thread, and below 3 cores the parse stays on one thread.
  const cores = availableParallelism();
  return cores > 2 ? Math.min(cores - 1, 4) : 0;
}

/**
 * One copy of each repeated value: a big mbox names the same ids, people, subjects and trailers
 * over and over, and each record would otherwise hold its own copies. Objects are shared only
 * where nothing changes them after parsing (people, trailers).
 */
function interner(): Interner {
  const strings = new Map<string, string>();
  const objects = new Map<string, object>();
  const str = (s: string): string => {
    const have = strings.get(s);
    if (have !== undefined) return have;
    strings.set(s, s);
    return s;
  };
  const obj = <T extends object>(key: string, make: () => T): T => {
    const have = objects.get(key);
    if (have !== undefined) return have as T;
    const o = make();
    objects.set(key, o);
    return o;
  };
  return {
    str,
    person: (p) => obj(`p\0${p.name}\0${p.email}`, () => ({ name: str(p.name), email: str(p.email) })),
    trailer: (t) => obj(`t\0${t.key}\0${t.value}`, () => ({ key: str(t.key), value: str(t.value) })),
  };
}

interface Interner {
  str(s: string): string;
  person(p: Person): Person;
  trailer(t: Trailer): Trailer;
}

function compact(r: MailRecord, intern: Interner): MailRecord {
  r.id = intern.str(r.id);
  if (r.inReplyTo !== null) r.inReplyTo = intern.str(r.inReplyTo);
  for (let i = 0; i < r.references.length; i++) r.references[i] = intern.str(r.references[i]!);
  r.from = intern.person(r.from);
  r.subject = intern.str(r.subject);
  for (const a of r.attributions) a.person = intern.person(a.person);
  r.trailers = r.trailers.map(intern.trailer);
  if (r.scissorsAuthor) r.scissorsAuthor = intern.person(r.scissorsAuthor);
  if (r.inBody?.from) r.inBody.from = intern.person(r.inBody.from);
  r.source.file = intern.str(r.source.file);
  return r;
}

/** Threads the records and turns them into Messages (exported for tests on hand-made records). */
export function assemble(records: MailRecord[], errors: InputError[] = []): ThreadParse {
  const byDate = dateOrder(records);
  const rank = new Map(byDate.map((r, i) => [r.id, i]));
  const tree = threadMessages(
    records.map((r) => ({
      id: r.id,
      inReplyTo: r.inReplyTo,
      references: r.references,
      subject: r.subject,
      reply: r.reply,
      order: rank.get(r.id)!,
    })),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  const resolve = personResolver(records);

  const placeholderParent = new Map(tree.placeholders.map((x) => [x.id, x.parent]));
  const layersOf = new Map<string, QuoteLayer[]>();
  for (const r of records) {
    // Authors up the tree; a placeholder is a level with no known author.
    const ancestors: (Person | null)[] = [];
    for (let p = tree.parent.get(r.id) ?? null; p !== null && ancestors.length < 64; ) {
      const up = byId.get(p);
      ancestors.push(up ? up.from : null);
      p = up ? (tree.parent.get(p) ?? null) : (placeholderParent.get(p) ?? null);
    }
    layersOf.set(r.id, quoteLayers(r.textDepths, r.attributions, ancestors, resolve));
  }

  // Diffs in date order, so the first appearance of a change is the one others point at.
  const firstSeen = new Map<string, { message: string; author: Person | null }>();
  const diffsOf = new Map<string, Diff[]>();
  for (const r of byDate) {
    const layers = layersOf.get(r.id)!;
    const diffs: Diff[] = [];
    const { diffIds: ids } = r as SettledRecord;
    for (const [i, f] of r.found.entries()) {
      // Computed when the record was read (maybe on a worker); hand-made records have none.
      const id = ids?.[i] ?? diffIdentity(f.files);
      const first = firstSeen.get(id);
      let author = diffAuthor(r, f.quoteDepth, f.origin, layers);
      if (!author && first) author = first.author;
      if (!first) firstSeen.set(id, { message: r.id, author });
      diffs.push({
        id,
        author,
        quoteDepth: f.quoteDepth,
        quotedFrom: first ? first.message : null,
        origin: f.origin,
        repairs: f.repairs,
        files: f.files,
        text: f.text,
      });
    }
    diffsOf.set(r.id, diffs);
  }

  const messages: Message[] = threadOrder(records, tree.parent, placeholderParent, rank).map((r) => ({
    id: r.id,
    idSynthesised: r.idSynthesised,
    from: r.from,
    date: r.date ? r.date.toISOString() : null,
    subject: r.subject,
    tags: r.tags,
    inReplyTo: r.inReplyTo,
    references: r.references,
    parent: tree.parent.get(r.id) ?? null,
    quotes: layersOf.get(r.id)!,
    diffs: diffsOf.get(r.id)!,
    trailers: r.trailers,
    inBody: r.inBody,
    source: r.source,
    position: r.position,
  }));
  return { messages, placeholders: tree.placeholders, unlinked: tree.unlinked, errors };
}

/** The sender, or for the patch part the in-body `From:`, or the author of the quote depth. */
function diffAuthor(r: MailRecord, depth: number, origin: Diff['origin'], layers: QuoteLayer[]): Person | null {
  if (depth === 0) {
    if (origin === 'patch' || origin === 'attachment') return r.inBody?.from ?? r.from;
    if (origin === 'scissors') return r.scissorsAuthor ?? r.from;
    return r.from;
  }
  return layers.find((l) => l.depth === depth)?.author ?? null;
}

/** Stable: by date, then input order; mails without a date keep their input place at the end. */
function dateOrder(records: MailRecord[]): MailRecord[] {
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date?.getTime() ?? Infinity) - (b.r.date?.getTime() ?? Infinity) || a.i - b.i)
    .map((x) => x.r);
}

/** Depth-first through the tree, children by date; roots (and placeholder subtrees) by date. */
function threadOrder(
  records: MailRecord[],
  parent: Map<string, string | null>,
  placeholderParent: Map<string, string | null>,
  rank: Map<string, number>,
): MailRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const kids = new Map<string | null, MailRecord[]>();
  const topOf = (id: string): string | null => {
    // A message under placeholders is listed below the nearest real ancestor (or as a root).
    let p = parent.get(id) ?? null;
    while (p !== null && !byId.has(p)) p = placeholderParent.get(p) ?? null;
    return p;
  };
  for (const r of records) {
    const p = topOf(r.id);
    const list = kids.get(p) ?? [];
    list.push(r);
    kids.set(p, list);
  }
  for (const list of kids.values()) list.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  const out: MailRecord[] = [];
  const walk = (p: string | null): void => {
    for (const r of kids.get(p) ?? []) {
      out.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

/**
 * Attribution lines often give only a name (KMail) or only an address; fill in the other half
 * from the senders of the thread.
 */
function personResolver(records: MailRecord[]): (p: Person) => Person {
  const byEmail = new Map<string, Person>();
  const byName = new Map<string, Person>();
  const add = (q: Person | null | undefined): void => {
    if (!q || !q.email || !q.name || q.name === q.email) return;
    if (!byEmail.has(q.email.toLowerCase())) byEmail.set(q.email.toLowerCase(), q);
    if (!byName.has(nameKey(q.name))) byName.set(nameKey(q.name), q);
  };
  for (const r of records) {
    add(r.from);
    add(r.inBody?.from);
  }
  return (p) => {
    if (p.name && p.email && p.name !== p.email) return p;
    const match = p.email ? byEmail.get(p.email.toLowerCase()) : byName.get(nameKey(p.name));
    if (!match) return p;
    return { name: p.name && p.name !== p.email ? p.name : match.name, email: p.email || match.email };
  };
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}
