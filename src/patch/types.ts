// Diffs found in a message body. Shapes are part of the `thread` and `review` JSON output.

/** One body line as the diff finder sees it: quote markers removed, depth kept. */
export interface QuotedLine {
  /** Number of `>` quote levels in front of the text (0 = the sender's own text). */
  depth: number;
  /** The line with its quote markers (and the one space after them) removed. */
  text: string;
  /** 1-based line number in the decoded body, for reports and annotations. */
  lineNo: number;
}

/** Something the tolerant hunk reader had to fix to make a hunk applicable. */
export interface Repair {
  kind:
    | 'context-space-restored' // a context line had lost its leading space
    | 'blank-context-restored' // an empty line inside a hunk stood for a blank context line
    | 'hunk-count-fixed' // the @@ counts did not match the lines that follow
    | 'tab-restored' // leading spaces turned back into the tabs of the surrounding code
    | 'wrapped-line-joined' // a line broken by a mail client was joined back
    | 'trailing-junk-dropped' // signature or quote junk after the last hunk line
    | 'header-synthesised' // a missing ---/+++ or @@ header was reconstructed
    | 'snip-marker' // a `[...]` snip inside a hunk: the hunk is split there
    | 'hunk-header-normalised' // a nonstandard header (b4's `@@@ -1,1 +1,1 @@`) rewritten
    | 'stray-line-dropped' // a removed or context line in a new-file hunk (`@@ -0,0`), which has no old lines
    | 'nbsp-replaced' // no-break spaces a mail client put for blanks read as spaces
    | 'glued-line-split' // a context line a client's re-flow glued to the line before it, split off again
    | string;
  /** 1-based body line the repair applies to. */
  line: number;
  detail: string;
}

export interface HunkLine {
  op: ' ' | '+' | '-';
  text: string;
  /** 1-based body line this hunk line came from. */
  lineNo: number;
  /** Followed by a `\ No newline at end of file` marker. */
  noNewline?: boolean;
}

export interface Hunk {
  /** The `@@ ... @@` line as repaired (what jsdiff sees). */
  header: string;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The function context after the second `@@`, e.g. `page_make_device_exclusive_one`. */
  function: string | null;
  /** The whole text after the second `@@` (git's context line), when there is one. */
  context?: string | null;
  added: number;
  removed: number;
  lines: HunkLine[];
  /**
   * The counts of the `@@` line as sent, when they were more on both sides than the lines that
   * follow (the hunk is cut short: a reply that quotes only its start).
   */
  sent?: { oldLines: number; newLines: number };
}

export interface FileDiff {
  /** Path before (without `a/`), null for a new file. */
  old: string | null;
  /** Path after (without `b/`), null for a deleted file. */
  new: string | null;
  hunks: Hunk[];
  /** Git extended headers seen: rename, mode change, binary. */
  extended: string[];
  binary: boolean;
  /** The hunks came without any file header (a bare `@@` fragment): old/new are unknown. */
  headerless?: boolean;
}

/** How the diff was found in the message. */
export type DiffOrigin =
  | 'patch' // the message's own patch part (git mailinfo's patch break)
  | 'inline' // a diff somewhere in the sender's own text
  | 'quoted' // a diff inside `>` quotes
  | 'scissors' // after a `---8<---` / `-- >8 --` line
  | 'attachment'; // a text/x-patch or text/x-diff MIME part
