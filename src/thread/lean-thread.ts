// The lean parse of a big input (`thread`): memory must not grow with what the messages hold.
// As each record is read, everything the output prints but threading does not need (tags,
// trailers, in-body headers, attributions, diff files and texts) is written to an unlinked
// temporary file (SpillFile); what stays in memory per message is its threading keys, sender,
// source, a few facts per diff and where its parts went, as numbers in typed arrays (no object
// per message). The tree is built from that (threadIndexed, on id numbers), and the
// messages are made again, one at a time, when the output asks for them (in tree order).
// The result is the same ThreadParse, field for field, as assemble() gives (tests compare them).
import type { Diff, DiffOrigin } from '../patch/types.js';
import { diffIdentity } from '../patch/index.js';
import type { Attribution } from './message/attribution.js';
import type { MailRecord } from './message/mail-record.js';
import type { SettledRecord } from './lean-record.js';
import { SpillFile, type SpillRef } from '../util/spill-file.js';
import { threadIndexed } from './tree/threading.js';
import { IdTable } from '../util/id-table.js';
import { float64s, int32s, uint8s } from '../util/grow-array.js';
import { quoteLayers } from './tree/quote-layers.js';
import { lazyList } from '../util/lazy-list.js';
import type { InBodyHeaders, InputError, Message, MessagePosition, MessageSource, Person, QuoteLayer, SubjectTags, ThreadParse, Trailer } from './types.js';

/** The spilled part of a message (JSON). */
interface Head {
  idSynthesised: boolean;
  subject: string;
  tags: SubjectTags | null;
  trailers: Trailer[];
  inBody: InBodyHeaders | null;
  position: MessagePosition;
  attributions: Attribution[];
  textDepths: number[];
}

/** Bits of `flags`. */
const REPLY = 1;
/** A diff sits in quoted text: its author needs the quote layers. */
const QUOTED_DIFF = 2;
const DATED = 4;

/**
 * What stays in memory: numbers in typed arrays, a few per message and per diff, no object per
 * message. Message-IDs are numbers (ids, an IdTable), so are people, files and diff
 * identities; messages are numbered in input order, diffs in the order they were read. This is
 * also threadIndexed()'s input; a message's subject is read back only when it heads a tree.
 */
export class LeanCollector {
  private readonly spill = new SpillFile();
  /** Message-IDs: the messages' own and every one they refer to. */
  private readonly ids = new IdTable();
  /** Id → the message that has it, -1 for none (yet). */
  private readonly msgOf = int32s();
  /** File names and diff identities. */
  private readonly names = new IdTable();
  private readonly people: Person[] = [];
  private readonly personNumbers = new Map<string, number>();
  private readonly formats: MessageSource['format'][] = [];
  private readonly origins: DiffOrigin[] = [];
  /** personResolver's tables, filled as messages come (first sender of a name or address wins). */
  private readonly byEmail = new Map<string, Person>();
  private readonly byName = new Map<string, Person>();

  // Per message.
  private readonly idOf = int32s();
  private readonly inReplyTo = int32s();
  /** References of message m: refs[refStart[m] .. refStart[m + 1]]. */
  private readonly refStart = int32s();
  private readonly refs = int32s();
  /** Milliseconds since 1970 (when DATED). */
  private readonly date = float64s();
  private readonly flags = uint8s();
  private readonly from = int32s();
  private readonly file = int32s();
  private readonly index = int32s();
  private readonly format = uint8s();
  private readonly headAt = float64s();
  private readonly headBytes = int32s();
  /** Diffs of message m: diffStart[m] .. diffStart[m + 1]. */
  private readonly diffStart = int32s();

  // Per diff.
  private readonly diffId = int32s();
  private readonly depth = int32s();
  private readonly origin = uint8s();
  /** Person number, -1 for none; quoted diffs get theirs in assemble. */
  private readonly author = int32s();
  /** The message a diff was first seen in, -1 for none (set in assemble). */
  private readonly quotedFrom = int32s();
  private readonly diffAt = float64s();
  private readonly diffBytes = int32s();

  constructor() {
    this.refStart.push(0);
    this.diffStart.push(0);
  }

  /** The first message with this Message-ID, if one was added. */
  first(id: string): { file: string; index: number } | undefined {
    const n = this.ids.find(id);
    const m = n < 0 ? -1 : this.msgOf.array[n]!;
    return m < 0 ? undefined : { file: this.names.text(this.file.array[m]!), index: this.index.array[m]! };
  }

