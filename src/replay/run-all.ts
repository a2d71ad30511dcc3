// The run loop. A job is pure data (a compile unit: base name + model sources; a scenario;
// the trace level) and gives an Outcome; the same job always gives the same Outcome. Each unit
// is compiled once per thread and reused for every scenario (variants VARIANTS_PER_PASS at a time). A scenario is the unit of work: its
// base run, its variant runs and their comparison happen together (replay-scenario.ts), in this
// thread or in a worker thread (worker-pool.ts), and the results come back in scenario order.
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../model/interp/compiler.js';
import type { CompiledBase, RunOptions } from '../model/scenario/run.js';
import type { Outcome, Scenario } from '../model/scenario/types.js';
import type { ModelSource } from '../model/source/index.js';
import type { Actor } from './interactions.js';
import { baselineCacheDir, cachedBaseline, keepBaseline, type BaselineOf } from './baseline-cache.js';
import { replayScenario, type ScenarioResult, type ScenarioTask } from './replay-scenario.js';
import type { ExploreRequest } from './types.js';

export interface CompileUnit {
  /** Cache key: `base` for the base itself, the variant's id otherwise. */
  key: string;
  base: string;
  /** Model sources with the variant spliced in; null for the base's own sources. */
  sources: ModelSource[] | null;
  /** Name shown in Outcome.base after the base (`v10 + V1`); empty for the base. */
  label: string;
  /** A variant replayed with some of its hunks left out (--partial). */
  partial?: boolean;
  /**
   * The model functions this unit defines differently from what it is compared with; absent or
   * null when that is not known (then every scenario runs).
   */
  changed?: string[] | null;
}

export interface RunJob {
  unit: CompileUnit;
  scenario: Scenario;
  trace: 'full' | 'events' | 'none';
  /** An exploring run: a fault to record or inject, a schedule, functions to watch (RunOptions). */
  explore?: Pick<RunOptions, 'faults' | 'schedule' | 'watch'>;
}

export interface Runner {
  run(job: RunJob): Promise<Outcome>;
  /** Compile errors of a unit (compiling it if needed). */
  errors(unit: CompileUnit): Promise<Diagnostic[]>;
}

/** How a unit is compiled and a job run (the model's; tests count calls through their own). */
export interface RunnerModel {
  compile(unit: CompileUnit): Promise<CompiledBase>;
  run(compiled: CompiledBase, job: RunJob): Promise<Outcome>;
}

const MODEL: RunnerModel = {
  compile: compileUnit,
  async run(compiled, job) {
    const { runScenario } = await import('../model/scenario/run.js');
    return runScenario(compiled, job.scenario, { trace: job.trace, ...job.explore });
  },
};

/**
 * Variants replayed together: runAll takes them this many at a time, each group over every
 * scenario, so a thread holds at most this many compiled variants (about 3 MB of heap each)
 * however many a big mbox has. Each further group runs the base once more per scenario.
 */
export const VARIANTS_PER_PASS = 8;

/**
 * Runs jobs in this thread. The base is compiled once; variants are kept compiled for the last
 * VARIANTS_PER_PASS + 1 used (most recently used last) and compiled again after that.
 */
export class InProcessRunner implements Runner {
  private readonly compiled = new Map<string, Promise<CompiledBase>>();
  /** Units of a base's own sources: never dropped. */
  private readonly pinned = new Set<string>();

  constructor(
    private readonly model: RunnerModel = MODEL,
    private readonly kept = VARIANTS_PER_PASS + 1,
  ) {}

  private compile(unit: CompileUnit): Promise<CompiledBase> {
    let c = this.compiled.get(unit.key);
    if (c) {
      this.compiled.delete(unit.key);
    } else {
      c = this.model.compile(unit);
      if (unit.sources === null) this.pinned.add(unit.key);
      const variants = [...this.compiled.keys()].filter((k) => !this.pinned.has(k));
      if (!this.pinned.has(unit.key) && variants.length >= this.kept) this.compiled.delete(variants[0]!);
    }
    this.compiled.set(unit.key, c);
    return c;
  }

