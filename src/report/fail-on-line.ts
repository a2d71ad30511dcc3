// The one stderr line when `--fail-on` is met: which level, and the variants and scenarios that
// met it (`--fail-on regression met: V1 in hmm-exclusive, nouveau-atomic-small; V3 in ...`).
import type { FailOnHit } from '../replay/fail-on.js';
import { visibleControls } from './escape.js';

export function failOnLine(hits: readonly FailOnHit[]): string {
  const levels = [...new Set(hits.map((h) => h.level))];
  const parts = levels.map((level) => {
    if (level === 'unreplayed') return '--fail-on unreplayed met: nothing was replayed';
    const of = hits.filter((h) => h.level === level).map((h) => `${h.variant} in ${h.scenarios.join(', ')}`);
    return `--fail-on ${level} met: ${of.join('; ')}`;
  });
  // Scenario names can come from a scenario file: one line, no escapes.
  return visibleControls(parts.join('; '));
}
