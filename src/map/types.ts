// What the hunk mapper tells the replay stage: where each hunk of a diff lands in the model
// sources, why a hunk could not be placed, and the model sources with the variant spliced in.
import type { ModelSource } from '../model/source/index.js';

/**
 * - `code`: the hunk changes model C and was spliced in;
 * - `no-code-change`: only comments/whitespace change, or the model already has the hunk's new
 *   side at that place (nothing to replay; a note says which);
 * - `no-behaviour`: a file that carries no behaviour (Documentation/, Kconfig help, MAINTAINERS);
 * - `baseline`: the hunk adds whole functions the model already has (a series mail that is the
 *   thread's baseline, see `addsModelledFunctions`); nothing is spliced for it;
 * - `outside-model`: in a posting of the series the base models, a hunk of a file or function the
 *   model does not have: the base leaves that part of the series out too;
 * - `unplaced`: could not be placed; `reason` says why.
 */
export type PlacementKind = 'code' | 'no-code-change' | 'no-behaviour' | 'baseline' | 'outside-model' | 'unplaced';

export type UnplacedReason =
  /** A hunk without any file name (a bare `@@` fragment) whose context the model does not hold. */
  | 'no-file-named'
  | 'file-not-modelled'
  | 'function-not-modelled'
  | 'function-is-runtime-primitive'
  | 'context-not-found'
  /** The context fits two places equally well: an ambiguous place is not a placement. */
  | 'context-ambiguous'
  | 'calls-unknown-function'
  | 'does-not-parse'
  /** The spliced code does not compile on this base (an undeclared name, a type it lacks ...). */
  | 'does-not-compile';

/** A name the hunk's code uses that its base does not have, and the bases that have it. */
export interface MissingName {
  kind: 'call' | 'identifier' | 'type' | 'field';
  name: string;
  /** For a field: the struct it was looked up in. */
  struct?: string;
  /** Bases whose model or runtime has the name (oldest first); empty when none does. */
  knownIn: string[];
}

export interface HunkPlacement {
  /** Index of the file in the diff and of the hunk in that file. */
  fileIndex: number;
  hunkIndex: number;
  /**
   * Path as the diff names it (old side, else new side: the model keeps the code under its old
   * name); for a bare `@@` fragment without file names, the model file it was placed in, else
   * `(no file name)`.
   */
  file: string;
  /**
   * Model function the hunk changes (the first, when it spans several); for a hunk that adds
   * functions at file level, the first one it adds; null when neither. For an unplaced hunk, the
   * function its `@@` context names (if it names a definition).
   */
  function: string | null;
  kind: PlacementKind;
  /** True for `code`, `no-code-change`, `no-behaviour` and `baseline`. */
  mapped: boolean;
  /**
   * For placed hunks, where in plain words: "mm/rmap.c:236, before `mmu_notifier_range_init_owner(...)`
   * in page_make_device_exclusive_one". Null when unplaced.
   */
  placement: string | null;
  /** Model lines the hunk's old side aligned with (1-based, inclusive), when placed. */
  modelLines: { start: number; end: number } | null;
  /**
   * How much of the hunk's old side (context and removed lines, comments aside) the model has
   * token for token where it was located: `matched === tokens` is an exact fit. Null when the
   * hunk was not located.
   */
  match: { tokens: number; matched: number } | null;
  /** The model already has the hunk's new side where its old side fits (kind `no-code-change`). */
  alreadyApplied: boolean;
  /** For calls-unknown-function and does-not-compile: the names the base lacks. */
  missing: MissingName[];
  unplaced: UnplacedReason | null;
  /**
   * One sentence for a reviewer: for context-not-found it shows the closest model statement and
   * how close it was; for calls-unknown-function it names the functions.
   */
  reason: string | null;
  /** Body lines of the hunk in its message (for annotations), first and last. */
  bodyLines: { start: number; end: number };
  /**
   * What a reviewer should know about a placement that did not stop it: the hunk was found
   * outside the file or function its diff names, a removed line the model does not have, code
   * the interpreter cannot compile (that function then ends a run with verdict `error`), ...
   */
  notes: string[];
}

export interface MappedDiff {
  placements: HunkPlacement[];
  /** True when every code hunk was placed (or `partial` was asked for and at least one was). */
  replayable: boolean;
  /** True when the variant was replayed with some code hunks left out (`--partial`). */
  partial: boolean;
  /** The first unplaced code hunk, which is what stops the replay without --partial. */
  stoppedBy: HunkPlacement | null;
  /** Model sources with the placed hunks spliced in (null when nothing is replayable). */
  sources: ModelSource[] | null;
  /**
   * Modelled functions the diff *adds* as a whole (a definition in added lines): a patch series
   * mail that adds the model's functions is the thread's baseline, not a variant.
   */
  addsModelledFunctions: string[];
}
