// The review as JSON (README "Review JSON"): the Review data model with its keys in a fixed
// order. Nothing in it depends on time, paths outside the inputs or the machine, so two runs on
// the same inputs print the same bytes.
import type { Review } from '../replay/types.js';

const REVIEW_FORMAT = 'lkml-replay/review@1';

export function renderJson(r: Review): string {
  const doc = {
    format: REVIEW_FORMAT,
    base: r.base,
    baseWhy: r.baseWhy,
    baseDescription: r.baseDescription,
    thread: r.thread,
    baselinePatches: r.baselinePatches,
    scenarios: r.scenarios,
    baseline: r.baseline,
    variants: r.variants,
    summary: r.summary,
    sequence: r.sequence,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
