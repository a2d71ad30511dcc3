// Variants the thread never saw (fixtures/patches/review-*.patch) replay by execution: a comment
// and whitespace edit behaves the same everywhere; a hunk in a function the model lacks stops
// its variant (or, with --partial, is left out and flagged); new ideas give their own differences.
import { beforeAll, describe, expect, test } from 'vitest';
import { variantNoteText } from '../../src/report/placement-words.js';
import { differenceText } from '../../src/report/difference-words.js';
import { eventText, stepText } from '../../src/report/trace-words.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import { baseWhy } from '../../src/report/base-choice.js';
import type { Review, VariantReview } from '../../src/replay/types.js';

const P = (name: string) => `fixtures/patches/review-${name}.patch`;
const all = loadBundledScenarios();
const pick = (...names: string[]) => all.filter((s) => names.includes(s.name));
const res = (v: VariantReview, s: string) => v.results.find((x) => x.scenario === s)!;

describe('a variant that only edits comments and whitespace in page_make_device_exclusive_one', () => {
  let r: Review;
  beforeAll(async () => {
    r = await review({ inputs: [P('comment-only')], base: 'v10', scenarios: all });
  }, 600_000);

  test('is placed as no code change, replayed, and shows no behavioural difference in any scenario', () => {
    const v = r.variants[0]!;
    expect(v.hunks.map((h) => [h.function, h.mapped, h.kind])).toEqual([['page_make_device_exclusive_one', true, 'no-code-change']]);
    expect(v.replayed).toBe(true);
    expect(v.results.map((x) => x.scenario).sort()).toEqual(all.map((s) => s.name).sort());
    for (const x of v.results) {
      expect(x.differences, x.scenario).toEqual([]);
      expect(x.outcome.verdict).toBe(r.bases.find((b) => b.name === v.base.base)!.baseline[x.scenario]!.verdict);
    }
    expect(r.summary).toMatchObject({ differences: 0, regressions: 0 });
  });
});

describe('a hunk against a function the model does not have', () => {
  let r: Review;
  let partial: Review;
  beforeAll(async () => {
    r = await review({ inputs: [P('unmodelled-function'), P('partial')], base: 'v10', scenarios: pick('nouveau-atomic-small') });
    partial = await review({ inputs: [P('partial')], base: 'v10', scenarios: pick('nouveau-atomic-small'), partial: true });
  }, 600_000);

  test('is reported unplaced with its reason, and its variant is not replayed', () => {
    const [v, both] = r.variants;
    expect(v!.hunks[0]).toMatchObject({ function: 'try_to_migrate_one', mapped: false, unplaced: 'function-not-modelled' });
    expect(v!.hunks[0]!.reason).toMatchObject({ kind: 'function-not-modelled', function: 'try_to_migrate_one' });
    expect(v!.replayed).toBe(false);
    expect(v!.results).toEqual([]);
    expect(v!.note).toEqual({ kind: 'stopped', at: { hunk: 1, inFile: 1 } });
    expect(variantNoteText(v!.note!, v!.hunks)).toMatch(/^not replayed: hunk 1 of mm\/rmap\.c \(try_to_migrate_one\) could not be placed: try_to_migrate_one\(\) is not in/);
    // One unplaced hunk stops the whole variant, even with a placeable one beside it.
    expect(both!.hunks.map((h) => h.mapped)).toEqual([false, true]);
    expect(both!.replayed).toBe(false);
  });

  test('--partial replays the placed hunk, flagged as partial', () => {
    const v = partial.variants[0]!;
    expect(v.replayed).toBe(true);
    expect(v.partial).toBe(true);
    expect(v.note).toEqual({ kind: 'partial', leftOut: [{ hunk: 1, inFile: 1 }] });
    expect(variantNoteText(v.note!, v.hunks)).toMatch(/^replayed in part \(--partial\): hunk 1 of mm\/rmap\.c \(try_to_migrate_one\) left out/);
    expect(res(v, 'nouveau-atomic-small').outcome.verdict).toBe('deadlock');
  });
});

