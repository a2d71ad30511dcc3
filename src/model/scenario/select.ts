// Which scenarios a run replays (`review`, `scenarios`, the Action's `scenarios` input): the
// bundled ones named, then the scenario files given; with neither, every bundled scenario that
// runs by default (and, when schedules are explored, those made for it too). A name that is no
// bundled scenario, and a scenario given twice, are errors naming it.
import type { Scenario } from './types.js';

export class ScenarioChoiceError extends Error {
  constructor(
    readonly scenario: string,
    readonly problem: 'unknown' | 'twice',
    known: readonly string[],
  ) {
    super(problem === 'unknown' ? `no bundled scenario ${JSON.stringify(scenario)} (scenarios: ${known.join(', ')})` : `scenario ${JSON.stringify(scenario)} is given twice`);
  }
}

export function chooseScenarios(bundled: readonly Scenario[], names: readonly string[], files: readonly Scenario[], opts: { schedules?: boolean } = {}): Scenario[] {
  if (names.length === 0 && files.length === 0) return bundled.filter((s) => s.byDefault !== false || opts.schedules);
  const chosen: Scenario[] = [];
  for (const name of names) {
    const s = bundled.find((b) => b.name === name);
    if (!s) throw new ScenarioChoiceError(name, 'unknown', bundled.map((b) => b.name));
    chosen.push(s);
  }
  chosen.push(...files);
  const seen = new Set<string>();
  for (const s of chosen) {
    if (seen.has(s.name)) throw new ScenarioChoiceError(s.name, 'twice', []);
    seen.add(s.name);
  }
  return chosen;
}
