// `--fail-on`: when a review should fail the command (exit 1) or the GitHub check.
import type { Review } from './types.js';

export type FailOn = 'never' | 'difference' | 'regression';
export const FAIL_ON: readonly FailOn[] = ['never', 'difference', 'regression'];

export function failOnMet(r: Review, failOn: FailOn): boolean {
  if (failOn === 'difference') return r.summary.differences > 0;
  if (failOn === 'regression') return r.summary.regressions > 0;
  return false;
}
