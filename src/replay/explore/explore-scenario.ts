// Exploration of one scenario, after its plain runs (replay-scenario.ts): what the base and each
// variant do when a call fails (`faults`) and when their threads interleave otherwise
// (`schedules`), reported only where that differs from what the plain runs already show.
//
// Faults: the base's run records every failure point it reaches (src/model/scenario/fault-plan.ts);
// base and variant then run once per point, up to the budget, and are compared as plain runs are.
// A variant whose changed functions the base's faulted run never calls runs as the base does.
//
// Schedules: base and variant each have their schedules explored (dpor.ts): a schedule id names
// choices at scheduling points, and a variant's points are not the base's, so the two are not
// compared schedule by schedule. A behaviour -- a verdict other than completed, a hazard -- that
// some schedule of one shows and no explored schedule of the other does is what the variant brings
// or removes; it is reported with the first schedule that shows it, that run compared with the
// same side's plain run (its first cause), and its step list.
//
// Without variants (`lkml-replay scenarios`), the base's runs under each fault and schedule are
// compared with its plain run: new verdicts and hazards are reported.

import type { Outcome, Scenario } from '../../model/scenario/types.js';
import { planOf } from '../../model/scenario/schedule.js';
import type { FailurePoint } from '../../model/scenario/fault-plan.js';
import { compareOutcomes } from '../compare.js';
import { dropPositions } from '../trace-read.js';
import type { DifferenceFacts } from '../cause-types.js';
import type { CompileUnit, RunJob } from '../run-all.js';
import type { Difference, ExploreFinding, ExploreRequest, ScenarioExplore, Shown } from '../types.js';
import { searchSchedules, type ScheduleSearch } from './dpor.js';
import { scheduleSteps } from './steps.js';

type Run = (job: RunJob) => Promise<Outcome>;

export interface PlainRuns {
  baseline: Outcome;
  /** Per variant unit (by key): its plain run's differences from the base (null: not run, the same). */
  differences: Map<string, Difference[] | null>;
}

const brief = (o: Outcome) => ({ verdict: o.verdict, result: o.result });

/** A difference's facts without its cause and weight: what it is. */
function factsOf(d: Difference): DifferenceFacts {
  const { firstCause: _cause, regression: _regression, ...facts } = d;
  return facts;
}

/** A difference the plain runs show already is not told again. */
const diffKey = (d: Difference) => JSON.stringify(factsOf(d));

/** Behaviours a fault or a schedule can bring, by a key that tells them apart: a verdict other than completed, each hazard. */
function behaviours(o: Outcome): Map<string, Shown> {
  const out = new Map<string, Shown>();
  const add = (b: Shown) => out.set(JSON.stringify(b), b);
  if (o.verdict !== 'completed') add({ kind: 'verdict', verdict: o.verdict });
  for (const h of o.hazards) add({ kind: 'hazard', hazard: h.kind, function: h.function, detail: dropPositions(h.detail) });
  return out;
}

/** What a run under a fault or schedule newly shows against a plain run: verdict and hazards gained. */
const newly = (ds: Difference[]) => ds.filter((d) => d.kind === 'verdict' || d.kind === 'hazard-gained');

