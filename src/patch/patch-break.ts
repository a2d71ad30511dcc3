// git mailinfo's patch break: where the commit message of a patch mail ends and the patch
// part (diffstat, diff, signature, list footer: everything after) begins.
import { isScissorsLine } from './scissors.js';

function isCSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

/**
 * One line (without its newline) that starts the patch part: `diff -`, `Index: `,
 * `--- ` followed by a file name (a headerless diff), or `---` followed only by blanks (the
 * manual separator format-patch writes before the diffstat).
 */
export function isPatchBreakLine(line: string): boolean {
  if (line.startsWith('diff -') || line.startsWith('Index: ')) return true;
  if (!line.startsWith('---')) return false;
  if (line[3] === ' ' && line.length > 4 && !isCSpace(line[4])) return true;
  for (let i = 3; i < line.length; i++) if (!isCSpace(line[i])) return false;
  return true;
}

export interface PatchBreakOptions {
  /**
   * `git mailinfo --scissors`: a cut line is never a patch break (`--- >8 ---` would be one
   * otherwise). The patch part itself does not change.
   */
  scissors?: boolean;
}

/** Index of the first line of the patch part, or -1 when the body has none. */
export function patchBreak(lines: readonly string[], opts: PatchBreakOptions = {}): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (opts.scissors && isScissorsLine(line)) continue;
    if (isPatchBreakLine(line)) return i;
  }
  return -1;
}
