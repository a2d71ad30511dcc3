// A difference between the baseline's and the variant's run in one line: the report's reading of
// DifferenceFacts (replay/cause-types.ts).
import type { DifferenceFacts, NotifierGroup } from '../replay/cause-types.js';
import { code, errnoText, issuerText, ownerText } from './trace-words.js';

const PART: Record<'pages' | 'gpu' | 'mirror' | 'seqs', string> = { pages: 'pages', gpu: 'GPU page table', mirror: 'dmirror mirror', seqs: 'notifier seqs' };

function groupText(n: NotifierGroup): string {
  const subs = n.subscribers.map((s) => `${code(s.name)} ${s.action === 'seq-bumped' ? 'seq bumped' : s.action}`).join(', ');
  return `${n.event} with ${ownerText(n.owner)} from ${issuerText(n.issuer, n.via)}${subs ? `; ${subs}` : '; no subscriber'}`;
}

function rangesText(ranges: { start: string; end: string; count: number }[], more: number): string {
  const shown = ranges.map((r) => `[${r.start}, ${r.end})${r.count > 1 ? ` ×${r.count}` : ''}`);
  return `over ${shown.join(', ')}${more ? ` and ${more} more range(s)` : ''}`;
}

/** At most three lines, then how many more. */
function listText(l: string[]): string {
  return l.length ? l.slice(0, 3).join('; ') + (l.length > 3 ? `; and ${l.length - 3} more` : '') : '(nothing)';
}

export function differenceText(d: DifferenceFacts): string {
  switch (d.kind) {
    case 'verdict':
      return `verdict: ${d.baseline} → ${d.variant}${d.variant === 'completed' ? '' : ` (${d.detail})`}`;
    case 'result':
      return `result: ${errnoText(d.baseline)} → ${errnoText(d.variant)}`;
    case 'retries':
      return `retries: ${d.baseline} → ${d.variant}`;
    case 'notifier-gained':
    case 'notifier-lost':
      return `${d.kind === 'notifier-gained' ? '+' : '−'}${d.count} ${groupText(d.notifier)} ${rangesText(d.ranges, d.moreRanges)}`;
    case 'hazard-gained':
    case 'hazard-lost':
      return `${d.kind === 'hazard-gained' ? '+' : '−'}${d.count} hazard ${d.hazard} in ${code(d.function)}: ${d.detail}`;
    case 'final-state': {
      if (d.part === 'checks') {
        const parts = [`${d.passed.baseline} → ${d.passed.variant} passed`];
        if (d.newlyFailing.length) parts.push(`newly failing: ${d.newlyFailing.join('; ')}`);
        if (d.noLongerFailing.length) parts.push(`no longer failing: ${d.noLongerFailing.join('; ')}`);
        return `scenario checks: ${parts.join('; ')}`;
      }
      const name = d.part === 'ptes' ? `ptes of ${d.process}` : PART[d.part];
      return `final ${name}: ${listText(d.gone)} → ${listText(d.come)}`;
    }
  }
}
