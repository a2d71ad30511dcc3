// One run's schedule: which thread runs at each scheduling point. A scheduling point is where a
// thread is about to make an operation other threads can see (kernel/interleave.ts: a lock, a
// page's lock or references, a pte, the notifiers) or where one blocks or finishes. By default
// the running thread goes on at a preemption point and the next one in round-robin order takes
// over when it blocks or finishes -- the plain run's order. A plan overrides the choice at
// chosen points; the run's schedule id lists every choice that was not the default
// (`cpu@14,gpu@31`), so that `--schedule <id>` replays it exactly.
//
// Past the plan's branch point the run follows a sleep set (the explorer's partial-order
// reduction): threads whose next step was already explored from an equivalent state are not
// chosen until a conflicting operation wakes them; a run that could only go on with sleeping
// threads is cut short (pruned), since every run it could still make was made already.

import type { PreemptHook } from '../interp/index.js';
import type { ExecCtx, ThreadRef } from '../interp/api.js';
import { accessOf, conflicts, type Access } from '../kernel/interleave.js';

export interface SchedulePoint {
  /** Threads that could run here; at a preemption point the running one first. */
  enabled: string[];
  /** The thread that ran up to here (null at the start). */
  current: string | null;
  chosen: string;
  /** The choice made without a plan: go on at a preemption point, round robin after a block. */
  dflt: string;
  /** A preemption point (a switch here is a preemption), or a block, finish or start. */
  preemption: boolean;
  /** What `chosen` does first from here. */
  op: Access;
  /** Threads asleep here (the plan's sleep set as the run carried it). */
  asleep: string[];
}

export interface SchedulePlan {
  /** Point index -> thread to run there. */
  choices: Map<number, string>;
  /** The last planned point, and the threads asleep there (explored from it already). */
  branch: number;
  sleep: string[];
  /** Preemptions the run may make (a sleep set that would need more cuts it short). */
  bound: number;
}

/** What the run did, for the Outcome and the explorer. */
export interface ScheduleLog {
  /** Replays this run (`--schedule`): "default" or `thread@point,...`. */
  id: string;
  preemptions: number;
  /** Cut short by the sleep set: an equivalent run was made already (never reported). */
  pruned: boolean;
  /** A planned choice that could not be made (that thread could not run there): its point. */
  diverged: number | null;
  points: SchedulePoint[];
}

export class ScheduleError extends Error {}

const CHOICE = /^([a-z0-9][a-z0-9_-]*)@(\d+)$/;

/** A plan that replays schedule `id` (no sleep set). */
export function planOf(id: string): SchedulePlan {
  const choices = new Map<number, string>();
  if (id !== 'default') {
    for (const part of id.split(',')) {
      const m = CHOICE.exec(part);
      if (!m) throw new ScheduleError(`not a schedule id: ${JSON.stringify(id)} (want "default" or thread@point,... as a report gives it)`);
      choices.set(Number(m[2]), m[1]!);
    }
  }
  return { choices, branch: -1, sleep: [], bound: Infinity };
}

/** The id of a run that made these choices. */
export function scheduleId(points: readonly SchedulePoint[]): string {
  const parts = points.flatMap((p, i) => (p.chosen !== p.dflt ? [`${p.chosen}@${i}`] : []));
  return parts.length ? parts.join(',') : 'default';
}

export class ScheduleControl {
  readonly points: SchedulePoint[] = [];
  private readonly pending = new Map<string, Access>();
  private sleep = new Set<string>();
  private forced: string | null = null;
  private preemptions = 0;
  private diverged: number | null = null;
  private pruned = false;
  /** Ends the run at once (set by the runner: the machine's own way to end a run). */
  stop: (detail: string) => never = (d) => {
    throw new Error(d);
  };
  readonly hook: PreemptHook;
  /** Told of every switch to another thread (the runner traces it as a note). */
  onSwitch: (point: number, thread: string, op: Access) => void = () => undefined;

  /**
   * `gate(thread)`: whether a thread may run yet (the scenario's threads wait for its setup); one
   * that may not is left out of the choices.
   */
  constructor(
    private readonly plan: SchedulePlan,
    names: ReadonlySet<string>,
    private readonly gate: (thread: string) => boolean = () => true,
  ) {
    this.hook = { names, at: (ctx, op, args, others) => this.at(ctx, op, args, others) };
  }

  private at(ctx: ExecCtx, op: string, args: readonly unknown[], others: () => ThreadRef[]): boolean {
    const me = ctx.thread.name;
    this.pending.set(me, accessOf(ctx, op, args));
    const chosen = this.decide([me, ...others().map((t) => t.name).filter(this.gate)], me, me, true);
    if (chosen === me) return false;
    this.forced = chosen;
    return true;
  }

  /** MachineOptions.scheduler: the choice made at a preemption point, or a new point. */
  scheduler = (candidates: ThreadRef[], previous: ThreadRef | null): ThreadRef => {
    const forced = this.forced;
    this.forced = null;
    const open = candidates.filter((t) => this.gate(t.name));
    const list = open.length ? open : candidates;
    const want = forced ?? this.decide(list.map((t) => t.name), previous?.name ?? null, list[0]!.name, false);
    return candidates.find((t) => t.name === want) ?? candidates[0]!;
  };

  private decide(enabled: string[], current: string | null, dflt: string, preemption: boolean): string {
    const idx = this.points.length;
    const plan = this.plan;
    if (idx === plan.branch) this.sleep = new Set(plan.sleep);
    let chosen = dflt;
    const planned = plan.choices.get(idx);
    if (planned !== undefined) {
      if (enabled.includes(planned)) chosen = planned;
      else this.diverged ??= idx;
    } else if (idx > plan.branch && this.sleep.has(chosen)) {
      const awake = enabled.filter((t) => !this.sleep.has(t));
      const alt = preemption && awake.length && this.preemptions >= plan.bound ? undefined : awake[0];
      if (alt === undefined) {
        this.pruned = true;
        return this.stop(`schedule pruned at point ${idx}: every thread that can run is asleep (its runs were made from an equivalent state)`);
      }
      chosen = alt;
    }
    if (preemption && chosen !== current) this.preemptions++;
    const op = this.next(chosen);
    this.points.push({ enabled, current, chosen, dflt, preemption, op, asleep: [...this.sleep] });
    if (chosen !== current) this.onSwitch(idx, chosen, op);
    if (idx >= plan.branch && this.sleep.size) {
      const next = new Set<string>();
      for (const t of this.sleep) {
        if (t !== chosen && !conflicts(this.next(t), op)) next.add(t);
      }
      this.sleep = next;
    }
    return chosen;
  }

  /** What thread `t` does next: the operation it paused or blocked before, or its start. */
  private next(t: string): Access {
    return this.pending.get(t) ?? { obj: `start ${t}`, shared: false, what: 'starts' };
  }

  log(): ScheduleLog {
    return { id: scheduleId(this.points), preemptions: this.preemptions, pruned: this.pruned, diverged: this.diverged, points: this.points };
  }
}
