// Wording shared by the review's text and markdown renderers, so the two say the same things.
import type { Outcome } from '../model/scenario/types.js';
import type { Person } from '../thread/types.js';
import { isDeepStrictEqual } from 'node:util';
import type { CauseStep } from '../replay/cause-types.js';
import type { Difference, HunkReview, Review, ScenarioResult, VariantReview } from '../replay/types.js';
import { differenceText } from './difference-words.js';
import { placementWords, reasonText } from './placement-words.js';
import { eventText, stepText } from './trace-words.js';

export function who(p: Person | null): string {
  if (!p) return 'unknown author';
  if (p.name && p.email) return `${p.name} <${p.email}>`;
  return p.name || p.email || 'unknown author';
}

export function shortWho(p: Person | null): string {
  return p ? p.name || p.email || 'unknown' : 'unknown';
}

/** `2021-06-10 00:18Z` */
export function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : 'undated';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `completed 0`, `completed -22`, `deadlock`, `livelock -16` (the result only where it means something). */
export function outcomeCell(o: Outcome): string {
  const retries = o.retries ? `, ${plural(o.retries, 'retry', 'retries')}` : '';
  if ((o.verdict === 'completed' || o.verdict === 'livelock') && o.result !== null) return `${o.verdict} ${o.result}${retries}`;
  return `${o.verdict}${retries}`;
}

export function resultMark(r: ScenarioResult): 'regression' | 'changed' | 'same' | 'changed (partial)' | 'same (partial)' | 'same (not reached)' {
  if (!r.reached) return 'same (not reached)';
  if (r.partial) return r.changed ? 'changed (partial)' : 'same (partial)';
  return r.regression ? 'regression' : r.changed ? 'changed' : 'same';
}

/** Leaves input as it is; the markdown renderer passes an escaper for the parts that are input. */
const asIs = (s: string): string => s;

/** Where the variant was proposed: the message, its sender and date, the quote depth. */
export function whereProposed(v: VariantReview, input: (s: string) => string = asIs): string {
  const depth = v.quoteDepth === 0 ? 'in the sender\'s own text' : `quoted at depth ${v.quoteDepth}`;
  const msg = v.messageId ? `<${input(v.messageId)}>` : `message ${v.source.index + 1} of ${input(v.source.file)}`;
  return `${msg}, ${when(v.date)}, ${depth} (${v.source.origin})`;
}

/**
 * `hunk 1: mm/rmap.c:2042-2053 page_make_device_exclusive_one(): before ...`: the kernel's lines
 * (from the hunk's `@@` header) first; the model's own line numbers are not the kernel's and are
 * left to the JSON.
 */
export function hunkWhere(h: HunkReview, n: number, input: (s: string) => string = asIs): string {
  const head = `hunk ${n}: ${input(kernelWhere(h))}${h.function ? ` ${input(h.function)}()` : ''}`;
  if (!h.mapped) return `${head}: not placed (${h.unplaced ?? 'unplaced'}): ${h.reason ? reasonText(h.reason) : 'no reason given'}`;
  const kind = h.kind === 'code' ? '' : ` [${h.kind}]`;
  return `${head}: ${h.placement ? placementWords(h.placement) : 'placed'}${kind}`;
}

/** `mm/rmap.c:2042-2053`: the hunk's new-side lines in the kernel file, from its `@@` header. */
export function kernelWhere(h: HunkReview): string {
  const { start, end } = h.kernelLines;
  return `${h.file}:${start}${end > start ? `-${end}` : ''}`;
}

export function linesOf(h: HunkReview): string {
  return h.fileLines ? `lines ${h.fileLines.start}-${h.fileLines.end}` : h.messageLine ? `message at line ${h.messageLine} (body not stored as it reads)` : '';
}

export function summaryLine(r: Review): string {
  const s = r.summary;
  const partial = s.partial ? ` (${s.partial} in part: ${plural(s.partialDifferences, 'run')} differ there, not counted)` : '';
  return `${plural(s.variants, 'variant')}, ${s.replayed} replayed${partial}; ${plural(s.differences, 'scenario run')} behave differently, ${plural(s.regressions, 'regression')}`;
}

/** A difference's own flag, said so only where it counts: a partial replay's never does. */
export function differenceTag(x: ScenarioResult, d: { regression: boolean }): string {
  if (!d.regression) return '';
  return x.partial ? 'regression if the left-out hunks did not matter; partial replay, not counted' : 'regression';
}

/**
 * One scenario's causes told once: the differences' chains mostly share their first steps, so
 * the longest chain is told as numbered steps and each difference points at the steps it needs,
 * adding only what it does not share.
 */
export interface CauseLayout {
  divergence: string | null;
  steps: string[];
  perDifference: { difference: Difference; summary: string; steps: number; extra: string[] }[];
}

export function causeLayout(r: ScenarioResult): CauseLayout {
  return causeLayoutOf(r.differences);
}

