// Which base a variant is replayed on, in this order:
//   1. the one asked for (--base);
//   2. the release a `base-commit:` line names (the message's own, else its thread's: a cover
//      letter's line holds for the whole series);
//   3. the base whose text the hunks' context and removed lines match: a posting the thread's
//      subject names ([PATCH v10 ...] -> v10) when it matches exactly or already has every hunk
//      (the mail is that posting), else the newest base that matches exactly, else the closest
//      fit (most hunks placed, then most tokens matched, then the newest);
//   4. when no base places anything: the newest base that existed at the message's date.
// Every step leaves facts (BaseChoice); the words are made in report/.
import type { HunkPlacement } from '../map/types.js';
import { BASE_SPECS, type BaseSpec } from '../model/source/index.js';
import type { Message } from '../thread/types.js';

/** How well a variant's hunks fit one base (from a text-only mapping, no compile). */
export interface BaseFit {
  base: string;
  /** Hunks that change or touch model code (code, comments-only and unplaced ones). */
  hunks: number;
  placed: number;
  /** Hunks whose change the base already has. */
  applied: number;
  /** Old-side tokens of the located hunks, and how many the base has there. */
  tokens: number;
  matched: number;
  exact: boolean;
}

export type BaseChoice =
  | { base: string; rule: 'option' }
  | { base: string; rule: 'base-commit'; commit: string; fits: BaseFit[] }
  | { base: string; rule: 'subject'; version: number; fits: BaseFit[]; unknownCommit: string | null }
  | { base: string; rule: 'exact' | 'closest'; fits: BaseFit[]; unknownCommit: string | null }
  | { base: string; rule: 'date'; date: string | null; fits: BaseFit[]; unknownCommit: string | null }
  /** A newer revision of a series: the base its previous revision was replayed on. */
  | { base: string; rule: 'revision'; previousVersion: number; previous: BaseChoice };

export class UnknownBase extends Error {
  constructor(
    readonly asked: string,
    readonly known: readonly string[],
  ) {
    super(`--base ${asked}: not a model base (bases: ${known.join(', ')})`);
  }
}

/** What the whole thread says about bases, gathered in one pass (messages are not kept). */
export interface ThreadBaseFacts {
  /** The patch version the thread is about (its patch mails', else any message's subject). */
  subjectVersion: number | null;
  /** Per message id: its parent and its own base-commit line, to find a series' cover letter. */
  byId: Map<string, { parent: string | null; baseCommit: string | null }>;
}

export function threadBaseFacts(messages: Iterable<Message>): ThreadBaseFacts {
  const fresh = new Map<number, number>();
  const any = new Map<number, number>();
  const byId = new Map<string, { parent: string | null; baseCommit: string | null }>();
  for (const m of messages) {
    byId.set(m.id, { parent: m.parent, baseCommit: m.series.baseCommit });
    const v = m.tags?.version;
    if (v == null) continue;
    any.set(v, (any.get(v) ?? 0) + 1);
    if (!m.tags?.reply) fresh.set(v, (fresh.get(v) ?? 0) + 1);
  }
  // The most frequent version, ties to the first seen.
  const pick = (count: Map<number, number>): number | null => {
    let best: [number, number] | null = null;
    for (const [v, n] of count) if (!best || n > best[1]) best = [v, n];
    return best ? best[0] : null;
  };
  return { subjectVersion: pick(fresh) ?? pick(any), byId };
}

/** The base-commit that holds for a message: its own, else the nearest ancestor's. */
function baseCommitOf(m: Message, facts: ThreadBaseFacts): string | null {
  if (m.series.baseCommit) return m.series.baseCommit;
  const seen = new Set<string>();
  for (let id = m.parent; id && !seen.has(id); ) {
    seen.add(id);
    const f = facts.byId.get(id);
    if (!f) break;
    if (f.baseCommit) return f.baseCommit;
    id = f.parent;
  }
  return null;
}

