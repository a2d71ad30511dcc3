// The acceptance review of the seed thread, through review() and the model: base v10, one
// variant by Peter Xu at quote depth 1 placed before the EXCLUSIVE notifier's initialisation in
// page_make_device_exclusive_one, what it does in every bundled scenario, and why.
import { beforeAll, describe, expect, test } from 'vitest';
import { differenceText } from '../../src/report/difference-words.js';
import { eventText, stepText } from '../../src/report/trace-words.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { chooseScenarios } from '../../src/model/scenario/select.js';
import { review } from '../../src/replay/review.js';
import { baseWhy } from '../../src/report/base-choice.js';
import type { Review, ScenarioResult, VariantReview } from '../../src/replay/types.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { mermaidBlocks, mermaidProblems } from '../report/mermaid-check.js';

const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';

let r: Review;
let v: VariantReview;
const result = (name: string): ScenarioResult => v.results.find((x) => x.scenario === name)!;

let baseline: Review['bases'][number]['baseline'];
beforeAll(async () => {
  // the scenarios a review runs by default (those with several threads are for --explore schedules)
  r = await review({ inputs: [SEED], scenarios: chooseScenarios(loadBundledScenarios(), [], []) });
  v = r.variants[0]!;
  baseline = r.bases[0]!.baseline;
}, 600_000);

