// One scenario of a review, start to end: run it on the base once, then on each variant, compare
// each variant's run with the base's, and keep only what the review needs (trimmed outcomes, the
// differences, the best candidate for the sequence diagrams). The full traces never leave this
// function, so it runs the same in this thread or in a worker that hands back only its result.
import type { Outcome, Scenario } from '../model/scenario/types.js';
import { compareOutcomes, type Comparison } from './compare.js';
import { sequencePair, type Actor, type SequencePair } from './interactions.js';
import type { CompileUnit, RunJob } from './run-all.js';
import { trimOutcome } from './trim-outcome.js';
import type { Difference, ExploreRequest, ScenarioExplore } from './types.js';

export interface ScenarioTask {
  scenario: Scenario;
  base: CompileUnit;
  variants: CompileUnit[];
  /** `--explore` (faults, schedules), `--fault`, `--schedule`: explored after the plain runs. */
  explore?: ExploreRequest;
}

interface VariantRun {
  /** The unit's key (the variant's id). */
  key: string;
  outcome: Outcome;
  differences: Difference[];
  changed: boolean;
  regression: boolean;
  /** False when the base's run never called a function the variant changes: not run, the same by construction. */
  reached: boolean;
  explore?: ScenarioExplore;
}

export interface ScenarioResult {
  scenario: string;
  /** The base's outcome, trimmed. */
  baseline: Outcome;
  /** One per variant unit, in the task's order; outcomes trimmed. */
  variants: VariantRun[];
  /**
   * The variant run of this scenario that changed most (first of equals), or null if none did.
   * `sequence` is null when the caller said no review can show it (`wanted`).
   */
  best: { score: number; label: string; sequence: SequencePair | null } | null;
}

/**
 * `wanted(score)`: whether the sequence diagrams of this scenario's best run (of that score) can
 * still be the review's; without it they are always made (a worker cannot know).
 */
export async function replayScenario(
  run: (job: RunJob) => Promise<Outcome>,
  task: ScenarioTask,
  actors: Map<string, Actor>,
  wanted: (score: number) => boolean = () => true,
): Promise<ScenarioResult> {
  const { scenario } = task;
  const baseline = await run({ unit: task.base, scenario, trace: 'full' });
  const called = calledFunctions(baseline);
  const variants: VariantRun[] = [];
  const plainDiffs = new Map<string, Difference[] | null>();
  let best: { score: number; unit: CompileUnit; outcome: Outcome } | null = null;
  // Variants one at a time: only the base's and the best variant's full runs stay alive.
  for (const unit of task.variants) {
    // Runs are deterministic and the same until a changed function runs: if the base's run never
    // called one, the variant's run is the base's.
    if (called && unit.changed && !unit.changed.some((f) => called.has(f))) {
      const outcome = { ...baseline, base: `${unit.base}${unit.label ? ` + ${unit.label}` : ''}` };
      variants.push({ key: unit.key, outcome: trimOutcome(outcome), differences: [], changed: false, regression: false, reached: false });
      plainDiffs.set(unit.key, null);
      continue;
    }
    const outcome = await run({ unit, scenario, trace: 'full' });
    const cmp = compareOutcomes(baseline, outcome);
    const score = changeScore(cmp);
    // A partial replay's differences may be the missing hunks' doing: never the diagram.
    if (!unit.partial && score > (best?.score ?? 0)) best = { score, unit, outcome };
    variants.push({ key: unit.key, outcome: trimOutcome(outcome), differences: cmp.differences, changed: cmp.differences.length > 0, regression: cmp.regression, reached: true });
    plainDiffs.set(unit.key, cmp.differences);
  }
  const result: ScenarioResult = {
    scenario: scenario.name,
    baseline: trimOutcome(baseline),
    variants,
    best: best && { score: best.score, label: best.unit.label, sequence: wanted(best.score) ? sequencePair(best.unit.label, scenario.name, baseline, best.outcome, actors) : null },
  };
  if (task.explore) {
    const { exploreScenario } = await import('./explore/explore-scenario.js');
    const x = await exploreScenario(run, scenario, task.base, task.variants, { baseline, differences: plainDiffs }, task.explore);
    for (const v of variants) v.explore = x.perVariant.get(v.key);
  }
  return result;
}

/** Every model function the run called, or null when its trace does not hold them all. */
function calledFunctions(o: Outcome): Set<string> | null {
  const out = new Set<string>();
  for (const ev of o.trace) {
    if (ev.t === 'call') out.add(ev.fn);
    else if (ev.t === 'note' && ev.fn === '(runner)') return null;
  }
  return out;
}

/** How much a run changed: a regression over a verdict over a result over the rest. */
function changeScore(c: Comparison): number {
  if (!c.differences.length) return 0;
  const has = (k: string) => c.differences.some((d) => d.kind === k);
  return (c.regression ? 10_000 : 0) + (has('verdict') ? 5_000 : 0) + (has('result') ? 2_000 : 0) + c.differences.length * 10 + Math.min(9, c.analysis.gained.length);
}
