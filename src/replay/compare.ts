// Differences between the baseline's and a variant's outcome of one scenario: verdict, result,
// retries, notifier traffic (gained or lost, by event, owner, range and issuer), hazards gained or
// lost, final state. Each comes with its first cause (first-cause.ts) and says whether it is a
// regression (regression.ts). Step counts and source positions are not behaviour and are ignored.
import type { Outcome } from '../model/scenario/types.js';
import type { DifferenceFacts, NotifierGroup } from './cause-types.js';
import { analysePair, causeFor, type Anchor, type PairAnalysis } from './first-cause.js';
import { isRegressionOf } from './regression.js';
import { dropPositions, notifierGroup, notifierGroupKey, runEnd } from './trace-read.js';
import type { Difference } from './types.js';

export interface Comparison {
  differences: Difference[];
  regression: boolean;
  /** The two traces read against each other: made when first asked for (a difference's cause). */
  readonly analysis: PairAnalysis;
}

export function compareOutcomes(baseline: Outcome, variant: Outcome): Comparison {
  // Runs that behave the same need no first cause: their traces are not read at all.
  let pair: PairAnalysis | null = null;
  const analysis = (): PairAnalysis => (pair ??= analysePair(baseline, variant));
  const diffs: Difference[] = [];
  const add = (facts: DifferenceFacts, anchor: Anchor, regression = false) => diffs.push({ ...facts, firstCause: causeFor(analysis(), anchor), regression });
  const reg = isRegressionOf(baseline, variant);

  if (baseline.verdict !== variant.verdict) {
    add({ kind: 'verdict', baseline: baseline.verdict, variant: variant.verdict, detail: runEnd(variant, false).detail }, { kind: 'end' }, reg.verdict);
  }
  // A run that never returned has no result; when that is also a verdict change, the verdict
  // difference already says it.
  const noResult = baseline.result === null || variant.result === null;
  if (baseline.result !== variant.result && !(noResult && baseline.verdict !== variant.verdict)) {
    add({ kind: 'result', baseline: baseline.result, variant: variant.result }, { kind: 'result' }, reg.result);
  }
  if (baseline.retries !== variant.retries) {
    const lastRetry = [...analysis().gained].reverse().find((s) => s.kind === 'retry');
    add({ kind: 'retries', baseline: baseline.retries, variant: variant.retries }, lastRetry ? { kind: 'event', index: lastRetry.index } : { kind: 'end' });
  }
  for (const d of notifierDifferences(baseline, variant)) add(d.facts, d.anchor);
  for (const d of hazardDifferences(baseline, variant)) add(d.facts, d.anchor, d.facts.kind === 'hazard-gained');
  for (const d of finalDifferences(baseline, variant)) add(d.facts, { kind: 'end' }, d.regression);
  return {
    differences: diffs,
    regression: diffs.some((d) => d.regression),
    get analysis() {
      return analysis();
    },
  };
}

// ----------------------------------------------------------------------------------------------
// Notifier traffic

interface Group {
  notifier: NotifierGroup;
  /** range -> count */
  ranges: Map<string, { start: string; end: string; count: number }>;
  /** trace indices of this group's notifier events, in order */
  at: number[];
}

function notifierGroups(o: Outcome): Map<string, Group> {
  const groups = new Map<string, Group>();
  const traceIndex = new Map<number, number>();
  o.trace.forEach((e, i) => {
    if (e.t === 'notifier') traceIndex.set(e.index, i);
  });
  o.notifiers.forEach((n, idx) => {
    const key = notifierGroupKey(n);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { notifier: notifierGroup(n), ranges: new Map(), at: [] }));
    const r = `${n.start}|${n.end}`;
    const seen = g.ranges.get(r);
    if (seen) seen.count++;
    else g.ranges.set(r, { start: n.start, end: n.end, count: 1 });
    g.at.push(traceIndex.get(idx) ?? -1);
  });
  return groups;
}

const SHOWN_RANGES = 3;

/** What `g` has beyond `other`, range by range: the count, and the first ranges with theirs. */
function beyond(g: Group, other: Group | undefined): { count: number; ranges: { start: string; end: string; count: number }[]; moreRanges: number } | null {
  const more: { start: string; end: string; count: number }[] = [];
  for (const [r, x] of g.ranges) {
    const d = x.count - (other?.ranges.get(r)?.count ?? 0);
    if (d > 0) more.push({ start: x.start, end: x.end, count: d });
  }
  if (!more.length) return null;
  const count = more.reduce((a, b) => a + b.count, 0);
  return { count, ranges: more.slice(0, SHOWN_RANGES), moreRanges: Math.max(0, more.length - SHOWN_RANGES) };
}

