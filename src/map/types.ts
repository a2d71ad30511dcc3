// What the hunk mapper tells the replay stage: where each hunk of a diff lands in the model
// sources, why a hunk could not be placed, and the model sources with the variant spliced in.
// Placements, reasons and notes are facts; report/placement-words.ts says them.
import type { ModelSource } from '../model/source/index.js';
import type { OffBranch } from './config-regions.js';

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

/** A line of a model file. */
export interface ModelLine {
  file: string;
  line: number;
}

/** A place the mapper searched: a model function (with the code after it) or a whole file. */
export interface SearchRegion {
  file: string;
  function: string | null;
}

/** What a placed hunk does to the model text, at its first change to code. */
export type Change =
  /** `statement`: the model statement (summarised: a long call as `name(...)`) it replaces, removes, or goes before or after. */
  | { kind: 'statement'; op: 'replace' | 'remove' | 'before' | 'after'; statement: string }
  /** A model line with no statement of its own (a comment, a blank); `text` for a line replaced or removed. */
  | { kind: 'line'; op: 'replace' | 'remove' | 'before' | 'after'; line: number; text: string | null }
  /** New functions, between the model's: after `after`, else before `before`. */
  | { kind: 'add-functions'; functions: string[]; after: string | null; before: string | null }
  /** The posting's definitions of these functions in place of the model's. */
  | { kind: 'replace-definitions'; functions: string[] }
  | { kind: 'none' };

/** Why a file carries no behaviour for the model. */
export type NoBehaviourWhy = 'documentation' | 'kconfig' | 'metadata' | 'build' | 'git';

/** Where and how a hunk was placed (kinds other than `unplaced`). */
export type Placement =
  /** Spliced in (`code`): at the model's `at`, inside `inFunction` (null: at file level). */
  | { kind: 'spliced'; at: ModelLine; change: Change; inFunction: string | null }
  /** The model already has the hunk's new side there (`no-code-change`). */
  | { kind: 'already-applied'; at: ModelLine; change: Change; inFunction: string | null }
  /** Code the model's configuration compiles out (`no-behaviour`): `off` the branch not taken. */
  | { kind: 'compiled-out'; at: ModelLine; change: Change; inFunction: string | null; off: OffBranch }
  /** Only comments or whitespace change (`no-code-change`); `at` null: not located in the model. */
  | { kind: 'comments-only'; at: ModelLine | null; inFunction: string | null }
  /** A posting's code the model has as posted (`no-code-change`). */
  | { kind: 'as-posted'; file: string }
  /** A file that carries no behaviour (`no-behaviour`). */
  | { kind: 'no-behaviour'; path: string; why: NoBehaviourWhy }
  /** Whole functions the model has as they are (`baseline`). */
  | { kind: 'baseline'; functions: string[] }
  /** In a posting of the series the base models, a part outside the model (`outside-model`). */
  | { kind: 'outside-model'; why: WhyUnplaced };

/** A model statement near a hunk line, and how many of the line's tokens it has. */
interface NearStatement {
  statement: string;
  matched: number;
  tokens: number;
}

/** What went wrong when planning the edit of a located hunk (all `context-not-found`). */
export type PlanProblem =
  /** A removed line the model does not have there; `model` the statement it has there, if any. */
  | { kind: 'removed-line-missing'; line: string; model: NearStatement | null }
  /** A removed line whose code differs from the model's there. */
  | { kind: 'removed-line-differs'; line: string; model: NearStatement }
  /** No line next to the change is in the model: nowhere to put it. */
  | { kind: 'no-anchor' };

