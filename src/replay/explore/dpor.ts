// The schedules of one scenario on one compiled unit, explored by dynamic partial-order reduction
// (Flanagan and Godefroid, POPL 2005) with sleep sets, bounded by preemptions and by runs. Each
// run reports its scheduling points (src/model/scenario/schedule.ts): who could run, who ran and
// what it did first. Two operations of different threads whose order can matter (they touch the
// same object, kernel/interleave.ts) and that the run did not order otherwise (no chain of such
// operations between them: vector clocks) are a race; the search then also runs the schedule in
// which the later thread goes first at the earlier point. Orders that differ only in
// operations that do not conflict are the same run and are made once: the sleep set keeps a
// thread whose step was explored from an equivalent state from being chosen again, and a run
// that could only repeat such steps is cut short (pruned).
//
// Deterministic: alternatives are taken deepest point first, threads in name order.

import type { Outcome } from '../../model/scenario/types.js';
import type { SchedulePlan, SchedulePoint } from '../../model/scenario/schedule.js';
import { conflicts } from '../../model/kernel/interleave.js';

export interface ScheduleSearch {
  /** Runs made (pruned ones too). */
  made: number;
  pruned: number;
  /** Complete runs, in the order made; the first is the default schedule. */
  runs: Outcome[];
  /** Every alternative within the preemption bound was run; false: `maxRuns` ended the search. */
  exhausted: boolean;
}

interface Frame {
  p: SchedulePoint;
  /** Threads run from this point already, and those a race says must be. */
  done: Set<string>;
  backtrack: Set<string>;
}

export async function searchSchedules(run: (plan: SchedulePlan) => Promise<Outcome>, opts: { maxRuns: number; bound: number }): Promise<ScheduleSearch> {
  const frames: Frame[] = [];
  const out: ScheduleSearch = { made: 0, pruned: 0, runs: [], exhausted: false };
  let plan: SchedulePlan = { choices: new Map(), branch: -1, sleep: [], bound: opts.bound };
  for (;;) {
    if (out.made >= opts.maxRuns) return out;
    const o = await run(plan);
    out.made++;
    const log = o.explore?.schedule;
    if (!log) throw new Error('an exploring run reported no schedule');
    log.points.forEach((p, i) => {
      if (i < plan.branch) return;
      if (i === plan.branch) frames[i]!.p = p;
      else frames[i] = { p, done: new Set([p.chosen]), backtrack: new Set() };
    });
    frames.length = Math.max(log.points.length, plan.branch + 1);
    if (log.pruned) out.pruned++;
    else out.runs.push(o);
    addRaces(frames);
    const next = nextBranch(frames, opts.bound);
    if (!next) {
      out.exhausted = true;
      return out;
    }
    const { i, thread } = next;
    const f = frames[i]!;
    f.done.add(thread);
    const choices = new Map<number, string>();
    for (let k = 0; k < i; k++) if (frames[k]!.p.chosen !== frames[k]!.p.dflt) choices.set(k, frames[k]!.p.chosen);
    choices.set(i, thread);
    const sleep = [...new Set([...f.done, ...f.p.asleep])].filter((t) => t !== thread).sort();
    plan = { choices, branch: i, sleep, bound: opts.bound };
    frames.length = i + 1;
  }
}

/** Preemptions the schedule makes before point `i`. */
function preemptionsBefore(frames: readonly Frame[], i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) if (frames[k]!.p.preemption && frames[k]!.p.chosen !== frames[k]!.p.current) n++;
  return n;
}

/** The deepest point with a thread still to run from it, within the bound. */
function nextBranch(frames: readonly Frame[], bound: number): { i: number; thread: string } | null {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    const todo = [...f.backtrack].filter((t) => !f.done.has(t) && !f.p.asleep.includes(t) && f.p.enabled.includes(t)).sort();
    if (!todo.length) continue;
    const before = preemptionsBefore(frames, i);
    for (const t of todo) {
      const cost = f.p.preemption && t !== f.p.current ? 1 : 0;
      if (before + cost <= bound) return { i, thread: t };
      // over the bound: never run from here
      f.done.add(t);
    }
  }
  return null;
}

/**
 * For each operation, the latest earlier one of another thread it conflicts with and is not
 * ordered after: the later thread is to be tried at that earlier point (all threads that could run
 * there when it could not).
 */
function addRaces(frames: Frame[]): void {
  const names = [...new Set(frames.flatMap((f) => f.p.enabled.concat(f.p.chosen)))].sort();
  const ix = new Map(names.map((n, i) => [n, i]));
  const clocks: number[][] = [];
  const threadClock = new Map<string, number[]>();
  for (let j = 0; j < frames.length; j++) {
    const pj = frames[j]!.p;
    const me = ix.get(pj.chosen)!;
    const mine = threadClock.get(pj.chosen) ?? new Array<number>(names.length).fill(0);
    let raced = false;
    const clock = mine.slice();
    for (let i = j - 1; i >= 0; i--) {
      const pi = frames[i]!.p;
      if (!conflicts(pi.op, pj.op)) continue;
      const ci = clocks[i]!;
      for (let t = 0; t < clock.length; t++) if (ci[t]! > clock[t]!) clock[t] = ci[t]!;
      if (raced || pi.chosen === pj.chosen) continue;
      const q = ix.get(pi.chosen)!;
      // ordered after it already (through this thread's own earlier operations)
      if (ci[q]! <= mine[q]!) continue;
      raced = true;
      const f = frames[i]!;
      if (f.p.enabled.includes(pj.chosen)) f.backtrack.add(pj.chosen);
      else for (const t of f.p.enabled) f.backtrack.add(t);
    }
    clock[me] = j + 1;
    clocks[j] = clock;
    threadClock.set(pj.chosen, clock);
  }
}
