// The run loop on the real model: the base runs once per scenario and each variant once per
// scenario, every unit is compiled once, results come back in scenario order with the variants in
// unit order; scenarios replayed in worker threads give exactly what this thread gives.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { initOutline } from '../../src/model/interp/source-outline.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { compileBase, compileSources, runScenario } from '../../src/model/scenario/run.js';
import type { Scenario } from '../../src/model/scenario/types.js';
import { baseInfo, loadBase } from '../../src/model/source/index.js';
import { actorMap, type Actor } from '../../src/replay/interactions.js';
import { InProcessRunner, poolSize, POOL_MIN_RUNS, runAll, VARIANTS_PER_PASS, type CompileUnit, type RunnerModel } from '../../src/replay/run-all.js';
import { replayScenario } from '../../src/replay/replay-scenario.js';
import { runInWorkers, workerScript } from '../../src/replay/worker-pool.js';

const base: CompileUnit = { key: 'base', base: 'v10', sources: null, label: '' };
// A real second program: the v5.14 sources (PageTail() skip, npages < 0 check) as a variant of v10.
const v514: CompileUnit = { key: 'v5.14', base: 'v10', sources: loadBase('v5.14').sources, label: 'V1' };
let scenarios: Scenario[];
let actors: Map<string, Actor>;

beforeAll(async () => {
  const all = loadBundledScenarios();
  scenarios = ['nouveau-atomic-thp-tail', 'nouveau-atomic-small', 'hmm-exclusive-thp'].map((n) => all.find((s) => s.name === n)!);
  await initOutline();
  actors = actorMap(loadBase('v10').sources);
});

test('the base runs once per scenario, each variant once per scenario, each unit is compiled once', async () => {
  const calls: string[] = [];
  const model: RunnerModel = {
    async compile(unit) {
      calls.push(`compile ${unit.key}`);
      return unit.sources ? compileVariant(unit) : compileBase(unit.base);
    },
    async run(compiled, job) {
      calls.push(`run ${job.unit.key} ${job.scenario.name}`);
      return runScenario(compiled, job.scenario, { trace: job.trace });
    },
  };
  const results = await runAll({ base, variants: [v514], scenarios, actors }, { runner: new InProcessRunner(model), jobs: 1 });
  expect(calls.filter((c) => c.startsWith('compile'))).toEqual(['compile base', 'compile v5.14']);
  expect(calls.filter((c) => c.startsWith('run'))).toEqual(scenarios.flatMap((s) => [`run base ${s.name}`, `run v5.14 ${s.name}`]));
  expect(results.map((r) => r.scenario)).toEqual(scenarios.map((s) => s.name));
  for (const r of results) {
    expect(r.baseline.base).toBe('v10');
    expect(r.variants.map((v) => [v.key, v.outcome.base])).toEqual([['v5.14', 'v10 + V1']]);
    expect(r.variants[0]!.changed).toBe(r.variants[0]!.differences.length > 0);
  }
  // The best candidate for the diagrams is a run that changed, and there is one exactly when a run changed.
  for (const r of results) {
    if (r.variants[0]!.changed) expect(r.best?.sequence).toMatchObject({ label: 'V1', scenario: r.scenario });
    else expect(r.best).toBeNull();
  }
});

describe('many variants (a big mbox)', () => {
  const counting = (calls: string[]): RunnerModel => ({
    async compile(unit) {
      calls.push(unit.key);
      return unit.sources ? compileSources(baseInfo(unit.base), unit.sources, [unit.label], { reuse: true }) : compileBase(unit.base);
    },
    async run(compiled, job) {
      return runScenario(compiled, job.scenario, { trace: job.trace });
    },
  });

  test('a runner keeps the base and the last few variants compiled, and compiles a dropped one again', async () => {
    const calls: string[] = [];
    const runner = new InProcessRunner(counting(calls), 2);
    const unit = (key: string): CompileUnit => ({ ...v514, key });
    for (const key of ['a', 'b', 'a', 'c', 'b', 'a']) await runner.errors(unit(key));
    await runner.errors(base);
    await runner.errors(unit('d'));
    await runner.errors(unit('e'));
    await runner.errors(base);
    // a, b kept; c drops b (a was used after it); b drops a; a drops c; the base is never dropped.
    expect(calls).toEqual(['a', 'b', 'c', 'b', 'a', 'base', 'd', 'e']);
  });

  test(`variants ${VARIANTS_PER_PASS} at a time give what one pass over all of them gives, in the plan's order`, async () => {
    const nouveau = scenarios.filter((s) => s.name.startsWith('nouveau'));
    // Alternating the v10 sources (no change) and the v5.14 ones (a change), so runs differ and the best run is a tie.
    const v10 = loadBase('v10').sources;
    const variants: CompileUnit[] = Array.from({ length: VARIANTS_PER_PASS * 2 + 3 }, (_, i) => ({ key: `k${i}`, base: 'v10', sources: i % 3 === 2 ? v514.sources : v10, label: `V${i + 1}` }));
    const calls: string[] = [];
    const grouped = await runAll({ base, variants, scenarios: nouveau, actors }, { runner: new InProcessRunner(counting(calls)), jobs: 1 });
    const runner = new InProcessRunner(counting([]), variants.length + 1);
    const onePass = [];
    for (const scenario of nouveau) onePass.push(await replayScenario((job) => runner.run(job), { scenario, base, variants }, actors));
    expect(grouped.map((r) => r.variants.map((v) => v.key))).toEqual(nouveau.map(() => variants.map((v) => v.key)));
    expect(grouped.some((r) => r.best !== null)).toBe(true);
    expect(JSON.stringify(grouped)).toBe(JSON.stringify(onePass));
    // Each variant compiled once: its group runs every scenario while it is still kept.
    expect(calls.filter((k) => k !== 'base').sort()).toEqual(variants.map((v) => v.key).sort());
  });
});

