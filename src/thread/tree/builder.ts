// The one thread builder: reads message records (src/thread/message) one at a time and builds
// the ThreadParse. What threading needs stays here as numbers in typed arrays (no object per
// message): Message-IDs numbered in one IdTable, people, file names and diff identities
// numbered too. Everything else goes to a MessageStore (in memory or spilled to a file) and is
// read back when a message is made. Then, in build():
//   1. date order (equal or missing dates keep input order, missing ones last);
//   2. the reply tree (threadIndexed, on id numbers);
//   3. quote layers (attributions, else the reply tree) and each diff's author (diffAuthor);
//   4. links from a diff seen again to its first appearance, in date order, and from a quote
//      that trims a diff of its thread (up the tree first) to that diff;
//   5. the messages in tree order (threadOrder: an explicit stack, no recursion).
import type { DiffOrigin } from '../../patch/types.js';
import { diffIdentity, fileChanges, isQuotedPartOf, type FileChanges } from '../../patch/index.js';
import type { MailRecord } from '../message/mail-record.js';
import type { HunkLine } from '../../patch/types.js';
import { threadIndexed } from './threading.js';
import { quoteLayers } from './quote-layers.js';
import { personKey, personResolver, type PersonResolver } from './people.js';
import type { MessageParts, MessageStore } from './message-store.js';
import { IdTable } from '../../util/id-table.js';
import { float64s, int32s, uint8s } from '../../util/grow-array.js';
import { lazyList } from '../../util/lazy-list.js';
import type { Diff, InputError, Message, MessageSource, Person, QuoteLayer, ThreadParse } from '../types.js';

export interface BuilderOptions {
  store: MessageStore;
  /** Keep each hunk's per-line array (review maps the lines); `thread` prints the diff's text only. */
  hunkLines: boolean;
}

/** Bits of `flags`. */
const REPLY = 1;
/** A diff sits in quoted text: its author needs the quote layers. */
const QUOTED_DIFF = 2;
const DATED = 4;

/** One shared, frozen empty array for every dropped `lines`. */
const NO_LINES: HunkLine[] = Object.freeze([]) as unknown as HunkLine[];

export class ThreadBuilder {
  private readonly store: MessageStore;
  private readonly hunkLines: boolean;
  /** Message-IDs: the messages' own and every one they refer to. */
  private readonly ids = new IdTable();
  /** Id → the message that has it, -1 for none (yet). */
  private readonly msgOf = int32s();
  /** File names and diff identities. */
  private readonly names = new IdTable();
  private readonly people: Person[] = [];
  private readonly personNumbers = new Map<string, number>();
  private readonly resolve: PersonResolver = personResolver();
  private readonly formats: MessageSource['format'][] = [];
  private readonly origins: DiffOrigin[] = [];

  // Per message, numbered in input order.
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
  private readonly parts = int32s();
  /** Diffs of message m: diffStart[m] .. diffStart[m + 1]. */
  private readonly diffStart = int32s();

  // Per diff, numbered in the order they were read.
  private readonly diffId = int32s();
  private readonly depth = int32s();
  private readonly origin = uint8s();
  /** Person number, -1 for none; quoted diffs get theirs in build(). */
  private readonly author = int32s();
  private readonly diffParts = int32s();
  /**
   * Each diff's changes as isQuotedPartOf compares them (a few bytes a line, kept when the
   * lines themselves are dropped): diff d's files are diffFiles[d] .. diffFiles[d + 1]; file f
   * has paths filePaths[f] (a names number, -1 for none) and line hashes
   * changeLines[fileLines[f] .. fileLines[f + 1]].
   */
  private readonly diffFiles = int32s();
  private readonly filePaths = int32s();
  private readonly fileLines = int32s();
  private readonly changeLines = int32s();

  constructor(opts: BuilderOptions) {
    this.store = opts.store;
    this.hunkLines = opts.hunkLines;
    this.refStart.push(0);
    this.diffStart.push(0);
    this.diffFiles.push(0);
    this.fileLines.push(0);
  }

  /** The first message with this Message-ID, if one was added. */
  first(id: string): { file: string; index: number } | undefined {
    const n = this.ids.find(id);
    const m = n < 0 ? -1 : this.msgOf.array[n]!;
    return m < 0 ? undefined : { file: this.names.text(this.file.array[m]!), index: this.index.array[m]! };
  }

