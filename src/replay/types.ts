// The review: one data model that the text, markdown and JSON renderers all read. The JSON
// report is this object as it is (README "Review JSON"), so change them together.
import type { Outcome } from '../model/scenario/types.js';
import type { PlacementKind, UnplacedReason } from '../map/types.js';
import type { DiffOrigin } from '../patch/types.js';
import type { InputFormat, InputError, Person } from '../thread/types.js';
import type { SequencePair } from './interactions.js';

export interface Review {
  /** The base the variants were replayed on (`v10`, `v5.14`). */
  base: string;
  /** Why that base: the option, the thread's subject version, or the fallback. */
  baseWhy: string;
  baseDescription: string;
  /** Patch mails whose diff adds functions the model already has: the thread's baseline. */
  baselinePatches: BaselinePatch[];
  thread: ThreadBrief;
  /** Scenario names, in the order they were run. */
  scenarios: string[];
  /** Outcome of each scenario on the base (trimmed, see `trimmed`). */
  baseline: Record<string, Outcome & Trimmed>;
  variants: VariantReview[];
  /**
   * Driver, mm and notifier interactions of the run that changed most, baseline and variant,
   * trimmed to where they differ (the markdown report's sequence diagrams); null when nothing changed.
   */
  sequence: SequencePair | null;
  /** Counts over all variants (what the Action publishes). */
  summary: ReviewSummary;
}

interface ReviewSummary {
  variants: number;
  replayed: number;
  /** Variant × scenario runs whose behaviour differs from the baseline. */
  differences: number;
  /** Of those, the ones that regress (README "How a review is made"). */
  regressions: number;
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
  placement: string | null;
  reason: string | null;
  /** What a reviewer should know about a placement that did not stop it (from the mapper). */
  notes: string[];
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
  /** Why the variant was not replayed, or what was left out of a partial replay. */
  note: string | null;
  /** Compile errors of the model with the variant spliced in. */
  compileErrors: string[];
  results: ScenarioResult[];
  /** Some scenario behaves differently. */
  changed: boolean;
  /** Some scenario regresses. */
  regression: boolean;
}

export interface ScenarioResult {
  scenario: string;
  outcome: Outcome & Trimmed;
  differences: Difference[];
  changed: boolean;
  regression: boolean;
}

export type DifferenceKind =
  | 'verdict'
  | 'result'
  | 'retries'
  | 'notifier-gained'
  | 'notifier-lost'
  | 'hazard-gained'
  | 'hazard-lost'
  | 'final-state';

export interface Difference {
  kind: DifferenceKind;
  summary: string;
  firstCause: FirstCause | null;
  /** This difference alone makes the scenario a regression. */
  regression: boolean;
}

/** Where the two runs part, and what follows from it in the variant's run. */
export interface FirstCause {
  /** The whole cause in one paragraph (divergence, then the chain). */
  text: string;
  divergence: { baseline: TracePoint | null; variant: TracePoint | null };
  /** Steps read off the variant's trace, from the divergence to this difference. */
  chain: string[];
}

export interface TracePoint {
  /** Index into the run's full trace (before trimming). */
  index: number;
  thread: string;
  /** What happens there, in words. */
  event: string;
  /** Model call stack of the thread, outermost first. */
  stack: string[];
}

/** Outcomes in a review carry a trimmed trace; these say how much was left out. */
export interface Trimmed {
  trimmed?: { trace: number; notifiers: number };
}