function compileVariant(unit: CompileUnit) {
  return compileSources(baseInfo(unit.base), unit.sources!, [unit.label]);
}

describe('worker threads', () => {
  test('replaying in two workers gives the same results, in the same order, as this thread', async () => {
    const script = workerScript();
    // Workers load the built lib/ (npm test builds it first).
    expect(script).toMatch(/lib[\\/]replay[\\/]run-worker\.js$/);
    const tasks = scenarios.map((scenario) => ({ scenario, base, variants: [v514] }));
    const inWorkers = await runInWorkers(script!, tasks, actors, 2);
    const here = await runAll({ base, variants: [v514], scenarios, actors }, { jobs: 1 });
    expect(inWorkers.map((r) => r.scenario)).toEqual(scenarios.map((s) => s.name));
    expect(JSON.stringify(inWorkers)).toBe(JSON.stringify(here));
  });

  test('this thread and a worker, claiming scenarios from one counter: each scenario once, same results in order', async () => {
    const tasks = scenarios.map((scenario) => ({ scenario, base, variants: [v514] }));
    const runner = new InProcessRunner();
    const ranHere: string[] = [];
    const results = await runInWorkers(workerScript()!, tasks, actors, 2, (task) => {
      ranHere.push(task.scenario.name);
      return replayScenario((job) => runner.run(job), task, actors);
    });
    const here = await runAll({ base, variants: [v514], scenarios, actors }, { jobs: 1 });
    expect(new Set(ranHere).size).toBe(ranHere.length);
    expect(JSON.stringify(results)).toBe(JSON.stringify(here));
  });

  test('a scenario that fails in a worker fails the replay with its name', async () => {
    const broken = { ...scenarios[0]!, name: 'broken', threads: null } as unknown as Scenario;
    await expect(runInWorkers(workerScript()!, [{ scenario: broken, base, variants: [] }], actors, 1)).rejects.toThrow(/^scenario broken: /);
  });
});

describe('pool size', () => {
  const saved = process.env.LKML_REPLAY_JOBS;
  afterEach(() => {
    if (saved === undefined) delete process.env.LKML_REPLAY_JOBS;
    else process.env.LKML_REPLAY_JOBS = saved;
  });

  test('asked for, then LKML_REPLAY_JOBS, then the cores when the runs are many; never more than the scenarios', () => {
    delete process.env.LKML_REPLAY_JOBS;
    expect(poolSize(1, 7, 100)).toBe(1);
    expect(poolSize(4, 3, 100)).toBe(3);
    expect(poolSize(undefined, 7, POOL_MIN_RUNS - 1)).toBe(1);
    expect(poolSize(undefined, 1, 100)).toBe(1);
    process.env.LKML_REPLAY_JOBS = '2';
    expect(poolSize(undefined, 7, 1)).toBe(2);
    expect(poolSize(1, 7, 100)).toBe(1);
    process.env.LKML_REPLAY_JOBS = 'lots';
    expect(poolSize(undefined, 7, POOL_MIN_RUNS - 1)).toBe(1);
    delete process.env.LKML_REPLAY_JOBS;
    // no automatic workers (running from the TypeScript sources), but asked for is asked for
    expect(poolSize(undefined, 7, 100, false)).toBe(1);
    expect(poolSize(2, 7, 100, false)).toBe(2);
  });
});
