// A review split into shares (review --shard i/n) and joined again (merge) is the review one run
// makes, byte for byte: each share replays its own variants, the join takes each variant's
// results from its owner, the baselines from wherever they ran, and counts again.
import { expect, test } from 'vitest';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { mergeShards, MergeError } from '../../src/replay/merge-shards.js';
import { review, shardOf } from '../../src/replay/review.js';
import { renderJson } from '../../src/report/render-json.js';

const INPUTS = [
  'fixtures/threads/000_00c7ef2d00851f1b.txt',
  'fixtures/series/two-rmap-fixes.mbox',
  'fixtures/patches/review-tail-skip.patch',
  'fixtures/patches/review-owner-tagged-split.patch',
  'fixtures/patches/review-split-after-init.patch',
];
const scenarios = loadBundledScenarios().filter((s) => ['nouveau-atomic-small', 'nouveau-atomic-thp-tail', 'nouveau-atomic-thp-head'].includes(s.name));

test('three shares merged equal the single run, byte for byte', async () => {
  const one = await review({ inputs: INPUTS, base: 'v10', scenarios });
  expect(one.summary.replayed).toBeGreaterThanOrEqual(5);
  const shares = [];
  for (let index = 1; index <= 3; index++) shares.push(await review({ inputs: INPUTS, base: 'v10', scenarios, shard: { index, count: 3 } }));
  // each share replayed only its own variants
  for (const s of shares) for (const v of s.variants) if (v.replayed) expect(v.results.length > 0).toBe(shardOf(v.label, 3) === s.shard!.index);
  // shares arrive in any order, as JSON
  const back = shares.reverse().map((s) => {
    const { format: _f, notice: _n, ...r } = JSON.parse(renderJson(s)) as Record<string, unknown>;
    return r as unknown as typeof s;
  });
  expect(renderJson(mergeShards(back))).toBe(renderJson(one));
  expect(() => mergeShards(back.slice(1))).toThrow(MergeError);
}, 600_000);
