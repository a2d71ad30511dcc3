// Call/return trace events for the TypeScript primitives (handle_mm_fault, do_wp_page, fork,
// mprotect ...), so that a trace's call stacks are the ones the notifier records already show:
// `user store (exc_page_fault)` > `handle_mm_fault` > `do_swap_page` rather than starting at the
// first model C function. The interpreter counts a model call's depth in model frames only; once
// a run ends, mergeTsDepths() adds the primitives open beneath each model call/return event.
import type { ExecCtx, TraceEvent } from '../interp/api.js';

type CallEvent = Extract<TraceEvent, { t: 'call' | 'return' }>;

/**
 * A primitive's call/return events carry the model depth it started at under this key (a
 * symbol: JSON and the trace readers do not see it; a property read is cheaper than a WeakMap).
 */
const OPENED = Symbol('model depth of a primitive');
type Marked = CallEvent & { [OPENED]?: number };

/** Record a primitive's call; `depth` is its place in the merged stack (1 = outermost). */
export function traceTsCall(ctx: ExecCtx, name: string, depth: number, modelDepth: number): void {
  const ev: Marked = { t: 'call', fn: name, depth, thread: ctx.thread.name };
  ev[OPENED] = modelDepth;
  ctx.trace(ev);
}

/** Record a primitive's return (only a primitive that returns: as for model C). */
export function traceTsReturn(ctx: ExecCtx, name: string, depth: number, modelDepth: number, value: unknown): void {
  const ev: Marked = { t: 'return', fn: name, depth, thread: ctx.thread.name };
  if (typeof value === 'number' || typeof value === 'bigint') ev.value = String(value);
  ev[OPENED] = modelDepth;
  ctx.trace(ev);
}

/**
 * Renumber the model call/return events of a finished run's trace (in place) so that depths
 * count the primitives too: a model frame at model depth d sits above every open primitive that
 * started at a model depth below d.
 */
export function mergeTsDepths(trace: TraceEvent[]): void {
  const open = new Map<string, number[]>(); // thread -> model depths of its open primitives
  for (const e of trace) {
    if (e.t !== 'call' && e.t !== 'return') continue;
    let list = open.get(e.thread);
    if (!list) open.set(e.thread, (list = []));
    const base = (e as Marked)[OPENED];
    if (base !== undefined) {
      if (e.t === 'call') list.push(base);
      else list.pop();
      continue;
    }
    let below = 0;
    for (const b of list) if (b < e.depth) below++;
    if (below) e.depth += below;
  }
}
