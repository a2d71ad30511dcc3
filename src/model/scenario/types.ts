// Scenario and Outcome shapes. A scenario is declarative (fixtures/scenarios/*.yaml, README
// "Scenario files"); the runner turns each step into calls of the model. An Outcome is what one
// run of one scenario on one base gives (README "Outcome JSON").

import type { Hazard, TraceEvent } from '../interp/api.js';
import type { NotifierRecord } from '../kernel/mm/mmu_notifier.js';
import type { FailurePoint, InjectedFault } from './fault-plan.js';
import type { ScheduleLog } from './schedule.js';

export type ValueSpec = { kind: 'index'; plus: number } | { kind: 'const'; value: number };

export type Step =
  | { op: 'mmap'; name: string; size: bigint; prot: number; process: string }
  | { op: 'write'; at: string; offset: bigint; pages: number | 'all'; value: ValueSpec | 'increment'; process: string }
  | { op: 'read'; at: string; offset: bigint; pages: number | 'all'; expect: ValueSpec; process: string }
  | { op: 'nouveau-init'; device: string; process: string }
  | { op: 'gpu-atomic-fault'; at: string; offset: bigint; expect?: number; process: string }
  | { op: 'dmirror-open'; process: string }
  | { op: 'dmirror'; cmd: 'exclusive' | 'check-exclusive' | 'write'; at: string; pages: number | 'all'; expect?: number; cpages?: number | 'all'; process: string }
  | { op: 'mirror-check'; at: string; pages: number | 'all'; expect: ValueSpec; process: string }
  | { op: 'mprotect'; at: string; prot: number; expect?: number; process: string }
  | { op: 'munmap'; at: string; expect?: number; process: string }
  | { op: 'fork'; child: string; expect?: number; process: string };

export interface ScenarioThread {
  name: string;
  steps: Step[];
}

export interface Scenario {
  name: string;
  description: string;
  /** Where it was read from (file path), for messages. */
  source: string;
  /** Transparent huge pages for anonymous memory: "always" (true) or "never" (false). */
  thp: boolean;
  /** Statements a run may execute (the interpreter's step budget). */
  budget: number;
  /** Model call depth a thread may reach (default 256; see budget.ts). */
  maxDepth?: number;
  /** Bytes of model memory a run may allocate (default 256 MiB; see budget.ts). */
  maxMemory?: number;
  setup: Step[];
  threads: ScenarioThread[];
  /**
   * false (`default: false` in the file): not among the scenarios run when none is named, except
   * when schedules are explored (`--explore schedules`, `--schedule`); `--scenario` runs it.
   */
  byDefault?: false;
}

export type Verdict = 'completed' | 'deadlock' | 'livelock' | 'bug' | 'budget' | 'error';

export interface Outcome {
  scenario: string;
  base: string;
  verdict: Verdict;
  /** With verdict `budget`: which budget ran out (the detail says where). */
  budget?: 'steps' | 'call-depth' | 'memory';
  /**
   * 0, or the negative errno the scenario's kernel call returned (see README); null when a call
   * never returned (deadlock, budget, bug, error, livelock without a timeout) and none before it
   * gave a result.
   */
  result: number | null;
  /** Times a driver retry loop went round again (mmu_interval_read_retry() said retry). */
  retries: number;
  detail: string;
  notifiers: NotifierRecord[];
  hazards: Hazard[];
  final: FinalState;
  trace: TraceEvent[];
  /** Only in a run made for exploration (`--explore`, `--fault`, `--schedule`). */
  explore?: Explored;
}

/** What an exploring run says about its failure points and its schedule. */
export interface Explored {
  /** Recording run: the failure points reached, in order. */
  failurePoints?: FailurePoint[];
  /** The fault injected, and whether the run reached it. */
  fault?: InjectedFault;
  schedule?: ScheduleLog;
  /** Of the functions RunOptions.watch named, those the run called. */
  reached?: string[];
}

export interface FinalState {
  /** Per process: its mappings, one line per pte (or huge pmd) that is not none. */
  processes: { name: string; ptes: string[] }[];
  /** Pages that are locked, referenced beyond their mappings, or part of the scenario's buffers. */
  pages: string[];
  /** The nouveau GPU page table (virtual page -> pfn and V/W/A bits). */
  gpu: string[];
  /** dmirror mirror entries (pfn -> tag). */
  mirror: string[];
  /** Per interval subscription: its seq relative to the mm's global seq. */
  seqs: string[];
  asserts: { passed: number; failed: string[] };
  /** Interpreter statements executed. */
  steps: number;
}
