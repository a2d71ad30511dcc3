// Real upstream patches (../shared/real-patches, read in place) on the base they were written
// for, chosen by their text with no --base: the 2023 page-reference fix of
// remove_device_exclusive_entry() (v1 and the trimmed copy in Matthew Wilcox's reply, both
// written against v6.3-rc) maps exactly on v6.1, whose remove_device_exclusive_entry() is the
// same, and replays whole. The race it closes needs a second thread freeing the page while the
// fault waits for its lock; no scenario has one, so nothing a scenario checks changes: only the
// deadlocked run holds one more reference when it stops.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { differenceText } from '../../src/report/difference-words.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import type { Review } from '../../src/replay/types.js';
import { baseWhy } from '../../src/report/base-choice.js';

const REAL = resolve(process.env.LKML_REPLAY_SHARED ?? resolve(import.meta.dirname, '../../../shared'), 'real-patches');
const THREAD = join(REAL, '11-take-page-ref-remove_device_exclusive_entry-thread.mbox');
const scenarios = loadBundledScenarios().filter((s) => ['nouveau-atomic-small', 'nouveau-atomic-thp-head'].includes(s.name));

describe.skipIf(!existsSync(REAL))('the 2023 page-reference fix, no --base', () => {
  let r: Review;
  beforeAll(async () => {
    r = await review({ inputs: [THREAD], scenarios });
  }, 600_000);

  test('the patch (the reply\'s trimmed quote is a copy of it) chooses v6.1 by its text and replays whole', () => {
    expect(r.variants).toHaveLength(1);
    for (const v of r.variants) {
      expect(v.base).toMatchObject({ base: 'v6.1', rule: 'exact' });
      expect(v.base).toHaveProperty('fits', expect.arrayContaining([expect.objectContaining({ base: 'v5.14', exact: false }), expect.objectContaining({ base: 'v6.1', exact: true })]));
      expect(baseWhy(v.base)).toMatch(/^the hunks' context and removed lines match v6\.1 exactly/);
      expect(v.hunks.map((h) => [h.function, h.mapped])).toEqual([['remove_device_exclusive_entry', true], ['remove_device_exclusive_entry', true]]);
      expect(v).toMatchObject({ replayed: true, partial: false, regression: false });
    }
    expect(r.bases.map((b) => b.name)).toEqual(['v6.1']);
  });

  test('what a scenario observes: no verdict or result changes; the self-deadlock holds the extra reference', () => {
    for (const v of r.variants) {
      const small = v.results.find((x) => x.scenario === 'nouveau-atomic-small')!;
      expect(small.changed).toBe(false);
      const head = v.results.find((x) => x.scenario === 'nouveau-atomic-thp-head')!;
      expect(head).toMatchObject({ changed: true, regression: false });
      expect([head.outcome.verdict, head.outcome.result, head.outcome.retries]).toEqual(['deadlock', null, 1]);
      // the reference is taken before the folio lock the thread itself holds
      expect(head.differences.map((d) => d.kind)).toEqual(['final-state']);
      expect(differenceText(head.differences[0]!)).toMatch(/refcount 513.*→.*refcount 514/);
    }
    // v1 takes it with get_page_unless_zero() (the folio rework came in v2)
    expect(r.variants.map((v) => v.results.find((x) => x.scenario === 'nouveau-atomic-thp-head')!.differences[0]!.firstCause?.divergence.variant?.event)).toEqual([
      { kind: 'call', caller: 'remove_device_exclusive_entry', fn: 'get_page_unless_zero', args: null },
    ]);
  });
});
