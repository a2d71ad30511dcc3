// What was not replayed, said first in every format: a review that replayed nothing checked
// nothing, and a variant left out (or replayed in part) is no pass. One sentence per case,
// read off the review: the variants' `replayed`/`partial` flags and their unplaced hunks.
import type { HunkReview, Review, VariantReview } from '../replay/types.js';
import { variantNoteText } from './placement-words.js';
import { kernelWhere, plural } from './review-common.js';

const LISTED = 5;

/**
 * Lines for the top of a report; empty when every variant was replayed whole. One pass over the
 * variants, keeping only what the lines say: a big review's variants are read back one at a time.
 */
export function replayNotice(r: Review): string[] {
  if (r.summary.replayed === 0) {
    if (!r.variants.length) {
      return [r.baselinePatches.length
        ? `nothing replayed: the thread's diffs add the functions the model has (its baseline); there is no variant to replay`
        : 'nothing replayed: the input has no diff'];
    }
    return [`nothing replayed: ${why(r.variants)}`];
  }
  const out: string[] = [];
  const left: string[] = [];
  const partial: string[] = [];
  const leftWhy = new Why();
  for (const v of r.variants) {
    if (!v.replayed) {
      left.push(v.label);
      leftWhy.add(v);
    } else if (v.partial) {
      const out = v.hunks.filter((h) => !h.mapped);
      partial.push(`${v.label} without ${listHunks(out, out.length)}`);
    }
  }
  if (left.length) out.push(`not replayed: ${left.join(', ')}: ${leftWhy.text()}`);
  if (partial.length) out.push(`replayed in part (--partial): ${partial.join('; ')}`);
  return out;
}

/** `3 hunks outside the model: mm/memory.c:3461 do_wp_page() (function-not-modelled), ...` */
function why(variants: Iterable<VariantReview>): string {
  const w = new Why();
  for (const v of variants) w.add(v);
  return w.text();
}

/** Why variants were not replayed, gathered one variant at a time: their unplaced hunks (the first few kept), else their notes. */
class Why {
  private hunks = 0;
  private readonly shown: HunkReview[] = [];
  private outside = true;
  private readonly notes: string[] = [];

  add(v: VariantReview): void {
    for (const h of v.hunks) {
      if (h.mapped) continue;
      this.hunks++;
      if (this.shown.length < LISTED) this.shown.push(h);
      if (h.unplaced !== 'file-not-modelled' && h.unplaced !== 'function-not-modelled') this.outside = false;
    }
    if (!this.hunks) this.notes.push(`${v.label}: ${v.note ? variantNoteText(v.note, v.hunks) : 'no reason given'}`);
  }

  text(): string {
    if (!this.hunks) return this.notes.join('; ');
    return `${plural(this.hunks, 'hunk')} ${this.outside ? 'outside the model' : 'not placed on the model'}: ${listHunks(this.shown, this.hunks)}`;
  }
}

/** The first LISTED of `total` hunks, and how many more. */
function listHunks(hunks: HunkReview[], total: number): string {
  const shown = hunks.slice(0, LISTED).map((h) => `${kernelWhere(h)}${h.function ? ` ${h.function}()` : ''} (${h.unplaced ?? 'unplaced'})`);
  return shown.join(', ') + (total > LISTED ? ` and ${total - LISTED} more` : '');
}