export async function exploreScenario(
  run: Run,
  scenario: Scenario,
  base: CompileUnit,
  variants: readonly CompileUnit[],
  plain: PlainRuns,
  req: ExploreRequest,
): Promise<{ perVariant: Map<string, ScenarioExplore>; base: ScenarioExplore | null }> {
  const perVariant = new Map<string, ScenarioExplore>(variants.map((v) => [v.key, { findings: [] }]));
  const baseOnly: ScenarioExplore | null = variants.length ? null : { findings: [] };
  const all = [...perVariant.values(), ...(baseOnly ? [baseOnly] : [])];
  const watch = [...new Set(variants.flatMap((v) => v.changed ?? []))].sort();
  const watching = watch.length ? { watch } : {};
  const job = (unit: CompileUnit, trace: RunJob['trace'], explore: RunJob['explore'] = {}): RunJob => ({ unit, scenario, trace, explore });
  // each unit's default schedule with a full trace (its switches traced as the explored runs'),
  // made when a schedule finding needs it
  const defaults = new Map<string, Promise<Outcome>>();
  const defaultOf = (unit: CompileUnit) => {
    let p = defaults.get(unit.key);
    if (!p) defaults.set(unit.key, (p = run(job(unit, 'full', { schedule: planOf('default') }))));
    return p;
  };

  if (req.faults || req.fault) {
    const rec = await run(job(base, 'none', { faults: { record: true } }));
    let points = rec.explore?.failurePoints ?? [];
    if (req.fault) points = points.filter((p) => p.id === req.fault);
    const chosen = points.slice(0, req.maxFaults);
    for (const s of all) s.faults = { reached: points.length, run: chosen.length };
    for (const point of chosen) {
      const fail = { faults: { fail: point.id } } as const;
      const baseF = await run(job(base, 'none', { ...fail, ...watching }));
      if (baseOnly) {
        const f = await alone(baseF, { kind: 'fault', id: point.id, point }, () => run(job(base, 'full', fail)), plain.baseline);
        if (f) baseOnly.findings.push(f);
        continue;
      }
      for (const unit of variants) {
        const reached = baseF.explore?.reached ?? null;
        if (unit.changed && reached && !unit.changed.some((f) => reached.includes(f))) continue;
        const varF = await run(job(unit, 'none', fail));
        const f = await underFault(baseF, varF, point, plain.differences.get(unit.key) ?? [], unit, () => Promise.all([run(job(base, 'full', fail)), run(job(unit, 'full', fail))]));
        if (f) perVariant.get(unit.key)!.findings.push(f);
      }
    }
  }

  const threads = scenario.threads.length;
  if ((req.schedules || req.schedule) && threads < 2) {
    for (const s of all) s.schedules = { threads, baseline: 0, variant: 0, complete: true };
  } else if (req.schedules || req.schedule) {
    const search = (unit: CompileUnit): Promise<ScheduleSearch> => {
      if (req.schedule) return run(job(unit, 'none', { schedule: planOf(req.schedule), ...watching })).then((o) => ({ made: 1, pruned: 0, runs: [o], exhausted: true }));
      return searchSchedules((plan) => run(job(unit, 'none', { schedule: plan, ...watching })), { maxRuns: req.maxSchedules, bound: req.preemptions });
    };
    const first = scenario.threads[0]!.name;
    /** The run under schedule `id` on `unit`, as a finding (against the unit's plain run). */
    const scheduled = async (unit: CompileUnit, id: string, on: 'baseline' | 'variant', shows: Shown[], regression: boolean): Promise<ExploreFinding> => {
      const o = await run(job(unit, 'full', { schedule: planOf(id) }));
      return {
        kind: 'schedule', id, on, shows,
        [on]: brief(o),
        differences: newly(compareOutcomes(await defaultOf(unit), o).differences),
        regression,
        steps: scheduleSteps(o, first),
      };
    };
    const b = await search(base);
    const inBase = firstSeen(b.runs);
    if (baseOnly) {
      baseOnly.schedules = { threads, baseline: b.made, variant: 0, complete: b.exhausted };
      for (const [id, shows] of bySchedule(inBase, new Set(behaviours(plain.baseline).keys()))) baseOnly.findings.push(await scheduled(base, id, 'baseline', shows, false));
    }
    const reachedInBase = new Set(b.runs.flatMap((o) => o.explore?.reached ?? []));
    for (const unit of variants) {
      const s = perVariant.get(unit.key)!;
      if (unit.changed && !unit.changed.some((f) => reachedInBase.has(f))) {
        // no explored schedule of the base calls what the variant changes: its runs are the base's
        s.schedules = { threads, baseline: b.made, variant: 0, complete: b.exhausted };
        continue;
      }
      const v = await search(unit);
      s.schedules = { threads, baseline: b.made, variant: v.made, complete: b.exhausted && v.exhausted };
      const inVariant = firstSeen(v.runs);
      for (const [id, shows] of bySchedule(inVariant, new Set(inBase.keys()))) s.findings.push(await scheduled(unit, id, 'variant', shows, !unit.partial));
      for (const [id, shows] of bySchedule(inBase, new Set(inVariant.keys()))) s.findings.push(await scheduled(base, id, 'baseline', shows, false));
    }
  }
  return { perVariant, base: baseOnly };
}

/** Each behaviour (by key) with the first run that shows it. */
function firstSeen(runs: readonly Outcome[]): Map<string, { run: Outcome; shown: Shown }> {
  const m = new Map<string, { run: Outcome; shown: Shown }>();
  for (const o of runs) for (const [k, shown] of behaviours(o)) if (!m.has(k)) m.set(k, { run: o, shown });
  return m;
}

/** Behaviours of `seen` not in `known`, grouped by the schedule that first shows them (in run order). */
function bySchedule(seen: Map<string, { run: Outcome; shown: Shown }>, known: Set<string>): Map<string, Shown[]> {
  const out = new Map<string, Shown[]>();
  for (const [k, { run, shown }] of seen) {
    if (known.has(k)) continue;
    const id = run.explore!.schedule!.id;
    out.set(id, [...(out.get(id) ?? []), shown]);
  }
  return out;
}

/**
 * Base and variant under one fault, compared; null when they differ only as the plain runs do.
 * The runs given are traceless: when they differ, both run again with a full trace (`traced`) for
 * the first cause.
 */
async function underFault(b: Outcome, v: Outcome, point: FailurePoint, plainDiffs: Difference[], unit: CompileUnit, traced: () => Promise<Outcome[]>): Promise<ExploreFinding | null> {
  const plainKeys = new Set(plainDiffs.map(diffKey));
  const keep = (ds: Difference[]) => ds.filter((d) => !plainKeys.has(diffKey(d)));
  if (!keep(compareOutcomes(b, v).differences).length) return null;
  [b, v] = (await traced()) as [Outcome, Outcome];
  const diffs = keep(compareOutcomes(b, v).differences);
  if (!diffs.length) return null;
  return {
    kind: 'fault',
    id: point.id,
    point,
    on: 'both',
    shows: newly(diffs).map((d) => ({ kind: 'difference', difference: factsOf(d) })),
    baseline: brief(b),
    variant: brief(v),
    differences: diffs,
    regression: !unit.partial && diffs.some((d) => d.regression),
  };
}

/**
 * The base alone under a fault, against its plain run: what it newly shows (a verdict other than
 * completed, a hazard); null when nothing. A failure's own error return is what a fault is for
 * and no finding by itself.
 */
async function alone(o: Outcome, what: { kind: 'fault'; id: string; point: FailurePoint }, traced: () => Promise<Outcome>, plain: Outcome): Promise<ExploreFinding | null> {
  const before = behaviours(plain);
  const shows = [...behaviours(o)].filter(([k]) => !before.has(k)).map(([, b]) => b);
  if (!shows.length) return null;
  const full = await traced();
  return { ...what, on: 'baseline', shows, baseline: brief(full), differences: newly(compareOutcomes(plain, full).differences), regression: false };
}
