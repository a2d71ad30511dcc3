// The `scenarios --format json` document: one Outcome per scenario run, and with --explore the
// base's exploration of that scenario as `explored`. schemas/outcomes.schema.json is made from
// OutcomesDocument (scripts/schemas.mjs).
import type { Outcome } from '../model/scenario/types.js';
import type { ScenarioExplore } from '../replay/types.js';

export type OutcomesDocument = (Outcome & { explored?: ScenarioExplore })[];

/** `explored`: per scenario explored, its exploration (the same order as `outcomes`). */
export function renderOutcomesJson(outcomes: readonly Outcome[], explored: readonly { explore: ScenarioExplore }[]): string {
  const doc: OutcomesDocument = outcomes.map((o, i) => (explored[i] ? { ...o, explored: explored[i]!.explore } : o));
  return JSON.stringify(doc, null, 2) + '\n';
}