  /** Keeps the threading facts of a record and spills the rest; the record can then be dropped. */
  add(r: MailRecord): void {
    const s = r as SettledRecord;
    const head: Head = {
      idSynthesised: r.idSynthesised,
      subject: r.subject,
      tags: r.tags,
      trailers: r.trailers,
      inBody: r.inBody,
      position: r.position,
      attributions: r.attributions,
      textDepths: [...r.textDepths],
    };
    const m = this.idOf.length;
    const from = this.personNumber(r.from);
    const inBodyFrom = r.inBody?.from ? this.personNumber(r.inBody.from) : -1;
    let quoted = false;
    r.found.forEach((f, i) => {
      const parts = this.spill.write(JSON.stringify({ files: f.files, repairs: f.repairs, text: f.text }));
      this.diffId.push(this.names.add(s.diffIds?.[i] ?? diffIdentity(f.files)));
      this.depth.push(f.quoteDepth);
      this.origin.push(small(this.origins, f.origin));
      this.author.push(f.quoteDepth === 0 ? ownAuthor(f.origin, from, inBodyFrom, r.scissorsAuthor ? this.personNumber(r.scissorsAuthor) : -1) : -1);
      this.quotedFrom.push(-1);
      this.diffAt.push(parts.offset);
      this.diffBytes.push(parts.bytes);
      if (f.quoteDepth > 0) quoted = true;
    });
    this.diffStart.push(this.diffId.length);
    const at = this.spill.write(JSON.stringify(head));
    const id = this.idNumber(r.id);
    this.msgOf.array[id] = m;
    this.idOf.push(id);
    this.inReplyTo.push(r.inReplyTo === null ? -1 : this.idNumber(r.inReplyTo));
    for (const x of r.references) this.refs.push(this.idNumber(x));
    this.refStart.push(this.refs.length);
    this.date.push(r.date ? r.date.getTime() : 0);
    this.flags.push((r.reply ? REPLY : 0) | (quoted ? QUOTED_DIFF : 0) | (r.date ? DATED : 0));
    this.from.push(from);
    this.file.push(this.names.add(r.source.file));
    this.index.push(r.source.index);
    this.format.push(small(this.formats, r.source.format));
    this.headAt.push(at.offset);
    this.headBytes.push(at.bytes);
    this.know(this.people[from]!);
    if (inBodyFrom >= 0) this.know(this.people[inBodyFrom]!);
  }

