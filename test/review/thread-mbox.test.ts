// The whole synthetic v10 07/10 thread: the patch mail's diff (a placeholder the model already
// has) and Peter's diff, whose quoted copy in the seed reply is the same variant.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import type { Review } from '../../src/replay/types.js';

const MBOX = 'fixtures/threads/v10-07-device-exclusive.mbox';
let r: Review;

beforeAll(async () => {
  r = await review({ inputs: [MBOX], scenarios: loadBundledScenarios().filter((s) => ['nouveau-atomic-small', 'nouveau-atomic-thp-tail'].includes(s.name)) });
}, 600_000);

describe('review of the whole v10 07/10 thread', () => {
  test('base v10; two variants in order of first appearance', () => {
    expect(r.base).toBe('v10');
    expect(r.thread).toMatchObject({ messages: 11, diffs: 3, distinct: 2 });
    expect(r.variants.map((v) => [v.label, v.author?.name, v.messageId, v.quoteDepth])).toEqual([
      ['V1', 'Alistair Popple', '20210607075855.5084-8-apopple@nvidia.com', 0],
      ['V2', 'Peter Xu', 'YMDmsha6GDtUf3Vs@t490s', 0],
    ]);
  });

  test('the 07/10 patch mail\'s placeholder diff adds no modelled function: a variant whose change the base already has, behaving the same', () => {
    expect(r.baselinePatches).toEqual([]);
    const v = r.variants[0]!;
    expect(v.source.origin).toBe('patch');
    expect(v.hunks.map((h) => [h.function, h.mapped, h.kind])).toEqual([['page_make_device_exclusive_one', true, 'no-code-change']]);
    expect(v.replayed).toBe(true);
    expect(v.changed).toBe(false);
  });

  test('Peter\'s diff is one variant, its quoted copy in the seed reply counted as the same', () => {
    const v = r.variants[1]!;
    expect(v.copies).toEqual(['2773835.D95cIkl9rl@nvdebian']);
    expect(v.hunks[0]!.placement).toMatch(/before `mmu_notifier_range_init_owner\(/);
    expect(v.results.find((x) => x.scenario === 'nouveau-atomic-small')!.outcome.verdict).toBe('deadlock');
    expect(v.results.find((x) => x.scenario === 'nouveau-atomic-thp-tail')!.differences).toEqual([]);
    // Annotations can point at the diff's own lines in the mbox.
    expect(v.hunks[0]!.fileLines).toEqual({ start: 249, end: 260 });
  });
});
