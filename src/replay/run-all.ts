// The run loop. A job is pure data (a compile unit: base name + model sources; a scenario;
// the trace level) and gives an Outcome; the same job always gives the same Outcome. Each unit
// is compiled once and reused for every scenario. The in-process runner below is the only one
// today; a worker-thread runner can implement `Runner` with the same jobs (they are plain,
// structured-clonable objects) and the loop does not change.
import type { Diagnostic } from '../model/interp/compiler.js';
import type { CompiledBase } from '../model/scenario/run.js';
import type { Outcome, Scenario } from '../model/scenario/types.js';
import type { ModelSource } from '../model/source/index.js';

export interface CompileUnit {
  /** Cache key: `base` for the base itself, the variant's id otherwise. */
  key: string;
  base: string;
  /** Model sources with the variant spliced in; null for the base's own sources. */
  sources: ModelSource[] | null;
  /** Name shown in Outcome.base after the base (`v10 + V1`); empty for the base. */
  label: string;
}

export interface RunJob {
  unit: CompileUnit;
  scenario: Scenario;
  trace: 'full' | 'events' | 'none';
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
    return runScenario(compiled, job.scenario, { trace: job.trace });
  },
};

/** Runs jobs in this thread; compiles each unit once. */
export class InProcessRunner implements Runner {
  private readonly compiled = new Map<string, Promise<CompiledBase>>();

  constructor(private readonly model: RunnerModel = MODEL) {}

  private compile(unit: CompileUnit): Promise<CompiledBase> {
    let c = this.compiled.get(unit.key);
    if (!c) {
      c = this.model.compile(unit);
      this.compiled.set(unit.key, c);
    }
    return c;
  }

  async run(job: RunJob): Promise<Outcome> {
    return this.model.run(await this.compile(job.unit), job);
  }

  async errors(unit: CompileUnit): Promise<Diagnostic[]> {
    return (await this.compile(unit)).diagnostics.filter((d) => d.severity === 'error');
  }
}

async function compileUnit(unit: CompileUnit): Promise<CompiledBase> {
  const { compileBase, compileSources } = await import('../model/scenario/run.js');
  if (!unit.sources) return compileBase(unit.base);
  const [{ baseInfo }, { loadCParser }] = await Promise.all([import('../model/source/index.js'), import('../model/interp/ts-parser.js')]);
  await loadCParser();
  return compileSources(baseInfo(unit.base), unit.sources, unit.label ? [unit.label] : []);
}

/** What the loop hands back for each scenario: the base's outcome and each unit's. */
export interface ScenarioRuns {
  scenario: Scenario;
  baseline: Outcome;
  variants: Map<string, Outcome>;
}

/**
 * Runs every scenario on the base and on each variant unit, scenario by scenario, and hands each
 * scenario's outcomes to `use` before running the next one (full traces are large: only one
 * scenario's are alive at a time).
 */
export async function runAll(
  runner: Runner,
  base: CompileUnit,
  variants: readonly CompileUnit[],
  scenarios: readonly Scenario[],
  use: (runs: ScenarioRuns) => void,
): Promise<void> {
  for (const scenario of scenarios) {
    // The runs of one scenario are independent: a runner with workers may do them at once.
    const [baseline, ...outs] = await Promise.all([base, ...variants].map((unit) => runner.run({ unit, scenario, trace: 'full' })));
    use({ scenario, baseline: baseline!, variants: new Map(variants.map((v, i) => [v.key, outs[i]!])) });
  }
}