  /** Keeps what threading needs of a record and stores the rest; the record can then be dropped. */
  add(r: MailRecord): void {
    const m = this.idOf.length;
    const from = this.personNumber(r.from);
    const inBodyFrom = r.inBody?.from ? this.personNumber(r.inBody.from) : -1;
    const scissorsFrom = r.scissorsAuthor ? this.personNumber(r.scissorsAuthor) : -1;
    let quoted = false;
    for (const f of r.found) {
      // The identity and the change lines read the lines, so they come before they are dropped.
      this.diffId.push(this.names.add(diffIdentity(f.files)));
      for (const c of fileChanges(f.files)) {
        this.filePaths.push(c.paths === null ? -1 : this.names.add(c.paths));
        for (let k = 0; k < c.lines.length; k++) this.changeLines.push(c.lines[k]!);
        this.fileLines.push(this.changeLines.length);
      }
      this.diffFiles.push(this.filePaths.length);
      if (!this.hunkLines) for (const file of f.files) for (const h of file.hunks) h.lines = NO_LINES;
      this.diffParts.push(this.store.putDiff({ files: f.files, repairs: f.repairs, text: f.text }));
      this.depth.push(f.quoteDepth);
      this.origin.push(small(this.origins, f.origin));
      this.author.push(f.quoteDepth === 0 ? ownAuthor(f.origin, from, inBodyFrom, scissorsFrom) : -1);
      if (f.quoteDepth > 0) quoted = true;
    }
    this.diffStart.push(this.diffId.length);
    const parts: MessageParts = {
      idSynthesised: r.idSynthesised,
      subject: r.subject,
      tags: r.tags,
      trailers: r.trailers,
      series: r.series,
      inBody: r.inBody,
      position: r.position,
      attributions: r.attributions,
      textDepths: [...r.textDepths],
    };
    this.parts.push(this.store.putMessage(parts));
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
    this.resolve.know(this.people[from]!);
    if (inBodyFrom >= 0) this.resolve.know(this.people[inBodyFrom]!);
  }

