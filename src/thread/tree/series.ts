// What each message is in a patch series, and which messages form a series. The rules follow
// b4 and patchwork (see the conformance READMEs): a reply is a follow-up; a fresh mail with a
// diff of its own is a patch; a fresh `0/N` mail without a diff is a cover letter, and so is a
// fresh diff-less mail that the same author's patches reply to (b4's "naked" cover).
import type { Message, ThreadParse, Trailer } from '../types.js';
import { samePerson } from './people.js';

export type Role = 'cover' | 'patch' | 'followup' | 'other';

export function roles(parse: ThreadParse): Map<string, Role> {
  const out = new Map<string, Role>();
  const children = childrenOf(parse);
  const byId = new Map(parse.messages.map((m) => [m.id, m]));
  for (const m of parse.messages) out.set(m.id, roleOf(m, children.get(m.id) ?? [], byId));
  return out;
}

function roleOf(m: Message, kids: Message[], byId: Map<string, Message>): Role {
  if (m.tags?.reply) return 'followup';
  if (ownDiff(m)) return 'patch';
  if (m.tags?.cover) return 'cover';
  if (kids.some((k) => !k.tags?.reply && ownDiff(k) && samePerson(k.from, m.from))) return 'cover';
  // b4's "nore" case: no `Re:`, but a reply header and a trailer.
  const parent = m.parent ? byId.get(m.parent) : undefined;
  if ((m.inReplyTo || m.references.length) && (m.trailers.length > 0 || parent)) return 'followup';
  return 'other';
}

/** A diff the sender wrote (not a quoted one). */
function ownDiff(m: Message): boolean {
  return m.diffs.some((d) => d.quoteDepth === 0 && d.quotedFrom === null);
}

function childrenOf(parse: ThreadParse): Map<string, Message[]> {
  const out = new Map<string, Message[]>();
  for (const m of parse.messages) {
    if (!m.parent) continue;
    const list = out.get(m.parent) ?? [];
    list.push(m);
    out.set(m.parent, list);
  }
  return out;
}

export interface Series {
  version: number;
  total: number | null;
  cover: string | null;
  /** Patch Message-IDs in input order. */
  patches: string[];
  /** Every numbered patch 1..total is there. */
  complete: boolean;
}

const SAME_SUBMISSION_MS = 20 * 60 * 1000;

/**
 * Groups covers and patches into series, in input order (as patchwork does): first through
 * reply headers (a Message-ID seen in a series belongs to the series that saw it first), else
 * by same sender, version and total within 20 minutes. A series holds one cover and one patch
 * per number; a patch without `x/N` is a series of its own unless it answers an unnumbered cover.
 */
export function groupSeries(parse: ThreadParse): Series[] {
  const role = roles(parse);
  const inputOrder = [...parse.messages].sort(
    (a, b) => a.source.file.localeCompare(b.source.file) || a.source.index - b.source.index,
  );
  interface Group extends Series {
    first: Message;
    numbers: Set<number>;
  }
  const groups: Group[] = [];
  const claimed = new Map<string, Group>();
  for (const m of inputOrder) {
    const r = role.get(m.id);
    if (r !== 'cover' && r !== 'patch') continue;
    const version = m.tags?.version ?? 1;
    const index = r === 'cover' ? 0 : (m.tags?.index ?? null);
    const total = m.tags?.total ?? null;
    const fits = (g: Group): boolean => {
      // Unnumbered: only a patch that answers an unnumbered ("naked", b4) cover joins it.
      if (index === null) return r === 'patch' && g.cover !== null && g.total === null && m.parent === g.cover;
      if (r === 'cover' ? g.cover !== null : g.numbers.has(index)) return false;
      if (g.version === version) return true;
      return closeInTime(g.first, m) && samePerson(g.first.from, m.from);
    };
    let group: Group | undefined;
    for (const id of [m.id, ...(m.inReplyTo ? [m.inReplyTo] : []), ...[...m.references].reverse()]) {
      const g = claimed.get(id);
      if (g) {
        if (fits(g)) group = g;
        break;
      }
    }
    group ??= groups.find(
      (g) =>
        index !== null &&
        g.version === version &&
        g.total === total &&
        samePerson(g.first.from, m.from) &&
        closeInTime(g.first, m) &&
        fits(g),
    );
    if (!group) {
      group = { version, total, cover: null, patches: [], complete: false, first: m, numbers: new Set() };
      groups.push(group);
    }
    if (r === 'cover') group.cover = m.id;
    else group.patches.push(m.id);
    if (index !== null) group.numbers.add(index);
    group.total ??= total;
    for (const id of [m.id, ...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])]) {
      if (!claimed.has(id)) claimed.set(id, group);
    }
  }
  return groups.map(({ version, total, cover, patches, numbers }) => ({
    version,
    total,
    cover,
    patches,
    complete: total === null ? patches.length > 0 : Array.from({ length: total }, (_, i) => i + 1).every((n) => numbers.has(n)),
  }));
}

