// The review: one data model that the text, markdown and JSON renderers all read. The JSON
// report is this object as it is (README "Review JSON"), so change them together.
import type { Outcome, Verdict } from '../model/scenario/types.js';
import type { MapNote, Placement, PlacementKind, UnplacedReason, WhyUnplaced } from '../map/types.js';
import type { DiffOrigin } from '../patch/types.js';
import type { InputFormat, InputError, Person } from '../thread/types.js';
import type { SequencePair } from './interactions.js';
import type { BaseChoice } from './choose-base.js';
import type { SplitPair } from './split-pairs.js';
import type { BaseKind } from '../model/source/bases.js';
import type { DifferenceFacts, FirstCause, TraceFact } from './cause-types.js';
import type { FailurePoint } from '../model/scenario/fault-plan.js';

export interface Review {
  /** The bases the variants were chosen for, oldest first, each with its baseline runs. */
  bases: BaseUse[];
  /** Patch mails whose diff adds functions the model already has: the thread's baseline. */
  baselinePatches: BaselinePatch[];
  thread: ThreadBrief;
  /** Scenario names, in the order they were run. */
  scenarios: string[];
  variants: VariantReview[];
  /**
   * Driver, mm and notifier interactions of the run that changed most, baseline and variant,
   * trimmed to where they differ (the markdown report's sequence diagrams); null when nothing changed.
   */
  sequence: SequencePair | null;
  /** Counts over all variants (what the Action publishes). */
  summary: ReviewSummary;
  /** What `--explore` (or `--fault`, `--schedule`) asked for and how far it went; absent without it. */
  explore?: ExploreSummary;
  /**
   * A share of a sharded review (`review --shard i/n`): only its variants' replays have results;
   * `best` is its candidate for the diagrams, for `merge` to choose among.
   */
  shard?: { index: number; count: number; best: { score: number; key: number[] } | null };
}

export interface BaseUse {
  name: string;
  kind: BaseKind;
  /** Kernel release whose runtime rules the base runs under. */
  kernel: string;
  date: string;
  description: string;
  /** Outcome of each scenario on the base (trimmed, see `trimmed`); empty when no variant on this base was replayed. */
  baseline: Record<string, Outcome & Trimmed>;
}

interface ReviewSummary {
  variants: number;
  replayed: number;
  /** Of the replayed variants, those replayed in part (--partial). */
  partial: number;
  /** Variant × scenario runs of whole replays whose behaviour differs from the baseline. */
  differences: number;
  /** Of those, the ones that regress (README "How a review is made"). */
  regressions: number;
  /** Runs of partial replays that differ: counted apart, never as regressions. */
  partialDifferences: number;
}

export interface BaselinePatch {
  messageId: string | null;
  author: Person | null;
  subject: string;
  /** Modelled functions the diff adds as a whole. */
  adds: string[];
}

export interface ThreadBrief {
  subject: string;
  inputs: string[];
  messages: number;
  /** Distinct senders, in order of first appearance. */
  participants: string[];
  first: string | null;
  last: string | null;
  /** Diffs found, counting every copy; `distinct` counts contents. */
  diffs: number;
  distinct: number;
  errors: InputError[];
}

interface VariantSource {
  file: string;
  /** Message index inside the file. */
  index: number;
  format: InputFormat;
  origin: DiffOrigin;
  subject: string;
}

export interface HunkReview {
  file: string;
  function: string | null;
  mapped: boolean;
  /** Where and how it was placed (the mapper's facts); null when it was not. */
  placement: Placement | null;
  /** Why it was not placed: the mapper's facts, or that the mapper failed on the diff. */
  reason: WhyUnplaced | MapperFailed | null;
  /** What a reviewer should know about a placement that did not stop it (from the mapper). */
  notes: MapNote[];
  kind: PlacementKind;
  unplaced: UnplacedReason | null;
  header: string;
  /** Hunk lines in the message body, 1-based. */
  bodyLines: { start: number; end: number };
  /**
   * The same lines in the input file, when the body is stored as it reads (not QP/base64);
   * null otherwise: annotations then go on the message's first line (`messageLine`).
   */
  fileLines: { start: number; end: number } | null;
  /** Line of the input file where the hunk's message starts, when known. */
  messageLine: number | null;
  /** The hunk's new-side lines in the kernel file it changes (from its `@@` header). */
  kernelLines: { start: number; end: number };
}