  /** The tree, quote layers, diff authors and links; the messages in tree order. */
  build(errors: InputError[]): ThreadParse {
    const n = this.idOf.length;
    const idOf = this.idOf.view();
    const msgOf = this.msgOf.view();
    const flags = this.flags.view();
    const date = this.date.view();
    const partsOf = (m: number): MessageParts => this.store.message(this.parts.array[m]!);

    // 1. Date order; equal or missing dates keep input order (missing ones go last).
    const when = (m: number): number => (flags[m]! & DATED ? date[m]! : Infinity);
    const byDate = new Int32Array(n).map((_, i) => i);
    byDate.sort((a, b) => when(a) - when(b) || a - b);
    const order = new Int32Array(n);
    byDate.forEach((m, i) => (order[m] = i));

    // 2. The tree; parent[id] is the parent of that id's container (a message or a placeholder).
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
      subject: (m) => partsOf(m).subject,
    });
    const parent = tree.parent;
    const layersOf = (m: number, parts: MessageParts): QuoteLayer[] => {
      // Authors up the tree; a placeholder is a level with no known author.
      const ancestors: (Person | null)[] = [];
      for (let p = parent[idOf[m]!]!; p >= 0 && ancestors.length < 64; p = parent[p]!) {
        const up = msgOf[p]!;
        ancestors.push(up >= 0 ? this.people[this.from.array[up]!]! : null);
      }
      return quoteLayers(new Set(parts.textDepths), parts.attributions, ancestors, this.resolve.resolve);
    };

    // 3 and 4. Diffs in date order, so the first appearance of a change is the one others point at.
    const ancestorsOf = (m: number): number[] => {
      const up: number[] = [];
      for (let p = parent[idOf[m]!]!; p >= 0 && up.length < 64; p = parent[p]!) if (msgOf[p]! >= 0) up.push(msgOf[p]!);
      return up;
    };
    // The top container of each id's tree (a message or a placeholder), found once per id.
    const rootOfId = new Int32Array(this.ids.size).fill(-1);
    const rootOf = (m: number): number => {
      const path: number[] = [];
      let p = idOf[m]!;
      while (rootOfId[p]! < 0 && parent[p]! >= 0) {
        path.push(p);
        p = parent[p]!;
      }
      const root = rootOfId[p]! >= 0 ? rootOfId[p]! : p;
      rootOfId[p] = root;
      for (const q of path) rootOfId[q] = root;
      return root;
    };
    const quotedFrom = this.diffAuthorsAndLinks(byDate, (m) => layersOf(m, partsOf(m)), ancestorsOf, rootOf);

    // 5. The messages, made when read.
    const inOrder = threadOrder(byDate, idOf, msgOf, parent);
    const idText = (id: number): string | null => (id < 0 ? null : this.ids.text(id));
    const make = (m: number): Message => {
      const parts = partsOf(m);
      const refs: string[] = [];
      for (let k = this.refStart.array[m]!; k < this.refStart.array[m + 1]!; k++) refs.push(this.ids.text(this.refs.array[k]!));
      const diffs: Diff[] = [];
      for (let d = this.diffStart.array[m]!; d < this.diffStart.array[m + 1]!; d++) {
        const facts = {
          id: this.names.text(this.diffId.array[d]!),
          author: this.author.array[d]! < 0 ? null : this.people[this.author.array[d]!]!,
          quoteDepth: this.depth.array[d]!,
          quotedFrom: quotedFrom[d]! < 0 ? null : this.ids.text(idOf[quotedFrom[d]!]!),
          origin: this.origins[this.origin.array[d]!]!,
        };
        diffs.push(this.store.diff(facts, this.diffParts.array[d]!));
      }
      return {
        id: this.ids.text(idOf[m]!),
        idSynthesised: parts.idSynthesised,
        from: this.people[this.from.array[m]!]!,
        date: flags[m]! & DATED ? new Date(date[m]!).toISOString() : null,
        subject: parts.subject,
        tags: parts.tags,
        inReplyTo: idText(this.inReplyTo.array[m]!),
        references: refs,
        parent: idText(parent[idOf[m]!]!),
        quotes: layersOf(m, parts),
        diffs,
        trailers: parts.trailers,
        series: parts.series,
        inBody: parts.inBody,
        source: { file: this.names.text(this.file.array[m]!), index: this.index.array[m]!, format: this.formats[this.format.array[m]!]! },
        position: parts.position,
      };
    };
    const messages = this.store.keepsMessages ? Array.from(inOrder, make) : lazyList(inOrder.length, (i) => make(inOrder[i]!));
    return {
      messages,
      placeholders: tree.placeholders.map((x) => ({ id: this.ids.text(x.id), parent: idText(x.parent), children: x.children.map((c) => this.ids.text(c)) })),
      unlinked: tree.unlinked.map((m) => this.ids.text(idOf[m]!)),
      errors,
    };
  }

  /**
   * The author of each quoted diff (see ownAuthor), and for each diff the message it was first
   * seen in when it is a copy (-1 for a first appearance). A quoted diff seen for the first time
   * is still a copy when it is a trimmed quote (isQuotedPartOf) of an earlier diff of its thread:
   * a reviewer quoting a patch in part proposes nothing new. The messages up the reply tree are
   * tried first, then the rest of the thread (a reply to a cover letter quotes its patches).
   */
  private diffAuthorsAndLinks(
    byDate: Int32Array,
    layersOf: (m: number) => QuoteLayer[],
    ancestorsOf: (m: number) => number[],
    rootOf: (m: number) => number,
  ): Int32Array {
    const diffStart = this.diffStart.view();
    const flags = this.flags.view();
    const depth = this.depth.view();
    const author = this.author.view();
    const diffId = this.diffId.view();
    const quotedFrom = new Int32Array(diffId.length).fill(-1);
    const firstIn = new Int32Array(this.names.size).fill(-1);
    const firstAuthor = new Int32Array(this.names.size);
    // First appearances by thread (tree root), in date order.
    const inThread = new Map<number, number[]>();
    for (const m of byDate) {
      if (diffStart[m] === diffStart[m + 1]) continue;
      const layers = flags[m]! & QUOTED_DIFF ? layersOf(m) : [];
      for (let d = diffStart[m]!; d < diffStart[m + 1]!; d++) {
        const first = firstIn[diffId[d]!]!;
        if (depth[d]! > 0) {
          const who = layers.find((l) => l.depth === depth[d])?.author ?? null;
          author[d] = who ? this.personNumber(who) : -1;
        }
        if (author[d]! < 0 && first >= 0) author[d] = firstAuthor[diffId[d]!]!;
        if (first >= 0) {
          quotedFrom[d] = first;
          continue;
        }
        const copied = depth[d]! > 0 ? this.trimmedCopyOf(d, ancestorsOf(m), inThread.get(rootOf(m)) ?? []) : -1;
        if (copied >= 0) {
          const from = firstIn[diffId[copied]!]!;
          quotedFrom[d] = from >= 0 ? from : this.messageOfDiff(copied);
          if (author[d]! < 0) author[d] = from >= 0 ? firstAuthor[diffId[copied]!]! : author[copied]!;
        }
        firstIn[diffId[d]!] = m;
        firstAuthor[diffId[d]!] = author[d]!;
        const root = rootOf(m);
        const list = inThread.get(root);
        if (list) list.push(d);
        else inThread.set(root, [d]);
      }
    }
    return quotedFrom;
  }

  /** A diff that diff d quotes in part: of the messages `ancestors` first, then of `thread` (diff numbers); -1 for none. */
  private trimmedCopyOf(d: number, ancestors: number[], thread: readonly number[]): number {
    const part = this.changesOf(d);
    for (const a of ancestors) {
      for (let o = this.diffStart.array[a]!; o < this.diffStart.array[a + 1]!; o++) if (isQuotedPartOf(part, this.changesOf(o))) return o;
    }
    for (let k = thread.length - 1; k >= 0; k--) if (isQuotedPartOf(part, this.changesOf(thread[k]!))) return thread[k]!;
    return -1;
  }

  private changesOf(d: number): FileChanges[] {
    const out: FileChanges[] = [];
    for (let f = this.diffFiles.array[d]!; f < this.diffFiles.array[d + 1]!; f++) {
      const p = this.filePaths.array[f]!;
      out.push({ paths: p < 0 ? null : this.names.text(p), lines: this.changeLines.array.subarray(this.fileLines.array[f]!, this.fileLines.array[f + 1]!) });
    }
    return out;
  }

  /** The message diff d belongs to. */
  private messageOfDiff(d: number): number {
    const starts = this.diffStart.view();
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= d) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The number of a Message-ID; a new one has no message yet. */
  private idNumber(id: string): number {
    const n = this.ids.add(id);
    if (n === this.msgOf.length) this.msgOf.push(-1);
    return n;
  }

  private personNumber(p: Person): number {
    const key = personKey(p);
    const have = this.personNumbers.get(key);
    if (have !== undefined) return have;
    // Fresh copies: not slices that keep a whole mail alive.
    this.people.push({ name: fresh(p.name), email: fresh(p.email) });
    this.personNumbers.set(fresh(key), this.people.length - 1);
    return this.people.length - 1;
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

/**
 * The author of a diff in the sender's own text (person numbers, -1 for none): the in-body
 * `From:` at the top of the body when there is one (git mailinfo's rule: it names the patch's
 * author whoever sends it, in a reply too), for a section after a scissors line the in-body
 * `From:` after it, else the sender. A quoted diff's author is its quote depth's (build()), and
 * when that is unknown the author of the earlier copy it repeats.
 */
function ownAuthor(origin: DiffOrigin, from: number, inBodyFrom: number, scissors: number): number {
  if (origin === 'scissors') return scissors >= 0 ? scissors : from;
  return inBodyFrom >= 0 ? inBodyFrom : from;
}

/**
 * The messages in tree order: depth-first, children by date; roots (and placeholder subtrees)
 * by date. A message under placeholders is listed below its nearest real ancestor (or as a
 * root). Children lists are one array (by parent, then date), the walk an explicit stack: a
 * 10,000-deep reply chain must not overflow the call stack.
 */
function threadOrder(byDate: Int32Array, idOf: Int32Array, msgOf: Int32Array, parent: Int32Array): Int32Array {
  const n = byDate.length;
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
  stackKey[0] = n;
  stackPos[0] = start[n]!;
  let sp = 1;
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
