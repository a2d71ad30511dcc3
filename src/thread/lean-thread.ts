// The lean parse of a big input (`thread`): memory must not grow with what the messages hold.
// As each record is read, everything the output prints but threading does not need (tags,
// trailers, in-body headers, attributions, diff files and texts) is written to an unlinked
// temporary file (DiffSpill); what stays in memory per message is its threading keys, sender,
// source, a few facts per diff and where its parts went. The tree is built from that, and the
// messages are made again, one at a time, when the output asks for them (in tree order).
// The result is the same ThreadParse, field for field, as assemble() gives (tests compare them).
import type { Diff, DiffOrigin } from '../patch/types.js';
import { diffIdentity } from '../patch/index.js';
import type { Attribution } from './attribution.js';
import type { MailRecord } from './mail-record.js';
import type { SettledRecord } from './lean-record.js';
import { DiffSpill, type SpillRef } from './diff-spill.js';
import { threadMessages } from './threading.js';
import { quoteLayers } from './quote-layers.js';
import type { InBodyHeaders, InputError, Message, MessagePosition, MessageSource, Person, QuoteLayer, SubjectTags, ThreadParse, Trailer } from './types.js';

/** One diff of a lean message; `author` and `quotedFrom` are filled in once all are read. */
interface LeanDiff {
  id: string;
  quoteDepth: number;
  origin: DiffOrigin;
  /** The author when it does not depend on the thread (depth 0), else null until assemble. */
  author: Person | null;
  quotedFrom: string | null;
  /** Where its files, repairs and text are in the spill file. */
  at: number;
  bytes: number;
}

/**
 * What stays in memory of one message: plain fields of one class, so V8 keeps them in the
 * object. It is also threadMessages()'s input; its subject is read back only for the few
 * messages that head a tree.
 */
class LeanMessage {
  /** Rank in date order (input order for equal or missing dates), set by assemble. */
  order = 0;
  /** Parent in the reply tree (maybe a placeholder), set by assemble. */
  parent: string | null = null;
  constructor(
    readonly id: string,
    readonly inReplyTo: string | null,
    readonly references: string[],
    readonly reply: boolean,
    /** Milliseconds since 1970, or null for no date. */
    readonly date: number | null,
    readonly from: Person,
    readonly file: string,
    readonly index: number,
    readonly format: MessageSource['format'],
    readonly diffs: LeanDiff[],
    /** A diff sits in quoted text: its author needs the quote layers. */
    readonly quotedDiff: boolean,
    readonly headAt: number,
    readonly headBytes: number,
    readonly spill: DiffSpill,
  ) {}

  get subject(): string {
    return readHead(this).subject;
  }
}

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

function readHead(m: LeanMessage): Head {
  return JSON.parse(m.spill.read({ offset: m.headAt, bytes: m.headBytes })) as Head;
}

const NO_DIFFS: LeanDiff[] = Object.freeze([]) as unknown as LeanDiff[];
const NO_REFS: string[] = Object.freeze([]) as unknown as string[];

export class LeanCollector {
  private readonly spill = new DiffSpill();
  private readonly byId = new Map<string, LeanMessage>();
  private readonly list: LeanMessage[] = [];
  private readonly strings = new Map<string, string>();
  private readonly people = new Map<string, Person>();
  /** personResolver's tables, filled as messages come (first sender of a name or address wins). */
  private readonly byEmail = new Map<string, Person>();
  private readonly byName = new Map<string, Person>();

