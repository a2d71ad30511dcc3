// The first cause of a difference: the earliest point where the baseline's and the variant's
// traces part (with the call stack on each side), then the chain of events read off the
// variant's trace from there to the difference. Everything here is read from the two traces:
// nothing knows what the variant's patch says.
import type { Outcome } from '../model/scenario/types.js';
import type { CauseStep, FirstCause, TracePoint } from './cause-types.js';
import { Stacks, eventFact, firstKeyDifference, runEnd, significantEvents, threadAt, type Significant } from './trace-read.js';

export interface PairAnalysis {
  /** Null when the two traces are the same event for event. */
  divergence: { baseline: TracePoint; variant: TracePoint } | null;
  /** Variant events after the divergence that the baseline does not have, in order. */
  gained: Significant[];
  /** Baseline events after the divergence that the variant does not have. */
  lost: Significant[];
  variant: Outcome;
  baseline: Outcome;
}

export function analysePair(baseline: Outcome, variant: Outcome): PairAnalysis {
  const i = firstKeyDifference(baseline, variant);
  if (i === null) return { divergence: null, gained: [], lost: [], variant, baseline };
  const sb = significantEvents(baseline, i);
  const sv = significantEvents(variant, i);
  const { gained, lost } = matchForward(sb, sv);
  return { divergence: { baseline: pointAt(baseline, i, variant), variant: pointAt(variant, i, baseline) }, gained, lost, variant, baseline };
}

function pointAt(o: Outcome, index: number, other: Outcome): TracePoint {
  const thread = threadAt(o.trace, index);
  const stack = new Stacks(o.trace).before(index, thread);
  const e = o.trace[index];
  const oe = other.trace[index];
  // Arguments only matter when both sides call the same function (then they are the difference).
  const withArgs = e?.t === 'call' && oe?.t === 'call' && e.fn === oe.fn;
  return { index, thread, event: eventFact(o, index, stack[stack.length - 1] ?? null, withArgs), stack };
}

/**
 * Greedy in-order matching by key: each variant event takes the first unused baseline event with
 * the same key after the last match. What finds no partner is gained; baseline events skipped
 * over are lost.
 */
function matchForward(base: Significant[], variant: Significant[]): { gained: Significant[]; lost: Significant[] } {
  const positions = new Map<string, number[]>();
  base.forEach((s, i) => {
    const l = positions.get(s.key);
    if (l) l.push(i);
    else positions.set(s.key, [i]);
  });
  const used = new Array<boolean>(base.length).fill(false);
  const gained: Significant[] = [];
  let p = 0;
  for (const v of variant) {
    const l = positions.get(v.key);
    const q = l ? firstAtOrAfter(l, p) : -1;
    if (q < 0) {
      gained.push(v);
      continue;
    }
    used[q] = true;
    p = q + 1;
  }
  return { gained, lost: base.filter((_, i) => !used[i]) };
}

function firstAtOrAfter(sorted: number[], p: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : -1;
}

/** Where a difference's chain ends. */
export type Anchor =
  | { kind: 'end' }
  | { kind: 'event'; index: number }
  | { kind: 'result' }
  /** Something the baseline did that the variant does not: a notifier of this event, or a hazard. */
  | { kind: 'lost'; notifier: string | null };

/**
 * Where the run's result came from: the scenario-level call that returned it, followed down
 * through the callees that returned the same value, innermost first.
 */
export function resultOrigin(o: Outcome): { index: number; functions: string[] } | null {
  if (o.result === null) return null;
  const want = String(o.result);
  const t = o.trace;
  let j = -1;
  for (let i = t.length - 1; i >= 0; i--) {
    const e = t[i]!;
    if (e.t === 'return' && e.depth === 1 && e.value === want) {
      j = i;
      break;
    }
  }
  if (j < 0) return null;
  const chain = [j];
  for (;;) {
    const outer = t[chain[chain.length - 1]!] as Extract<(typeof t)[number], { t: 'return' }>;
    let found = -1;
    for (let i = chain[chain.length - 1]! - 1; i >= 0; i--) {
      const e = t[i]!;
      // The outer function's own call: its callees are all behind us.
      if (e.t === 'call' && e.thread === outer.thread && e.depth === outer.depth) break;
      if (e.t === 'return' && e.thread === outer.thread && e.depth === outer.depth + 1 && e.value === want) {
        found = i;
        break;
      }
    }
    if (found < 0) break;
    chain.push(found);
  }
  const fns = chain.map((i) => (t[i] as { fn: string }).fn).reverse();
  return { index: chain[chain.length - 1]!, functions: fns };
}

/** The first cause of one difference, ending at `anchor`. */
export function causeFor(a: PairAnalysis, anchor: Anchor): FirstCause | null {
  if (!a.divergence) return null;
  let upTo = Number.POSITIVE_INFINITY;
  let last: CauseStep | null = null;
  switch (anchor.kind) {
    case 'event':
      upTo = anchor.index;
      break;
    case 'result': {
      const origin = resultOrigin(a.variant);
      if (origin) upTo = origin.index;
      last = { kind: 'result', value: a.variant.result, from: origin ? origin.functions : [] };
      break;
    }
    case 'end':
      last = { kind: 'end', ...runEnd(a.variant, false) };
      break;
    case 'lost': {
      const endsBefore = a.variant.verdict !== 'completed' || a.variant.final.asserts.failed.length > 0;
      last = anchor.notifier !== null ? { kind: 'lost-notifier', event: anchor.notifier, endsBefore } : { kind: 'lost-hazard', endsBefore };
      break;
    }
  }
  const steps = collapse(a.gained.filter((s) => s.index <= upTo));
  if (last) steps.push(last);
  return { divergence: a.divergence, chain: cap(steps) };
}

/** Runs of events of the same shape become one step with a count; pass changes are marked. */
function collapse(events: Significant[]): CauseStep[] {
  const merged: Significant[] = [];
  for (let i = 0; i < events.length; i++) {
    const s = events[i]!;
    const next = events[i + 1];
    // A failed trylock right before blocking on the same lock says nothing more.
    if (s.kind === 'lock' && next?.kind === 'lock') {
      const a = s.fact;
      const b = next.fact;
      if (a.kind === 'lock' && b.kind === 'lock' && a.op === 'trylock-fail' && b.op === 'block' && a.lock === b.lock && a.fn === b.fn) continue;
    }
    merged.push(s);
  }
  const out: CauseStep[] = [];
  let pass = 1;
  for (let i = 0; i < merged.length; ) {
    const s = merged[i]!;
    let j = i + 1;
    const keys = new Set([s.key]);
    while (j < merged.length && merged[j]!.shape === s.shape && merged[j]!.pass === s.pass) keys.add(merged[j++]!.key);
    const n = j - i;
    out.push({ kind: 'event', event: s.fact, pass: s.pass, firstOfPass: s.pass !== pass, repeat: n > 1 ? { times: n, distinct: keys.size } : null });
    pass = s.pass;
    i = j;
  }
  return out;
}

const MAX_CHAIN = 10;

function cap(steps: CauseStep[]): CauseStep[] {
  if (steps.length <= MAX_CHAIN) return steps;
  const head = steps.slice(0, 6);
  const tail = steps.slice(steps.length - 3);
  return [...head, { kind: 'elided', steps: steps.length - 9 }, ...tail];
}
