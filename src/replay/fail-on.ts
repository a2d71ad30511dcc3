// `--fail-on`: when a review should fail the command (exit 1) or the GitHub check.
import type { Review } from './types.js';

// A partial replay's differences count only for `partial`: the hunks left out may be what makes
// the rest behave.
export type FailOn = 'never' | 'difference' | 'regression' | 'partial';
export const FAIL_ON: readonly FailOn[] = ['never', 'difference', 'regression', 'partial'];

export function failOnMet(r: Review, failOn: FailOn): boolean {
  if (failOn === 'difference') return r.summary.differences > 0;
  if (failOn === 'regression') return r.summary.regressions > 0;
  if (failOn === 'partial') return r.summary.differences + r.summary.partialDifferences > 0;
  return false;
}
