// Exploration: the schedule search (every order within the preemption bound, equivalent orders
// once, deterministic, bounded by runs) and reviews with --explore: a failure check that jumps
// past mmap_read_unlock() is found by the fault that takes that path, and the 2023 page-reference
// fix by the interleaving it closes; plain verdicts stay what they are without exploration.
import { beforeAll, describe, expect, test } from 'vitest';
import { conflicts } from '../../src/model/kernel/interleave.js';
import { runScenario } from '../../src/model/scenario/run.js';
import type { SchedulePoint } from '../../src/model/scenario/schedule.js';
import { searchSchedules } from '../../src/replay/explore/dpor.js';
import { review } from '../../src/replay/review.js';
import { mergeShards } from '../../src/replay/merge-shards.js';
import type { ExploreRequest, Review } from '../../src/replay/types.js';
import { renderText } from '../../src/report/render-text.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderJson } from '../../src/report/render-json.js';
import { differenceText } from '../../src/report/difference-words.js';
import { eventText } from '../../src/report/trace-words.js';
import { compiled, scenario } from '../model/helpers.js';
import { mermaidBlocks, mermaidProblems } from '../report/mermaid-check.js';

const EXPLORE: ExploreRequest = { faults: false, schedules: false, maxFaults: 32, maxSchedules: 200, preemptions: 2 };

/**
 * A run as its Mazurkiewicz trace: the operations each thread made, and the order of every two
 * of different threads that conflict. Two runs with the same one are the same run reordered.
 */
function traceOf(points: readonly SchedulePoint[]): string {
  const k = new Map<string, number>();
  const ev = points.map((p) => {
    const i = k.get(p.chosen) ?? 0;
    k.set(p.chosen, i + 1);
    return { id: `${p.chosen}#${i}:${p.op.what}`, t: p.chosen, op: p.op };
  });
  const order: string[] = [];
  for (let j = 0; j < ev.length; j++) for (let i = 0; i < j; i++) if (ev[i]!.t !== ev[j]!.t && conflicts(ev[i]!.op, ev[j]!.op)) order.push(`${ev[i]!.id}<${ev[j]!.id}`);
  return `${ev.map((e) => e.id).sort().join(',')}|${order.sort().join(',')}`;
}

describe('the schedule search', () => {
  test('runs every order within the bound once: no two complete runs are the same run reordered', async () => {
    const c = await compiled('v6.1');
    for (const name of ['nouveau-race-unmap', 'nouveau-race-restore']) {
      const s = await searchSchedules(async (plan) => runScenario(c, scenario(name), { trace: 'none', schedule: plan }), { maxRuns: 1000, bound: 2 });
      expect(s.exhausted).toBe(true);
      const traces = s.runs.map((o) => traceOf(o.explore!.schedule!.points));
      expect(new Set(traces).size).toBe(traces.length);
      expect(s.runs[0]!.explore!.schedule!.id).toBe('default');
      expect(s.runs.every((o) => o.explore!.schedule!.preemptions <= 2)).toBe(true);
    }
  });

  test('is deterministic, finds the unmap race within one preemption, and a run budget ends it', async () => {
    const c = await compiled('v5.14');
    const go = (maxRuns: number, bound: number) => searchSchedules(async (plan) => runScenario(c, scenario('nouveau-race-unmap'), { trace: 'none', schedule: plan }), { maxRuns, bound });
    const a = await go(1000, 1);
    const b = await go(1000, 1);
    expect(a.runs.map((o) => o.explore!.schedule!.id)).toEqual(b.runs.map((o) => o.explore!.schedule!.id));
    expect(a.runs.find((o) => o.hazards.some((h) => h.kind === 'wait-on-unreferenced-page'))?.explore!.schedule!.id).toBe('cpu@25');
    // more preemptions, more orders
    expect((await go(1000, 2)).made).toBeGreaterThan(a.made);
    const cut = await go(3, 2);
    expect([cut.made, cut.exhausted]).toEqual([3, false]);
  });
});