  /** The first message with this Message-ID, if one was added. */
  first(id: string): { file: string; index: number } | undefined {
    return this.byId.get(id);
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
    const from = this.person(r.from);
    const inBodyFrom = r.inBody?.from ? this.person(r.inBody.from) : null;
    const diffs = r.found.length
      ? r.found.map((f, i): LeanDiff => {
          const parts = this.spill.write(JSON.stringify({ files: f.files, repairs: f.repairs, text: f.text }));
          return {
            id: this.str(s.diffIds?.[i] ?? diffIdentity(f.files)),
            quoteDepth: f.quoteDepth,
            origin: f.origin,
            author: f.quoteDepth === 0 ? ownAuthor(f.origin, from, inBodyFrom, r.scissorsAuthor ? this.person(r.scissorsAuthor) : null) : null,
            quotedFrom: null,
            at: parts.offset,
            bytes: parts.bytes,
          };
        })
      : NO_DIFFS;
    const at = this.spill.write(JSON.stringify(head));
    const m = new LeanMessage(
      this.ownId(r.id),
      r.inReplyTo === null ? null : this.str(r.inReplyTo),
      r.references.length ? r.references.map((x) => this.str(x)) : NO_REFS,
      r.reply,
      r.date ? r.date.getTime() : null,
      from,
      this.str(r.source.file),
      r.source.index,
      r.source.format,
      diffs,
      r.found.some((f) => f.quoteDepth > 0),
      at.offset,
      at.bytes,
      this.spill,
    );
    this.byId.set(m.id, m);
    this.list.push(m);
    this.know(from);
    this.know(inBodyFrom);
  }

  /** The tree, diff links and authors; messages are made when read (see the file comment). */
  assemble(errors: InputError[]): ThreadParse {
    const list = this.list;
    // Nothing is interned any more; the ids stay alive through the messages that hold them.
    this.strings.clear();
    // Stable sort: equal or missing dates keep input order.
    const byDate = list.slice().sort((a, b) => (a.date ?? Infinity) - (b.date ?? Infinity));
    byDate.forEach((m, i) => (m.order = i));
    // Each parent goes on its message: no Map of them is made.
    const tree = threadMessages(list, (m, parent) => (m.parent = parent));
    const placeholderParent = new Map(tree.placeholders.map((x) => [x.id, x.parent]));
    const resolve = this.resolver();
    const layersOf = (m: LeanMessage, head: Head): QuoteLayer[] => {
      // Authors up the tree; a placeholder is a level with no known author.
      const ancestors: (Person | null)[] = [];
      for (let p = m.parent; p !== null && ancestors.length < 64; ) {
        const up = this.byId.get(p);
        ancestors.push(up ? up.from : null);
        p = up ? up.parent : (placeholderParent.get(p) ?? null);
      }
      return quoteLayers(new Set(head.textDepths), head.attributions, ancestors, resolve);
    };

    // Diffs in date order, so the first appearance of a change is the one others point at.
    const firstSeen = new Map<string, { message: string; author: Person | null }>();
    for (const m of byDate) {
      if (!m.diffs.length) continue;
      const layers = m.quotedDiff ? layersOf(m, readHead(m)) : [];
      for (const d of m.diffs) {
        const first = firstSeen.get(d.id);
        if (d.quoteDepth > 0) d.author = layers.find((l) => l.depth === d.quoteDepth)?.author ?? null;
        if (!d.author && first) d.author = first.author;
        if (first) d.quotedFrom = first.message;
        else firstSeen.set(d.id, { message: m.id, author: d.author });
      }
    }
    firstSeen.clear();

    byDate.length = 0;
    const order = threadOrder(list, this.byId, placeholderParent);
    this.list.length = 0;
    const make = (m: LeanMessage): Message => {
      const head = readHead(m);
      return {
        id: m.id,
        idSynthesised: head.idSynthesised,
        from: m.from,
        date: m.date === null ? null : new Date(m.date).toISOString(),
        subject: head.subject,
        tags: head.tags,
        inReplyTo: m.inReplyTo,
        references: m.references,
        parent: m.parent,
        quotes: layersOf(m, head),
        diffs: m.diffs.map((d) => new SpilledDiff(d, this.spill)),
        trailers: head.trailers,
        inBody: head.inBody,
        source: { file: m.file, index: m.index, format: m.format },
        position: head.position,
      };
    };
    return { messages: lazyList(order.length, (i) => make(order[i]!)), placeholders: tree.placeholders, unlinked: tree.unlinked, errors };
  }

