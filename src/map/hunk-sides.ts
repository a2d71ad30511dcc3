// A hunk as the aligner sees it: its old side (context and removed lines) as tokens that remember
// their hunk line, its new side as token texts, and whether the two differ in anything but
// comments and whitespace.
import type { Hunk } from '../patch/types.js';
import { groupStatements, type TokStatement } from './statements.js';
import { startsInComment, tokenizeLine, type CommentState, type Tok } from './tokens.js';

interface SideLine {
  op: ' ' | '+' | '-';
  text: string;
  /** Index in hunk.lines. */
  index: number;
  /** Index among the old-side lines (context and removed), -1 for added lines. */
  old: number;
}

export interface HunkSides {
  lines: SideLine[];
  /** Old-side tokens; `line` is the old-side line index. */
  oldToks: Tok[];
  /** Per old-side line: its hunk line and its tokens [first, end) in oldToks. */
  oldLines: { index: number; op: ' ' | '-'; text: string; first: number; end: number }[];
  oldStatements: TokStatement[];
  newTokTexts: string[];
  /** Per hunk line: how many new-side tokens it has (0 for removed lines and comment-only lines). */
  newLineTokens: number[];
  /** The two sides differ once comments and whitespace are dropped. */
  codeChange: boolean;
}

export function hunkSides(hunk: Hunk): HunkSides {
  const lines: SideLine[] = [];
  let old = 0;
  for (let i = 0; i < hunk.lines.length; i++) {
    const l = hunk.lines[i]!;
    lines.push({ op: l.op, text: l.text, index: i, old: l.op === '+' ? -1 : old++ });
  }
  const initial: CommentState = startsInComment(lines.map((l) => l.text)) ? 'comment' : 'code';
  const oldToks: Tok[] = [];
  const oldLines: HunkSides['oldLines'] = [];
  let st = initial;
  for (const l of lines) {
    if (l.op === '+') continue;
    const r = tokenizeLine(l.text, st, l.old);
    st = r.state;
    oldLines.push({ index: l.index, op: l.op, text: l.text, first: oldToks.length, end: oldToks.length + r.toks.length });
    oldToks.push(...r.toks);
  }
  const newTokTexts: string[] = [];
  const newLineTokens = lines.map(() => 0);
  st = initial;
  for (const l of lines) {
    if (l.op === '-') continue;
    const r = tokenizeLine(l.text, st, l.index);
    st = r.state;
    newLineTokens[l.index] = r.toks.length;
    for (const t of r.toks) newTokTexts.push(t.t);
  }
  const codeChange = oldToks.length !== newTokTexts.length || oldToks.some((t, i) => t.t !== newTokTexts[i]);
  return { lines, oldToks, oldLines, oldStatements: groupStatements(oldToks), newTokTexts, newLineTokens, codeChange };
}

/** Change blocks: maximal runs of added/removed lines, as [first, end) indices into lines. */
export function changeBlocks(sides: HunkSides): { first: number; end: number }[] {
  const out: { first: number; end: number }[] = [];
  const ls = sides.lines;
  for (let i = 0; i < ls.length; ) {
    if (ls[i]!.op === ' ') {
      i++;
      continue;
    }
    const first = i;
    while (i < ls.length && ls[i]!.op !== ' ') i++;
    out.push({ first, end: i });
  }
  return out;
}
