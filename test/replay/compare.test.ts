// Differences between two outcomes and what counts as a regression, on hand-made outcomes.
import { describe, expect, test } from 'vitest';
import { compareOutcomes } from '../../src/replay/compare.js';
import { isRegressionOf } from '../../src/replay/regression.js';
import { differenceText } from '../../src/report/difference-words.js';
import { stepText } from '../../src/report/trace-words.js';
import { faultPrefix, Run } from './outcome-builder.js';

const STACK = ['drv_fault', 'make_exclusive', 'make_exclusive_one', 'split_address', '__split', 'mmu_notifier_invalidate_range_start'];

function kinds(b: Run, v: Run): string[] {
  return compareOutcomes(b.outcome(), v.outcome()).differences.map((d) => d.kind);
}

describe('compareOutcomes', () => {
  test('the same run has no difference, whatever its step count', () => {
    const b = faultPrefix(new Run());
    const v = faultPrefix(new Run());
    v.final = { ...v.final, steps: 12345 };
    expect(compareOutcomes(b.outcome(), v.outcome()).differences).toEqual([]);
  });

  test('verdict, retries and a gained notifier, each with its cause', () => {
    const b = faultPrefix(new Run()).step('done');
    const v = faultPrefix(new Run()).notify({ stack: STACK }).retry('drv_fault', 2).lock('block', 'page lock of pfn 0x1004', 'remove_entry').end('deadlock', 'main waits for page lock of pfn 0x1004 held by main (itself)');
    const c = compareOutcomes(b.outcome(), v.outcome());
    expect(c.differences.map((d) => d.kind)).toEqual(['verdict', 'retries', 'notifier-gained']);
    const [verdict, retries, gained] = c.differences;
    expect(verdict).toMatchObject({ kind: 'verdict', baseline: 'completed', variant: 'deadlock' });
    expect(differenceText(verdict!)).toBe('verdict: completed → deadlock (main waits for page lock of pfn 0x1004 held by main (itself))');
    expect(verdict!.regression).toBe(true);
    expect(retries).toMatchObject({ baseline: 0, variant: 1 });
    expect(differenceText(retries!)).toBe('retries: 0 → 1');
    expect(retries!.firstCause!.chain).toHaveLength(2);
    expect(gained).toMatchObject({ count: 1, notifier: { event: 'CLEAR', owner: 'unset', issuer: '__split', via: ['split_address', 'make_exclusive_one'] }, moreRanges: 0 });
    expect(differenceText(gained!)).toBe('+1 CLEAR with owner unset from `__split` (from `split_address` in `make_exclusive_one`); `drv_invalidate` seq bumped over [0x7f0000000000, 0x7f0000200000)');
    expect(gained!.firstCause!.chain).toHaveLength(1);
    expect(c.regression).toBe(true);
  });

  test('a run that never returned has result null: no result difference beside the verdict one; between two such runs an earlier result still counts', () => {
    const done = faultPrefix(new Run()).step('done');
    const stuck = faultPrefix(new Run()).end('deadlock', 'main waits for page lock of pfn 0x1004 held by main (itself)');
    expect(stuck.outcome().result).toBeNull();
    expect(kinds(done, stuck)).toEqual(['verdict']);
    expect(kinds(stuck, done)).toEqual(['verdict']);
    const stuckAfterError = faultPrefix(new Run()).end('deadlock', 'main waits for page lock of pfn 0x1004 held by main (itself)', -22);
    const c = compareOutcomes(stuck.outcome(), stuckAfterError.outcome());
    expect(c.differences.map((d) => [d.kind, differenceText(d)])).toEqual([['result', 'result: none (the call never returned) → -22 (EINVAL)']]);
  });

  test('notifier traffic compares by event, owner, range and issuer', () => {
    const b = faultPrefix(new Run()).notify({ stack: STACK, owner: 'drv' });
    expect(kinds(b, faultPrefix(new Run()).notify({ stack: STACK, owner: 'drv' }))).toEqual([]);
    expect(kinds(b, faultPrefix(new Run()).notify({ stack: STACK, owner: 'unset' }))).toEqual(['notifier-gained', 'notifier-lost']);
    expect(kinds(b, faultPrefix(new Run()).notify({ stack: STACK, owner: 'drv', end: '0x7f0000001000' }))).toEqual(['notifier-gained', 'notifier-lost']);
    const otherIssuer = ['drv_fault', 'make_exclusive', 'gup', 'split_pmd', '__split', 'mmu_notifier_invalidate_range_start'];
    expect(kinds(b, faultPrefix(new Run()).notify({ stack: otherIssuer, owner: 'drv' }))).toEqual(['notifier-gained', 'notifier-lost']);
    const lost = compareOutcomes(b.outcome(), faultPrefix(new Run()).outcome()).differences[0]!;
    expect(lost.kind).toBe('notifier-lost');
    expect(differenceText(lost).startsWith('−1 CLEAR with owner drv')).toBe(true);
    expect(lost.firstCause!.chain.at(-1)).toEqual({ kind: 'lost-notifier', event: 'CLEAR', endsBefore: false });
    expect(stepText(lost.firstCause!.chain.at(-1)!)).toBe('the variant no longer issues this CLEAR');
  });

  test('a gained hazard is a regression, a lost one is not', () => {
    const h = { kind: 'tail-mapping-read', function: 'page_lock_anon_vma_read', detail: '->mapping of tail page pfn 0x1205' };
    const gained = compareOutcomes(faultPrefix(new Run()).outcome(), faultPrefix(new Run()).hazard(h).outcome());
    expect(gained.differences.map((d) => [d.kind, d.regression])).toEqual([['hazard-gained', true]]);
    expect(gained.regression).toBe(true);
    const lost = compareOutcomes(faultPrefix(new Run()).hazard(h).outcome(), faultPrefix(new Run()).outcome());
    expect(lost.differences.map((d) => [d.kind, d.regression])).toEqual([['hazard-lost', false]]);
    expect(lost.regression).toBe(false);
  });

  test('a result that is no longer 0 is a regression; final-state lines are compared as sets', () => {
    const b = faultPrefix(new Run());
    b.final = { ...b.final, mirror: ['1024 entries'], asserts: { passed: 8, failed: [] } };
    const v = faultPrefix(new Run()).end('completed', 'x', -2);
    v.final = { ...v.final, mirror: ['128 entries'], asserts: { passed: 2, failed: ['EXCLUSIVE returned -2, expected 0'] } };
    const c = compareOutcomes(b.outcome(), v.outcome());
    expect(c.differences.map((d) => d.kind)).toEqual(['result', 'final-state', 'final-state']);
    expect(c.differences[0]).toMatchObject({ baseline: 0, variant: -2 });
    expect(differenceText(c.differences[0]!)).toBe('result: 0 → -2 (ENOENT)');
    expect(c.differences[0]!.regression).toBe(true);
    expect(c.differences[1]).toMatchObject({ part: 'mirror', gone: ['1024 entries'], come: ['128 entries'] });
    expect(differenceText(c.differences[1]!)).toBe('final dmirror mirror: 1024 entries → 128 entries');
    expect(c.differences[2]).toMatchObject({ part: 'checks', passed: { baseline: 8, variant: 2 }, newlyFailing: ['EXCLUSIVE returned -2, expected 0'] });
    expect(differenceText(c.differences[2]!)).toBe('scenario checks: 8 → 2 passed; newly failing: EXCLUSIVE returned -2, expected 0');
    expect(c.differences[2]!.regression).toBe(true);
  });

  test('a check the variant fails is no regression against a baseline that ended before its checks (a bug under a fault)', () => {
    const b = faultPrefix(new Run()).end('bug', 'page is an uninitialised or non-pointer value');
    b.final = { ...b.final, asserts: { passed: 2, failed: [] } };
    const v = faultPrefix(new Run()).end('completed', 'x', 0);
    v.final = { ...v.final, asserts: { passed: 4, failed: ['mirror of buf page 960: 896, expected 960'] } };
    const checks = compareOutcomes(b.outcome(), v.outcome()).differences.find((d) => d.kind === 'final-state' && d.part === 'checks')!;
    expect(checks).toMatchObject({ newlyFailing: ['mirror of buf page 960: 896, expected 960'], regression: false });
  });
});

describe('isRegressionOf', () => {
  const o = (verdict: 'completed' | 'deadlock' | 'bug' | 'livelock', result: number) => new Run().end(verdict, 'x', result).outcome();
  test.each([
    ['completed', 0, 'deadlock', 0, { verdict: true, result: false }],
    ['completed', 0, 'completed', -16, { verdict: false, result: true }],
    ['completed', 0, 'livelock', -16, { verdict: true, result: false }],
    ['completed', -22, 'completed', -16, { verdict: false, result: false }],
    ['deadlock', 0, 'completed', 0, { verdict: false, result: false }],
    ['deadlock', 0, 'bug', 0, { verdict: true, result: false }],
    ['bug', 0, 'bug', 0, { verdict: false, result: false }],
  ] as const)('%s %d → %s %d', (bv, br, vv, vr, want) => {
    expect(isRegressionOf(o(bv, br), o(vv, vr))).toEqual(want);
  });
});
