// Differences between the baseline's and a variant's outcome of one scenario: verdict, result,
// retries, notifier traffic (gained or lost, by event, owner, range and issuer), hazards gained or
// lost, final state. Each comes with its first cause (first-cause.ts) and says whether it is a
// regression (regression.ts). Step counts and source positions are not behaviour and are ignored.
import type { NotifierRecord } from '../model/kernel/mm/mmu_notifier.js';
import type { Outcome } from '../model/scenario/types.js';
import { analysePair, causeFor, errnoText, type Anchor, type PairAnalysis } from './first-cause.js';
import { isRegressionOf } from './regression.js';
import { code, dropPositions, issuerOf, ownerText } from './trace-read.js';
import type { Difference, DifferenceKind } from './types.js';

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
  const add = (kind: DifferenceKind, summary: string, anchor: Anchor, regression = false) =>
    diffs.push({ kind, summary, firstCause: causeFor(analysis(), anchor), regression });
  const reg = isRegressionOf(baseline, variant);

  if (baseline.verdict !== variant.verdict) {
    add('verdict', `verdict: ${baseline.verdict} → ${variant.verdict}${variant.verdict === 'completed' ? '' : ` (${shortDetail(variant)})`}`, { kind: 'end' }, reg.verdict);
  }
  // A run that never returned has no result; when that is also a verdict change, the verdict
  // difference already says it.
  const noResult = baseline.result === null || variant.result === null;
  if (baseline.result !== variant.result && !(noResult && baseline.verdict !== variant.verdict)) {
    add('result', `result: ${errnoText(baseline.result)} → ${errnoText(variant.result)}`, { kind: 'result' }, reg.result);
  }
  if (baseline.retries !== variant.retries) {
    const lastRetry = [...analysis().gained].reverse().find((s) => s.kind === 'retry');
    add('retries', `retries: ${baseline.retries} → ${variant.retries}`, lastRetry ? { kind: 'event', index: lastRetry.index } : { kind: 'end' });
  }
  for (const d of notifierDifferences(baseline, variant)) add(d.kind, d.summary, d.anchor);
  for (const d of hazardDifferences(baseline, variant)) add(d.kind, d.summary, d.anchor, d.kind === 'hazard-gained');
  for (const d of finalDifferences(baseline, variant)) add('final-state', d.summary, { kind: 'end' }, d.regression);
  return {
    differences: diffs,
    regression: diffs.some((d) => d.regression),
    get analysis() {
      return analysis();
    },
  };
}

function shortDetail(o: Outcome): string {
  return dropPositions(o.detail.replace(/ \[stack: [^\]]*\]/, ''));
}

// ----------------------------------------------------------------------------------------------
// Notifier traffic

interface Group {
  key: string;
  text: string;
  /** range -> count */
  ranges: Map<string, number>;
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
    const who = issuerOf(n.stack);
    const key = `${n.event}|${n.owner ?? 'NULL'}|${who.issuer}|${who.via.join('<')}|${n.subscribers.map((s) => `${s.name}:${s.action}`).join(',')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, text: groupText(n), ranges: new Map(), at: [] }));
    const r = `[${n.start}, ${n.end})`;
    g.ranges.set(r, (g.ranges.get(r) ?? 0) + 1);
    g.at.push(traceIndex.get(idx) ?? -1);
  });
  return groups;
}

function groupText(n: NotifierRecord): string {
  const subs = n.subscribers.map((s) => `${code(s.name)} ${s.action === 'seq-bumped' ? 'seq bumped' : s.action}`).join(', ');
  return `${n.event} with ${ownerText(n.owner)} from ${issuerOf(n.stack).text}${subs ? `; ${subs}` : '; no subscriber'}`;
}

function rangesText(r: Map<string, number>): string {
  const list = [...r.entries()];
  const shown = list.slice(0, 3).map(([range, n]) => (n > 1 ? `${range} ×${n}` : range));
  return `over ${shown.join(', ')}${list.length > 3 ? ` and ${list.length - 3} more range(s)` : ''}`;
}

function notifierDifferences(baseline: Outcome, variant: Outcome): { kind: DifferenceKind; summary: string; anchor: Anchor }[] {
  const gb = notifierGroups(baseline);
  const gv = notifierGroups(variant);
  const out: { kind: DifferenceKind; summary: string; anchor: Anchor }[] = [];
  for (const [key, g] of gv) {
    const other = gb.get(key)?.ranges ?? new Map<string, number>();
    const more = new Map<string, number>();
    for (const [r, n] of g.ranges) if (n > (other.get(r) ?? 0)) more.set(r, n - (other.get(r) ?? 0));
    if (!more.size) continue;
    const total = [...more.values()].reduce((a, b) => a + b, 0);
    // The first event of the group beyond what the baseline had: where the chain ends.
    const baseCount = [...other.values()].reduce((a, b) => a + b, 0);
    const idx = g.at[Math.min(baseCount, g.at.length - 1)] ?? -1;
    out.push({ kind: 'notifier-gained', summary: `+${total} ${g.text} ${rangesText(more)}`, anchor: idx >= 0 ? { kind: 'event', index: idx } : { kind: 'end' } });
  }
  for (const [key, g] of gb) {
    const other = gv.get(key)?.ranges ?? new Map<string, number>();
    const fewer = new Map<string, number>();
    for (const [r, n] of g.ranges) if (n > (other.get(r) ?? 0)) fewer.set(r, n - (other.get(r) ?? 0));
    if (!fewer.size) continue;
    const total = [...fewer.values()].reduce((a, b) => a + b, 0);
    out.push({ kind: 'notifier-lost', summary: `−${total} ${g.text} ${rangesText(fewer)}`, anchor: { kind: 'lost', noLonger: `the variant no longer issues this ${g.text.split(' ')[0]}`, endsBefore: `the variant's run ends before it issues this ${g.text.split(' ')[0]}` } });
  }
  return out;
}