  async run(job: RunJob): Promise<Outcome> {
    // A base's own sources, run plainly with the full trace: what the baseline cache keeps. A
    // kept run is looked for before the base is compiled, which it then need not be.
    const of = job.unit.sources === null && job.trace === 'full' && !job.explore && baselineCacheDir() !== null ? await ownSources(job.unit.base) : null;
    const kept = of ? cachedBaseline(of, job.scenario) : null;
    if (kept) return kept;
    const outcome = await this.model.run(await this.compile(job.unit), job);
    if (of) keepBaseline(of, job.scenario, outcome);
    return outcome;
  }

  async errors(unit: CompileUnit): Promise<Diagnostic[]> {
    // A base's own: what an install precomputed, when the CLI reads it, else its compile's.
    const kept = unit.sources === null ? await precomputedBaseErrors(unit.base) : null;
    return kept ?? (await this.compile(unit)).diagnostics.filter((d) => d.severity === 'error');
  }
}

/** What a base's own baseline runs are of: its sources, compiled as compileUnit compiles them. */
async function ownSources(name: string): Promise<BaselineOf> {
  const [{ loadBase }, { MODEL_CONFIG }] = await Promise.all([import('../model/source/index.js'), import('../model/source/config.js')]);
  const { base, sources } = loadBase(name);
  return { kernel: base.spec.kernel, config: MODEL_CONFIG, sources };
}

/** The compile errors of base `name`'s own sources as an install precomputed them; null: not read, or none kept. */
async function precomputedBaseErrors(name: string): Promise<Diagnostic[] | null> {
  const [{ baseInfo, loadBase }, { sourcesDigest }, { precomputedCompileFacts }] = await Promise.all([
    import('../model/source/index.js'),
    import('../map/compile-check.js'),
    import('../map/compile-facts-cache.js'),
  ]);
  return precomputedCompileFacts(baseInfo(name).spec.kernel, sourcesDigest(loadBase(name).sources))?.errors ?? null;
}

async function compileUnit(unit: CompileUnit): Promise<CompiledBase> {
  const [{ compileSources }, { baseInfo, loadBase }, { loadCParser }] = await Promise.all([
    import('../model/scenario/run.js'),
    import('../model/source/index.js'),
    import('../model/interp/ts-parser.js'),
  ]);
  await loadCParser();
  // reuse: the hunk mapper compiled these very sources a moment ago to check them.
  if (!unit.sources) {
    const { base, sources } = loadBase(unit.base);
    return compileSources(base, sources, [], { reuse: true });
  }
  return compileSources(baseInfo(unit.base), unit.sources, unit.label ? [unit.label] : [], { reuse: true });
}

export interface ReplayPlan {
  base: CompileUnit;
  variants: readonly CompileUnit[];
  scenarios: readonly Scenario[];
  /** Which actor each model function belongs to (the sequence diagrams). */
  actors: Map<string, Actor>;
  /** Exploration after the plain runs (`--explore`, `--fault`, `--schedule`). */
  explore?: ExploreRequest;
}

export interface ReplayOptions {
  /** Runs this thread's jobs (default: a new InProcessRunner); its compiled units are reused. */
  runner?: Runner;
  /**
   * Threads replaying scenarios: this one plus jobs - 1 workers (1: this thread only). Default:
   * the environment's LKML_REPLAY_JOBS, else min(cores, scenarios) when there are at least
   * POOL_MIN_RUNS runs.
   */
  jobs?: number;
}

/**
 * Below this many runs (units × scenarios) the default is to run them here: starting a worker
 * (loading the model, the C grammar, compiling the units again) costs more than it saves.
 * Measured on 2 idle cores: the seed (14 runs) 0.96x with a worker, 6 variants (49 runs) 1.13x.
 */
export const POOL_MIN_RUNS = 32;

/**
 * Every scenario on the base (once per scenario) and on each variant unit; one result per
 * scenario, in the plan's order whatever thread ran it and whenever it finished.
 */
export async function runAll(plan: ReplayPlan, opts: ReplayOptions = {}): Promise<ScenarioResult[]> {
  const passes: ScenarioResult[][] = [];
  await runPasses(plan, opts, (results) => void passes.push(results));
  return mergeGroups(passes.flat(), plan.scenarios.length);
}

/**
 * runAll a pass at a time: the plan's variants VARIANTS_PER_PASS at a time, each pass over every
 * scenario. `onPass` gets each pass's results (one per scenario, in order) as soon as the pass is
 * done, passes in order, and nothing is kept here after it: a review of thousands of variants
 * holds one pass's outcomes at a time.
 */