  /** The tree, diff links and authors; messages are made when read (see the file comment). */
  assemble(errors: InputError[]): ThreadParse {
    const n = this.idOf.length;
    const idOf = this.idOf.view();
    const msgOf = this.msgOf.view();
    const flags = this.flags.view();
    const date = this.date.view();
    const diffStart = this.diffStart.view();
    const depth = this.depth.view();
    const author = this.author.view();
    const diffId = this.diffId.view();
    const quotedFrom = this.quotedFrom.view();
    const readHead = (m: number): Head => JSON.parse(this.spill.read({ offset: this.headAt.array[m]!, bytes: this.headBytes.array[m]! })) as Head;

    // Date order; equal or missing dates keep input order (missing ones go last).
    const when = (m: number): number => (flags[m]! & DATED ? date[m]! : Infinity);
    const byDate = new Int32Array(n).map((_, i) => i);
    byDate.sort((a, b) => when(a) - when(b) || a - b);
    const order = new Int32Array(n);
    byDate.forEach((m, i) => (order[m] = i));
    const tree = threadIndexed({
      count: n,
      ids: this.ids.size,
      idOf,
      msgOf,
      inReplyTo: this.inReplyTo.view(),
      refStart: this.refStart.view(),
      refs: this.refs.view(),
      order,
      reply: (m) => (flags[m]! & REPLY) !== 0,
      subject: (m) => readHead(m).subject,
    });
    // Id → its container's parent: a message's parent, or a placeholder's.
    const parent = tree.parent;
    const resolve = this.resolver();
    const layersOf = (m: number, head: Head): QuoteLayer[] => {
      // Authors up the tree; a placeholder is a level with no known author.
      const ancestors: (Person | null)[] = [];
      for (let p = parent[idOf[m]!]!; p >= 0 && ancestors.length < 64; p = parent[p]!) {
        const up = msgOf[p]!;
        ancestors.push(up >= 0 ? this.people[this.from.array[up]!]! : null);
      }
      return quoteLayers(new Set(head.textDepths), head.attributions, ancestors, resolve);
    };

    // Diffs in date order, so the first appearance of a change is the one others point at.
    const firstIn = new Int32Array(this.names.size).fill(-1);
    const firstAuthor = new Int32Array(this.names.size);
    for (const m of byDate) {
      if (diffStart[m] === diffStart[m + 1]) continue;
      const layers = flags[m]! & QUOTED_DIFF ? layersOf(m, readHead(m)) : [];
      for (let d = diffStart[m]!; d < diffStart[m + 1]!; d++) {
        const first = firstIn[diffId[d]!]!;
        if (depth[d]! > 0) {
          const who = layers.find((l) => l.depth === depth[d])?.author ?? null;
          author[d] = who ? this.personNumber(who) : -1;
        }
        if (author[d]! < 0 && first >= 0) author[d] = firstAuthor[diffId[d]!]!;
        if (first >= 0) quotedFrom[d] = first;
        else {
          firstIn[diffId[d]!] = m;
          firstAuthor[diffId[d]!] = author[d]!;
        }
      }
    }

    const inOrder = threadOrder(n, byDate, idOf, msgOf, parent);
    const idText = (id: number): string | null => (id < 0 ? null : this.ids.text(id));
    const make = (m: number): Message => {
      const head = readHead(m);
      const refs: string[] = [];
      for (let k = this.refStart.array[m]!; k < this.refStart.array[m + 1]!; k++) refs.push(this.ids.text(this.refs.array[k]!));
      const diffs: Diff[] = [];
      for (let d = diffStart[m]!; d < diffStart[m + 1]!; d++) {
        diffs.push(
          new SpilledDiff(
            this.names.text(diffId[d]!),
            author[d]! < 0 ? null : this.people[author[d]!]!,
            depth[d]!,
            quotedFrom[d]! < 0 ? null : this.ids.text(idOf[quotedFrom[d]!]!),
            this.origins[this.origin.array[d]!]!,
            { offset: this.diffAt.array[d]!, bytes: this.diffBytes.array[d]! },
            this.spill,
          ),
        );
      }
      return {
        id: this.ids.text(idOf[m]!),
        idSynthesised: head.idSynthesised,
        from: this.people[this.from.array[m]!]!,
        date: flags[m]! & DATED ? new Date(date[m]!).toISOString() : null,
        subject: head.subject,
        tags: head.tags,
        inReplyTo: idText(this.inReplyTo.array[m]!),
        references: refs,
        parent: idText(parent[idOf[m]!]!),
        quotes: layersOf(m, head),
        diffs,
        trailers: head.trailers,
        inBody: head.inBody,
        source: { file: this.names.text(this.file.array[m]!), index: this.index.array[m]!, format: this.formats[this.format.array[m]!]! },
        position: head.position,
      };
    };
    return {
      messages: lazyList(inOrder.length, (i) => make(inOrder[i]!)),
      placeholders: tree.placeholders.map((x) => ({ id: this.ids.text(x.id), parent: idText(x.parent), children: x.children.map((c) => this.ids.text(c)) })),
      unlinked: tree.unlinked.map((m) => this.ids.text(idOf[m]!)),
      errors,
    };
  }

  /** The number of a Message-ID; a new one has no message yet. */
  private idNumber(id: string): number {
    const n = this.ids.add(id);
    if (n === this.msgOf.length) this.msgOf.push(-1);
    return n;
  }

  private personNumber(p: Person): number {
    const key = `${p.name}\0${p.email}`;
    const have = this.personNumbers.get(key);
    if (have !== undefined) return have;
    // Fresh copies: not slices that keep a whole mail alive.
    this.people.push({ name: fresh(p.name), email: fresh(p.email) });
    this.personNumbers.set(fresh(key), this.people.length - 1);
    return this.people.length - 1;
  }

  private know(q: Person | null): void {
    if (!q || !q.email || !q.name || q.name === q.email) return;
    const e = q.email.toLowerCase();
    const n = nameKey(q.name);
    if (!this.byEmail.has(e)) this.byEmail.set(e, q);
    if (!this.byName.has(n)) this.byName.set(n, q);
  }

  /** Attribution lines often give only a name or only an address; the thread's senders fill in the rest. */
  private resolver(): (p: Person) => Person {
    return (p) => {
      if (p.name && p.email && p.name !== p.email) return p;
      const match = p.email ? this.byEmail.get(p.email.toLowerCase()) : this.byName.get(nameKey(p.name));
      if (!match) return p;
      return { name: p.name && p.name !== p.email ? p.name : match.name, email: p.email || match.email };
    };
  }
}

