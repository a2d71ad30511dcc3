// A series replays cumulatively: patch k on the base plus patches 1..k-1, and the series as a
// whole is one more variant. The same patches as separate files give the same results.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
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
  results: v.results.map((x) => [x.scenario, x.changed, x.outcome.verdict, x.outcome.result, x.differences.map((d) => d.summary)]),
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
