// --scenario and --scenario-file: which scenarios `review` and `scenarios` run (the choice itself
// is src/model/scenario/select.ts, shared with the Action's `scenarios` input).
import type { Scenario } from '../model/scenario/types.js';
import { InputError, UsageError } from '../util/errors.js';

/** `--scenario` and `--scenario-file` as scenarios (`review` and `scenarios` take them alike). */
export async function chosenScenarios(opts: { scenario?: string[]; scenarioFile?: string[] }, explore?: { schedules: boolean; schedule?: string }): Promise<Scenario[]> {
  const [load, select] = await Promise.all([import('../model/scenario/load.js'), import('../model/scenario/select.js')]);
  try {
    const files = (opts.scenarioFile ?? []).map((f) => load.loadScenarioFile(f));
    return select.chooseScenarios(load.loadBundledScenarios(), opts.scenario ?? [], files, { schedules: !!(explore?.schedules || explore?.schedule) });
  } catch (err) {
    if (err instanceof load.ScenarioError) throw new InputError(err.file, err.problem);
    if (err instanceof select.ScenarioChoiceError) throw new UsageError(err.message);
    throw err;
  }
}
