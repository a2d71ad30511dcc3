// A series replays cumulatively: patch k on the base plus patches 1..k-1, and the series as a
// whole is one more variant. The same patches as separate files give the same results.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { differenceText } from '../../src/report/difference-words.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import type { Review, VariantReview } from '../../src/replay/types.js';
import { renderText } from '../../src/report/render-text.js';
import { tempDir } from '../temp-dir.js';

const MBOX = 'fixtures/series/two-rmap-fixes.mbox';
const scenarios = loadBundledScenarios().filter((s) => ['nouveau-atomic-small', 'nouveau-atomic-thp-tail'].includes(s.name));

/** The patch mails of the mbox as separate files, as git format-patch writes them without --thread. */
function separateFiles(): string[] {
  const dir = tempDir('lkml-series-');
  const mails = readFileSync(MBOX, 'utf8').split(/^(?=From 0{40} )/m).filter((m) => /\[PATCH [12]\/2\]/.test(m));
  return mails.map((m, i) => {
    const p = join(dir, `000${i + 1}-patch.patch`);
    writeFileSync(p, m.replace(/^(Message-Id|In-Reply-To|References): .*\n/gim, ''));
    return p;
  });
}

const key = (v: VariantReview) => ({
  series: v.series && { role: v.series.role, index: v.series.index, onTopOf: v.series.onTopOf },
  results: v.results.map((x) => [x.scenario, x.changed, x.outcome.verdict, x.outcome.result, x.differences.map(differenceText)]),
});

describe('a two-patch series on v10', () => {
  let r: Review;
  beforeAll(async () => {
    r = await review({ inputs: [MBOX], base: 'v10', scenarios });
  }, 600_000);

  test('patch 1 alone: the tail-page skip removes the tail-mapping-read hazard', () => {
    const v = r.variants[0]!;
    expect(v.series).toMatchObject({ role: 'patch', index: 1, total: 2, onTopOf: [], missing: [], baseline: null });
    const tail = v.results.find((x) => x.scenario === 'nouveau-atomic-thp-tail')!;
    expect(tail.changed).toBe(true);
    expect(tail.differences.map((d) => d.kind)).toEqual(['hazard-lost']);
  });

  test('patch 2 on top of patch 1: compared with the base plus patch 1, it changes nothing these scenarios observe', () => {
    const v = r.variants[1]!;
    expect(v.series).toMatchObject({ role: 'patch', index: 2, onTopOf: [1] });
    // what it is compared with is patch 1's result, not the bare base (the hazard is gone there already)
    expect(v.series!.baseline!['nouveau-atomic-thp-tail']!.hazards).toEqual([]);
    expect(v.results.every((x) => !x.changed)).toBe(true);
    expect(renderText(r)).toContain('series: patch 2/2 of v1, replayed on top of its patch 1');
  });

  test('the series as a whole against the bare base', () => {
    const v = r.variants[2]!;
    expect(v.series).toMatchObject({ role: 'whole', index: null, onTopOf: [1, 2] });
    expect(v.results.find((x) => x.scenario === 'nouveau-atomic-thp-tail')!.changed).toBe(true);
    expect(r.summary).toMatchObject({ variants: 3, replayed: 3, regressions: 0 });
  });

  test('the same patches as separate files give the same per-patch results', async () => {
    const files = await review({ inputs: separateFiles(), base: 'v10', scenarios });
    expect(files.variants.map(key)).toEqual(r.variants.map(key));
  }, 600_000);
});

const REAL = join(process.env.LKML_REPLAY_SHARED ?? join(import.meta.dirname, '../../../shared'), 'real-patches');
const V11 = join(REAL, '04-v11-07-10-mm-device-exclusive-memory-access.patch');
const tail = loadBundledScenarios().filter((s) => ['nouveau-atomic-small', 'nouveau-atomic-thp-tail'].includes(s.name));

describe.skipIf(!existsSync(V11))('the v11 posting of the modelled series (the tail-page skip)', () => {
  const check = (v: VariantReview) => {
    expect(v.replayed).toBe(true);
    const t = v.results.find((x) => x.scenario === 'nouveau-atomic-thp-tail')!;
    // every verdict and result as on v10; the one difference: the tail-mapping-read hazard is gone
    expect([t.outcome.verdict, t.outcome.result]).toEqual(['completed', -22]);
    expect(t.differences.map((d) => [d.kind, 'hazard' in d && d.hazard])).toEqual([['hazard-lost', 'tail-mapping-read']]);
    expect(v.results.find((x) => x.scenario === 'nouveau-atomic-small')!.changed).toBe(false);
  };

  test('on v10 it is a variant (it differs from the base\'s code), not the code the base models', async () => {
    const r = await review({ inputs: [V11], base: 'v10', scenarios: tail });
    expect(r.baselinePatches).toEqual([]);
    check(r.variants[0]!);
  }, 600_000);

  test('given after the v10 thread: replayed as the revision after v10 and compared with v10\'s patch 7', async () => {
    const r = await review({ inputs: ['fixtures/threads/v10-07-device-exclusive.mbox', V11], scenarios: tail });
    expect(r.baselinePatches.map((b) => b.subject)).toEqual(['[PATCH v10 07/10] mm: Device exclusive memory access']);
    const v11 = r.variants.find((v) => v.series?.version === 11)!;
    expect(v11.base).toMatchObject({ base: 'v10', rule: 'revision', previousVersion: 10 });
    expect(v11.series).toMatchObject({ role: 'patch', index: 7, previousVersion: 10 });
    check(v11);
    expect(renderText(r)).toContain("this is also what v11 changed against v10's patch 7");
  }, 600_000);
});

describe('a reply to a patch of the posting a base models', () => {
  // v10's patches are the v10 base (07, 08 and 10 as posted, the others as 5.14 merged them):
  // Peter Xu's diff in a reply to 7/10 is replayed whole on v10, nothing stacked under it. In a
  // whole list archive that holds 01-06 as posted, stacking them made the replay partial and its
  // regressions uncounted.
  test('is replayed whole on that base, patches 1..k-1 in it', async () => {
    const r = await review({ inputs: ['fixtures/threads/v10-07-device-exclusive.mbox'], scenarios: scenarios.filter((s) => s.name === 'nouveau-atomic-small') });
    const v = r.variants.find((x) => x.series?.role === 'reply')!;
    expect(v.series).toMatchObject({ version: 10, index: 7, inBase: true, onTopOf: [], missing: [], incomplete: [] });
    expect(v).toMatchObject({ replayed: true, partial: false, regression: true });
    expect(renderText(r)).toContain('the v10 base is this posting: patches 1-6 are in it');
  }, 600_000);
});
