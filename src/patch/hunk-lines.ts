// The lines of one hunk as they are read, with the repairs that made them, and the rule that
// keeps the result a valid diff: after `\ No newline at end of file` a side has ended, so no
// later line may touch it.
import type { Hunk, HunkLine, QuotedLine, Repair } from './types.js';
import type { DepthView } from './view.js';
import { type HunkHeader, formatHunkHeader, functionName } from './hunk-header.js';

export type Op = ' ' | '+' | '-';

/** A line at least this long may have been broken by a mail client's line wrap. */
export const WRAP_WIDTH = 60;
/** Clients wrap at 72 to 78 columns: a line already wider than this was not wrapped. */
const WRAPPED_MAX = 80;
/** The narrowest width mail clients wrap to. */
const WRAP_COLUMNS = 72;
/**
 * The longest line a wrapped line and its tail can make: kernel source lines are at most 100
 * columns (checkpatch), a user-visible string may run a little past that. A reviewer's reply
 * right under a quoted line is longer than any tail.
 */
const JOINED_MAX = 120;

/**
 * A line `width` columns wide (quote markers and diff marker included) followed by `rest`
 * looks like a client's wrap: it is near the wrap width (`minWidth`; a @@ line's context is
 * known to go on, so any width will do there), and rest's first word would have pushed it past
 * 72 columns.
 */
export function overflowsInto(width: number, rest: string, minWidth = WRAP_WIDTH): boolean {
  const firstWord = rest.trim().split(/\s+/)[0]!.length;
  return width >= minWidth && width <= WRAPPED_MAX && width + 1 + firstWord > WRAP_COLUMNS;
}

/** A one-word line of code: a comment's end, a brace, `break;`, `fn();`. */
const GLUED_LINE = /^(?:\*\/|\}[;,]?|\{|[A-Za-z_]\w*(?:\(\))?;)$/;

/** Code that ends a statement (`;`), opens or closes a block, or closes a comment. */
function endsComplete(text: string): boolean {
  return /(?:[;{}]|\*\/)\s*$/.test(text);
}

export class HunkLines {
  /** The hunk's lines as they will be output (built once, never copied). */
  readonly entries: HunkLine[] = [];
  /** View index of the last entry, or -1 when there is none. */
  lastIdx = -1;
  readonly repairs: Repair[] = [];
  /** Old and new lines taken so far. */
  old = 0;
  new = 0;
  private oldEnded = false;
  private newEnded = false;
  /** Body lines already joined as wrapped tails (a tail is looked at from both sides). */
  private joined: Set<number> | null = null;


  /**
   * `oldEmpty`: the header says the old side is empty (`@@ -0,0 ...`, a new file): a line that
   * would remove or keep an old line cannot be one of the hunk's, so it is dropped and logged.
   */
  constructor(
    private readonly v: DepthView,
    private readonly oldEmpty = false,
  ) {}

  get last(): HunkLine | undefined {
    return this.entries[this.entries.length - 1];
  }

  canTake(op: Op): boolean {
    return !((op !== '+' && this.oldEnded) || (op !== '-' && this.newEnded));
  }

  /** Takes a line as written; false when a side it touches has already ended. */
  take(op: Op, text: string, idx: number): boolean {
    if (op !== '+' && this.oldEmpty) return this.dropStray(op, idx);
    if (!this.canTake(op)) return false;
    this.entries.push({ op, text, lineNo: this.v.lineNo[idx]! });
    this.lastIdx = idx;
    if (this.v.nbsp?.has(idx)) this.log('nbsp-replaced', idx, 'no-break spaces (U+00A0) the mail client put for blanks read as spaces');
    if (op !== '+') this.old++;
    if (op !== '-') this.new++;
    return true;
  }

  /** A line that would touch the empty old side of a new-file hunk: dropped, and said so. */
  private dropStray(op: Op, idx: number): boolean {
    const what = op === '-' ? 'removed' : 'context';
    this.log('stray-line-dropped', idx, `a ${what} line in a hunk whose old side is empty (-0,0: a new file); dropped`);
    return true;
  }

  /** An empty line (or a bare `>`) standing for a blank context line. */
  takeBlank(idx: number): boolean {
    if (this.oldEmpty) return this.dropStray(' ', idx);
    if (!this.take(' ', '', idx)) return false;
    this.log('blank-context-restored', idx, 'empty line read as a blank context line');
    return true;
  }

  /** A context line whose leading space was lost. */
  takeSpaceless(text: string, idx: number): boolean {
    if (this.oldEmpty) return this.dropStray(' ', idx);
    if (!this.take(' ', text, idx)) return false;
    this.log('context-space-restored', idx, 'context line had lost its leading space');
    return true;
  }

  /** `\ No newline at end of file` after the last line. */
  markNoNewline(): boolean {
    const last = this.last;
    if (!last || last.noNewline) return false;
    last.noNewline = true;
    if (last.op !== '+') this.oldEnded = true;
    if (last.op !== '-') this.newEnded = true;
    return true;
  }

  /** The last line is long enough that `rest` may be its tail, cut off by a hard wrap. */
  mayContinueWith(rest: string): boolean {
    return this.canJoin(rest) && this.last!.text.length + 1 >= WRAP_WIDTH;
  }

  /** The stricter test, for where `rest` could as well be something else: the wrap shows. */
  wrapsInto(rest: string, prefixWidth: number): boolean {
    return this.canJoin(rest) && overflowsInto(prefixWidth + 1 + this.last!.text.length, rest);
  }

