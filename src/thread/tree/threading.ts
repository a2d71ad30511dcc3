// The reply tree, JWZ-style: Message-ID / In-Reply-To / References, with placeholder containers
// for ids that are referred to but not in the input, so messages that arrive before their
// parents (or whose parents are missing) still hang in the right place.
// Unlike JWZ we do not merge trees by subject: a lore t.mbox.gz also holds replies that only
// share the subject; they stay out of the tree and are listed as `unlinked`.
// The work is done on numbers: every id is a number (the builder's IdTable), a container is an
// index into typed arrays, so a big mbox's tree costs a few bytes per id.
import { threadSubject } from '../message/subject-tags.js';

/** Messages 0 .. count-1 (input order) and ids 0 .. ids-1 (the messages' own and those they refer to). */
export interface IndexedThreadInput {
  count: number;
  ids: number;
  /** Message → its id. */
  idOf: Int32Array;
  /** Id → the (last) message with it, -1 when none has it. */
  msgOf: Int32Array;
  /** Message → In-Reply-To id, -1 for none. */
  inReplyTo: Int32Array;
  /** Message m's References are refs[refStart[m] .. refStart[m + 1]] (ids). */
  refStart: Int32Array;
  refs: Int32Array;
  /** Message → rank in date order. */
  order: Int32Array;
  reply(m: number): boolean;
  /** Read only for the first message of each tree. */
  subject(m: number): string;
}

export interface IndexedThreadResult {
  /** Id → the parent of its container (an id, maybe a placeholder's), -1 at the top. */
  parent: Int32Array;
  placeholders: { id: number; parent: number; children: number[] }[];
  /** Messages linked to the tree only by subject. */
  unlinked: number[];
}

export function threadIndexed(t: IndexedThreadInput): IndexedThreadResult {
  const { count, idOf, msgOf, inReplyTo, refStart, refs } = t;
  const parent = new Int32Array(t.ids).fill(-1);
  /** Someone's parent: only such a container can be an ancestor. */
  const hasKids = new Uint8Array(t.ids);
  // When each container was made (first touched): placeholders and their children are listed
  // in that order, as a Map of containers made on demand would list them.
  const made = new Int32Array(t.ids).fill(-1);
  let nMade = 0;
  const touch = (id: number): void => {
    if (made[id]! < 0) made[id] = nMade++;
  };
  for (let m = 0; m < count; m++) touch(idOf[m]!);

  const isAncestor = (maybe: number, of: number): boolean => {
    for (let p = of; p >= 0; p = parent[p]!) if (p === maybe) return true;
    return false;
  };
  // Only a container with children can be someone's ancestor: checking that first keeps a long
  // References chain (10,000 ids, each linked to the one before) linear instead of quadratic.
  const link = (child: number, to: number): void => {
    touch(child);
    if (child === to || (hasKids[child] && isAncestor(child, to))) return; // never make a loop
    touch(to);
    parent[child] = to;
    hasKids[to] = 1;
  };

  // First a message's own header decides its parent: In-Reply-To first (References are often cut
  // short by clients), else the last reference.
  for (let m = 0; m < count; m++) {
    const id = idOf[m]!;
    const irt = inReplyTo[m]!;
    let p = irt >= 0 && irt !== id ? irt : -1;
    if (p < 0) for (let k = refStart[m + 1]! - 1; k >= refStart[m]! && p < 0; k--) if (refs[k] !== id) p = refs[k]!;
    if (p >= 0) link(id, p);
  }

  // Then References give the chain of ancestors; they only fill links nobody set yet (a mail
  // without reply headers of its own can get its parent from a later mail's References), and
  // a wrongly ordered References list cannot undo what the mails themselves said.
  for (let m = 0; m < count; m++) {
    const id = idOf[m]!;
    let prev = -1;
    for (let k = refStart[m]!; k < refStart[m + 1]!; k++) {
      const r = refs[k]!;
      if (r === id) continue;
      if (prev >= 0) {
        touch(r);
        if (parent[r]! < 0) link(r, prev);
      }
      prev = r;
    }
  }

  const byMade = new Int32Array(nMade);
  for (let id = 0; id < t.ids; id++) if (made[id]! >= 0) byMade[made[id]!] = id;
  // Children are listed only under placeholders (a big mbox has few; every message has a parent).
  const children = new Map<number, number[]>();
  for (const c of byMade) {
    const p = parent[c]!;
    if (p < 0 || msgOf[p]! >= 0) continue;
    const list = children.get(p);
    if (list) list.push(c);
    else children.set(p, [c]);
  }
  const placeholders: IndexedThreadResult['placeholders'] = [];
  for (const c of byMade) {
    const list = children.get(c);
    if (msgOf[c]! >= 0 || !list) continue;
    placeholders.push({ id: c, parent: parent[c]!, children: list });
  }
  return { parent, placeholders, unlinked: subjectOnly(t, parent) };
}

/**
 * Trees that share a subject with another tree and have no real root (a placeholder or a
 * reply at the top) are linked only by subject: their messages go to `unlinked`. A tree whose
 * root is a fresh, non-reply mail (a resend, a new version) is a thread of its own.
 */
function subjectOnly(t: IndexedThreadInput, parent: Int32Array): number[] {
  const { count, idOf, msgOf, order } = t;
  const rootOf = (id: number): number => {
    while (parent[id]! >= 0) id = parent[id]!;
    return id;
  };
  // Each tree's first message (date order); members are gathered only for trees that go to `unlinked`.
  const firstOf = new Int32Array(t.ids).fill(-1);
  const roots: number[] = [];
  for (let m = 0; m < count; m++) {
    const r = rootOf(idOf[m]!);
    const have = firstOf[r]!;
    if (have < 0) roots.push(r);
    if (have < 0 || order[m]! < order[have]!) firstOf[r] = m;
  }
  roots.sort((a, b) => order[firstOf[a]!]! - order[firstOf[b]!]!);
  const bySubject = new Map<string, number[]>();
  for (const root of roots) {
    const key = threadSubject(t.subject(firstOf[root]!));
    if (key === '') continue;
    const list = bySubject.get(key);
    if (list) list.push(root);
    else bySubject.set(key, [root]);
  }
  const realRoot = (root: number): boolean => msgOf[root]! >= 0 && !t.reply(msgOf[root]!);
  const out: number[] = [];
  for (const group of bySubject.values()) {
    if (group.length < 2) continue;
    const main = group.find(realRoot) ?? group.reduce((a, b) => (order[firstOf[a]!]! <= order[firstOf[b]!]! ? a : b));
    for (const root of group) if (root !== main && !realRoot(root)) out.push(root);
  }
  if (!out.length) return [];
  const members = new Map<number, number[]>(out.map((r) => [r, []]));
  for (let m = 0; m < count; m++) members.get(rootOf(idOf[m]!))?.push(m);
  return out.flatMap((r) => members.get(r)!.sort((a, b) => order[a]! - order[b]!));
}