/** Why a hunk could not be placed: the facts behind its UnplacedReason. */
export type WhyUnplaced =
  /** The `@@` function is in other model files, which do not hold the context; `path` null: no file named. */
  | { kind: 'function-elsewhere'; path: string | null; function: string; modelFiles: string[] }
  /** No file named, and the model lacks the `@@` function. */
  | { kind: 'unknown-function'; function: string }
  /** `modelFiles`: the model's C files (headers are include/linux). */
  | { kind: 'file-not-modelled'; path: string; modelFiles: string[] }
  | { kind: 'runtime-primitive'; function: string }
  /** `has`: the functions the model's file has. */
  | { kind: 'function-not-modelled'; function: string; file: string; has: string[] }
  /**
   * Larger than every place it could be in (`largest` of `regions` searched): not aligned.
   * `minCoverage` the share of context words a match needs, `maxPerModelToken` the hunk tokens
   * aligned per model token at most.
   */
  | {
      kind: 'too-large';
      hunk: { lines: number; tokens: number };
      largest: SearchRegion & { lines: number; tokens: number };
      regions: number;
      minCoverage: number;
      maxPerModelToken: number;
    }
  /** Two places fit equally well (`words`: context words matched of all). */
  | { kind: 'ambiguous'; places: [ModelLine, ModelLine]; words: { matched: number; total: number } }
  /**
   * No place fits: `region` the one searched (null: `regions` many), `words` matched at the best
   * (null: nothing searched), `strict` a near-complete match was needed (outside the diff's own
   * file); `statement` the hunk's statement next to its first change and `closest` the model
   * statement most like it.
   */
  | {
      kind: 'not-found';
      region: SearchRegion | null;
      regions: number;
      words: { matched: number; total: number } | null;
      strict: boolean;
      statement: string | null;
      closest: (ModelLine & NearStatement) | null;
    }
  /** Its change lands on the same model text as hunk `hunk` (1-based in its file) of `file`. */
  | { kind: 'overlaps'; hunk: number; file: string }
  /** Located in `file` (in `function`) but its edit could not be planned. */
  | (PlanProblem & { file: string; function: string | null })
  /** With the hunk spliced in, the file no longer parses (`message` the parser's, at `line`). */
  | { kind: 'does-not-parse'; file: string; function: string | null; line: number; message: string }
  /**
   * Calls the spliced sources make that the model cannot resolve: each name, where (`at`), whether
   * the hunk's added code calls it (else the hunk removed it while others still call it), and
   * the other bases whose model has it.
   */
  | { kind: 'calls-unknown'; calls: { name: string; at: ModelLine[]; added: boolean; elsewhere: string[] }[] }
  /** The interpreter's first compile error (`more` after it) and the names the base lacks, with the other bases that have them. */
  | {
      kind: 'does-not-compile';
      file: string;
      line: number;
      function: string | null;
      message: string;
      more: number;
      missing: { kind: MissingName['kind']; name: string; struct: string | null; elsewhere: string[] }[];
    };

/** What a reviewer should know about a placement that did not stop it. */
export type MapNote =
  /** The context lines are in `file`, outside the function the `@@` context names. */
  | { kind: 'outside-named-function'; function: string; file: string }
  /** The diff names `path` (null: none); the model has the function in `modelFiles`. */
  | { kind: 'function-elsewhere'; path: string | null; function: string; modelFiles: string[] }
  /** The hunk starts in a function the model lacks and runs into one it has. */
  | { kind: 'runs-into'; function: string; into: string }
  /** The diff names `path`; the context is in the model's `file`. */
  | { kind: 'file-elsewhere'; path: string; file: string }
  /** A removed line (a declaration, or between two matched lines) the model does not have: nothing removed. */
  | { kind: 'removed-line-missing'; line: string }
  /** A posting's definition in place of the model's: tokens of it the model's has in order, of its own. */
  | { kind: 'definition-differs'; function: string; matched: number; tokens: number; modelTokens: number }
  /** Definitions not replaced: defined in another model file than the hunk's first. */
  | { kind: 'not-replaced'; functions: string[] }
  /** Posted code that is the model's but for these tokens (the names of the tree it was posted on). */
  | { kind: 'posted-names'; tokens: string[] }
  | { kind: 'already-applied' }
  /** The hunk is cut short in the mail: its `@@` counted `sent` lines, `quoted` follow it. */
  | { kind: 'cut-short'; sent: { oldLines: number; newLines: number }; quoted: { oldLines: number; newLines: number } };

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
  /** Where and how a placed hunk was placed; null when unplaced. */
  placement: Placement | null;
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
  /** Why it could not be placed (for context-not-found, the closest model statement; for calls-unknown-function, the functions). */
  reason: WhyUnplaced | null;
  /** Body lines of the hunk in its message (for annotations), first and last. */
  bodyLines: { start: number; end: number };
  /**
   * What a reviewer should know about a placement that did not stop it: the hunk was found
   * outside the file or function its diff names, a removed line the model does not have, ...
   */
  notes: MapNote[];
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
