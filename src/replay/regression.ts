// What counts as a regression (README "How a review is made"): a scenario that completed with
// result 0 on the base and does not with the variant, or a new bug (verdict `bug`) or hazard.
// Hazards and failing scenario checks are flagged where they are compared (compare.ts).
import type { Outcome } from '../model/scenario/types.js';

export interface RegressionFlags {
  /** The verdict difference is the regression: it no longer completes, or it now hits a bug. */
  verdict: boolean;
  /** It still completes, but no longer with result 0. */
  result: boolean;
}

export function isRegressionOf(baseline: Outcome, variant: Outcome): RegressionFlags {
  const ok = (o: Outcome) => o.verdict === 'completed' && o.result === 0;
  const broke = ok(baseline) && !ok(variant);
  const newBug = variant.verdict === 'bug' && baseline.verdict !== 'bug';
  return {
    verdict: (broke && variant.verdict !== 'completed') || newBug,
    result: broke && variant.verdict === 'completed',
  };
}