describe('variants nobody has seen replay by execution', () => {
  let r: Review;
  beforeAll(async () => {
    r = await review({
      inputs: [P('split-after-init'), P('owner-tagged-split'), P('tail-skip')],
      base: 'v10',
      scenarios: pick('nouveau-atomic-small', 'nouveau-atomic-thp-tail'),
    });
  }, 600_000);
  const byFile = (f: string) => r.variants.find((v) => v.source.file === P(f))!;

  test('the split moved after the notifier start: still an unfiltered CLEAR, still a retry and a deadlock; the runs part later', () => {
    const v = byFile('split-after-init');
    expect(v.hunks[0]!.placement).toMatchObject({ kind: 'spliced', change: { kind: 'statement', op: 'before', statement: expect.stringMatching(/^while \(page_vma_mapped_walk\(&pvmw\)\)/) } });
    const x = res(v, 'nouveau-atomic-small');
    expect(x.outcome.verdict).toBe('deadlock');
    const c = x.differences.find((d) => d.kind === 'verdict')!.firstCause!;
    expect(eventText(c.divergence.baseline!.event)).toBe('`page_make_device_exclusive_one` calls `page_vma_mapped_walk`()');
    expect(eventText(c.divergence.variant!.event)).toBe('`page_make_device_exclusive_one` calls `split_huge_pmd_address`()');
    expect(stepText(c.chain[0]!)).toContain('issues CLEAR with owner unset');
  });

  test('an owner-tagged range around the split: its own EXCLUSIVE is filtered, the CLEAR inside is not', () => {
    const v = byFile('owner-tagged-split');
    const x = res(v, 'nouveau-atomic-small');
    expect(x.outcome.verdict).toBe('deadlock');
    const chain = x.differences.find((d) => d.kind === 'verdict')!.firstCause!.chain.map(stepText);
    expect(chain[0]).toMatch(/issues EXCLUSIVE with owner nouveau .*`nouveau_svm_range_invalidate` filters it/);
    expect(chain[1]).toMatch(/`__split_huge_pmd` \(from `split_huge_pmd_address` .*issues CLEAR with owner unset.*does not filter it: seq bumped/);
    expect(x.differences.flatMap((d) => (d.kind === 'notifier-gained' ? [d.notifier.event] : []))).toEqual(['EXCLUSIVE', 'CLEAR']);
  });

  test('skipping tail pages: the tail-mapping-read hazard is gone, nothing regresses', () => {
    const v = byFile('tail-skip');
    expect(res(v, 'nouveau-atomic-small').differences).toEqual([]);
    const x = res(v, 'nouveau-atomic-thp-tail');
    expect(x.differences.map((d) => d.kind)).toEqual(['hazard-lost']);
    expect(x.differences[0]).toMatchObject({ kind: 'hazard-lost', count: 1, hazard: 'tail-mapping-read', function: 'page_lock_anon_vma_read' });
    expect(differenceText(x.differences[0]!)).toMatch(/^−1 hazard tail-mapping-read in `page_lock_anon_vma_read`/);
    expect(eventText(x.differences[0]!.firstCause!.divergence.variant!.event)).toBe('`page_make_device_exclusive` returns 0');
    expect(x.regression).toBe(false);
    expect(v.regression).toBe(false);
  });

  test('no version in the subjects: the base the hunks match exactly, and the review says why', async () => {
    const plain = await review({ inputs: [P('tail-skip')], scenarios: [] });
    const base = plain.variants[0]!.base;
    expect(base).toMatchObject({ base: 'v10', rule: 'exact' });
    expect(base).toHaveProperty('fits', [expect.objectContaining({ base: 'v10', exact: true }), expect.objectContaining({ base: 'v5.14', placed: 0 }), expect.objectContaining({ base: 'v6.1', placed: 0 }), expect.objectContaining({ base: 'v6.13', placed: 0 }), expect.objectContaining({ base: 'v6.15', placed: 0 })]);
    expect(baseWhy(base)).toMatch(/^the hunks' context and removed lines match v10 exactly/);
  }, 120_000);
});
