// threadIndexed (src/thread/tree/threading.ts) on string ids, for tests that state threading
// shapes by hand: ids are numbered here as the thread builder numbers them.
import type { Placeholder } from '../../src/thread/types.js';
import { threadIndexed } from '../../src/thread/tree/threading.js';

export interface ThreadInput {
  id: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  /** Subject has a reply marker (`Re:`). */
  reply: boolean;
  /** Rank in date order (input order for equal or missing dates). */
  order: number;
}

export interface ThreadResult {
  parent: Map<string, string | null>;
  placeholders: Placeholder[];
  unlinked: string[];
}

export function threadMessages(msgs: ThreadInput[]): ThreadResult {
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const num = (s: string): number => {
    let n = numbers.get(s);
    if (n === undefined) {
      n = names.length;
      numbers.set(s, n);
      names.push(s);
    }
    return n;
  };
  const count = msgs.length;
  const idOf = new Int32Array(count);
  const inReplyTo = new Int32Array(count);
  const order = new Int32Array(count);
  const refStart = new Int32Array(count + 1);
  const refs: number[] = [];
  msgs.forEach((m, i) => {
    idOf[i] = num(m.id);
    // An empty In-Reply-To counts as none (it is falsy in the header rule).
    inReplyTo[i] = m.inReplyTo ? num(m.inReplyTo) : -1;
    order[i] = m.order;
    for (const r of m.references) refs.push(num(r));
    refStart[i + 1] = refs.length;
  });
  const msgOf = new Int32Array(names.length).fill(-1);
  for (let i = 0; i < count; i++) msgOf[idOf[i]!] = i;
  const t = threadIndexed({
    count,
    ids: names.length,
    idOf,
    msgOf,
    inReplyTo,
    refStart,
    refs: Int32Array.from(refs),
    order,
    reply: (m) => msgs[m]!.reply,
    subject: (m) => msgs[m]!.subject,
  });
  const name = (n: number): string | null => (n < 0 ? null : names[n]!);
  const parent = new Map<string, string | null>();
  for (let i = 0; i < count; i++) {
    parent.set(msgs[i]!.id, name(t.parent[idOf[i]!]!));
  }
  return {
    parent,
    placeholders: t.placeholders.map((x) => ({ id: names[x.id]!, parent: name(x.parent), children: x.children.map((c) => names[c]!) })),
    unlinked: t.unlinked.map((m) => msgs[m]!.id),
  };
}

