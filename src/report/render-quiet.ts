// `review -q`: one line per variant (who, and what the replay found), for a terminal glance or
// a script's grep. With no variant at all, the one line says why nothing was replayed.
import type { Review, VariantReview } from '../replay/types.js';
import { visibleControls } from './escape.js';
import { variantNoteText } from './placement-words.js';
import { replayNotice } from './replay-notice.js';
import { plural, shortWho } from './review-common.js';

export function renderQuiet(r: Review): string {
  const out: string[] = [];
  for (const v of r.variants) out.push(`${v.label} ${shortWho(v.author)}: ${verdict(v)}`);
  if (!out.length) out.push(...replayNotice(r));
  return out.map(visibleControls).join('\n') + '\n';
}

function verdict(v: VariantReview): string {
  if (!v.replayed) return v.note ? variantNoteText(v.note, v.hunks) : 'not replayed';
  const part = v.partial ? ' (replayed in part)' : '';
  const reg = v.results.filter((x) => x.regression).map((x) => x.scenario);
  const diff = v.results.filter((x) => x.changed && !x.regression).map((x) => x.scenario);
  // what only exploration (a fault, a schedule) shows
  const found = v.results.filter((x) => !x.changed && x.explore?.findings.length);
  const xreg = found.filter((x) => x.explore!.findings.some((f) => f.regression)).map((x) => x.scenario);
  const xdiff = found.filter((x) => !x.explore!.findings.some((f) => f.regression)).map((x) => x.scenario);
  if (!reg.length && !diff.length && !xreg.length && !xdiff.length) return `behaves as the baseline in ${plural(v.results.length, 'scenario')} on ${v.base.base}${part}`;
  const parts: string[] = [];
  if (reg.length) parts.push(`regression in ${reg.join(', ')}`);
  if (diff.length) parts.push(`differs in ${diff.join(', ')}`);
  if (xreg.length) parts.push(`regression under exploration in ${xreg.join(', ')}`);
  if (xdiff.length) parts.push(`differs under exploration in ${xdiff.join(', ')}`);
  return `${parts.join('; ')} (of ${plural(v.results.length, 'scenario')} on ${v.base.base})${part}`;
}
