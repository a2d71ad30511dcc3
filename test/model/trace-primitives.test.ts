// The TypeScript primitives that call back into model C (the CPU fault, fork, mprotect) appear in
// a full trace as call/return events, named as the notifier stacks name them, with depths that
// count them; and a run whose scenario call never returned has result null.
import { describe, expect, test } from 'vitest';
import type { TraceEvent } from '../../src/model/interp/api.js';
import { runScenario } from '../../src/model/scenario/run.js';
import type { Outcome } from '../../src/model/scenario/types.js';
import { compiled, scenario } from './helpers.js';

type Call = Extract<TraceEvent, { t: 'call' | 'return' }>;

/** Each notifier event with the stack its thread's call/return events give at that point. */
function stacksAtNotifiers(o: Outcome): { recorded: string[]; rebuilt: string[] }[] {
  const stacks = new Map<string, string[]>();
  let thread = 'main';
  const out: { recorded: string[]; rebuilt: string[] }[] = [];
  for (const e of o.trace) {
    if ('thread' in e) thread = e.thread;
    if (e.t === 'call' || e.t === 'return') {
      const st = stacks.get(e.thread) ?? [];
      st.length = e.depth - 1;
      if (e.t === 'call') st.push(e.fn);
      stacks.set(e.thread, st);
    } else if (e.t === 'notifier') out.push({ recorded: o.notifiers[e.index]!.stack, rebuilt: [...(stacks.get(thread) ?? [])] });
  }
  return out;
}

/** Calls and returns pair up per thread, each return at its call's depth, depths one apart. */
function balanced(o: Outcome, finished: boolean): void {
  const open = new Map<string, Call[]>();
  for (const e of o.trace) {
    if (e.t !== 'call' && e.t !== 'return') continue;
    const st = open.get(e.thread) ?? [];
    open.set(e.thread, st);
    if (e.t === 'call') {
      expect(e.depth).toBe(st.length + 1);
      st.push(e);
    } else {
      const c = st.pop();
      expect([c?.fn, c?.depth]).toEqual([e.fn, e.depth]);
    }
  }
  if (finished) for (const st of open.values()) expect(st).toEqual([]);
}

describe('call/return events of the TypeScript primitives (full trace)', () => {
  test('nouveau-atomic-small: the CPU write is traced from the fault down to the model C it reaches', async () => {
    const o = runScenario(await compiled('v10'), scenario('nouveau-atomic-small'));
    expect(o.verdict).toBe('completed');
    balanced(o, true);
    const calls = o.trace.filter((e): e is Call => e.t === 'call');
    const fault = calls.findIndex((e) => e.fn === 'handle_mm_fault');
    expect(fault).toBeGreaterThan(0);
    const [store, hmf] = [calls.findLast((e, i) => i < fault && e.fn === 'user store (exc_page_fault)')!, calls[fault]!];
    expect(store.depth).toBe(1);
    expect(hmf.depth).toBe(2);
    expect(calls.find((e) => e.fn === 'do_swap_page')!.depth).toBe(3);
    // every notifier's recorded stack is the stack the call events give at that point
    const at = stacksAtNotifiers(o);
    expect(at.length).toBe(o.notifiers.length);
    for (const { recorded, rebuilt } of at) expect(recorded.slice(0, rebuilt.length)).toEqual(rebuilt);
    expect(at.at(-1)!.rebuilt.slice(0, 4)).toEqual(['user store (exc_page_fault)', 'handle_mm_fault', 'do_swap_page', 'remove_device_exclusive_entry']);
  });

  test('hmm-exclusive-cow and -mprotect: fork and mprotect frames sit under the model C they call', async () => {
    for (const name of ['hmm-exclusive-cow', 'hmm-exclusive-mprotect']) {
      const o = runScenario(await compiled('v10'), scenario(name));
      expect(o.verdict).toBe('completed');
      balanced(o, true);
      for (const { recorded, rebuilt } of stacksAtNotifiers(o)) expect(recorded.slice(0, rebuilt.length)).toEqual(rebuilt);
      const calls = o.trace.filter((e): e is Call => e.t === 'call');
      const child = name === 'hmm-exclusive-cow' ? 'copy_nonpresent_pte' : 'change_protection';
      const frame = name === 'hmm-exclusive-cow' ? 'fork (dup_mmap)' : 'mprotect (mprotect_fixup)';
      const i = calls.findIndex((e) => e.fn === child);
      expect(calls.findLast((e, j) => j < i && e.depth < calls[i]!.depth && e.depth === 1)!.fn).toBe(frame);
    }
  });

  test('an events-only trace has no call events at all', async () => {
    const o = runScenario(await compiled('v10'), scenario('nouveau-atomic-small'), { trace: 'events' });
    expect(o.trace.some((e) => e.t === 'call' || e.t === 'return')).toBe(false);
  });
});

describe('result of a run whose scenario call never returned', () => {
  test('deadlock: null', async () => {
    const o = runScenario(await compiled('v10'), scenario('nouveau-atomic-thp-head'));
    expect([o.verdict, o.result]).toEqual(['deadlock', null]);
    balanced(o, false);
  });

  test('budget: null; the same scenario with its own budget completes with 0', async () => {
    const s = scenario('nouveau-atomic-small');
    const c = await compiled('v10');
    expect([runScenario(c, s, { budget: 200, trace: 'none' }).verdict, runScenario(c, s, { budget: 200, trace: 'none' }).result]).toEqual(['budget', null]);
    expect(runScenario(c, s, { trace: 'none' }).result).toBe(0);
  });
});
