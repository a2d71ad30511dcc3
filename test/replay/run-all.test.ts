// The run loop: every unit compiled once whatever the number of scenarios, jobs are plain data,
// outcomes handed over scenario by scenario, in unit order.
import { expect, test } from 'vitest';
import type { Outcome, Scenario } from '../../src/model/scenario/types.js';
import { InProcessRunner, runAll, type CompileUnit, type Runner, type RunJob, type RunnerModel } from '../../src/replay/run-all.js';
import type { CompiledBase } from '../../src/model/scenario/run.js';

test('runAll: one job per unit and scenario, handed over per scenario in order; jobs survive structured cloning', async () => {
  const jobs: RunJob[] = [];
  const runner: Runner = {
    async run(job) {
      jobs.push(structuredClone(job));
      // Finish the later units first: the order handed over must not depend on timing.
      await new Promise((r) => setTimeout(r, job.unit.key === 'base' ? 5 : 1));
      return { scenario: job.scenario.name, base: job.unit.key } as unknown as Outcome;
    },
    async errors() {
      return [];
    },
  };
  const base: CompileUnit = { key: 'base', base: 'v10', sources: null, label: '' };
  const units: CompileUnit[] = ['a', 'b'].map((key) => ({ key, base: 'v10', sources: [{ path: 'mm/x.c', text: key }], label: key.toUpperCase() }));
  const scenarios = ['s1', 's2'].map((name) => ({ name }) as Scenario);
  const seen: string[] = [];
  await runAll(runner, base, units, scenarios, (r) => {
    seen.push(`${r.scenario.name}: ${r.baseline.base} ${[...r.variants.entries()].map(([k, o]) => `${k}=${o.base}`).join(' ')}`);
  });
  expect(seen).toEqual(['s1: base a=a b=b', 's2: base a=a b=b']);
  expect(jobs).toHaveLength(6);
  expect(jobs.every((j) => j.trace === 'full')).toBe(true);
});

test('InProcessRunner compiles each unit once, however many scenarios run on it', async () => {
  const calls: string[] = [];
  const model: RunnerModel = {
    async compile(unit) {
      calls.push(`compile ${unit.key}`);
      return { diagnostics: [] } as unknown as CompiledBase;
    },
    async run(_c, job) {
      calls.push(`run ${job.unit.key} ${job.scenario.name}`);
      return { scenario: job.scenario.name } as Outcome;
    },
  };
  const runner = new InProcessRunner(model);
  const base: CompileUnit = { key: 'base', base: 'v10', sources: null, label: '' };
  const v: CompileUnit = { key: 'x', base: 'v10', sources: [], label: 'V1' };
  await runner.errors(base);
  await runAll(runner, base, [v], ['s1', 's2', 's3'].map((name) => ({ name }) as Scenario), () => undefined);
  expect(calls.filter((c) => c.startsWith('compile'))).toEqual(['compile base', 'compile x']);
  expect(calls.filter((c) => c.startsWith('run'))).toHaveLength(6);
});