function notifierDifferences(baseline: Outcome, variant: Outcome): { facts: DifferenceFacts; anchor: Anchor }[] {
  const gb = notifierGroups(baseline);
  const gv = notifierGroups(variant);
  const out: { facts: DifferenceFacts; anchor: Anchor }[] = [];
  for (const [key, g] of gv) {
    const other = gb.get(key);
    const more = beyond(g, other);
    if (!more) continue;
    // The first event of the group beyond what the baseline had: where the chain ends.
    const baseCount = other ? [...other.ranges.values()].reduce((a, b) => a + b.count, 0) : 0;
    const idx = g.at[Math.min(baseCount, g.at.length - 1)] ?? -1;
    out.push({ facts: { kind: 'notifier-gained', count: more.count, notifier: g.notifier, ranges: more.ranges, moreRanges: more.moreRanges }, anchor: idx >= 0 ? { kind: 'event', index: idx } : { kind: 'end' } });
  }
  for (const [key, g] of gb) {
    const fewer = beyond(g, gv.get(key));
    if (!fewer) continue;
    out.push({ facts: { kind: 'notifier-lost', count: fewer.count, notifier: g.notifier, ranges: fewer.ranges, moreRanges: fewer.moreRanges }, anchor: { kind: 'lost', notifier: g.notifier.event } });
  }
  return out;
}

// ----------------------------------------------------------------------------------------------
// Hazards

function hazardDifferences(baseline: Outcome, variant: Outcome): { facts: Extract<DifferenceFacts, { kind: 'hazard-gained' | 'hazard-lost' }>; anchor: Anchor }[] {
  type Seen = { kind: string; function: string; detail: string; count: number };
  // Each hazard's key once (dropPositions is a regex over its detail).
  const keysOf = (o: Outcome) => o.hazards.map((h) => `${h.kind}|${h.function}|${dropPositions(h.detail)}`);
  const count = (o: Outcome, keys: string[]) => {
    const m = new Map<string, Seen>();
    o.hazards.forEach((h, i) => {
      const k = keys[i]!;
      const seen = m.get(k);
      if (seen) seen.count++;
      else m.set(k, { kind: h.kind, function: h.function, detail: dropPositions(h.detail), count: 1 });
    });
    return m;
  };
  const kv = keysOf(variant);
  const cb = count(baseline, keysOf(baseline));
  const cv = count(variant, kv);
  const out: { facts: Extract<DifferenceFacts, { kind: 'hazard-gained' | 'hazard-lost' }>; anchor: Anchor }[] = [];
  // Where each kind of hazard first shows in the variant's trace: one pass, made when one is gained.
  let firstAt: Map<string, number> | null = null;
  const first = (k: string): number => {
    if (!firstAt) {
      firstAt = new Map();
      variant.trace.forEach((e, i) => {
        if (e.t !== 'hazard' || !variant.hazards[e.index]) return;
        const key = kv[e.index]!;
        if (!firstAt!.has(key)) firstAt!.set(key, i);
      });
    }
    return firstAt.get(k) ?? -1;
  };
  for (const [k, h] of cv) {
    const d = h.count - (cb.get(k)?.count ?? 0);
    if (d <= 0) continue;
    const idx = first(k);
    out.push({ facts: { kind: 'hazard-gained', count: d, hazard: h.kind, function: h.function, detail: h.detail }, anchor: idx >= 0 ? { kind: 'event', index: idx } : { kind: 'end' } });
  }
  for (const [k, h] of cb) {
    const d = h.count - (cv.get(k)?.count ?? 0);
    if (d > 0) out.push({ facts: { kind: 'hazard-lost', count: d, hazard: h.kind, function: h.function, detail: h.detail }, anchor: { kind: 'lost', notifier: null } });
  }
  return out;
}

// ----------------------------------------------------------------------------------------------
// Final state

function finalDifferences(baseline: Outcome, variant: Outcome): { facts: DifferenceFacts; regression: boolean }[] {
  const out: { facts: DifferenceFacts; regression: boolean }[] = [];
  const lines = (part: 'ptes' | 'pages' | 'gpu' | 'mirror' | 'seqs', process: string | null, a: string[], b: string[]) => {
    const gone = a.filter((l) => !b.includes(l));
    const come = b.filter((l) => !a.includes(l));
    if (!gone.length && !come.length) return;
    out.push({ facts: { kind: 'final-state', part, process, gone, come }, regression: false });
  };
  const fb = baseline.final;
  const fv = variant.final;
  const procs = [...new Set([...fb.processes.map((p) => p.name), ...fv.processes.map((p) => p.name)])];
  for (const p of procs) {
    lines('ptes', p, fb.processes.find((x) => x.name === p)?.ptes ?? [], fv.processes.find((x) => x.name === p)?.ptes ?? []);
  }
  lines('pages', null, fb.pages, fv.pages);
  lines('gpu', null, fb.gpu, fv.gpu);
  lines('mirror', null, fb.mirror, fv.mirror);
  lines('seqs', null, fb.seqs, fv.seqs);
  const newlyFailing = fv.asserts.failed.filter((f) => !fb.asserts.failed.includes(f));
  const noLongerFailing = fb.asserts.failed.filter((f) => !fv.asserts.failed.includes(f));
  if (newlyFailing.length || noLongerFailing.length || fb.asserts.passed !== fv.asserts.passed) {
    out.push({
      facts: { kind: 'final-state', part: 'checks', passed: { baseline: fb.asserts.passed, variant: fv.asserts.passed }, newlyFailing, noLongerFailing },
      // only against a baseline whose checks all ran and held: one that ended early (a bug, a
      // deadlock) never reached the checks the variant now fails
      regression: newlyFailing.length > 0 && fb.asserts.failed.length === 0 && baseline.verdict === 'completed',
    });
  }
  return out;
}
