// The whole synthetic v10 07/10 thread: the patch mail's diff (generated from the model's v10
// sources, so it adds functions the model has: the thread's baseline) and Peter's diff, whose
// quoted copy in the seed reply is the same variant.
import { readFileSync } from 'node:fs';
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
  test('base v10, chosen for the thread\'s subject version', () => {
    expect(r.bases.map((b) => b.name)).toEqual(['v10']);
    for (const v of r.variants) expect(v.base).toMatchObject({ base: 'v10', rule: 'subject' });
    expect(r.thread).toMatchObject({ messages: 11, diffs: 3, distinct: 2 });
  });

  test('the 07/10 patch mail adds the functions the model has: it is the baseline, not a variant', () => {
    expect(r.baselinePatches).toHaveLength(1);
    const b = r.baselinePatches[0]!;
    expect(b.messageId).toBe('20210607075855.5084-8-apopple@nvidia.com');
    expect(b.author).toMatchObject({ name: 'Alistair Popple' });
    for (const f of ['make_device_exclusive_range', 'page_make_device_exclusive', 'page_make_device_exclusive_one', 'remove_device_exclusive_entry', 'restore_exclusive_pte'])
      expect(b.adds).toContain(f);
    expect(r.variants.map((v) => v.messageId)).not.toContain(b.messageId);
  });

  test('the one variant is Peter\'s diff, its quoted copy in the seed reply counted as the same', () => {
    expect(r.variants.map((v) => [v.label, v.author?.name, v.messageId, v.quoteDepth])).toEqual([['V1', 'Peter Xu', 'YMDmsha6GDtUf3Vs@t490s', 0]]);
    const v = r.variants[0]!;
    expect(v.copies).toEqual(['2773835.D95cIkl9rl@nvdebian']);
    expect(v.hunks[0]!.placement).toMatchObject({ kind: 'spliced', change: { op: 'before', statement: 'mmu_notifier_range_init_owner(...)' } });
    expect(v.results.find((x) => x.scenario === 'nouveau-atomic-small')!.outcome.verdict).toBe('deadlock');
    expect(v.results.find((x) => x.scenario === 'nouveau-atomic-thp-tail')!.differences).toEqual([]);
    // Annotations can point at the diff's own lines in the mbox: the hunk's @@ header is the line
    // before them and its added call is among them.
    const { start, end } = v.hunks[0]!.fileLines!;
    const lines = readFileSync(MBOX, 'utf8').split('\n');
    expect(lines[start - 2]).toMatch(/^@@ .* @@.*page_make_device_exclusive_one/);
    expect(lines.slice(start - 1, end).filter((l) => /^\+\s*split_huge_pmd_address\(vma, address, false, page\);/.test(l))).toHaveLength(1);
  });
});
