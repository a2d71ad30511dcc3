// Real replies whose diffs do not place whole. A reply that quotes only the start of a hunk
// (../shared/real-mail/v7-5of8-jgg-review-cut-file-header.eml: Jason Gunthorpe quotes v7 5/8's copy_nonpresent_pte() hunk, header -781,6 +781,27, and cuts it
// after 3 old and 24 new lines, mid-branch). The cut is a fact of the hunk and is said first on
// its placement: the compile failure that follows comes from the braces the quote left out.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { review } from '../../src/replay/review.js';
import { noteText, reasonText, variantNoteText } from '../../src/report/placement-words.js';

const MAIL = '../shared/real-mail/v7-5of8-jgg-review-cut-file-header.eml';

describe.skipIf(!existsSync(MAIL))('a quoted hunk cut short', () => {
  test('is said so, and is not replayed', async () => {
    const r = await review({ inputs: [MAIL], base: 'v5.14', scenarios: [] });
    const [v] = r.variants;
    const [h] = v!.hunks;
    expect(h).toMatchObject({ file: 'mm/memory.c', mapped: false, unplaced: 'does-not-compile' });
    expect(h!.notes[0]).toEqual({ kind: 'cut-short', sent: { oldLines: 6, newLines: 27 }, quoted: { oldLines: 3, newLines: 24 } });
    expect(noteText(h!.notes[0]!)).toBe('the mail cuts this hunk short: its `@@` line counts 6 old and 27 new lines, 3 and 24 follow it');
    expect(reasonText(h!.reason!)).toMatch(/does not compile/);
    expect(v!.replayed).toBe(false);
  });
});

// David Hildenbrand's reply to v1 04/12 of the 2025 series (../shared/real-mail/2025-v1-04of12-
// hildenbrand-flowed-notifier-diff.eml) moves the notifier of make_device_exclusive(); v6.15 has
// two of its five hunks already, in the form that was merged. The other three are replayed on top,
// and the review says so: a difference may be the change made twice.
const FLOWED = '../shared/real-mail/2025-v1-04of12-hildenbrand-flowed-notifier-diff.eml';

describe.skipIf(!existsSync(FLOWED))('a diff part of which the base already has', () => {
  test('is replayed, with the hunks the base has named', async () => {
    const r = await review({ inputs: [FLOWED], scenarios: [] });
    const [v] = r.variants;
    expect(v!.base.base).toBe('v6.15');
    expect(v!.hunks.map((h) => h.placement?.kind)).toEqual(['already-applied', 'already-applied', 'spliced', 'spliced', 'spliced']);
    expect(v!.note).toEqual({ kind: 'partly-applied', applied: [{ hunk: 1, inFile: 1 }, { hunk: 2, inFile: 2 }] });
    expect(variantNoteText(v!.note!, v!.hunks)).toMatch(/^hunk 1 of mm\/rmap\.c \(make_device_exclusive\), hunk 2 of mm\/rmap\.c \(make_device_exclusive\) are already in the base; the other hunks were replayed on top of it/);
  });
});