describe('review of the seed thread', () => {
  test('base v10, because the thread is about version 10 and the hunk matches v10 exactly', () => {
    expect(r.bases.map((b) => b.name)).toEqual(['v10']);
    expect(v.base).toMatchObject({ base: 'v10', rule: 'subject', version: 10 });
    expect(baseWhy(v.base)).toContain('version 10');
    expect(r.baselinePatches).toEqual([]);
  });

  test('one variant: Peter Xu, quote depth 1, in Alistair Popple\'s reply of 2021-06-10', () => {
    expect(r.variants).toHaveLength(1);
    expect(v.author?.name).toBe('Peter Xu');
    expect(v.quoteDepth).toBe(1);
    expect(v.sender?.name).toBe('Alistair Popple');
    expect(v.date).toBe('2021-06-10T00:18:38.000Z');
    expect(v.source).toMatchObject({ file: SEED, format: 'archive-text', origin: 'scissors' });
  });

  test('its hunk is placed in page_make_device_exclusive_one (mm/rmap.c) before the EXCLUSIVE notifier\'s initialisation', () => {
    expect(v.hunks).toHaveLength(1);
    const h = v.hunks[0]!;
    expect(h).toMatchObject({ file: 'mm/rmap.c', function: 'page_make_device_exclusive_one', mapped: true, kind: 'code' });
    expect(h.placement).toMatchObject({ kind: 'spliced', at: { file: 'mm/rmap.c' }, change: { kind: 'statement', op: 'before', statement: 'mmu_notifier_range_init_owner(...)' } });
    // The hunk's lines in the seed file itself (the body starts on line 7).
    expect(h.fileLines).toEqual({ start: 99, end: 110 });
    expect(v.replayed).toBe(true);
  });

  test('nouveau-atomic-small: the baseline completes with 0, the variant deadlocks (a regression)', () => {
    expect(baseline['nouveau-atomic-small']).toMatchObject({ verdict: 'completed', result: 0, retries: 0 });
    const x = result('nouveau-atomic-small');
    expect(x.outcome.verdict).toBe('deadlock');
    expect(x.regression).toBe(true);
    expect(x.differences.find((d) => d.kind === 'verdict')?.regression).toBe(true);
  });

  test('its first cause: the CLEAR from __split_huge_pmd via split_huge_pmd_address, owner unset, unfiltered seq bump, the retry, the self-deadlock', () => {
    const verdict = result('nouveau-atomic-small').differences.find((d) => d.kind === 'verdict')!;
    const c = verdict.firstCause!;
    expect(c.divergence.baseline!.event).toMatchObject({ kind: 'call', caller: 'page_make_device_exclusive_one', fn: 'mmu_notifier_range_init_owner' });
    expect(eventText(c.divergence.variant!.event)).toContain('calls `split_huge_pmd_address`');
    expect(c.divergence.variant!.stack.at(-1)).toBe('page_make_device_exclusive_one');
    expect(c.chain[0]).toMatchObject({ kind: 'event', event: { kind: 'notifier', event: 'CLEAR', owner: 'unset', issuer: '__split_huge_pmd', via: ['split_huge_pmd_address', 'page_make_device_exclusive_one'] } });
    const [clear, retry, ...rest] = c.chain.map(stepText);
    expect(clear).toContain('`__split_huge_pmd` (from `split_huge_pmd_address` in `page_make_device_exclusive_one`) issues CLEAR with owner unset over [0x7f0000000000, 0x7f0000200000)');
    expect(clear).toContain('`nouveau_svm_range_invalidate` does not filter it: seq bumped');
    expect(retry).toBe('`mmu_interval_read_retry` returns true: `nouveau_atomic_range_fault` goes round again (pass 2)');
    expect(rest.join('; ')).toMatch(/pass 2: .*`remove_device_exclusive_entry` blocks on page lock of pfn 0x[0-9a-f]+: this thread \(main\) itself holds it, taken by `make_device_exclusive_range` in pass 1/);
    expect(c.chain.at(-1)).toMatchObject({ kind: 'end', verdict: 'deadlock' });
    expect(differenceText(result('nouveau-atomic-small').differences.find((d) => d.kind === 'retries')!)).toBe('retries: 0 → 1');
  });

  test('nouveau-atomic-thp-tail: no verdict change (nor any other)', () => {
    const x = result('nouveau-atomic-thp-tail');
    expect(x.outcome.verdict).toBe(baseline['nouveau-atomic-thp-tail']!.verdict);
    expect(x.outcome.result).toBe(baseline['nouveau-atomic-thp-tail']!.result);
    expect(x.differences).toEqual([]);
  });

  test('hmm-exclusive: as notes §4.2 predict, HMM_DMIRROR_EXCLUSIVE fails with -ENOENT, read back after the split CLEARs erased the mirror', () => {
    expect(baseline['hmm-exclusive']).toMatchObject({ verdict: 'completed', result: 0 });
    const x = result('hmm-exclusive');
    expect(x.outcome).toMatchObject({ verdict: 'completed', result: -2 });
    const res = x.differences.find((d) => d.kind === 'result')!;
    expect(differenceText(res)).toBe('result: 0 → -2 (ENOENT)');
    expect(res.firstCause!.chain.at(-1)).toEqual({ kind: 'result', value: -2, from: ['dmirror_do_read', 'dmirror_exclusive', 'dmirror_model_ioctl'] });
    expect(stepText(res.firstCause!.chain[0]!)).toMatch(/issues CLEAR with owner unset .*`dmirror_interval_invalidate` does not filter it: seq bumped, calls `dmirror_do_update`.* \(×\d+, 2 different ranges\)/);
    expect(stepText(res.firstCause!.chain.at(-1)!)).toBe('`dmirror_do_read` returns -2 (ENOENT), passed up by `dmirror_exclusive`, `dmirror_model_ioctl`: the scenario\'s result');
  });

  test('the summary counts regressions and differences over scenario runs', () => {
    const changed = v.results.filter((x) => x.changed).length;
    expect(r.summary).toEqual({ variants: 1, replayed: 1, partial: 0, differences: changed, regressions: v.results.filter((x) => x.regression).length, partialDifferences: 0 });
    expect(r.summary.regressions).toBeGreaterThanOrEqual(2);
  });

  test('outcomes in the report are trimmed but keep their shape', () => {
    const o = baseline['hmm-exclusive']!;
    expect(o.trace.every((e) => e.t !== 'call' && e.t !== 'return')).toBe(true);
    expect(o.trimmed?.notifiers).toBeGreaterThan(0);
    expect(o.notifiers.length).toBeLessThanOrEqual(100);
  });

  test('text report: the thread, the base and why, the variant block with its table and causes', () => {
    const t = renderText(r);
    expect(t).toContain('bases:     v10: ');
    expect(t).toContain('base:   v10: the thread is about version 10 and the hunks match the v10 posting exactly');
    expect(t).toContain('V1  proposed by Peter Xu');
    expect(t).toContain('quoted at depth 1 (scissors) in a mail from Alistair Popple');
    expect(t).toMatch(/nouveau-atomic-small +completed 0 +deadlock, 1 retry +REGRESSION/);
    expect(t).toMatch(/nouveau-atomic-thp-tail +completed -22 +completed -22 +same/);
    expect(t).toContain('first cause: the runs part at trace event');
  });

  test('markdown report: summary table with marked cells, details, valid Mermaid for the run that changed most', () => {
    const md = renderMarkdown(r);
    expect(md).toMatch(/\| \*\*V1\*\* \| Peter Xu \| .*❌ \*\*deadlock, 1 retry\*\*/);
    expect(r.sequence?.scenario).toBe('nouveau-atomic-small');
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(mermaidProblems(b)).toEqual([]);
    expect(blocks[1]).toMatch(/M->>N: CLEAR owner unset \[0x7f0000000000, 0x7f0000200000\) from __split_huge_pmd/);
    expect(blocks[1]).toMatch(/N->>D: nouveau_svm_range_invalidate seq bumped/);
    expect(blocks[0]).not.toContain('CLEAR');
    expect(md).not.toMatch(/<[^!>]*@[^>]*>/); // message ids are escaped, never raw HTML
  });
});
