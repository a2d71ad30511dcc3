// The cheap first look: can a diff start anywhere in these lines? A diff starts only at a
// line view.ts classifies as a hunk header (`@@`...), a git/diff line (`diff -`...), a CVS
// `Index: ` line or a `--- ` line (of a ---/+++ pair); each of those kinds needs its prefix on
// the line itself (quote markers are already stripped), so a line without one of the four
// prefixes can start nothing. (A lone `+++ ` line can start one too, but only right before a
// hunk header, which the gate sees.) The gate is no tighter than those rules: it ignores the
// second line the rules also ask for, and a cut line or snip only matters next to a diff start.
import type { QuotedLine } from './types.js';

const AT = 0x40; // @
const D = 0x64; // d
const I = 0x49; // I
const DASH = 0x2d; // -

/** The line has the prefix of a line view.ts may classify as a diff's first line. */
export function mayStartDiff(t: string): boolean {
  return mayStartDiffAt(t, 0);
}

/** mayStartDiff for the line starting at offset `p` of `s`. */
function mayStartDiffAt(s: string, p: number): boolean {
  switch (s.charCodeAt(p)) {
    case AT:
      return s.charCodeAt(p + 1) === AT;
    case D:
      return s.startsWith('diff -', p);
    case I:
      return s.startsWith('Index: ', p);
    case DASH:
      return s.startsWith('--- ', p);
    default:
      return false;
  }
}

/** Quote depths holding a line a diff may start at; null when there is none. */
export function depthsWithDiffStart(lines: readonly QuotedLine[]): Set<number> | null {
  let depths: Set<number> | null = null;
  let lastDepth = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (mayStartDiffAt(l.text, 0) && l.depth !== lastDepth) {
      lastDepth = l.depth;
      (depths ??= new Set()).add(lastDepth);
    }
  }
  return depths;
}

/** Whether any line of a bare text (an attachment) may start a diff, without splitting it. */
export function textMayHoldDiff(text: string): boolean {
  if (mayStartDiffAt(text, 0)) return true;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    if (mayStartDiffAt(text, nl + 1)) return true;
  }
  return false;
}
