// The review for a pull request or a mail reply: a summary table (variants by scenarios, changed
// cells marked), details per variant, and Mermaid sequence diagrams of the run that changed most.
import type { Review, VariantReview } from '../replay/types.js';
import { scheduleDiagram, sequenceDiagram } from './mermaid.js';
import { noteText, variantNoteText } from './placement-words.js';
import { deedsLine } from './explore-words.js';
import { budgetLine, exploreCounts, exploreLine, findingLead, FINDINGS_SHOWN, replayFlag, showsLine } from './explore-text.js';
import type { ExploreFinding } from '../replay/types.js';
import { baselineFor, baseWhy } from './base-choice.js';
import { replayNotice } from './replay-notice.js';
import { mdCell, mdCode, mdLiteral, mdProse as md } from './escape.js';
import { causeLayout, causeLayoutOf, differenceTag, hunkWhere, partialHint, seriesLine, splitPairLines, linesOf, outcomeCell, plural, shortWho, stepsRef, summaryLine, when, whereProposed } from './review-common.js';

const REGRESSION = '❌';
const CHANGED = '⚠️';

// Input-derived strings (subjects, names, file names, message ids, scenario names from files)
// never act as markup: `lit` for input alone (then md), `mdCode` where it is shown as code.
// Texts the mapper and replay write (placements, reasons, notes) keep their code spans and go
// through md only: controls visible, no raw HTML.
const lit = (s: string): string => md(mdLiteral(s));

/** A table cell: prose without pipes or line breaks. */
function cell(s: string): string {
  return mdCell(md(s));
}

