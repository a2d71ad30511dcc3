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
}

export function threadMessages(msgs: ThreadInput[]): ThreadResult {
  const box = new Map<string, Container>();
  const get = (id: string): Container => {
    let c = box.get(id);
    if (!c) box.set(id, (c = { id, message: null, parent: null }));
    return c;
  };
  for (const m of msgs) get(m.id).message = m;

  const isAncestor = (maybe: string, of: string): boolean => {
    for (let p: string | null = of; p !== null; p = box.get(p)?.parent ?? null) if (p === maybe) return true;
    return false;
  };
  // Only a container with children can be someone's ancestor: checking that first keeps a long
  // References chain (10,000 ids, each linked to the one before) linear instead of quadratic.
  const hasKids = new Set<string>();
  const link = (child: string, parent: string): void => {
    if (child === parent || (hasKids.has(child) && isAncestor(child, parent))) return; // never make a loop
    get(child).parent = get(parent).id;
    hasKids.add(parent);
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
  const children = new Map<string, string[]>();
  for (const c of box.values()) {
    if (c.parent === null) continue;
    const list = children.get(c.parent) ?? [];
    list.push(c.id);
    children.set(c.parent, list);
  }
  const placeholders: Placeholder[] = [];
  for (const c of box.values()) {
    if (c.message || !children.has(c.id)) continue;
    placeholders.push({ id: c.id, parent: c.parent, children: children.get(c.id)! });
  }
  const parent = new Map<string, string | null>();
  for (const m of msgs) parent.set(m.id, box.get(m.id)!.parent);
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
  const trees = new Map<string, ThreadInput[]>();
  for (const m of [...msgs].sort((a, b) => a.order - b.order)) {
    const r = rootOf(m.id);
    const list = trees.get(r) ?? [];
    list.push(m);
    trees.set(r, list);
  }
  const bySubject = new Map<string, { root: string; members: ThreadInput[] }[]>();
  for (const [root, members] of trees) {
    const key = threadSubject(members[0]!.subject);
    if (key === '') continue;
    const list = bySubject.get(key) ?? [];
    list.push({ root, members });
    bySubject.set(key, list);
  }
  const unlinked: string[] = [];
  for (const group of bySubject.values()) {
    if (group.length < 2) continue;
    const realRoot = (t: { root: string }): boolean => {
      const m = box.get(t.root)!.message;
      return m !== null && !m.reply;
    };
    const main = group.find(realRoot) ?? group.reduce((a, b) => (a.members[0]!.order <= b.members[0]!.order ? a : b));
    for (const t of group) {
      if (t === main || realRoot(t)) continue;
      for (const m of t.members) unlinked.push(m.id);
    }
  }
  return unlinked;
}