export async function runPasses(plan: ReplayPlan, opts: ReplayOptions, onPass: (results: ScenarioResult[]) => void | Promise<void>): Promise<void> {
  const groups: CompileUnit[][] = [];
  for (let i = 0; i < plan.variants.length || i === 0; i += VARIANTS_PER_PASS) groups.push(plan.variants.slice(i, i + VARIANTS_PER_PASS));
  const tasks: ScenarioTask[] = groups.flatMap((variants) => plan.scenarios.map((scenario) => ({ scenario, base: plan.base, variants, ...(plan.explore ? { explore: plan.explore } : {}) })));
  // Results arrive in any order from the threads; a pass goes out once it and all before it are in.
  const n = plan.scenarios.length;
  const waiting = new Map<number, ScenarioResult>();
  let nextPass = 0;
  let delivering = Promise.resolve();
  const put = (index: number, result: ScenarioResult) => {
    waiting.set(index, result);
    while (nextPass < groups.length && Array.from({ length: n }, (_, s) => waiting.has(nextPass * n + s)).every(Boolean)) {
      const pass = Array.from({ length: n }, (_, s) => waiting.get(nextPass * n + s)!);
      for (let s = 0; s < n; s++) waiting.delete(nextPass * n + s);
      nextPass++;
      delivering = delivering.then(() => onPass(pass));
    }
  };
  await runTasks(plan, tasks, opts, put);
  await delivering;
}

async function runTasks(plan: ReplayPlan, tasks: ScenarioTask[], opts: ReplayOptions, put: (index: number, result: ScenarioResult) => void): Promise<void> {
  // From the TypeScript sources (tests) workers would run the built lib/, which may be older than
  // the sources: only when asked for there.
  const runs = tasks.reduce((n, t) => n + t.variants.length + 1, 0);
  const jobs = poolSize(opts.jobs, tasks.length, runs, !import.meta.url.endsWith('.ts'));
  const runner = opts.runner ?? new InProcessRunner();
  const here = (task: ScenarioTask) => replayScenario((job) => runner.run(job), task, plan.actors);
  if (jobs > 1) {
    const { runInWorkers, workerScript } = await import('./worker-pool.js');
    const script = workerScript();
    // This thread takes part: it has the units compiled already; jobs - 1 workers join it.
    if (script) return void (await runInWorkers(script, tasks, plan.actors, jobs, here, put));
  }
  // In order, here: a scenario's diagrams are made only if no task the review reads before it
  // (earlier scenario, or the same scenario's earlier group) has a best of at least that score,
  // since the review shows the first best of the highest score (review.ts, mergeGroups).
  const seen: { scenario: number; score: number }[] = [];
  const n = plan.scenarios.length;
  for (let i = 0; i < tasks.length; i++) {
    const scenario = i % n;
    const r = await replayScenario((job) => runner.run(job), tasks[i]!, plan.actors, (score) => !seen.some((x) => x.scenario <= scenario && x.score >= score));
    if (r.best) seen.push({ scenario, score: r.best.score });
    put(i, r);
  }
}

/**
 * One result per scenario from the groups' results (group-major, scenarios in order within each):
 * the base's run is the same in every group (runs are deterministic), variants follow in the
 * plan's order, and the best run is the first of the highest score, as one pass would pick it.
 */
function mergeGroups(results: ScenarioResult[], scenarios: number): ScenarioResult[] {
  const out = results.slice(0, scenarios).map((r) => ({ ...r, variants: [...r.variants] }));
  for (let i = scenarios; i < results.length; i++) {
    const r = results[i]!;
    const into = out[i % scenarios]!;
    into.variants.push(...r.variants);
    if (r.best && r.best.score > (into.best?.score ?? 0)) into.best = r.best;
  }
  return out;
}

/** How many threads (this one and workers): asked for (flag or LKML_REPLAY_JOBS), else cores when the runs are many enough. */
export function poolSize(asked: number | undefined, tasks: number, runs: number, auto = true): number {
  const env = process.env.LKML_REPLAY_JOBS;
  const wanted = asked ?? (env !== undefined && /^\d+$/.test(env.trim()) ? Number(env) : undefined);
  if (wanted !== undefined) return Math.max(1, Math.min(wanted, tasks));
  return auto && runs >= POOL_MIN_RUNS ? Math.max(1, Math.min(availableParallelism(), tasks)) : 1;
}
