// What the review records about a difference and its cause, as facts read off the two runs:
// trace events, the steps of a cause, the differences themselves. No words: src/report says
// them (report/trace-words.ts, report/difference-words.ts). These are part of the review JSON.
import type { NotifierRecord } from '../model/kernel/mm/mmu_notifier.js';
import type { Verdict } from '../model/scenario/types.js';

type SubscriberAction = NotifierRecord['subscribers'][number]['action'];

/** How a run ended. `detail` is the model's, source positions dropped. */
export interface RunEnd {
  verdict: Verdict;
  result: number | null;
  detail: string;
}

/** An MMU-notifier invalidation: who issued it, over what, and what each subscriber did. */
export interface NotifierFact {
  kind: 'notifier';
  event: string;
  /** The owner value's name, null (NULL) or "unset". */
  owner: string | null;
  start: string;
  end: string;
  /** The function that issued it (the innermost below the mmu_notifier_* frames); null when the stack is empty. */
  issuer: string | null;
  /** Up to two callers of the issuer, innermost first. */
  via: string[];
  /** What each subscriber did, with up to two model functions it called (when its callback was traced). */
  subscribers: { name: string; action: SubscriberAction; calls: { fn: string; args: string[] }[] }[];
}

/** One trace event, as the two runs' comparison needs it. */
export type TraceFact =
  /** `caller` null: the scenario itself calls; `args` null: not shown (they only matter when both runs call the same function). */
  | { kind: 'call'; caller: string | null; fn: string; args: string[] | null }
  | { kind: 'return'; fn: string; value: string | null }
  | NotifierFact
  | {
      kind: 'lock';
      op: 'acquire' | 'release' | 'block' | 'trylock-fail';
      fn: string;
      lock: string;
      thread: string;
      /** In a cause's steps, for a block or a failed trylock: who holds the lock (null: nobody found). */
      holder?: { thread: string; fn: string; pass: number } | null;
    }
  /** `fn` "(scenario)": the CPU, in a scenario step. */
  | { kind: 'fault'; fn: string; addr: string; access: string }
  /** `check`: the function whose return value made the loop go round (the read_retry check), when traced. */
  | { kind: 'retry'; fn: string; pass: number; check: string | null }
  /** `detail` without source positions. */
  | { kind: 'hazard'; hazard: string; function: string; detail: string }
  /** `fn` "(scenario)": a scenario step. */
  | { kind: 'note'; fn: string; text: string }
  /** Past the last event: the run ended (`detail` as the model wrote it, positions dropped). */
  | ({ kind: 'end' } & RunEnd);

/** One step of a cause, read off the variant's trace after the runs part. */
export type CauseStep =
  | {
      kind: 'event';
      event: TraceFact;
      /** Pass of the thread's retry loop the event is in (1 before any retry). */
      pass: number;
      /** The first step in this pass (the pass before it was another). */
      firstOfPass: boolean;
      /** Events of the same shape in a row folded into this step: how many, and how many ranges or addresses among them. */
      repeat: { times: number; distinct: number } | null;
    }
  /** The scenario's result: `from` the function that returned it, then those that passed it up (empty: not traced). */
  | { kind: 'result'; value: number | null; from: string[] }
  /** The variant's run ends (`detail` without its stack, positions dropped). */
  | ({ kind: 'end' } & RunEnd)
  /** What the baseline did and the variant does not; `endsBefore`: the variant's run ended abnormally first. */
  | { kind: 'lost-notifier'; event: string; endsBefore: boolean }
  | { kind: 'lost-hazard'; endsBefore: boolean }
  /** Steps left out of a long chain (the first six and the last three are kept). */
  | { kind: 'elided'; steps: number };

/** Where the two runs part, and what follows from it in the variant's run. */
export interface FirstCause {
  divergence: { baseline: TracePoint | null; variant: TracePoint | null };
  /** Steps read off the variant's trace, from the divergence to this difference. */
  chain: CauseStep[];
}

export interface TracePoint {
  /** Index into the run's full trace (before trimming). */
  index: number;
  thread: string;
  event: TraceFact;
  /** Model call stack of the thread, outermost first. */
  stack: string[];
}

/** A notifier group of a difference: what its invalidations have in common (the ranges aside). */
export interface NotifierGroup {
  event: string;
  owner: string | null;
  issuer: string | null;
  via: string[];
  subscribers: { name: string; action: SubscriberAction }[];
}

/** What differs between the baseline's and the variant's outcome of a scenario. */
export type DifferenceFacts =
  /** `detail`: the variant's, without its stack, positions dropped. */
  | { kind: 'verdict'; baseline: Verdict; variant: Verdict; detail: string }
  | { kind: 'result'; baseline: number | null; variant: number | null }
  | { kind: 'retries'; baseline: number; variant: number }
  /**
   * `count` invalidations of the group more (gained) or fewer (lost) in the variant; `ranges`:
   * the first three distinct ranges with how many each, `moreRanges` how many other ranges.
   */
  | { kind: 'notifier-gained' | 'notifier-lost'; count: number; notifier: NotifierGroup; ranges: { start: string; end: string; count: number }[]; moreRanges: number }
  /** `count` hazards of the kind more or fewer (`detail` without source positions). */
  | { kind: 'hazard-gained' | 'hazard-lost'; count: number; hazard: string; function: string; detail: string }
  /** Lines of the final state only the baseline has (`gone`) and only the variant has (`come`); `process` for ptes. */
  | { kind: 'final-state'; part: 'ptes' | 'pages' | 'gpu' | 'mirror' | 'seqs'; process: string | null; gone: string[]; come: string[] }
  /** The scenario's checks: how many passed on each side, which fail only in the variant, which only in the baseline. */
  | { kind: 'final-state'; part: 'checks'; passed: { baseline: number; variant: number }; newlyFailing: string[]; noLongerFailing: string[] };
