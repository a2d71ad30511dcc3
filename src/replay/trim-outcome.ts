// Outcomes in a review keep what a reader needs and stay small: the trace without call/return
// and plain lock take/release events (notifiers, retries, faults, blocking, hazards, scenario
// steps stay), and at most a bounded number of those and of notifier records. Full traces are
// what `lkml-replay scenarios --format json --trace full` prints.
import type { Outcome } from '../model/scenario/types.js';
import type { Trimmed } from './types.js';

const KEEP_NOTIFIERS = 100;
const KEEP_TRACE = 400;

export function trimOutcome(o: Outcome): Outcome & Trimmed {
  const notifiers = o.notifiers.slice(0, KEEP_NOTIFIERS);
  const trace: Outcome['trace'] = [];
  let dropped = 0;
  for (const e of o.trace) {
    const quiet = e.t === 'call' || e.t === 'return' || (e.t === 'lock' && (e.op === 'acquire' || e.op === 'release'));
    if (quiet) continue;
    if ((e.t === 'notifier' && e.index >= KEEP_NOTIFIERS) || trace.length >= KEEP_TRACE) {
      dropped++;
      continue;
    }
    trace.push(e);
  }
  const out: Outcome & Trimmed = { ...o, notifiers, trace };
  const lessNotifiers = o.notifiers.length - notifiers.length;
  if (dropped || lessNotifiers) out.trimmed = { trace: dropped, notifiers: lessNotifiers };
  return out;
}
