// The reply tree, JWZ-style: Message-ID / In-Reply-To / References, with placeholder containers
// for ids that are referred to but not in the input, so messages that arrive before their
// parents (or whose parents are missing) still hang in the right place.
// Unlike JWZ we do not merge trees by subject: a lore t.mbox.gz also holds replies that only
// share the subject; they stay out of the tree and are listed as `unlinked`.
import type { Placeholder } from './types.js';
import { threadSubject } from './subject-tags.js';

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

interface Container {
  id: string;
  message: ThreadInput | null;
  parent: string | null;
  /** Someone's parent: only such a container can be an ancestor. A field, not a Set: one per id costs less. */
  hasKids: boolean;
}

/**
 * With `setParent`, each message's parent is handed to it instead of kept in `parent` (left
 * empty): on a big input that Map would sit beside the containers at the peak of memory.
 */
export function threadMessages<T extends ThreadInput>(msgs: T[], setParent?: (m: T, parent: string | null) => void): ThreadResult {
  const box = new Map<string, Container>();
  const get = (id: string): Container => {
    let c = box.get(id);
    if (!c) box.set(id, (c = { id, message: null, parent: null, hasKids: false }));
    return c;
  };
  for (const m of msgs) get(m.id).message = m;

  const isAncestor = (maybe: string, of: string): boolean => {
    for (let p: string | null = of; p !== null; p = box.get(p)?.parent ?? null) if (p === maybe) return true;
    return false;
  };
  // Only a container with children can be someone's ancestor: checking that first keeps a long
  // References chain (10,000 ids, each linked to the one before) linear instead of quadratic.
  const link = (child: string, parent: string): void => {
    const c = get(child);
    if (child === parent || (c.hasKids && isAncestor(child, parent))) return; // never make a loop
    const p = get(parent);
    c.parent = p.id;
    p.hasKids = true;
  };

  // First a message's own header decides its parent: In-Reply-To first (References are often cut
  // short by clients), else the last reference.
  for (const m of msgs) {
    const parent = m.inReplyTo && m.inReplyTo !== m.id ? m.inReplyTo : lastOther(m.references, m.id);
    if (parent) link(m.id, parent);
  }

  // Then References give the chain of ancestors; they only fill links nobody set yet (a mail
  // without reply headers of its own can get its parent from a later mail's References), and
  // a wrongly ordered References list cannot undo what the mails themselves said.
  for (const m of msgs) {
    const refs = m.references.filter((r) => r !== m.id);
    for (let i = 1; i < refs.length; i++) {
      if (get(refs[i]!).parent === null) link(refs[i]!, refs[i - 1]!);
    }
  }
  // Children are listed only under placeholders (a big mbox has few; every message has a parent).
  const children = new Map<string, string[]>();
  for (const c of box.values()) {
    if (c.parent === null || box.get(c.parent)!.message) continue;
    const list = children.get(c.parent) ?? [];
    list.push(c.id);
    children.set(c.parent, list);
  }
  const placeholders: Placeholder[] = [];
  for (const c of box.values()) {
    if (c.message || !children.has(c.id)) continue;
    placeholders.push({ id: c.id, parent: c.parent, children: children.get(c.id)! });
  }
  children.clear();
  const parent = new Map<string, string | null>();
  for (const m of msgs) {
    const p = box.get(m.id)!.parent;
    if (setParent) setParent(m, p);
    else parent.set(m.id, p);
  }
  return { parent, placeholders, unlinked: subjectOnly(msgs, box) };
}

function lastOther(refs: string[], self: string): string | null {
  for (let i = refs.length - 1; i >= 0; i--) if (refs[i] !== self) return refs[i]!;
  return null;
}

/**
 * Trees that share a subject with another tree and have no real root (a placeholder or a
 * reply at the top) are linked only by subject: their messages go to `unlinked`. A tree whose
 * root is a fresh, non-reply mail (a resend, a new version) is a thread of its own.
 */
function subjectOnly(msgs: ThreadInput[], box: Map<string, Container>): string[] {
  const rootOf = (id: string): string => {
    let c = box.get(id)!;
    while (c.parent !== null) c = box.get(c.parent)!;
    return c.id;
  };
  // Each tree's first message (date order); members are gathered only for trees that go to `unlinked`.
  const firstOf = new Map<string, ThreadInput>();
  for (const m of msgs) {
    const r = rootOf(m.id);
    const have = firstOf.get(r);
    if (!have || m.order < have.order) firstOf.set(r, m);
  }
  const trees = [...firstOf].sort((a, b) => a[1].order - b[1].order);
  firstOf.clear();
  const bySubject = new Map<string, { root: string; first: ThreadInput }[]>();
  for (const [root, first] of trees) {
    const key = threadSubject(first.subject);
    if (key === '') continue;
    const list = bySubject.get(key) ?? [];
    list.push({ root, first });
    bySubject.set(key, list);
  }
  const out: string[] = [];
  for (const group of bySubject.values()) {
    if (group.length < 2) continue;
    const realRoot = (t: { root: string }): boolean => {
      const m = box.get(t.root)!.message;
      return m !== null && !m.reply;
    };
    const main = group.find(realRoot) ?? group.reduce((a, b) => (a.first.order <= b.first.order ? a : b));
    for (const t of group) if (t !== main && !realRoot(t)) out.push(t.root);
  }
  if (!out.length) return [];
  const members = new Map<string, ThreadInput[]>(out.map((r) => [r, []]));
  for (const m of msgs) members.get(rootOf(m.id))?.push(m);
  return out.flatMap((r) => members.get(r)!.sort((a, b) => a.order - b.order).map((m) => m.id));
}
