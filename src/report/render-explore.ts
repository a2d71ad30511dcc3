// `lkml-replay scenarios --explore`: what the base's own runs under faults and schedules show
// that its plain runs do not, scenario by scenario (the review's variants have theirs in the
// review reports).
import type { ScenarioExplore } from '../replay/types.js';
import { exploreCounts, findingLead, replayFlag, showsLine } from './explore-text.js';
import { deedsLine } from './explore-words.js';

export function exploredText(base: string, explored: { scenario: string; explore: ScenarioExplore }[]): string {
  const out: string[] = [];
  for (const { scenario, explore } of explored) {
    const counts = exploreCounts(explore, true);
    out.push('', `${scenario} on ${base}, explored: ${counts || 'nothing to explore'}; ${explore.findings.length ? `${explore.findings.length} beyond the plain run` : 'nothing beyond the plain run'}`);
    explore.findings.forEach((f, i) => {
      out.push(`  ${i + 1}. ${findingLead(f, '')}`, `     replay: ${replayFlag(f)}`, `     shows: ${showsLine(f)}`);
      for (const [j, st] of (f.steps ?? []).entries()) out.push(`     step ${j + 1}, ${st.thread}: ${deedsLine(st)}`);
    });
  }
  return out.join('\n') + '\n';
}
