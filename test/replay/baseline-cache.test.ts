// Baselines kept on disk: an outcome read back is the run's own, key order and all; a kept or
// precomputed baseline is read instead of run, for the same sources, scenario and budgets only;
// a file that does not decode is run again; with no cache directory nothing is kept.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { initOutline } from '../../src/model/interp/source-outline.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { compileBase, compileSources, runScenario } from '../../src/model/scenario/run.js';
import type { Scenario } from '../../src/model/scenario/types.js';
import { baseInfo, loadBase } from '../../src/model/source/index.js';
import { useBaselineCache } from '../../src/replay/baseline-cache.js';
import { precomputeBaselines } from '../../src/replay/precompute.js';
import { actorMap, type Actor } from '../../src/replay/interactions.js';
import { decodeOutcome, encodeOutcome } from '../../src/replay/outcome-codec.js';
import { InProcessRunner, runAll, type CompileUnit, type RunnerModel } from '../../src/replay/run-all.js';
import { tempDir } from '../temp-dir.js';

const base: CompileUnit = { key: 'base', base: 'v10', sources: null, label: '' };
// A real variant: the v5.14 sources as a variant of v10 (its runs differ from v10's).
const variant: CompileUnit = { key: 'v5.14', base: 'v10', sources: loadBase('v5.14').sources, label: 'V1' };
let scenarios: Scenario[];
let actors: Map<string, Actor>;

beforeAll(async () => {
  const all = loadBundledScenarios();
  scenarios = ['nouveau-atomic-thp-tail', 'nouveau-atomic-small', 'hmm-exclusive-thp'].map((n) => all.find((s) => s.name === n)!);
  await initOutline();
  actors = actorMap(loadBase('v10').sources);
});

afterEach(() => useBaselineCache(null));

function counting(calls: string[], compiles: string[] = []): RunnerModel {
  return {
    async compile(unit) {
      compiles.push(unit.key);
      return unit.sources ? compileSources(baseInfo(unit.base), unit.sources, [unit.label], { reuse: true }) : compileBase(unit.base);
    },
    async run(compiled, job) {
      calls.push(`${job.unit.key} ${job.scenario.name}`);
      return runScenario(compiled, job.scenario, { trace: job.trace });
    },
  };
}

test('an encoded outcome decodes to the run\'s own: every event, every key in its order', async () => {
  const compiled = await compileBase('v10');
  for (const scenario of scenarios) {
    const run = runScenario(compiled, scenario, { trace: 'full' });
    const back = decodeOutcome(encodeOutcome(run)!);
    // The primitives' events carry a symbol-keyed mark for the run's own use (ts-frames.ts): not kept.
    expect(isDeepStrictEqual(back, { ...run, trace: run.trace.map((e) => Object.fromEntries(Object.entries(e))) })).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(run));
  }
  expect(() => decodeOutcome(Buffer.from('{"scenario":"x"}'))).toThrow();
});

test('a kept baseline is read instead of run, and the replay gives the same results', async () => {
  const dir = tempDir('baselines-');
  useBaselineCache(dir);
  const first: string[] = [];
  const fresh = await runAll({ base, variants: [variant], scenarios, actors }, { runner: new InProcessRunner(counting(first)), jobs: 1 });
  expect(first).toEqual(scenarios.flatMap((s) => [`base ${s.name}`, `v5.14 ${s.name}`]));
  expect(readdirSync(dir).filter((f) => f.endsWith('.br'))).toHaveLength(scenarios.length);

  const second: string[] = [];
  const compiled: string[] = [];
  const cached = await runAll({ base, variants: [variant], scenarios, actors }, { runner: new InProcessRunner(counting(second, compiled)), jobs: 1 });
  expect(second).toEqual(scenarios.map((s) => `v5.14 ${s.name}`));
  // Every baseline kept: the base is not even compiled.
  expect(compiled).toEqual(['v5.14']);
  expect(JSON.stringify(cached)).toBe(JSON.stringify(fresh));
  expect(fresh.some((r) => r.variants[0]!.changed)).toBe(true);
});

test('another budget is another baseline; a file that does not decode is run again', async () => {
  const dir = tempDir('baselines-');
  useBaselineCache(dir);
  const one = [scenarios[0]!];
  await runAll({ base, variants: [], scenarios: one, actors }, { runner: new InProcessRunner(counting([])), jobs: 1 });
  const calls: string[] = [];
  await runAll({ base, variants: [], scenarios: [{ ...one[0]!, budget: one[0]!.budget + 1 }], actors }, { runner: new InProcessRunner(counting(calls)), jobs: 1 });
  expect(calls).toEqual([`base ${one[0]!.name}`]);
  for (const f of readdirSync(dir)) writeFileSync(join(dir, f), 'not an outcome');
  const again: string[] = [];
  await runAll({ base, variants: [], scenarios: one, actors }, { runner: new InProcessRunner(counting(again)), jobs: 1 });
  expect(again).toEqual([`base ${one[0]!.name}`]);
});

test('precomputed baselines are the fresh runs, read by the replay instead of running them; current ones are not run again', async () => {
  const dir = tempDir('baselines-');
  expect(await precomputeBaselines(dir, ['v10'], scenarios)).toBe(scenarios.length);
  expect(await precomputeBaselines(dir, ['v10'], scenarios)).toBe(0);
  const fresh = await runAll({ base, variants: [variant], scenarios, actors }, { runner: new InProcessRunner(counting([])), jobs: 1 });
  useBaselineCache(dir);
  const calls: string[] = [];
  const read = await runAll({ base, variants: [variant], scenarios, actors }, { runner: new InProcessRunner(counting(calls)), jobs: 1 });
  expect(calls).toEqual(scenarios.map((s) => `v5.14 ${s.name}`));
  expect(JSON.stringify(read)).toBe(JSON.stringify(fresh));
  // Another base's files are not this one's: precomputing v5.14 alone removes v10's.
  await precomputeBaselines(dir, ['v5.14'], [scenarios[1]!]);
  expect(readdirSync(dir)).toHaveLength(1);
});

test('with no cache directory no baseline is kept or read', async () => {
  const calls: string[] = [];
  for (let i = 0; i < 2; i++) await runAll({ base, variants: [], scenarios: [scenarios[1]!], actors }, { runner: new InProcessRunner(counting(calls)), jobs: 1 });
  expect(calls).toEqual([`base ${scenarios[1]!.name}`, `base ${scenarios[1]!.name}`]);
});
