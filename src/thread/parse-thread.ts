// Stage two: all inputs → ThreadParse. Reads every input (streamed, one message at a time),
// threads the records, then fills in what needs the thread: quote-layer fallback through the
// reply tree, diff authors, and links from a diff quoted again to its first appearance.
import { diffIdentity } from '../patch/index.js';
import type { Diff } from '../patch/types.js';
import { readInput, type ReadOptions } from './read-input.js';
import { readMail, BrokenMessage, type MailRecord } from './mail-record.js';
import { threadMessages } from './threading.js';
import { quoteLayers } from './quote-layers.js';
import type { InputError, Message, Person, QuoteLayer, ThreadParse } from './types.js';

export type ParseOptions = ReadOptions;

export async function parseThread(inputs: readonly string[], opts: ParseOptions = {}): Promise<ThreadParse> {
  const records: MailRecord[] = [];
  const errors: InputError[] = [];
  const seen = new Map<string, MailRecord>();
  for (const input of inputs) {
    for await (const raw of readInput(input, opts)) {
      let rec: MailRecord;
      try {
        rec = await readMail(raw);
      } catch (err) {
        if (!(err instanceof BrokenMessage)) throw err;
        errors.push({ file: raw.file, index: raw.index, message: err.message });
        continue;
      }
      const first = seen.get(rec.id);
      if (first) {
        // The same mail twice (two inputs, a list mirror): keep the first, say so.
        errors.push({
          file: raw.file,
          index: raw.index,
          message: `duplicate Message-ID <${rec.id}> (first in ${first.source.file} #${first.source.index}); skipped`,
        });
        continue;
      }
      seen.set(rec.id, rec);
      records.push(rec);
    }
  }
  return assemble(records, errors);
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
    for (const f of r.found) {
      const id = diffIdentity(f.files);
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
