// Hand-made Outcomes for unit tests of the comparison: a small trace language so each test
// shows the events it is about.
import type { Hazard, TraceEvent } from '../../src/model/interp/api.js';
import type { NotifierRecord } from '../../src/model/kernel/mm/mmu_notifier.js';
import type { FinalState, Outcome, Verdict } from '../../src/model/scenario/types.js';

export class Run {
  readonly trace: TraceEvent[] = [];
  readonly notifiers: NotifierRecord[] = [];
  readonly hazards: Hazard[] = [];
  private depth = 0;
  verdict: Verdict = 'completed';
  result: number | null = 0;
  retries = 0;
  detail = '1 assert(s) passed';
  final: FinalState = { processes: [{ name: 'main', ptes: [] }], pages: [], gpu: [], mirror: [], seqs: [], asserts: { passed: 1, failed: [] }, steps: 100 };

  call(fn: string, args: string[] = []): this {
    this.depth++;
    this.trace.push({ t: 'call', fn, depth: this.depth, thread: 'main', args });
    return this;
  }
  ret(fn: string, value = 'void'): this {
    this.trace.push({ t: 'return', fn, depth: this.depth, thread: 'main', value });
    this.depth--;
    return this;
  }
  /** call + return */
  leaf(fn: string, value = 'void', args: string[] = []): this {
    return this.call(fn, args).ret(fn, value);
  }
  notify(n: Partial<NotifierRecord> & { stack: string[] }): this {
    this.notifiers.push({ event: 'CLEAR', owner: 'unset', start: '0x7f0000000000', end: '0x7f0000200000', subscribers: [{ name: 'drv_invalidate', action: 'seq-bumped' }], ...n });
    this.trace.push({ t: 'notifier', index: this.notifiers.length - 1 });
    return this;
  }
  lock(op: 'acquire' | 'release' | 'block' | 'trylock-fail', lock: string, fn: string): this {
    this.trace.push({ t: 'lock', op, lock, thread: 'main', fn });
    return this;
  }
  retry(fn: string, pass: number): this {
    this.retries++;
    this.trace.push({ t: 'retry', fn, pass, thread: 'main', why: 'seq changed' });
    return this;
  }
  fault(addr: string, kind: string, fn: string): this {
    this.trace.push({ t: 'fault', addr, kind, thread: 'main', fn });
    return this;
  }
  hazard(h: Hazard): this {
    this.hazards.push(h);
    this.trace.push({ t: 'hazard', index: this.hazards.length - 1 });
    return this;
  }
  step(text: string): this {
    this.trace.push({ t: 'note', text, fn: '(scenario)' });
    return this;
  }
  /** `result` defaults as the runner's: 0 for a completed run, null for one whose call never returned. */
  end(verdict: Verdict, detail: string, result: number | null = verdict === 'completed' ? 0 : null): this {
    this.verdict = verdict;
    this.detail = detail;
    this.result = result;
    return this;
  }
  outcome(): Outcome {
    return {
      scenario: 's',
      base: 'v10',
      verdict: this.verdict,
      result: this.result,
      retries: this.retries,
      detail: this.detail,
      notifiers: this.notifiers,
      hazards: this.hazards,
      final: this.final,
      trace: this.trace,
    };
  }
}

/** The shape of a driver fault path up to the point where a variant may add something. */
export function faultPrefix(r: Run): Run {
  return r
    .call('drv_fault', ['0x7f0000000000'])
    .leaf('mmu_interval_read_begin', '0x100000001', ['&local notifier in drv_fault'])
    .lock('acquire', 'mmap_lock of mm 1', 'drv_fault')
    .call('make_exclusive', ['&mm 1 (main)', '0x7f0000000000'])
    .lock('acquire', 'page lock of pfn 0x1004', 'make_exclusive')
    .call('make_exclusive_one', ['&memmap[4100]']);
}