// ----------------------------------------------------------------------------------------------
// Hazards

function hazardDifferences(baseline: Outcome, variant: Outcome): { kind: DifferenceKind; summary: string; anchor: Anchor }[] {
  const key = (h: Outcome['hazards'][number]) => `${h.kind} in ${code(h.function)}: ${dropPositions(h.detail)}`;
  const count = (o: Outcome) => {
    const m = new Map<string, number>();
    for (const h of o.hazards) m.set(key(h), (m.get(key(h)) ?? 0) + 1);
    return m;
  };
  const cb = count(baseline);
  const cv = count(variant);
  const out: { kind: DifferenceKind; summary: string; anchor: Anchor }[] = [];
  for (const [k, n] of cv) {
    const d = n - (cb.get(k) ?? 0);
    if (d <= 0) continue;
    const idx = variant.trace.findIndex((e) => e.t === 'hazard' && variant.hazards[e.index] && key(variant.hazards[e.index]!) === k);
    out.push({ kind: 'hazard-gained', summary: `+${d} hazard ${k}`, anchor: idx >= 0 ? { kind: 'event', index: idx } : { kind: 'end' } });
  }
  for (const [k, n] of cb) {
    const d = n - (cv.get(k) ?? 0);
    if (d > 0) out.push({ kind: 'hazard-lost', summary: `−${d} hazard ${k}`, anchor: { kind: 'lost', noLonger: 'the variant no longer hits this hazard', endsBefore: "the variant's run ends before this hazard" } });
  }
  return out;
}

// ----------------------------------------------------------------------------------------------
// Final state

function finalDifferences(baseline: Outcome, variant: Outcome): { summary: string; regression: boolean }[] {
  const out: { summary: string; regression: boolean }[] = [];
  const lines = (name: string, a: string[], b: string[]) => {
    const gone = a.filter((l) => !b.includes(l));
    const come = b.filter((l) => !a.includes(l));
    if (!gone.length && !come.length) return;
    const list = (l: string[]) => (l.length ? l.slice(0, 3).join('; ') + (l.length > 3 ? `; and ${l.length - 3} more` : '') : '(nothing)');
    out.push({ summary: `final ${name}: ${list(gone)} → ${list(come)}`, regression: false });
  };
  const fb = baseline.final;
  const fv = variant.final;
  const procs = [...new Set([...fb.processes.map((p) => p.name), ...fv.processes.map((p) => p.name)])];
  for (const p of procs) {
    lines(`ptes of ${p}`, fb.processes.find((x) => x.name === p)?.ptes ?? [], fv.processes.find((x) => x.name === p)?.ptes ?? []);
  }
  lines('pages', fb.pages, fv.pages);
  lines('GPU page table', fb.gpu, fv.gpu);
  lines('dmirror mirror', fb.mirror, fv.mirror);
  lines('notifier seqs', fb.seqs, fv.seqs);
  const newly = fv.asserts.failed.filter((f) => !fb.asserts.failed.includes(f));
  const fixed = fb.asserts.failed.filter((f) => !fv.asserts.failed.includes(f));
  if (newly.length || fixed.length || fb.asserts.passed !== fv.asserts.passed) {
    const parts = [`${fb.asserts.passed} → ${fv.asserts.passed} passed`];
    if (newly.length) parts.push(`newly failing: ${newly.join('; ')}`);
    if (fixed.length) parts.push(`no longer failing: ${fixed.join('; ')}`);
    out.push({ summary: `scenario checks: ${parts.join('; ')}`, regression: newly.length > 0 && fb.asserts.failed.length === 0 });
  }
  return out;
}
