// The explore section: what `--explore faults` and `--explore schedules` cost on the bundled
// scenarios. Faults: each scenario's failure points recorded on a base, then the scenario run once
// per point (up to the review's default budget), trace none as exploration runs them; runs per
// second, nouveau and hmm apart (an hmm run is two orders of magnitude longer). Schedules: the
// schedule search (DPOR, two preemptions) on the scenarios with several threads; runs per
// second, runs made, pruned. And what the exploring program costs against the plain one: its
// compile, and its default schedule's runs per second against plain runs of the same scenarios.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, BenchSectionRunner } from './context.js';
import { summarise, type BenchFigure, type BenchRatio, type BenchSection } from './types.js';

type RunModule = typeof import('../src/model/scenario/run.js');
type LoadModule = typeof import('../src/model/scenario/load.js');
type ScheduleModule = typeof import('../src/model/scenario/schedule.js');
type DporModule = typeof import('../src/replay/explore/dpor.js');
type Scenario = import('../src/model/scenario/types.js').Scenario;

const BASE = 'v6.1';
/** Failure points run per scenario: review's default --max-faults. */
const MAX_FAULTS = 32;
const PREEMPTIONS = 2;

async function exploreSection(ctx: BenchContext): Promise<BenchSection> {
  const lib = (p: string) => pathToFileURL(join(ctx.root, 'lib', p)).href;
  if (!existsSync(join(ctx.root, 'lib', 'replay', 'explore', 'dpor.js'))) throw new Error('lib/ is not built: run `npm run build` first');
  const run = (await import(lib('model/scenario/run.js'))) as RunModule;
  const load = (await import(lib('model/scenario/load.js'))) as LoadModule;
  const sched = (await import(lib('model/scenario/schedule.js'))) as ScheduleModule;
  const dpor = (await import(lib('replay/explore/dpor.js'))) as DporModule;
  const all = load.loadBundledScenarios();
  const compiled = await run.compileBase(BASE);
  const figures: BenchFigure[] = [];
  const ratios: BenchRatio[] = [];
  const extra: Record<string, unknown> = { base: BASE, maxFaults: MAX_FAULTS, preemptions: PREEMPTIONS };

  // Faults: every bundled scenario's points, recorded once, then run.
  ctx.log('explore: fault runs per second');
  const points = new Map<Scenario, string[]>();
  for (const s of all) points.set(s, (run.runScenario(compiled, s, { trace: 'none', faults: { record: true } }).explore?.failurePoints ?? []).map((p) => p.id).slice(0, MAX_FAULTS));
  extra.failurePoints = Object.fromEntries([...points].map(([s, ids]) => [s.name, ids.length]));
  for (const [label, pickOf] of [['nouveau', (s: Scenario) => s.name.startsWith('nouveau')], ['hmm (1,024 pages)', (s: Scenario) => s.name.startsWith('hmm')]] as const) {
    const list = all.filter(pickOf);
    const n = list.reduce((k, s) => k + points.get(s)!.length, 0);
    const samples: number[] = [];
    for (let i = 0; i < (ctx.quick ? 1 : ctx.reps); i++) {
      const t0 = performance.now();
      for (const s of list) for (const id of points.get(s)!) run.runScenario(compiled, s, { trace: 'none', faults: { fail: id } });
      samples.push(n / ((performance.now() - t0) / 1000));
    }
    figures.push(summarise(`fault runs, ${label} scenarios`, 'runs/s', samples, `${n} failure points over ${list.length} scenarios (at most ${MAX_FAULTS} each), base ${BASE}, trace none`));
  }

  // Schedules: the search on every scenario with several threads.
  const races = all.filter((s) => s.threads.length > 1);
  ctx.log('explore: schedule runs per second');
  const made: Record<string, { runs: number; complete: number; pruned: number; exhausted: boolean }> = {};
  const samples: number[] = [];
  for (let i = 0; i < ctx.reps; i++) {
    let runs = 0;
    const t0 = performance.now();
    for (const s of races) {
      const r = await dpor.searchSchedules(async (plan) => run.runScenario(compiled, s, { trace: 'none', schedule: plan }), { maxRuns: 1000, bound: PREEMPTIONS });
      runs += r.made;
      made[s.name] = { runs: r.made, complete: r.runs.length, pruned: r.pruned, exhausted: r.exhausted };
    }
    samples.push(runs / ((performance.now() - t0) / 1000));
  }
  extra.schedules = made;
  const described = Object.entries(made).map(([n, m]) => `${n} ${m.runs} (${m.pruned} pruned)`).join(', ');
  figures.push(summarise(`schedule runs (DPOR, ${PREEMPTIONS} preemptions)`, 'runs/s', samples, `${described}; base ${BASE}, trace none`));

  // The exploring program: its compile, and its default schedule against the plain program.
  const t = performance.now();
  const fresh = await run.compileBase(BASE);
  run.runScenario(fresh, races[0]!, { trace: 'none', schedule: sched.planOf('default') });
  figures.push(summarise('compile the exploring program (preemption points blocking)', 's', [(performance.now() - t) / 1000], `base ${BASE}, with a first default-schedule run; once per unit explored`));
  const rate = (o: { schedule?: ReturnType<ScheduleModule['planOf']> }) => {
    const xs: number[] = [];
    for (const s of races) run.runScenario(compiled, s, { trace: 'none', ...o });
    for (let i = 0; i < ctx.reps; i++) {
      const t0 = performance.now();
      for (let k = 0; k < 20; k++) for (const s of races) run.runScenario(compiled, s, { trace: 'none', ...o });
      xs.push((20 * races.length) / ((performance.now() - t0) / 1000));
    }
    return xs;
  };
  const plain = rate({});
  const dflt = rate({ schedule: sched.planOf('default') });
  figures.push(summarise('plain runs of the scenarios with several threads', 'runs/s', plain, 'the program every review runs'));
  figures.push(summarise('their default schedule on the exploring program', 'runs/s', dflt, 'every preemption point offered, none taken'));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  ratios.push({ name: 'exploring program / plain program, runs per second', value: med(dflt) / med(plain), note: 'the cost of preemption points (higher is better; 1 = free)' });
  return { title: 'explore', figures, ratios, extra };
}

export const exploreBench: BenchSectionRunner = { id: 'explore', run: exploreSection };