  /** A message's id: byId keeps it, so it goes in the string table only if something referred to it first. */
  private ownId(id: string): string {
    return this.byId.get(id)?.id ?? this.strings.get(id) ?? (id.length > 12 ? Buffer.from(id, 'utf8').toString('utf8') : id);
  }

  /** One copy of each repeated string, and a fresh one (not a slice that keeps a whole mail alive). */
  private str(s: string): string {
    // A message's own id is already one copy (the byId key): no second table entry for it.
    const known = this.byId.get(s);
    if (known) return known.id;
    const have = this.strings.get(s);
    if (have !== undefined) return have;
    const own = s.length > 12 ? Buffer.from(s, 'utf8').toString('utf8') : s;
    this.strings.set(own, own);
    return own;
  }

  private person(p: Person): Person {
    const key = `${p.name}\0${p.email}`;
    const have = this.people.get(key);
    if (have) return have;
    const own = { name: this.str(p.name), email: this.str(p.email) };
    this.people.set(this.str(key), own);
    return own;
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

/** The sender, or for the patch part the in-body `From:`, or the scissors' author (assemble's diffAuthor at depth 0). */
function ownAuthor(origin: DiffOrigin, from: Person, inBodyFrom: Person | null, scissors: Person | null): Person {
  if (origin === 'patch' || origin === 'attachment') return inBodyFrom ?? from;
  if (origin === 'scissors') return scissors ?? from;
  return from;
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Depth-first through the tree, children by date; roots (and placeholder subtrees) by date (as assemble). */
function threadOrder(
  list: LeanMessage[],
  known: Map<string, LeanMessage>,
  placeholderParent: Map<string, string | null>,
): LeanMessage[] {
  const kids = new Map<string | null, LeanMessage[]>();
  for (const m of list) {
    let p = m.parent;
    while (p !== null && !known.has(p)) p = placeholderParent.get(p) ?? null;
    const l = kids.get(p);
    if (l) l.push(m);
    else kids.set(p, [m]);
  }
  for (const l of kids.values()) l.sort((a, b) => a.order - b.order);
  const out: LeanMessage[] = [];
  // An explicit stack: a 10,000-deep reply chain must not overflow the call stack.
  const stack: { l: LeanMessage[]; i: number }[] = [{ l: kids.get(null) ?? [], i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.l.length) {
      stack.pop();
      continue;
    }
    const m = top.l[top.i++]!;
    out.push(m);
    const under = kids.get(m.id);
    if (under) stack.push({ l: under, i: 0 });
  }
  return out;
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
  readonly #spill: DiffSpill;
  constructor(d: LeanDiff, spill: DiffSpill) {
    this.id = d.id;
    this.author = d.author;
    this.quoteDepth = d.quoteDepth;
    this.quotedFrom = d.quotedFrom;
    this.origin = d.origin;
    this.#ref = { offset: d.at, bytes: d.bytes };
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

/**
 * An array of `length` items made by `at(i)` each time one is read (the last one is kept), so
 * a consumer that walks it holds one message at a time. Array methods, spread and for-of work.
 */
function lazyList<T>(length: number, at: (i: number) => T): T[] {
  let last: { i: number; item: T } | null = null;
  const get = (i: number): T => {
    if (last?.i !== i) last = { i, item: at(i) };
    return last.item;
  };
  const index = (p: string | symbol): number => {
    if (typeof p !== 'string') return -1;
    const n = Number(p);
    return Number.isInteger(n) && n >= 0 && n < length && String(n) === p ? n : -1;
  };
  return new Proxy(new Array<T>(length), {
    get: (target, p, receiver) => {
      const i = index(p);
      return i >= 0 ? get(i) : Reflect.get(target, p, receiver);
    },
    has: (target, p) => index(p) >= 0 || Reflect.has(target, p),
    getOwnPropertyDescriptor: (target, p) => {
      const i = index(p);
      return i >= 0 ? { value: get(i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(target, p);
    },
    set: () => false,
  });
}
