// Wording of exploration (`--explore faults|schedules`) shared by the text and markdown reports:
// what was explored and how far, a failure point in words, what a finding shows and under what.
import type { FailurePoint } from '../model/scenario/fault-plan.js';
import type { ExploreFinding, Review, ScenarioExplore } from '../replay/types.js';
import { shownText } from './explore-words.js';
import { plural } from './review-common.js';

/** Findings told per scenario and variant; the rest are counted (all are in the JSON). */
export const FINDINGS_SHOWN = 4;

/** `explored:` -- what exploration ran, over all scenarios; null without exploration. */
export function exploreLine(r: Review): string | null {
  const x = r.explore;
  if (!x) return null;
  const parts: string[] = [];
  if (x.fault) parts.push(`the failure point ${x.fault} only`);
  else if (x.faults) parts.push(`faults: ${plural(x.faultPoints, 'failure point')} reached, ${x.faultPointsRun} run (at most ${x.maxFaults} a scenario)`);
  if (x.schedule) parts.push(`the schedule ${x.schedule} only`);
  else if (x.schedules) parts.push(`schedules: ${plural(x.scheduleRuns, 'run')} (at most ${x.preemptions} preemption${x.preemptions === 1 ? '' : 's'} a schedule, ${x.maxSchedules} runs a scenario and variant; equivalent orders run once)`);
  return `${parts.join('; ')}; ${plural(x.findings, 'finding')} beyond the plain runs, ${plural(x.regressions, 'regression')}`;
}

/** The budget line: where exploration stopped before it was complete; null when it never did. */
export function budgetLine(r: Review): string | null {
  const x = r.explore;
  if (!x || !x.cutShort.length) return null;
  return `exploration stopped at its budget in ${x.cutShort.join(', ')} (--max-faults ${x.maxFaults}, --max-schedules ${x.maxSchedules}): the failure points and schedules past it were not run`;
}

/** `get_user_pages_remote()` in `make_device_exclusive_range()` fails with -EFAULT */
function pointWords(p: FailurePoint): string {
  const caller = p.stack[p.stack.length - 1];
  const which = p.calls > 1 || p.call > 1 ? ` (call ${p.call}${p.calls >= p.call ? ` of ${p.calls}` : ''})` : '';
  const thread = p.thread !== 'main' ? ` on thread ${p.thread}` : '';
  return `\`${p.fn}()\`${caller ? ` in \`${caller}()\`` : ''}${which}${thread} ${p.says}`;
}

/** Counts of one scenario's exploration: `10 failure points run; 63 + 41 schedules`. */
export function exploreCounts(x: ScenarioExplore, baseOnly = false): string {
  const parts: string[] = [];
  if (x.faults) parts.push(`${x.faults.run} of ${plural(x.faults.reached, 'failure point')} run`);
  if (x.schedules) {
    const s = x.schedules;
    const runs = baseOnly ? `${plural(s.baseline, 'schedule run')}` : `${s.baseline} schedule run(s) on the baseline, ${s.variant} with the variant`;
    parts.push(s.threads < 2 ? 'one thread: no interleavings' : `${runs}${s.complete ? '' : ' (budget reached)'}`);
  }
  return parts.join('; ');
}

/** The head of a finding: under what, and the outcomes. `label` empty: the base alone (`scenarios`). */
export function findingLead(f: ExploreFinding, label: string): string {
  const under = f.kind === 'fault' ? `when ${f.point ? pointWords(f.point) : f.id}` : `under schedule ${f.id}`;
  const out = (b: ExploreFinding['baseline']) => (b ? cell(b) : '?');
  if (f.on === 'both') return `${under}: baseline ${out(f.baseline)}, ${label} ${out(f.variant)}`;
  if (!label) return `${under}: ${out(f.baseline)}`;
  if (f.on === 'variant') return `${under}, ${label} ends ${out(f.variant)} and shows what no explored schedule of the baseline does`;
  return `${under}, the baseline ends ${out(f.baseline)} and shows what no explored schedule of ${label} does`;
}

/** What the finding's run shows that the other does not, in words. */
export function showsLine(f: ExploreFinding): string {
  return f.shows.map(shownText).join('; ');
}

/** The flag that replays a finding. */
export function replayFlag(f: ExploreFinding): string {
  return f.kind === 'fault' ? `--fault ${f.id}` : `--schedule ${f.id}`;
}

/** `completed -22`, `deadlock` (as the results table's cells). */
function cell(b: { verdict: string; result: number | null }): string {
  return (b.verdict === 'completed' || b.verdict === 'livelock') && b.result !== null ? `${b.verdict} ${b.result}` : b.verdict;
}