export interface VariantReview {
  /** Content identity of the diff (Diff.id): the same for every quoted copy. */
  id: string;
  /** Short name in reports: V1, V2 ... in order of first appearance. */
  label: string;
  /** The base the variant was mapped (and replayed) on, and why that one. */
  base: BaseChoice;
  /** For a patch of a series, a reply reworking one, a series as a whole or a revision: what it is replayed on top of. */
  series: VariantSeries | null;
  author: Person | null;
  date: string | null;
  messageId: string | null;
  /** Who sent the message the diff first appears in (the author when not quoted). */
  sender: Person | null;
  quoteDepth: number;
  source: VariantSource;
  /** Messages that quote this diff again (same variant). */
  copies: string[];
  hunks: HunkReview[];
  /** Replayed through the model (every code hunk placed, or --partial). */
  replayed: boolean;
  /** Replayed with some code hunks left out (--partial). */
  partial: boolean;
  /** For a partial replay: the pairs its left-out and replayed hunks split (a lock and its unlock ...). */
  splitPairs: SplitPair[];
  /** Not replayed because some hunks could not be placed: the hunks (1-based) --partial would replay. */
  partialWouldReplay: number[];
  /** Why the variant was not replayed, what was left out of a partial replay, or that no hunk changes code. */
  note: VariantNote | null;
  /** Compile errors of the model with the variant spliced in (beyond the base's own): the interpreter's message, where. */
  compileErrors: { file: string; line: number; message: string }[];
  results: ScenarioResult[];
  /** Some scenario behaves differently. */
  changed: boolean;
  /** Some scenario regresses. */
  regression: boolean;
}

/** The mapper threw on the diff (`error` its message): nothing of it was placed. */
export interface MapperFailed {
  kind: 'mapper-failed';
  error: string;
}

/** A hunk of the variant: its number in `hunks` and in its file's section (both 1-based). */
export interface HunkRef {
  hunk: number;
  inFile: number;
}

export type VariantNote =
  /** Not replayed: this hunk could not be placed (the first that could not). */
  | { kind: 'stopped'; at: HunkRef }
  /** Not replayed: the mapper placed nothing and named no hunk. */
  | { kind: 'nothing-to-replay' }
  /** Replayed in part (--partial): these hunks were left out. */
  | { kind: 'partial'; leftOut: HunkRef[] }
  /** Replayed, though no hunk changes code (to show it behaves the same). */
  | { kind: 'no-code-change' }
  /**
   * Replayed whole, but these hunks' new side is already in the base while the others were
   * spliced: the base may hold this change in another form, and the replay may do it twice.
   */
  | { kind: 'partly-applied'; applied: HunkRef[] }
  | MapperFailed
  /** A series as a whole or a revision none of whose patches could be placed. */
  | { kind: 'series-unplaced'; version: number };

export interface VariantSeries {
  version: number;
  /** The patch (k of total); null for the series as a whole. */
  index: number | null;
  total: number;
  /**
   * - patch: patch k, replayed on the base plus the series' patches before it;
   * - reply: a diff in a reply to patch k (a quote or a rework), on the same chain as patch k;
   * - whole: every patch of the series the input has, against the bare base;
   * - revision: patch k (and the ones before it) against the previous revision's patches 1..k.
   */
  role: 'patch' | 'reply' | 'whole' | 'revision';
  /** Patches of this series spliced in under it (indices), the earlier ones the input lacks, and those not wholly placed. */
  onTopOf: number[];
  missing: number[];
  incomplete: number[];
  /** The base is this series' own posting (v10's patches on the v10 base): nothing is stacked under it. */
  inBase: boolean;
  /** The version it is compared with, when that is the previous revision (its patches 1..k). */
  previousVersion: number | null;
  /** Outcomes of what it is compared with when that is not the bare base. */
  baseline: Record<string, Outcome & Trimmed> | null;
}