/** causeLayout() of any differences (an explored fault's or schedule's too). */
export function causeLayoutOf(differences: readonly Difference[]): CauseLayout {
  const withCause = differences.filter((d) => d.firstCause);
  const first = withCause[0]?.firstCause ?? null;
  // The chain to the end of the run tells the whole story (verdict and final state end there).
  const toEnd = withCause.find((d) => d.kind === 'verdict') ?? withCause.find((d) => d.kind === 'final-state');
  const master = toEnd ? toEnd.firstCause!.chain : withCause.reduce<CauseStep[]>((m, d) => (d.firstCause!.chain.length > m.length ? d.firstCause!.chain : m), []);
  const per = differences.map((d) => {
    const chain = d.firstCause?.chain ?? [];
    let k = 0;
    while (k < chain.length && k < master.length && sameStep(chain[k]!, master[k]!)) k++;
    return { difference: d, summary: differenceText(d), steps: k, extra: chain.slice(k).map(stepText) };
  });
  let divergence: string | null = null;
  if (first) {
    const { baseline: b, variant: v } = first.divergence;
    const stack = (s: string[]) => (s.length ? s.join(' > ') : 'the scenario');
    if (b && v) {
      const same = b.stack.join('>') === v.stack.join('>');
      divergence = `the runs part at trace event ${v.index} (thread ${v.thread}${same ? `, in ${stack(v.stack)}` : ''}): baseline: ${eventText(b.event)}${same ? '' : ` [in ${stack(b.stack)}]`}; variant: ${eventText(v.event)}${same ? '' : ` [in ${stack(v.stack)}]`}`;
    }
  }
  return { divergence, steps: master.map(stepText), perDifference: per };
}

/** The same step, one of them maybe folding more repeats of it (`×1024` against `×512`). */
function sameStep(a: CauseStep, b: CauseStep): boolean {
  if (a.kind === 'event' && b.kind === 'event') return isDeepStrictEqual({ ...a, repeat: null }, { ...b, repeat: null });
  return isDeepStrictEqual(a, b);
}

export function stepsRef(n: number): string {
  return n === 0 ? '' : n === 1 ? 'step 1' : `steps 1-${n}`;
}

const PAIR_WORDS: Record<string, string> = { lock: 'the lock', reference: 'the reference', range: 'the range', declaration: 'the declaration' };

/** What a partial replay split, one sentence per pair. */
export function splitPairLines(v: VariantReview): string[] {
  return v.splitPairs.map((p) =>
    p.kind === 'declaration'
      ? `hunk ${p.replayed} is replayed without hunk ${p.leftOut}, and the two share \`${p.names[0]}\` (declared in one, used in the other)`
      : `hunk ${p.replayed} is replayed without hunk ${p.leftOut}: ${PAIR_WORDS[p.kind]} pair \`${p.names[0]}\`/\`${p.names[1]}\` is split between them`,
  );
}

/** For a variant not replayed because some hunks could not be placed: what --partial would do. */
export function partialHint(v: VariantReview): string | null {
  if (v.replayed || !v.partialWouldReplay.length) return null;
  const n = v.partialWouldReplay;
  return `--partial would replay hunk${n.length > 1 ? 's' : ''} ${n.join(', ')} without the others, its results labelled partial`;
}

/** `1-6`, `1, 3, 5-7`: patch indices in few words. */
function indexList(ns: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    out.push(j > i ? `${ns[i]}-${ns[j]}` : `${ns[i]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** Where a series variant stands: which patch, on top of what, compared with what. */
export function seriesLine(v: VariantReview): string | null {
  const s = v.series;
  if (!s) return null;
  const of = `v${s.version}`;
  const under = s.onTopOf.filter((k) => s.index === null || k < s.index);
  const patches = (ns: readonly number[]) => `patch${ns.length > 1 ? 'es' : ''} ${indexList(ns)}`;
  let head: string;
  switch (s.role) {
    case 'patch':
      head = `patch ${s.index}/${s.total} of ${of}${under.length ? `, replayed on top of its ${patches(under)}` : ''}`;
      break;
    case 'reply':
      head = `a diff in a reply to patch ${s.index}/${s.total} of ${of}, replayed on what that patch was${under.length ? ` (its ${patches(under)})` : ''}`;
      break;
    case 'whole':
      return `the series ${of} as a whole (patches ${indexList(s.onTopOf)} of ${s.total}) against the bare base${s.incomplete.length ? `; patches ${indexList(s.incomplete)} were not wholly placed, so this replay is partial` : ''}`;
    case 'revision':
      return `${of} patches ${indexList(s.onTopOf)} against v${s.previousVersion} patches 1-${s.index}: what the revision changed up to patch ${s.index}`;
  }
  const parts = [head];
  if (s.inBase && s.index !== null && s.index > 1) parts.push(`the ${of} base is this posting: patches 1-${s.index - 1} are in it`);
  if (s.missing.length) parts.push(`the input lacks ${patches(s.missing)}, so ${s.missing.length > 1 ? 'they are' : 'it is'} not under it`);
  if (s.incomplete.length) parts.push(`${patches(s.incomplete)} ${s.incomplete.length > 1 ? 'were' : 'was'} not wholly placed, so this replay is partial`);
  if (s.previousVersion !== null) parts.push(`this is also what ${of} changed against v${s.previousVersion}'s patch ${s.index}`);
  return parts.join('; ');
}