function closeInTime(a: Message, b: Message): boolean {
  if (!a.date || !b.date) return false;
  return Math.abs(Date.parse(a.date) - Date.parse(b.date)) <= SAME_SUBMISSION_MS;
}

/**
 * The trailers a patch ends up with, as b4 collects them: its own, then those of follow-ups
 * whose nearest patch-or-cover up the reply chain is this patch (replies to replies count:
 * "chain of custody"), then those sent to its series' cover letter. A person trailer is taken
 * only when its address is the follow-up sender's (b4 drops others unless `--sloppy`);
 * a trailer already present is not added twice.
 */
export function collectTrailers(parse: ThreadParse, patchId: string, opts: { sloppy?: boolean } = {}): Trailer[] {
  const { role, series } = seriesView(parse);
  const byId = new Map(parse.messages.map((m) => [m.id, m]));
  const patch = byId.get(patchId);
  if (!patch) return [];
  const cover = series.find((s) => s.patches.includes(patchId))?.cover ?? null;
  const targetOf = (m: Message): string | null => {
    for (let p = m.parent; p !== null; ) {
      const up = byId.get(p);
      if (!up) return null;
      const r = role.get(p);
      if (r === 'patch' || r === 'cover') return p;
      p = up.parent;
    }
    return null;
  };
  const followups = parse.messages
    .filter((m) => role.get(m.id) === 'followup')
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const out: Trailer[] = [...patch.trailers];
  const has = (t: Trailer): boolean =>
    out.some((o) => o.key === t.key && o.value.toLowerCase() === t.value.toLowerCase());
  for (const target of [patchId, cover]) {
    if (target === null) continue;
    for (const f of followups) {
      if (targetOf(f) !== target) continue;
      for (const t of f.trailers) {
        if (!opts.sloppy && isPersonTrailer(t) && !addressIs(t.value, f.from.email)) continue;
        if (!has(t)) out.push(t);
      }
    }
  }
  return out;
}

/** Roles and series of a parse, worked out once however many patches ask. */
const views = new WeakMap<ThreadParse, { role: Map<string, Role>; series: Series[] }>();
function seriesView(parse: ThreadParse): { role: Map<string, Role>; series: Series[] } {
  let v = views.get(parse);
  if (!v) views.set(parse, (v = { role: roles(parse), series: groupSeries(parse) }));
  return v;
}

function isPersonTrailer(t: Trailer): boolean {
  return t.key !== 'Fixes' && t.key !== 'Link';
}

function addressIs(value: string, email: string): boolean {
  const m = /<([^<>\s]+@[^<>\s]+)>|([^\s<>]+@[^\s<>]+)/.exec(value);
  const addr = m?.[1] ?? m?.[2];
  return !!addr && !!email && addr.toLowerCase() === email.toLowerCase();
}