/** The release whose tag commit a (possibly abbreviated) hash names. */
function releaseOfCommit(commit: string): BaseSpec | null {
  if (commit.length < 7) return null;
  return BASE_SPECS.find((b) => b.commit?.startsWith(commit.toLowerCase())) ?? null;
}

function fitOf(base: string, placements: readonly HunkPlacement[] | null): BaseFit {
  if (placements === null) return { base, hunks: 0, placed: 0, applied: 0, tokens: 0, matched: 0, exact: false };
  let hunks = 0;
  let placed = 0;
  let applied = 0;
  let tokens = 0;
  let matched = 0;
  for (const p of placements) {
    if (p.kind === 'no-behaviour') continue;
    hunks++;
    // A base that already has the change is not the one it was written for.
    if (p.kind !== 'unplaced' && !p.alreadyApplied) placed++;
    if (p.alreadyApplied) applied++;
    if (p.match) {
      tokens += p.match.tokens;
      matched += p.match.matched;
    }
  }
  return { base, hunks, placed, applied, tokens, matched, exact: hunks > 0 && placed === hunks && tokens > 0 && matched === tokens };
}

const byNewest = (a: BaseSpec, b: BaseSpec): number => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/**
 * Chooses the base for one variant. `probe(base)` maps the variant's hunks on a base without
 * compiling, or says with null that no hunk can place on any base (none touches a model file).
 */
export function chooseBase(
  m: Message,
  facts: ThreadBaseFacts,
  asked: string | undefined,
  probe: (base: string) => readonly HunkPlacement[] | null,
): BaseChoice {
  const known = BASE_SPECS.map((b) => b.name);
  if (asked !== undefined) {
    if (!known.includes(asked)) throw new UnknownBase(asked, known);
    return { base: asked, rule: 'option' };
  }
  const commit = baseCommitOf(m, facts);
  const release = commit ? releaseOfCommit(commit) : null;
  const fits = BASE_SPECS.map((b) => fitOf(b.name, probe(b.name)));
  if (release && commit) return { base: release.name, rule: 'base-commit', commit, fits };
  const unknownCommit = commit;
  const spec = (name: string) => BASE_SPECS.find((b) => b.name === name)!;

  const named = facts.subjectVersion === null ? undefined : BASE_SPECS.find((b) => b.kind === 'posting' && b.name === `v${facts.subjectVersion}`);
  const namedFit = named && fits.find((f) => f.base === named.name);
  // The posting's own mail: every hunk is already in that base (a later base may place some).
  if (namedFit && (namedFit.exact || (namedFit.hunks > 0 && namedFit.applied === namedFit.hunks))) return { base: named!.name, rule: 'subject', version: facts.subjectVersion!, fits, unknownCommit };

  const exact = fits.filter((f) => f.exact).map((f) => spec(f.base)).sort(byNewest);
  if (exact.length) return { base: exact[0]!.name, rule: 'exact', fits, unknownCommit };

  const placing = fits.filter((f) => f.placed > 0);
  if (placing.length) {
    const ratio = (f: BaseFit) => (f.tokens ? f.matched / f.tokens : 0);
    // Equal fits: the base nearest the message's date (a 2021 posting fits a 2021 tree better
    // than a 2022 one, whatever their text shares), else the newest.
    const day = m.date ? m.date.slice(0, 10) : null;
    const away = (f: BaseFit) => (day === null ? 0 : Math.abs(Date.parse(spec(f.base).date) - Date.parse(day)));
    placing.sort((a, b) => b.placed - a.placed || ratio(b) - ratio(a) || away(a) - away(b) || byNewest(spec(a.base), spec(b.base)));
    return { base: placing[0]!.base, rule: 'closest', fits, unknownCommit };
  }

  // Nothing places: the newest base that existed when the message was written.
  const day = m.date ? m.date.slice(0, 10) : null;
  const existed = [...BASE_SPECS].sort(byNewest).find((b) => day === null || b.date <= day) ?? [...BASE_SPECS].sort(byNewest).at(-1)!;
  return { base: existed.name, rule: 'date', date: m.date, fits, unknownCommit };
}
