// Public API of src/patch: finding diffs in message bodies, reading them tolerantly, and
// telling copies of the same diff apart from new ones.
import type { DiffOrigin } from './types.js';
import { type FoundDiff, findInView } from './find-diffs.js';
import { viewOfText } from './view.js';
import { textMayHoldDiff } from './diff-gate.js';

export type * from './types.js';
export { findDiffs, type FoundDiff } from './find-diffs.js';
export { diffIdentity, fileChanges, isQuotedPartOf, type FileChanges } from './identity.js';
export { patchBreak, isPatchBreakLine } from './patch-break.js';
export { isScissorsLine } from './scissors.js';
export { functionName, parseHunkHeader } from './hunk-header.js';

/**
 * A text/x-patch or text/x-diff attachment, or a .patch/.diff file: a bare diff or a whole
 * `git format-patch` mail. All diffs in it are one diff (an attachment is one change).
 */
export function parseDiffText(text: string, origin: DiffOrigin): FoundDiff | null {
  if (!textMayHoldDiff(text)) return null;
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const found = findInView(viewOfText(lines));
  if (found.length === 0) return null;
  return {
    quoteDepth: 0,
    origin,
    firstLine: found[0]!.firstLine,
    lastLine: found[found.length - 1]!.lastLine,
    repairs: found.flatMap((f) => f.repairs),
    files: found.flatMap((f) => f.files),
    text: found.map((f) => f.text).join(''),
  };
}