export function renderMarkdown(r: Review): string {
  const out: string[] = [];
  const t = r.thread;
  out.push(`## lkml-replay review: ${t.subject ? lit(t.subject) : '(no subject)'}`, '');
  // Said before anything else: a review that replayed nothing checked nothing.
  const notice = replayNotice(r);
  for (const n of notice) out.push(`**${lit(n.replace(/:.*/, ''))}**${lit(n.replace(/^[^:]*/, ''))}  `);
  if (notice.length) out.push('');
  out.push(
    `**Thread**: ${plural(t.messages, 'message')} from ${t.participants.length ? lit(t.participants.join(', ')) : 'unknown senders'}` +
      `${t.first ? `, ${when(t.first)}${t.last && t.last !== t.first ? ` to ${when(t.last)}` : ''}` : ''}; ${plural(t.diffs, 'diff')} (${t.distinct} distinct).  `,
  );
  for (const b of r.bases) out.push(`**Base** \`${b.name}\`: ${md(b.description)}.  `);
  for (const b of r.baselinePatches) {
    out.push(`**Baseline patch**: ${lit(b.subject)} (${lit(shortWho(b.author))}) adds ${b.adds.map((f) => `\`${f}\``).join(', ')}, which the model has: it is the code the base models, not a variant.  `);
  }
  out.push(`**Summary**: ${summaryLine(r)}.${r.explore ? '  ' : ''}`);
  const explored = exploreLine(r);
  if (explored) out.push(`**Explored**: ${md(explored)}.${budgetLine(r) ? '  ' : ''}`);
  const budget = budgetLine(r);
  if (budget) out.push(`**Budget**: ${md(budget)}.`);
  out.push('');
  if (t.errors.length) out.push(`Unreadable input: ${t.errors.map((e) => lit(`${e.file}${e.index !== null ? ` #${e.index}` : ''}: ${e.message}`)).join('; ')}`, '');

  if (r.variants.length && r.scenarios.length) {
    out.push(`| | proposed by | ${r.scenarios.map((s) => mdCell(mdCode(s))).join(' | ')} |`);
    out.push(`|---|---|${r.scenarios.map(() => '---').join('|')}|`);
    for (const b of r.bases) {
      if (!Object.keys(b.baseline).length) continue;
      out.push(`| baseline (\`${b.name}\`) | | ${r.scenarios.map((s) => cell(b.baseline[s] ? outcomeCell(b.baseline[s]!) : '-')).join(' | ')} |`);
    }
    for (const v of r.variants) {
      const cells = r.scenarios.map((s) => {
        if (!v.replayed) return 'not replayed';
        const x = v.results.find((y) => y.scenario === s);
        if (!x) return '-';
        const c = cell(outcomeCell(x.outcome));
        const part = x.partial ? ' (partial)' : '';
        return x.regression ? `${REGRESSION} **${c}**` : x.changed ? `${CHANGED} **${c}**${part}` : `${c}${part}`;
      });
      out.push(`| **${v.label}** | ${mdCell(lit(shortWho(v.author)))} | ${cells.join(' | ')} |`);
    }
    out.push('', `${REGRESSION} regression, ${CHANGED} behaves differently from the baseline; other cells behave the same. (partial): replayed with some hunks left out, never counted as a regression.`, '');
  } else if (!r.variants.length) {
    out.push('No variants: the input has no diff to replay.', '');
  }

  const diagrams = { left: DIAGRAMS };
  for (const v of r.variants) out.push(...variantDetails(r, v, diagrams));

  if (r.sequence) {
    const s = r.sequence;
    out.push(`### Sequence: ${s.label} on ${mdCode(s.scenario)} (the run that changed most)`, '');
    out.push('Driver, mm and MMU-notifier interactions, trimmed to where the two runs differ.', '');
    const on = r.variants.find((v) => v.label === s.label)?.base.base ?? '';
    out.push(`Baseline (\`${on}\`):`, '', '```mermaid', sequenceDiagram(s.baseline, s.variant).trimEnd(), '```', '');
    out.push(`${s.label}:`, '', '```mermaid', sequenceDiagram(s.variant, s.baseline).trimEnd(), '```', '');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** Schedule findings drawn as sequence diagrams, over the whole review (the first ones). */
const DIAGRAMS = 2;

function variantDetails(r: Review, v: VariantReview, diagrams: { left: number }): string[] {
  const out: string[] = [];
  const mark = v.regression ? ` ${REGRESSION}` : v.changed ? ` ${CHANGED}` : '';
  out.push(`### ${v.label}: ${lit(shortWho(v.author))}${mark}`, '');
  const sender = v.sender && (!v.author || v.sender.name !== v.author.name) ? ` in a mail from ${lit(shortWho(v.sender))}` : '';
  out.push(`- Where: ${md(whereProposed(v, mdLiteral))}${sender}${v.messageId ? ` (${mdCode(v.source.file)})` : ''}${v.copies.length ? `; quoted again in ${plural(v.copies.length, 'later message')}` : ''}.`);
  v.hunks.forEach((h, i) => {
    const lines = linesOf(h);
    out.push(`- ${md(hunkWhere(h, i + 1, mdLiteral))}${lines ? ` (${md(lines)})` : ''}`);
    for (const n of h.notes) out.push(`  - note: ${md(noteText(n))}`);
  });
  out.push(`- Base: \`${v.base.base}\`: ${md(baseWhy(v.base))}.`);
  const series = seriesLine(v);
  if (series) out.push(`- Series: ${md(series)}.`);
  if (v.note) out.push(`- ${md(variantNoteText(v.note, v.hunks))}`);
  for (const s of splitPairLines(v)) out.push(`- Partial replay: ${md(s)}.`);
  const hint = partialHint(v);
  if (hint) out.push(`- ${md(hint)}.`);
  for (const e of v.compileErrors) out.push(`- compile error: ${md(`${e.file}:${e.line}: ${e.message}`)}`);
  out.push('');
  if (!v.replayed) return out;
  const changed = v.results.filter((x) => x.changed);
  const explored = v.results.flatMap((x) => (x.explore?.findings.length ? [exploreDetails(v.label, x.scenario, x.explore.findings, exploreCounts(x.explore), diagrams)] : [])).flat();
  if (!changed.length) {
    out.push(`Replayed on \`${v.base.base}\` + ${v.label}${v.partial ? ' (partial)' : ''}: every scenario behaves as on the baseline${explored.length ? ' in the plain runs' : ''}.`, '');
    out.push(...explored);
    return out;
  }
  for (const x of changed) {
    out.push(`#### ${mdCode(x.scenario)}: ${x.regression ? `${REGRESSION} regression` : `${CHANGED} behaves differently${x.partial ? ' (partial replay)' : ''}`}`, '');
    out.push(`Baseline ${md(outcomeCell(baselineFor(r, v, x.scenario)))}; ${v.label} ${md(outcomeCell(x.outcome))}.`, '');
    const c = causeLayout(x);
    out.push(`**First cause**: ${md(c.divergence ?? 'the traces do not part within the recorded events')}.`, '');
    if (c.steps.length) {
      out.push('Then, in the variant:', '');
      c.steps.forEach((s, i) => out.push(`${i + 1}. ${md(s)}`));
      out.push('');
    }
    for (const d of c.perDifference) {
      const ref = stepsRef(d.steps);
      const tail = d.extra.length ? `${ref ? `${ref}, then ` : ''}${d.extra.join('; ')}` : ref;
      const tag = differenceTag(x, d.difference);
      out.push(`- ${md(d.summary)}${tag ? ` **(${tag})**` : ''}${tail ? ` (cause: ${md(tail)})` : ''}`);
    }
    out.push('');
  }
  out.push(...explored);
  return out;
}

/** A scenario's exploration findings for a variant: under what, what differs, the schedule's steps and diagram. */
function exploreDetails(label: string, scenario: string, findings: ExploreFinding[], counts: string, diagrams: { left: number }): string[] {
  const regression = findings.some((f) => f.regression);
  const kinds = findings.some((f) => f.kind === 'fault') ? (findings.some((f) => f.kind === 'schedule') ? 'faults and schedules' : 'a fault') : 'some schedules (a race)';
  const out = [`#### ${mdCode(scenario)}: ${regression ? `${REGRESSION} regression` : `${CHANGED} behaves differently`} only under ${kinds}`, '', `Explored: ${md(counts)}.`, ''];
  findings.slice(0, FINDINGS_SHOWN).forEach((f, i) => {
    out.push(`**${i + 1}.** ${md(findingLead(f, label))}. Replay: \`${replayFlag(f)}\`.${f.kind === 'schedule' && f.shows.length ? '  ' : ''}`);
    if (f.kind === 'schedule' && f.shows.length) out.push(`Shows: ${md(showsLine(f))}.`);
    out.push('');
    if (f.steps?.length) {
      out.push('Steps:', '');
      f.steps.forEach((st, j) => out.push(`${j + 1}. **${lit(st.thread)}**: ${md(deedsLine(st))}`));
      out.push('');
      if (diagrams.left > 0) {
        diagrams.left--;
        out.push('```mermaid', scheduleDiagram(f.steps).trimEnd(), '```', '');
      }
    }
    const c = causeLayoutOf(f.differences);
    if (c.divergence) out.push(`**First cause**: ${md(c.divergence)}.`, '');
    c.steps.forEach((s, k) => out.push(`${k + 1}. ${md(s)}`));
    if (c.steps.length) out.push('');
    for (const d of c.perDifference) {
      const ref = stepsRef(d.steps);
      const tail = d.extra.length ? `${ref ? `${ref}, then ` : ''}${d.extra.join('; ')}` : ref;
      out.push(`- ${md(d.summary)}${d.difference.regression && f.regression ? ' **(regression)**' : ''}${tail ? ` (cause: ${md(tail)})` : ''}`);
    }
    out.push('');
  });
  if (findings.length > FINDINGS_SHOWN) out.push(`And ${findings.length - FINDINGS_SHOWN} more (all in \`--format json\`).`, '');
  return out;
}
