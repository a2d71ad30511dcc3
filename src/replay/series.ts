// Series and their revisions, read off the thread. A series is the patch mails of one posting
// (`[PATCH v11 k/N]`, carrying a diff): the same author, version and N (or one b4 change-id),
// whether they came in one mbox or as separate files. Patch k is replayed on the base plus the
// series' patches before it that the input has; a reply that quotes or reworks patch k is a
// variant of that same chain. Postings of the same series in several versions are revisions: a
// newer one is compared with the one before it.
import type { Message } from '../thread/types.js';
import type { ThreadBaseFacts } from './choose-base.js';

export interface SeriesMember {
  /** The series this patch belongs to (SeriesIndex.series key). */
  series: string;
  index: number;
  total: number;
  version: number;
  /** Position of the message in parse.messages, for reading it again. */
  messageIndex: number;
  messageId: string;
  /** The subject without its tags: what stays the same across revisions. */
  title: string;
}

export interface SeriesInfo {
  key: string;
  version: number;
  total: number;
  /** Present patches, by index. */
  members: SeriesMember[];
  /** The previous revision's key (same series, the highest lower version the input has). */
  previous: string | null;
}

export interface SeriesIndex {
  byMessage: Map<string, SeriesMember>;
  series: Map<string, SeriesInfo>;
}

/** `v10`, `v11` ...: one series across revisions, by change-id, else author and length. */
function identityOf(m: Message, changeIdOf: (m: Message) => string | null): string {
  const id = changeIdOf(m);
  if (id) return `change-id ${id}`;
  return `${(m.from.email || m.from.name).toLowerCase()} /${m.tags!.total}`;
}

export function indexSeries(messages: readonly Message[], facts: ThreadBaseFacts): SeriesIndex {
  const changeIds = new Map<string, string | null>();
  const changeIdOf = (m: Message): string | null => {
    if (m.series.changeId) return m.series.changeId;
    // a cover letter's change-id holds for the patches replying to it
    for (let id = m.parent, n = 0; id && n < 50; n++) {
      const f = facts.byId.get(id);
      if (!f) break;
      if (changeIds.has(id)) return changeIds.get(id)!;
      id = f.parent;
    }
    return null;
  };
  const byMessage = new Map<string, SeriesMember>();
  const series = new Map<string, SeriesInfo>();
  const identities = new Map<string, Set<string>>();
  // Cover letters' change-ids first (they come before their patches, but the input may not).
  for (const m of messages) if (m.tags?.cover && m.series.changeId) changeIds.set(m.id, m.series.changeId);
  let i = 0;
  for (const m of messages) {
    const t = m.tags;
    const at = i++;
    if (!t || t.reply || t.cover || t.index == null || t.total == null || t.total < 2 || t.index < 1 || t.index > t.total) continue;
    if (!m.diffs.some((d) => d.quoteDepth === 0)) continue;
    const version = t.version ?? 1;
    const identity = identityOf(m, changeIdOf);
    const key = `${identity} v${version}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { key, version, total: t.total, members: [], previous: null }));
    if (s.members.some((x) => x.index === t.index)) continue; // a resend or a second copy
    const title = m.subject.replace(/^\s*((re|aw|fwd?)\s*:\s*)*(\[[^\]]*\]\s*)+/i, '').trim();
    const member: SeriesMember = { series: key, index: t.index, total: t.total, version, messageIndex: at, messageId: m.id, title };
    s.members.push(member);
    byMessage.set(m.id, member);
    const set = identities.get(identity) ?? new Set<string>();
    set.add(key);
    identities.set(identity, set);
  }
  for (const s of series.values()) s.members.sort((a, b) => a.index - b.index);
  // revisions: each series points at the highest lower version of the same identity that has a
  // patch of the same title (one author's unrelated series of the same length are not revisions)
  for (const keys of identities.values()) {
    const list = [...keys].map((k) => series.get(k)!).sort((a, b) => a.version - b.version);
    for (let k = 1; k < list.length; k++) {
      const titles = new Set(list[k]!.members.map((m) => m.title));
      const prev = list.slice(0, k).reverse().find((s) => s.members.some((m) => titles.has(m.title)));
      if (prev) list[k]!.previous = prev.key;
    }
  }
  return { byMessage, series };
}

/** The series patch a message is, or the one it replies to (nearest ancestor), or null. */
export function seriesPatchOf(m: Message, idx: SeriesIndex, facts: ThreadBaseFacts): { member: SeriesMember; reply: boolean } | null {
  const own = idx.byMessage.get(m.id);
  if (own) return { member: own, reply: false };
  for (let id = m.parent, n = 0; id && n < 50; n++) {
    const hit = idx.byMessage.get(id);
    if (hit) return { member: hit, reply: true };
    id = facts.byId.get(id)?.parent ?? null;
  }
  return null;
}