describe('review --explore', () => {
  let colin: Review;
  let plain: Review;
  let fix: Review;
  beforeAll(async () => {
    const scenarios = [scenario('nouveau-atomic-small'), scenario('hmm-exclusive-thp')];
    plain = await review({ inputs: ['fixtures/patches/explore-check-before-unlock.patch'], base: 'v5.14', scenarios, jobs: 1 });
    colin = await review({ inputs: ['fixtures/patches/explore-check-before-unlock.patch'], base: 'v5.14', scenarios, jobs: 1, explore: { ...EXPLORE, faults: true } });
    fix = await review({ inputs: ['fixtures/patches/explore-page-ref-before-lock.patch'], base: 'v6.1', scenarios: [scenario('nouveau-race-unmap')], jobs: 1, explore: { ...EXPLORE, schedules: true } });
  }, 600_000);

  test('plain results are the same with exploration as without; every failure point reached was run', () => {
    const cells = (r: Review) => r.variants[0]!.results.map((x) => [x.scenario, x.outcome.verdict, x.outcome.result, x.changed, x.regression]);
    expect(cells(colin)).toEqual(cells(plain));
    expect(plain.explore).toBeUndefined();
    expect(colin.summary).toEqual(plain.summary);
    expect(colin.explore).toMatchObject({ faults: true, schedules: false, faultPoints: 9 + 10, faultPointsRun: 19, cutShort: [], findings: 1, regressions: 1 });
  });

  test('a failure check before mmap_read_unlock(): the GUP failure that takes it leaves mmap_lock held; the base does not', () => {
    const x = colin.variants[0]!.results.find((r) => r.scenario === 'nouveau-atomic-small')!;
    expect(x.changed).toBe(false);
    const [f, ...rest] = x.explore!.findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'fault',
      on: 'both',
      id: 'nouveau_svm_fault_model/nouveau_atomic_range_fault/make_device_exclusive_range/get_user_pages_remote#1=efault',
      point: { fn: 'get_user_pages_remote', stack: ['nouveau_svm_fault_model', 'nouveau_atomic_range_fault', 'make_device_exclusive_range'], mode: 'efault' },
      baseline: { verdict: 'completed', result: -22 },
      variant: { verdict: 'completed', result: -14 },
      regression: true,
    });
    const gained = f!.differences.filter((d) => d.kind === 'hazard-gained').map(differenceText);
    expect(gained[0]).toBe('+1 hazard lock-held-at-exit in `nouveau_atomic_range_fault`: mmap_lock of mm 1 (read), taken in nouveau_atomic_range_fault(), is still held by main when nouveau_svm_fault_model() returns');
    const parted = f!.differences.find((d) => d.kind === 'hazard-gained')!.firstCause!.divergence.variant!.event;
    expect(parted).toEqual({ kind: 'return', fn: 'nouveau_atomic_range_fault', value: '-14' });
    expect(eventText(parted)).toBe('`nouveau_atomic_range_fault` returns -14');
    // the scenario without a call to the changed function: its points run on the base only, nothing differs
    expect(colin.variants[0]!.results.find((r) => r.scenario === 'hmm-exclusive-thp')!.explore!.findings).toEqual([]);
    const t = renderText(colin, { width: 100 });
    expect(t).toContain('explored:  faults: 19 failure points reached, 19 run');
    expect(t).toContain('nouveau-atomic-small: REGRESSION only under a fault');
    expect(t).toMatch(/when `get_user_pages_remote\(\)` in `make_device_exclusive_range\(\)` fails with -EFAULT:\s+baseline completed -22, V1 completed -14/);
    expect(t).toContain('replay: --fault nouveau_svm_fault_model/');
  });

  test('the 2023 fix: the base frees the page under the sleeper in some schedule, the fix in none', () => {
    const x = fix.variants[0]!.results[0]!;
    expect([x.scenario, x.changed]).toEqual(['nouveau-race-unmap', false]);
    const hz = x.explore!.findings.filter((f) => f.shows.some((k) => k.kind === 'hazard' && k.hazard === 'wait-on-unreferenced-page'));
    expect(hz.map((f) => [f.kind, f.on, f.id, f.regression])).toEqual([['schedule', 'baseline', 'cpu@25', false]]);
    expect(x.explore!.schedules).toMatchObject({ threads: 3, complete: true });
    expect(hz[0]!.steps!.map((s) => s.thread)).toEqual(['gpu', 'cpu', 'unmap', 'gpu', 'cpu']);
    // nothing the fix brings that the base never does
    expect(x.explore!.findings.filter((f) => f.on === 'variant')).toEqual([]);
  });

  test('markdown draws the schedule as valid Mermaid; JSON carries the facts and is the same bytes every run', async () => {
    const md = renderMarkdown(fix);
    const blocks = mermaidBlocks(md);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(mermaidProblems(b)).toEqual([]);
    expect(md).toContain('participant B as cpu');
    const again = await review({ inputs: ['fixtures/patches/explore-page-ref-before-lock.patch'], base: 'v6.1', scenarios: [scenario('nouveau-race-unmap')], jobs: 1, explore: { ...EXPLORE, schedules: true } });
    expect(renderJson(again)).toBe(renderJson(fix));
    const doc = JSON.parse(renderJson(fix));
    expect(doc.explore).toMatchObject({ schedules: true, preemptions: 2 });
    expect(doc.variants[0].results[0].explore.findings[0].steps.length).toBeGreaterThan(2);
  });

  test('shares of a sharded review merge into the one review, exploration included', async () => {
    const inputs = ['fixtures/patches/explore-check-before-unlock.patch', 'fixtures/patches/explore-page-ref-before-lock.patch'];
    const req = { inputs, base: 'v6.1', scenarios: [scenario('nouveau-atomic-small')], jobs: 1, explore: { ...EXPLORE, faults: true } };
    const whole = await review(req);
    expect(whole.variants.map((v) => v.results[0]!.explore!.findings.length)).toEqual([1, 1]);
    const shares = [await review({ ...req, shard: { index: 1, count: 2 } }), await review({ ...req, shard: { index: 2, count: 2 } })];
    expect(renderJson(mergeShards(shares))).toBe(renderJson(whole));
  });

  test('a budget ends exploration with one line saying where', async () => {
    const r = await review({ inputs: ['fixtures/patches/explore-check-before-unlock.patch'], base: 'v5.14', scenarios: [scenario('nouveau-atomic-small')], jobs: 1, explore: { ...EXPLORE, faults: true, maxFaults: 2 } });
    expect(r.explore).toMatchObject({ faultPoints: 9, faultPointsRun: 2, cutShort: ['nouveau-atomic-small'] });
    const lines = renderText(r).split('\n').filter((l) => l.includes('budget'));
    expect(lines).toEqual(['  budget:    exploration stopped at its budget in nouveau-atomic-small (--max-faults 2, --max-schedules 200): the failure points and schedules past it were not run']);
  });
});