/** A value's place in a short list of the values seen (formats, diff origins). */
function small<T>(list: T[], v: T): number {
  const i = list.indexOf(v);
  return i >= 0 ? i : list.push(v) - 1;
}

function fresh(s: string): string {
  return s.length > 12 ? Buffer.from(s, 'utf8').toString('utf8') : s;
}

/** The sender, or for the patch part the in-body `From:`, or the scissors' author (assemble's diffAuthor at depth 0); person numbers, -1 for none. */
function ownAuthor(origin: DiffOrigin, from: number, inBodyFrom: number, scissors: number): number {
  if (origin === 'patch' || origin === 'attachment') return inBodyFrom >= 0 ? inBodyFrom : from;
  if (origin === 'scissors') return scissors >= 0 ? scissors : from;
  return from;
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Depth-first through the tree, children by date; roots (and placeholder subtrees) by date (as
 * assemble). A message under placeholders is listed below its nearest real ancestor (or as a
 * root). Children lists are one array (by parent, then date), the walk an explicit stack: a
 * 10,000-deep reply chain must not overflow the call stack.
 */
function threadOrder(n: number, byDate: Int32Array, idOf: Int32Array, msgOf: Int32Array, parent: Int32Array): Int32Array {
  // top[m]: the message m is listed under, n for the roots.
  const top = new Int32Array(n);
  const start = new Int32Array(n + 2);
  for (let m = 0; m < n; m++) {
    let p = parent[idOf[m]!]!;
    while (p >= 0 && msgOf[p]! < 0) p = parent[p]!;
    top[m] = p < 0 ? n : msgOf[p]!;
    start[top[m]! + 1]!++;
  }
  for (let k = 0; k <= n; k++) start[k + 1]! += start[k]!;
  const kids = new Int32Array(n);
  const fill = start.slice(0, n + 1);
  for (const m of byDate) kids[fill[top[m]!]!++] = m;
  const out = new Int32Array(n);
  let o = 0;
  const stackKey = new Int32Array(n + 1);
  const stackPos = new Int32Array(n + 1);
  let sp = 0;
  stackKey[0] = n;
  stackPos[0] = start[n]!;
  sp = 1;
  while (sp > 0) {
    const k = stackKey[sp - 1]!;
    const pos = stackPos[sp - 1]!;
    if (pos >= start[k + 1]!) {
      sp--;
      continue;
    }
    stackPos[sp - 1] = pos + 1;
    const m = kids[pos]!;
    out[o++] = m;
    stackKey[sp] = m;
    stackPos[sp] = start[m]!;
    sp++;
  }
  return out.subarray(0, o);
}

/**
 * A Diff whose files, repairs and text are read back from the spill file when used (the last
 * one read is kept). The getters live on the prototype, so a message's diffs cost a few fields.
 */
class SpilledDiff implements Diff {
  readonly id: string;
  readonly author: Person | null;
  readonly quoteDepth: number;
  readonly quotedFrom: string | null;
  readonly origin: DiffOrigin;
  readonly #ref: SpillRef;
  readonly #spill: SpillFile;
  constructor(id: string, author: Person | null, quoteDepth: number, quotedFrom: string | null, origin: DiffOrigin, ref: SpillRef, spill: SpillFile) {
    this.id = id;
    this.author = author;
    this.quoteDepth = quoteDepth;
    this.quotedFrom = quotedFrom;
    this.origin = origin;
    this.#ref = ref;
    this.#spill = spill;
  }
  get repairs(): Diff['repairs'] {
    return this.parts().repairs;
  }
  get files(): Diff['files'] {
    return this.parts().files;
  }
  get text(): string {
    return this.parts().text;
  }
  /** The same keys, in the same order, as a Diff that assemble() builds. */
  toJSON(): Diff {
    const { repairs, files, text } = this.parts();
    return { id: this.id, author: this.author, quoteDepth: this.quoteDepth, quotedFrom: this.quotedFrom, origin: this.origin, repairs, files, text };
  }
  private parts(): Pick<Diff, 'files' | 'repairs' | 'text'> {
    if (lastParts?.ref !== this.#ref) lastParts = { ref: this.#ref, parts: JSON.parse(this.#spill.read(this.#ref)) as Pick<Diff, 'files' | 'repairs' | 'text'> };
    return lastParts.parts;
  }
}
let lastParts: { ref: SpillRef; parts: Pick<Diff, 'files' | 'repairs' | 'text'> } | null = null;

