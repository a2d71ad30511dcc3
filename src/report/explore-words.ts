// What exploration found, in words: the report's reading of a finding's Shown behaviours and of a
// schedule's deeds (replay/types.ts).
import type { ScheduleDeed, ScheduleStep, Shown } from '../replay/types.js';
import { differenceText } from './difference-words.js';
import { code, eventText } from './trace-words.js';

/** `verdict deadlock`, `hazard lock-held-at-exit in \`f\`: ...`, or a difference as the reports say it. */
export function shownText(s: Shown): string {
  switch (s.kind) {
    case 'verdict':
      return `verdict ${s.verdict}`;
    case 'hazard':
      return `hazard ${s.hazard} in ${code(s.function)}: ${s.detail}`;
    case 'difference':
      return differenceText(s.difference);
  }
}

/** One deed of a schedule's step: where the scheduler chose the thread, an event, or how many are left out. */
export function deedText(d: ScheduleDeed): string {
  switch (d.kind) {
    case 'switch':
      return `at point ${d.point}: ${d.what}`;
    case 'event':
      return eventText(d.event, d.pass);
    case 'more':
      return `… ${d.count} more`;
  }
}

/** What a step's thread did, deed by deed. */
export function deedsLine(st: ScheduleStep): string {
  return st.did.map(deedText).join('; ');
}
