// Variants compared with the same thing whose sources are one program run once, and each is
// reported as its own runs would report it. The review input is real list mail: the stable
// team's AUTOSEL postings of Ralph Campbell's two nouveau SVM fixes for 5.6, 5.5 and 5.4, each
// pair a series of its own; the three series as a whole place the same code on v10.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { sourcesDigest } from '../../src/map/compile-check.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { loadBase, type ModelSource } from '../../src/model/source/index.js';
import { review, sameProgram } from '../../src/replay/review.js';
import type { CompileUnit } from '../../src/replay/run-all.js';
import type { Review } from '../../src/replay/types.js';
import { tempDir } from '../temp-dir.js';

const MBOX = 'fixtures/threads/nouveau-autosel-svm-fixes.mbox';
const scenarios = loadBundledScenarios().filter((s) => ['nouveau-atomic-small', 'nouveau-atomic-thp-tail'].includes(s.name));

test('units of one program run once: the first of each, whole and partial apart', () => {
  const v514 = loadBase('v5.14').sources;
  const unit = (key: string, sources: ModelSource[], partial = false): CompileUnit => ({ key, base: 'v10', sources, label: key, ...(partial ? { partial } : {}) });
  // B is A's program in other string objects; C another program; D A's program replayed in part
  const units = [unit('A', v514), unit('B', v514.map((s) => ({ ...s, text: `${s.text} `.slice(0, -1) }))), unit('C', loadBase('v10').sources), unit('D', v514, true)];
  const { run, copies } = sameProgram(units, sourcesDigest);
  expect(run.map((u) => u.key)).toEqual(['A', 'C', 'D']);
  expect(Object.fromEntries([...copies].map(([k, v]) => [k, v.map((u) => u.key)]))).toEqual({ A: ['B'], C: [], D: [] });
});

describe('one program, three series', () => {
  let r: Review;
  beforeAll(async () => {
    r = await review({ inputs: [MBOX], scenarios, jobs: 1 });
  }, 120_000);

  test('each series as a whole is replayed, with a result per scenario under its own name', () => {
    const whole = r.variants.filter((v) => v.series?.role === 'whole');
    expect(whole.map((v) => [v.label, v.replayed, v.base.base])).toEqual([
      ['V3', true, 'v10'],
      ['V4', true, 'v10'],
      ['V5', true, 'v10'],
    ]);
    for (const v of whole) {
      expect(v.results.map((x) => x.scenario)).toEqual(scenarios.map((s) => s.name));
      for (const x of v.results) expect(x.outcome.base).toBe(`v10 + ${v.label}`);
    }
  });

  test("a copy's results are what its own review gives", async () => {
    // The 5.5 pair alone: its series as a whole is that review's only one.
    const mails = readFileSync(MBOX, 'latin1').split(/(?=^From mboxrd@z )/m);
    expect(mails).toHaveLength(6);
    const alone = join(tempDir('lkml-replay-same-program-'), '5.5.mbox');
    writeFileSync(alone, mails.slice(2, 4).join(''), 'latin1');
    const own = (await review({ inputs: [alone], scenarios, jobs: 1 })).variants.find((v) => v.series?.role === 'whole')!;
    const copy = r.variants.find((v) => v.series?.role === 'whole' && v.label === 'V4')!;
    const named = (v: typeof own) => JSON.stringify(v.results).replaceAll(`v10 + ${v.label}"`, 'v10 + X"');
    expect(own.label).not.toBe(copy.label);
    expect(named(copy)).toBe(named(own));
  }, 120_000);
});
