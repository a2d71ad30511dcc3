// Real upstream patches (../shared/real-patches, read in place): a partial replay is labelled
// and never a regression, and code that does not compile on a base is a mapping result.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { failOnMet } from '../../src/replay/fail-on.js';
import { review } from '../../src/replay/review.js';
import type { Review } from '../../src/replay/types.js';
import { renderText } from '../../src/report/render-text.js';

const REAL = resolve(process.env.LKML_REPLAY_SHARED ?? resolve(import.meta.dirname, '../../../shared'), 'real-patches');
const P = (name: string) => join(REAL, name);
const scenarios = loadBundledScenarios().filter((s) => ['nouveau-atomic-small', 'nouveau-atomic-thp-tail'].includes(s.name));

describe.skipIf(!existsSync(REAL))('real patches on a base they were not written for', () => {
  describe('the 2023 page-reference fix on v5.14 with --partial: the put replayed without its get', () => {
    let r: Review;
    beforeAll(async () => {
      r = await review({ inputs: [P('11-take-page-ref-remove_device_exclusive_entry-thread.mbox')], base: 'v5.14', partial: true, scenarios });
    }, 600_000);

    test('the replay is partial, the split get/put pair is named, and nothing counts as a regression', () => {
      const v = r.variants[0]!;
      expect(v).toMatchObject({ replayed: true, partial: true, regression: false });
      expect(v.splitPairs).toContainEqual({ kind: 'reference', leftOut: 1, replayed: 2, names: ['get_page_unless_zero', 'put_page'] });
      const small = v.results.find((x) => x.scenario === 'nouveau-atomic-small')!;
      // what the comparison finds is kept, but it is the partial replay's, not the patch's
      expect(small).toMatchObject({ partial: true, changed: true, regression: false });
      expect(small.differences.some((d) => d.regression)).toBe(true);
      expect(r.summary).toMatchObject({ partial: 1, regressions: 0, differences: 0 });
      expect(r.summary.partialDifferences).toBeGreaterThan(0);
      expect(failOnMet(r, 'regression')).toBe(false);
      expect(failOnMet(r, 'difference')).toBe(false);
      expect(failOnMet(r, 'partial')).toBe(true);
      const t = renderText(r);
      expect(t).toMatch(/summary: +1 variant, 1 replayed \(1 in part: \d+ runs? differ there, not counted\); 0 scenario runs behave differently, 0 regressions/);
      expect(t).toContain('partial replay: hunk 2 is replayed without hunk 1: the reference pair `get_page_unless_zero`/`put_page` is split between them');
      expect(t).toMatch(/nouveau-atomic-small +completed 0 +bug +changed \(partial\)/);
      expect(t).not.toContain('REGRESSION');
    });

    test('without --partial the variant is not replayed, and the report says what --partial would replay', async () => {
      const whole = await review({ inputs: [P('11-take-page-ref-remove_device_exclusive_entry-thread.mbox')], base: 'v5.14', scenarios: [] });
      const v = whole.variants[0]!;
      expect(v.replayed).toBe(false);
      expect(v.partialWouldReplay).toEqual([2]);
      expect(renderText(whole)).toContain('--partial would replay hunk 2 without the others, its results labelled partial');
    }, 600_000);
  });

  test('the 2025 make_device_exclusive() conversion on v5.14: folio code does not compile there, a mapping result, exit 0 with --fail-on regression', async () => {
    const r = await review({ inputs: [P('13-rmap-convert-to-make_device_exclusive.patch')], base: 'v5.14', partial: true, scenarios });
    const v = r.variants[0]!;
    const nouveau = v.hunks.find((h) => h.file === 'drivers/gpu/drm/nouveau/nouveau_svm.c')!;
    expect(nouveau).toMatchObject({ mapped: false, unplaced: 'does-not-compile' });
    expect(nouveau.reason).toMatchObject({ kind: 'does-not-compile', message: expect.stringContaining('unknown identifier `folio`') });
    // no run ends in `error` because of code that cannot compile
    for (const x of v.results) expect(x.outcome.verdict).not.toBe('error');
    expect(failOnMet(r, 'regression')).toBe(false);
  }, 600_000);
});
