// The 2025 nouveau fix b3fefbb30a16 ("nouveau/svm: fix missing folio unlock + put after
// make_device_exclusive_range()", written for v6.13) as the same three hunks in a test mail
// (fixtures/patches/review-nouveau-folio-unlock.patch; ../shared/real-patches has no copy of it),
// with no --base: its text matches v5.14, v10, v6.1 and v6.13 exactly, so the newest, v6.13, is
// taken; it replays whole, and nouveau-atomic-thp-head goes from the self-deadlock to what the
// commit message describes -- a retry loop that never settles, ended with -EBUSY by the 1000 ms
// timeout -- while no other scenario changes.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import type { Review } from '../../src/replay/types.js';
import { baseWhy } from '../../src/report/base-choice.js';

describe('b3fefbb30a16 (the same change), no --base', () => {
  let r: Review;
  beforeAll(async () => {
    r = await review({ inputs: ['fixtures/patches/review-nouveau-folio-unlock.patch'], scenarios: loadBundledScenarios() });
  }, 600_000);

  test('chooses v6.13, the newest base its text matches exactly, and replays whole', () => {
    const [v] = r.variants;
    expect(r.variants).toHaveLength(1);
    expect(v!.base).toMatchObject({ base: 'v6.13', rule: 'exact' });
    const exact = (v!.base as { fits: { base: string; exact: boolean }[] }).fits.filter((f) => f.exact).map((f) => f.base);
    expect(exact).toEqual(['v10', 'v5.14', 'v6.1', 'v6.13']);
    expect(baseWhy(v!.base)).toMatch(/^the hunks' context and removed lines match v6\.13 exactly/);
    expect(v!.hunks.map((h) => [h.function, h.mapped])).toEqual([
      ['nouveau_atomic_range_fault', true],
      ['nouveau_atomic_range_fault', true],
      ['nouveau_atomic_range_fault', true],
    ]);
    expect(v).toMatchObject({ replayed: true, partial: false, regression: false });
    expect(r.bases.map((b) => b.name)).toEqual(['v6.13']);
  });

  test('nouveau-atomic-thp-head: from the self-deadlock to a livelock that the 1000 ms timeout ends with -EBUSY; nothing else changes', () => {
    const v = r.variants[0]!;
    const head = v.results.find((x) => x.scenario === 'nouveau-atomic-thp-head')!;
    expect(r.bases[0]!.baseline['nouveau-atomic-thp-head']).toMatchObject({ verdict: 'deadlock', result: null, retries: 1 });
    expect([head.outcome.verdict, head.outcome.result]).toEqual(['livelock', -16]);
    expect(head.outcome.retries).toBeGreaterThanOrEqual(2);
    expect(head.outcome.detail).toMatch(/nouveau_atomic_range_fault/);
    expect(head.changed).toBe(true);
    for (const x of v.results.filter((y) => y.scenario !== 'nouveau-atomic-thp-head')) expect([x.scenario, x.changed]).toEqual([x.scenario, false]);
  });
});
