// A schedule as a step list: the run's trace cut where the scheduler switched threads (the
// `(schedule)` notes an exploring run leaves), each stretch told by what the thread did there that
// others can see -- blocking, page locks, faults, notifiers, retries, hazards, the scenario's
// results.
import type { Outcome } from '../../model/scenario/types.js';
import { significantEvents } from '../trace-read.js';
import type { ScheduleDeed, ScheduleStep } from '../types.js';

/** Deeds kept per step: the first few and the last few (the middle is counted). */
const HEAD = 3;
const TAIL = 3;

export function scheduleSteps(o: Outcome, first: string): ScheduleStep[] {
  const sig = new Map(significantEvents(o).map((s) => [s.index, s]));
  const steps: ScheduleStep[] = [{ thread: first, did: [] }];
  o.trace.forEach((e, i) => {
    const cur = steps[steps.length - 1]!;
    if (e.t === 'note' && e.fn === '(schedule)') {
      // the scheduler's note (model/scenario/run.ts): `schedule point N: THREAD runs (WHAT)`
      const m = /^schedule point (\d+): (\S+) runs \((.*)\)$/.exec(e.text);
      if (m) steps.push({ thread: m[2]!, did: [{ kind: 'switch', point: Number(m[1]), what: m[3]! }] });
      return;
    }
    const s = sig.get(i);
    if (s) cur.did.push({ kind: 'event', event: s.fact, pass: s.pass });
    else if (e.t === 'lock' && e.lock.startsWith('page lock') && (e.op === 'acquire' || e.op === 'release')) {
      cur.did.push({ kind: 'event', event: { kind: 'lock', op: e.op, fn: e.fn, lock: e.lock, thread: e.thread }, pass: 1 });
    }
  });
  const more = (count: number): ScheduleDeed => ({ kind: 'more', count });
  return steps
    .filter((s) => s.did.length > 0)
    .map((s) => ({ thread: s.thread, did: s.did.length <= HEAD + TAIL + 1 ? s.did : [...s.did.slice(0, HEAD), more(s.did.length - HEAD - TAIL), ...s.did.slice(-TAIL)] }));
}