export interface ScenarioResult {
  scenario: string;
  outcome: Outcome & Trimmed;
  differences: Difference[];
  changed: boolean;
  /** Counts as a regression: never for a partial replay (its differences keep their own flags). */
  regression: boolean;
  /** The variant was replayed with some hunks left out. */
  partial: boolean;
  /**
   * False when the base's run of the scenario never called a function the variant changes: not
   * run (the variant's run would be the base's, step for step), the same by construction.
   */
  reached: boolean;
  /** With `--explore`: what failures and interleavings showed beyond the plain runs. */
  explore?: ScenarioExplore;
}

/** What exploration asked for (the request, as data). */
export interface ExploreRequest {
  faults: boolean;
  schedules: boolean;
  /** Only this failure point (`--fault`), or only this schedule (`--schedule`). */
  fault?: string;
  schedule?: string;
  /** Failure points run per scenario; schedules (runs) per scenario and unit; preemptions per schedule. */
  maxFaults: number;
  maxSchedules: number;
  preemptions: number;
}

export interface ExploreSummary extends ExploreRequest {
  /** Over every scenario: failure points reached on the base and run; schedule runs made. */
  faultPoints: number;
  faultPointsRun: number;
  scheduleRuns: number;
  /** Scenarios where a budget ended the exploration before it was complete. */
  cutShort: string[];
  /** Findings over every variant and scenario, and those that are regressions. */
  findings: number;
  regressions: number;
}

/** One scenario's exploration, for one variant (or the base alone). */
export interface ScenarioExplore {
  /** Failure points the base's run reached, and how many were run (the budget may stop short). */
  faults?: { reached: number; run: number };
  /** Schedules: runs made on the base and on this variant, and whether every one within the preemption bound was run. */
  schedules?: { threads: number; baseline: number; variant: number; complete: boolean };
  findings: ExploreFinding[];
}

/** Behaviour that only a failure or an interleaving shows. */
export interface ExploreFinding {
  kind: 'fault' | 'schedule';
  /** The failure point's id (`--fault`) or the schedule's id (`--schedule`). */
  id: string;
  /** kind fault: the failure point. */
  point?: FailurePoint;
  /**
   * Whose run it is about: `both` -- base and variant under one fault, compared; `variant` -- the
   * variant's run under it shows what no explored run of the base does (a race it brings);
   * `baseline` -- the base's run shows what none of the variant's does (it removes it), or, without
   * variants, what the base's plain run does not.
   */
  on: 'both' | 'baseline' | 'variant';
  /** What the run shows that the other side does not: verdicts other than completed, hazards. */
  shows: Shown[];
  /** Outcomes under the fault or schedule (the side or sides run under it). */
  baseline?: { verdict: string; result: number | null };
  variant?: { verdict: string; result: number | null };
  /** `both`: the two runs under it compared; one side: its plain run compared with its run under it. Differences the plain runs show already are left out. */
  differences: Difference[];
  regression: boolean;
  /** kind schedule: which thread did what, switch by switch. */
  steps?: ScheduleStep[];
}

/** A behaviour only a failure or an interleaving shows. */
export type Shown =
  /** A verdict other than completed. */
  | { kind: 'verdict'; verdict: Verdict }
  /** A hazard (`detail` the model's, source positions dropped). */
  | { kind: 'hazard'; hazard: string; function: string; detail: string }
  /** Base and variant under one fault: a verdict or hazard they differ in (as in `differences`). */
  | { kind: 'difference'; difference: DifferenceFacts };

export interface ScheduleStep {
  thread: string;
  /** What it did, in order (lock waits, page locks, faults, notifiers, hazards, results). */
  did: ScheduleDeed[];
}

export type ScheduleDeed =
  /** The scheduler chose this thread at scheduling point `point`, before `what` (the model's name for the operation). */
  | { kind: 'switch'; point: number; what: string }
  /** A trace event of the thread, in pass `pass` of its retry loop. */
  | { kind: 'event'; event: TraceFact; pass: number }
  /** Deeds left out of a long step (its first and last few are kept). */
  | { kind: 'more'; count: number };

/** One way the variant's run differs from the baseline's, with its first cause (facts: cause-types.ts). */
export type Difference = DifferenceFacts & {
  /** Null when the traces do not part within the recorded events. */
  firstCause: FirstCause | null;
  /** This difference alone makes the scenario a regression. */
  regression: boolean;
};

/** Outcomes in a review carry a trimmed trace; these say how much was left out. */
export interface Trimmed {
  trimmed?: { trace: number; notifiers: number };
}