  /** A wrap breaks at a blank and eats it: the tail starts with text, never with a blank. */
  private canJoin(rest: string): boolean {
    const last = this.last;
    return !!last && !last.noNewline && last.text !== '' && rest !== '' && !/^\s/.test(rest) && last.text.length + 1 + rest.trimEnd().length <= JOINED_MAX;
  }

  /** Joins a wrapped tail back: the wrap ate the space at the break, or left it at the end. */
  joinWrapped(rest: string, idx: number): boolean {
    return this.join(rest, this.v.lineNo[idx]!, 'line joined to the one before it');
  }

  /**
   * A quoted line re-wrapped by the replier's client: its tail sits on the next line without
   * the quote marker. Joined only when the tail's first word would have overflowed the line
   * width (the reason a client wraps), with the line as it looked quoted.
   */
  joinQuotedTail(tail: QuotedLine, depth: number): boolean {
    if (this.joined?.has(tail.lineNo)) return true;
    // Evolution breaks `adev->gmc` after the `-`: the rest, `>gmc`, reads one quote level deeper.
    if (tail.depth > depth && this.last?.text.endsWith('-')) {
      return this.join(tail.text, tail.lineNo, 'a `->` the mail client broke after its `-` (the rest read as one more quote level) joined back', '');
    }
    // A line that ends a statement, a block or a comment is whole: the short line under it is
    // the reviewer's (`Ditto.`), not its tail.
    if (endsComplete(this.last?.text ?? '')) return false;
    if (!this.wrapsInto(tail.text, 2 * depth)) return false;
    return this.join(tail.text.trim(), tail.lineNo, 'tail of a quoted line re-wrapped without its quote marker joined back');
  }

  /** `glue`: what the break ate (a space, unless the line kept it at its end). */
  private join(rest: string, line: number, detail: string, glue = /\s$/.test(this.last?.text ?? '') ? '' : ' '): boolean {
    if (this.joined?.has(line)) return true;
    const last = this.last;
    if (!last || last.noNewline || last.text === '') return false;
    (this.joined ??= new Set()).add(line);
    last.text = last.text + glue + rest;
    this.repairs.push({ kind: 'wrapped-line-joined', line, detail });
    return true;
  }

  // A client that re-flows quoted lines (Claws Mail, KMail) can glue a line to the tail of the
  // one before it: `+ * ... no object` / `extension. *` `/`, where the comment's closing `*` `/`
  // was a context line of its own. A tail whose last word is a whole line of code (a comment's
  // end, a brace, a one-word statement such as `break;`) is split there: the rest joins the
  // line before, the word is a context line. Tried only when the counts come out right with it
  // (readHunk).
  joinWrappedSplittingGlue(rest: string, idx: number): boolean {
    const t = rest.trimEnd();
    const cut = Math.max(t.lastIndexOf(' '), t.lastIndexOf('\t'));
    const word = cut > 0 ? t.slice(cut + 1) : '';
    const before = cut > 0 ? t.slice(0, cut).trimEnd() : '';
    if (before === '' || !GLUED_LINE.test(word) || !this.canTake(' ') || this.oldEmpty) return this.joinWrapped(rest, idx);
    if (!this.joinWrapped(before, idx) || !this.take(' ', word, idx)) return false;
    this.log('glued-line-split', idx, `a client's re-wrap glued the context line \`${word}\` to the line before it: split again`);
    return true;
  }

  log(kind: Repair['kind'], idx: number, detail: string): void {
    this.repairs.push({ kind, line: this.v.lineNo[idx]!, detail });
  }

  /**
   * The hunk with recounted lengths. `recounted`: the counts did not decide the end, so a
   * mismatch with the header is a repair (unless a snip cut the hunk, which says why itself).
   */
  toHunk(headerIdx: number, h: HunkHeader, recounted: boolean, snipLine: number): { hunk: Hunk; repairs: Repair[] } {
    const lines = this.entries;
    let added = 0;
    let removed = 0;
    for (let i = 0; i < lines.length; i++) {
      const op = lines[i]!.op;
      if (op === '+') added++;
      else if (op === '-') removed++;
    }
    const oldLines = this.old;
    const newLines = this.new;
    // A zero-length side is addressed by the line before it (`-0,0` for a new file).
    const oldStart = oldLines > 0 && h.oldStart === 0 ? 1 : h.oldStart;
    const newStart = newLines > 0 && h.newStart === 0 ? 1 : h.newStart;
    const header = formatHunkHeader(oldStart, oldLines, newStart, newLines, h.context);
    const repairs = [...this.repairs];
    if (headerIdx >= 0) {
      const at = this.v.lineNo[headerIdx]!;
      if (recounted && !snipLine && (oldLines !== h.oldLines || newLines !== h.newLines)) {
        repairs.push({
          kind: 'hunk-count-fixed',
          line: at,
          detail: `counts -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} recounted as -${oldStart},${oldLines} +${newStart},${newLines}`,
        });
      }
      if (h.nonstandard) {
        repairs.push({ kind: 'hunk-header-normalised', line: at, detail: `nonstandard hunk header rewritten as ${header}` });
      }
    }
    const hunk: Hunk = {
      header,
      oldStart,
      oldLines,
      newStart,
      newLines,
      function: functionName(h.context),
      context: h.context,
      added,
      removed,
      lines,
    };
    if (recounted && !snipLine && oldLines <= h.oldLines && newLines <= h.newLines && (oldLines < h.oldLines || newLines < h.newLines)) {
      hunk.sent = { oldLines: h.oldLines, newLines: h.newLines };
    }
    return { hunk, repairs };
  }
}
