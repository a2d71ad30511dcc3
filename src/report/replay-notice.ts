// What was not replayed, said first in every format: a review that replayed nothing checked
// nothing, and a variant left out (or replayed in part) is no pass. One sentence per case,
// read off the review: the variants' `replayed`/`partial` flags and their unplaced hunks.
import type { HunkReview, Review, VariantReview } from '../replay/types.js';
import { variantNoteText } from './placement-words.js';
import { kernelWhere, plural } from './review-common.js';

const LISTED = 5;

/** Lines for the top of a report; empty when every variant was replayed whole. */
export function replayNotice(r: Review): string[] {
  const variants = [...r.variants];
  if (r.summary.replayed === 0) {
    if (!variants.length) {
      return [r.baselinePatches.length
        ? `nothing replayed: the thread's diffs add the functions the model has (its baseline); there is no variant to replay`
        : 'nothing replayed: the input has no diff'];
    }
    return [`nothing replayed: ${why(variants)}`];
  }
  const out: string[] = [];
  const left = variants.filter((v) => !v.replayed);
  if (left.length) out.push(`not replayed: ${left.map((v) => v.label).join(', ')}: ${why(left)}`);
  const partial = variants.filter((v) => v.replayed && v.partial);
  if (partial.length) out.push(`replayed in part (--partial): ${partial.map((v) => `${v.label} without ${listHunks(v.hunks.filter((h) => !h.mapped))}`).join('; ')}`);
  return out;
}

/** `3 hunks outside the model: mm/memory.c:3461 do_wp_page() (function-not-modelled), ...` */
function why(variants: VariantReview[]): string {
  const hunks = variants.flatMap((v) => v.hunks.filter((h) => !h.mapped));
  if (!hunks.length) return variants.map((v) => `${v.label}: ${v.note ? variantNoteText(v.note, v.hunks) : 'no reason given'}`).join('; ');
  const outside = hunks.every((h) => h.unplaced === 'file-not-modelled' || h.unplaced === 'function-not-modelled');
  return `${plural(hunks.length, 'hunk')} ${outside ? 'outside the model' : 'not placed on the model'}: ${listHunks(hunks)}`;
}

function listHunks(hunks: HunkReview[]): string {
  const shown = hunks.slice(0, LISTED).map((h) => `${kernelWhere(h)}${h.function ? ` ${h.function}()` : ''} (${h.unplaced ?? 'unplaced'})`);
  return shown.join(', ') + (hunks.length > LISTED ? ` and ${hunks.length - LISTED} more` : '');
}
