// The first cause of a difference: the earliest point where the baseline's and the variant's
// traces part (with the call stack on each side), then the chain of events read off the
// variant's trace from there to the difference. Everything here is read from the two traces:
// nothing knows what the variant's patch says.
import type { Outcome } from '../model/scenario/types.js';
import type { FirstCause, TracePoint } from './types.js';
import { Stacks, code, describeEvent, dropPositions, firstKeyDifference, significantEvents, threadAt, type Significant } from './trace-read.js';

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
  return { index, thread, event: describeEvent(o, index, stack[stack.length - 1] ?? null, withArgs), stack };
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
  /** Something the baseline did that the variant does not: how to say so either way. */
  | { kind: 'lost'; noLonger: string; endsBefore: string };

const ERRNO: Record<number, string> = { 1: 'EPERM', 2: 'ENOENT', 4: 'EINTR', 5: 'EIO', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 14: 'EFAULT', 16: 'EBUSY', 17: 'EEXIST', 22: 'EINVAL' };

export function errnoText(v: number | null): string {
  if (v === null) return 'none (the call never returned)';
  return v < 0 && ERRNO[-v] ? `${v} (${ERRNO[-v]})` : String(v);
}

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
  const { baseline: b, variant: v } = a.divergence;
  let upTo = Number.POSITIVE_INFINITY;
  let last: string | null = null;
  const origin = anchor.kind === 'result' ? resultOrigin(a.variant) : null;
  switch (anchor.kind) {
    case 'event':
      upTo = anchor.index;
      break;
    case 'result':
      if (origin) {
        upTo = origin.index;
        const [inner, ...outer] = origin.functions;
        last = `${code(inner!)} returns ${errnoText(a.variant.result)}${outer.length ? `, passed up by ${outer.map(code).join(', ')}` : ''}: the scenario's result`;
      } else last = `the scenario's result is ${errnoText(a.variant.result)}`;
      break;
    case 'end':
      last = endText(a.variant);
      break;
    case 'lost':
      last = a.variant.verdict !== 'completed' || a.variant.final.asserts.failed.length ? anchor.endsBefore : anchor.noLonger;
      break;
  }
  const steps = collapse(a.gained.filter((s) => s.index <= upTo));
  if (last) steps.push(last);
  const chain = cap(steps);
  const sameStack = b.stack.join('>') === v.stack.join('>');
  const where = sameStack
    ? `in ${stackText(v.stack)} (thread ${v.thread})`
    : `(baseline in ${stackText(b.stack)}, variant in ${stackText(v.stack)})`;
  const text =
    `The runs part at trace event ${v.index} ${where}: baseline: ${b.event}; variant: ${v.event}.` +
    (chain.length ? ` Then, in the variant: ${chain.join('; ')}.` : '');
  return { text, divergence: { baseline: b, variant: v }, chain };
}

function stackText(stack: string[]): string {
  return stack.length ? stack.map(code).join(' > ') : 'the scenario';
}

function endText(o: Outcome): string {
  const detail = dropPositions(o.detail.replace(/ \[stack: [^\]]*\]/, ''));
  if (o.verdict === 'completed') return `the run completes with result ${errnoText(o.result)} (${detail})`;
  return `${o.verdict}: ${detail}`;
}

/** Runs of events of the same shape become one step with a count; pass changes are marked. */
function collapse(events: Significant[]): string[] {
  const merged: Significant[] = [];
  for (let i = 0; i < events.length; i++) {
    const s = events[i]!;
    const next = events[i + 1];
    // A failed trylock right before blocking on the same lock says nothing more.
    if (s.kind === 'lock' && next?.kind === 'lock' && s.key.startsWith('lock|trylock-fail|') && next.key.startsWith('lock|block|')) {
      const lockOf = (k: string) => k.split('|').slice(2, 4).join('|');
      if (lockOf(s.key) === lockOf(next.key)) continue;
    }
    merged.push(s);
  }
  const out: string[] = [];
  let pass = 1;
  for (let i = 0; i < merged.length; ) {
    const s = merged[i]!;
    let j = i + 1;
    const keys = new Set([s.key]);
    while (j < merged.length && merged[j]!.shape === s.shape && merged[j]!.pass === s.pass) keys.add(merged[j++]!.key);
    const n = j - i;
    let text = s.text;
    if (n > 1) text += ` (×${n}${keys.size > 1 ? `, ${keys.size} different ${s.kind === 'notifier' ? 'ranges' : 'addresses'}` : ''})`;
    if (s.pass !== pass) {
      text = `pass ${s.pass}: ${text}`;
      pass = s.pass;
    }
    out.push(text);
    i = j;
  }
  return out;
}

const MAX_CHAIN = 10;

function cap(steps: string[]): string[] {
  if (steps.length <= MAX_CHAIN) return steps;
  const head = steps.slice(0, 6);
  const tail = steps.slice(steps.length - 3);
  return [...head, `… ${steps.length - 9} more step(s) …`, ...tail];
}
