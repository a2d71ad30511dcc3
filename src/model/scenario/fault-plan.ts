// One run's fault injection: either record every failure point the run reaches (a call of a
// function the release's failure table lists, src/model/kernel/faults.ts), or fail exactly one.
// A failure point is named by where it is, not by lines: the thread (when not `main`), the model
// call stack of the caller, the function, which call of it from there, and how it fails --
// `nouveau_svm_fault_model/nouveau_atomic_range_fault/make_device_exclusive_range/get_user_pages_remote#1=efault`
// -- so the same point exists in the base and in a variant whose lines moved.

import type { CallIntercept } from '../interp/index.js';
import type { ExecCtx, Value } from '../interp/api.js';
import { failureSites, type FailureMode, type FailureSite } from '../kernel/faults.js';

/** A failure point as reports and the JSON carry it. */
export interface FailurePoint {
  /** `--fault` takes it: [thread:]caller/.../fn#call=mode */
  id: string;
  thread: string;
  /** Model call stack of the caller, outermost first. */
  stack: string[];
  fn: string;
  /** Which call of `fn` from this stack (1-based), and how many the recording run made. */
  call: number;
  calls: number;
  mode: string;
  /** How it fails: "fails with -EFAULT", "pins one page less than asked". */
  says: string;
}

/** What a run with a fault to inject says about it. */
export interface InjectedFault {
  id: string;
  /** The point was reached and failed; false: the run never made that call. */
  fired: boolean;
  point: FailurePoint | null;
}

const ID = /^(?:([a-z0-9][a-z0-9_-]*):)?((?:[A-Za-z_][A-Za-z0-9_]*\/)*)([A-Za-z_][A-Za-z0-9_]*)#([1-9]\d*)=([a-z]+)$/;

export interface ParsedPointId {
  thread: string;
  stack: string[];
  fn: string;
  call: number;
  mode: string;
}

/** A failure point id read back, or null when it is not one. */
export function parsePointId(id: string): ParsedPointId | null {
  const m = ID.exec(id);
  if (!m) return null;
  return { thread: m[1] ?? 'main', stack: m[2] ? m[2].slice(0, -1).split('/') : [], fn: m[3]!, call: Number(m[4]), mode: m[5]! };
}

function siteKey(thread: string, stack: readonly string[], fn: string): string {
  return `${thread === 'main' ? '' : `${thread}:`}${[...stack, fn].join('/')}`;
}

function pointId(thread: string, stack: readonly string[], fn: string, call: number, mode: string): string {
  return `${siteKey(thread, stack, fn)}#${call}=${mode}`;
}

interface SiteCalls {
  thread: string;
  stack: string[];
  fn: string;
  /** Modes that apply to the first call, and to the latest one. */
  first: FailureMode[];
  last: FailureMode[];
  calls: number;
  order: number;
}

export class FaultPlan {
  readonly intercept: CallIntercept;
  private readonly sites: Map<string, FailureSite>;
  private readonly seen = new Map<string, SiteCalls>();
  private readonly target: ParsedPointId | null;
  private readonly counts = new Map<string, number>();
  /** Inject mode: the point once it failed. */
  private firedAt: FailurePoint | null = null;

  /** `fail`: the point to fail; null records the points the run reaches. */
  constructor(kernel: string, private readonly fail: string | null) {
    this.sites = failureSites(kernel);
    this.target = fail === null ? null : parsePointId(fail);
    const names = this.target ? new Set(this.sites.has(this.target.fn) ? [this.target.fn] : []) : new Set(this.sites.keys());
    this.intercept = { names, call: (ctx, fn, kind, args) => this.offer(ctx, fn, kind, args) };
  }

  private offer(ctx: ExecCtx, fn: string, kind: 'model' | 'builtin', args: Value[]): { value: Value } | null {
    const site = this.sites.get(fn)!;
    const full = ctx.stack();
    // a model function's own frame is on the stack already
    const stack = kind === 'model' ? full.slice(0, -1) : full;
    const thread = ctx.thread.name;
    const key = siteKey(thread, stack, fn);
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    const modes = site.modes.filter((m) => !m.when || m.when(ctx, args));
    if (!this.target) {
      let s = this.seen.get(key);
      if (!s) this.seen.set(key, (s = { thread, stack, fn, first: modes, last: modes, calls: 0, order: this.seen.size }));
      s.calls = n;
      s.last = modes;
      return null;
    }
    const t = this.target;
    if (this.firedAt || t.call !== n || t.thread !== thread || t.fn !== fn || t.stack.join('/') !== stack.join('/')) return null;
    const mode = modes.find((m) => m.id === t.mode);
    if (!mode) return null;
    this.firedAt = { id: this.fail!, thread, stack, fn, call: n, calls: n, mode: mode.id, says: mode.says };
    const how = mode.how;
    switch (how.kind) {
      case 'return':
        return { value: how.value === true ? 1 : how.value === false ? 0 : how.value };
      case 'return-arg':
        return { value: args[how.arg] };
      case 'request': {
        const v = args[how.arg] as number | bigint;
        args[how.arg] = how.to === 'zero' ? 0 : typeof v === 'bigint' ? v - 1n : v - 1;
        return null;
      }
    }
  }

  /**
   * Record mode: the points reached, in the order their sites were first called -- per site and
   * mode its first call and, when it was called more than once, its last.
   */
  points(): FailurePoint[] {
    const out: FailurePoint[] = [];
    for (const s of [...this.seen.values()].sort((a, b) => a.order - b.order)) {
      const add = (call: number, modes: FailureMode[]) => {
        for (const m of modes) out.push({ id: pointId(s.thread, s.stack, s.fn, call, m.id), thread: s.thread, stack: s.stack, fn: s.fn, call, calls: s.calls, mode: m.id, says: m.says });
      };
      add(1, s.first);
      if (s.calls > 1) add(s.calls, s.last);
    }
    return out;
  }

  /** Inject mode: whether the point failed. */
  injected(): InjectedFault {
    return { id: this.fail ?? '', fired: this.firedAt !== null, point: this.firedAt };
  }
}
