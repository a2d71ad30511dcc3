// `--fail-on` (and the Action's `fail-on` input): when a review fails the command (exit 1) or
// the GitHub check. Levels combine with commas (`regression,unreplayed`); each says what meets it:
// - difference: some scenario of a whole replay behaves differently from the baseline;
// - regression: some such difference is a regression;
// - partial: some scenario behaves differently in any replay, partial ones too (a partial
//   replay's differences may be the left-out hunks' doing, so only this level counts them);
// - unreplayed: nothing was replayed (every diff outside the model, or no diff at all), so the
//   review checked nothing;
// - never: nothing does (the default of `review`).
// With exploration (--explore), a finding counts as the plain difference it is: a scenario whose
// runs differ only under a fault or a schedule meets difference, and regression when the finding
// is one.
import type { Review } from './types.js';

export type FailOn = 'never' | 'difference' | 'regression' | 'partial' | 'unreplayed';
export const FAIL_ON: readonly FailOn[] = ['never', 'difference', 'regression', 'partial', 'unreplayed'];

/** `regression,unreplayed` as levels; null when a part is not a level (the caller names it). */
export function parseFailOn(spec: string): FailOn[] | null {
  const parts = spec.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (!parts.length || parts.some((p) => !FAIL_ON.includes(p as FailOn))) return null;
  return [...new Set(parts as FailOn[])];
}

/** What met a level: a variant and the scenarios where it did, or the review as a whole (variant null). */
export interface FailOnHit {
  level: Exclude<FailOn, 'never'>;
  variant: string | null;
  scenarios: string[];
}

export function failOnHits(r: Review, failOn: FailOn | readonly FailOn[]): FailOnHit[] {
  const levels = typeof failOn === 'string' ? [failOn] : failOn;
  const hits: FailOnHit[] = [];
  for (const level of levels) {
    if (level === 'unreplayed') {
      if (r.summary.replayed === 0) hits.push({ level, variant: null, scenarios: [] });
      continue;
    }
    if (level === 'never') continue;
    for (const v of r.variants) {
      const counts = (x: Review['variants'][number]['results'][number]) => {
        const found = x.explore?.findings ?? [];
        const changed = x.changed || found.length > 0;
        return level === 'regression' ? x.regression || found.some((f) => f.regression) : level === 'partial' ? changed : changed && !x.partial;
      };
      const scenarios = v.results.filter(counts).map((x) => x.scenario);
      if (scenarios.length) hits.push({ level, variant: v.label, scenarios });
    }
  }
  return hits;
}

export function failOnMet(r: Review, failOn: FailOn | readonly FailOn[]): boolean {
  return failOnHits(r, failOn).length > 0;
}
