// The review for a terminal: the thread in brief, the base and why, then one block per variant
// (who proposed it and where, how its hunks mapped, baseline vs variant per scenario, and the
// differences with their first cause). Subjects, names, file names and the texts that quote them
// come from the input: each line's control characters are written as \xNN.
import type { Review, VariantReview } from '../replay/types.js';
import { visibleControls } from './escape.js';
import { baselineFor, baseWhy } from './base-choice.js';
import { noteText, variantNoteText } from './placement-words.js';
import { replayNotice } from './replay-notice.js';
import { budgetLine, exploreCounts, exploreLine, findingLead, FINDINGS_SHOWN, replayFlag, showsLine } from './explore-text.js';
import { deedsLine } from './explore-words.js';
import type { ExploreFinding } from '../replay/types.js';
import { causeLayout, causeLayoutOf, differenceTag, hunkWhere, partialHint, seriesLine, splitPairLines, linesOf, outcomeCell, plural, resultMark, shortWho, stepsRef, summaryLine, when, who, whereProposed } from './review-common.js';
import { plain, type Style } from './style.js';
import { wrapLine } from './wrap.js';

export interface TextOptions {
  /** Wrap prose to this many columns (the CLI: the terminal's width, 100 when not a terminal); none: no wrapping. */
  width?: number;
  style?: Style;
}

/** Lines marked so are not wrapped: table rows (a wrapped row is no longer a row) and the title. */
const TABLE = '\u0000';

export function renderText(r: Review, opts: TextOptions = {}): string {
  return [...renderTextChunks(r, opts)].join('');
}

/** renderText a piece at a time (the head, then each variant): a review of thousands of variants is never one string. */
export function* renderTextChunks(r: Review, opts: TextOptions = {}): Generator<string> {
  const style = opts.style ?? plain;
  let at = 0;
  const lines = (out: string[]): string =>
    out
      .flatMap((l) => {
        const table = l.startsWith(TABLE);
        const text = visibleControls(table ? l.slice(1) : l);
        return table || opts.width === undefined ? [text] : wrapLine(text, opts.width);
      })
      .map((l) => paint(l, at++, style))
      .join('\n') + '\n';
  const out: string[] = [];
  const t = r.thread;
  // The title stays whole on the first line, like a mail's subject.
  out.push(`${TABLE}lkml-replay review: ${t.subject || '(no subject)'}`);
  for (const n of replayNotice(r)) out.push(`  ${n}`);
  out.push(
    `  thread:    ${plural(t.messages, 'message')} from ${t.participants.join(', ') || 'unknown senders'}` +
      `${t.first ? `, ${when(t.first)}${t.last && t.last !== t.first ? ` to ${when(t.last)}` : ''}` : ''}; ` +
      `${plural(t.diffs, 'diff')} (${t.distinct} distinct) in ${t.inputs.join(', ')}`,
  );
  for (const e of t.errors) out.push(`  unreadable: ${e.file}${e.index !== null ? ` #${e.index}` : ''}: ${e.message}`);
  r.bases.forEach((b, i) => out.push(`  ${i ? '          ' : 'bases:    '} ${b.name}: ${b.description}`));
  for (const b of r.baselinePatches) {
    out.push(`  baseline:  ${b.subject} (${shortWho(b.author)}) adds ${b.adds.join(', ')}, which the model has: it is the code the base models, not a variant`);
  }
  out.push(`  scenarios: ${r.scenarios.join(', ') || '(none)'}`);
  out.push(`  summary:   ${summaryLine(r)}`);
  const explored = exploreLine(r);
  if (explored) out.push(`  explored:  ${explored}`);
  const budget = budgetLine(r);
  if (budget) out.push(`  budget:    ${budget}`);
  yield lines(out);
  for (const v of r.variants) yield lines(['', ...variantBlock(r, v)]);
  if (!r.variants.length) yield lines(['', 'No variants: the input has no diff to replay.']);
}

/** Colours by the report's own structure: the title, the notice, variant heads, marks in tables and headings. */
function paint(l: string, i: number, s: Style): string {
  if (s === plain) return l;
  if (i === 0 || /^V\d+ {2}proposed by /.test(l)) return s.heading(l);
  if (/^ {2}(nothing replayed|not replayed|replayed in part)/.test(l)) return s.notice(l);
  if (/^ {4}\S+: REGRESSION$/.test(l)) return s.regression(l);
  if (/^ {4}\S+: behaves differently$/.test(l)) return s.changed(l);
  let m: RegExpExecArray | null;
  if ((m = /^( {6}.*  )(REGRESSION|changed(?: \(partial\))?|same(?: \((?:partial|not reached)\))?)$/.exec(l))) {
    const mark = m[2]!;
    return m[1] + (mark === 'REGRESSION' ? s.regression(mark) : mark.startsWith('changed') ? s.changed(mark) : s.same(mark));
  }
  return l.replace(/ {2}\[regression\]/g, (x) => s.regression(x));
}

function variantBlock(r: Review, v: VariantReview): string[] {
  const out: string[] = [];
  const sender = v.sender && (!v.author || v.sender.name !== v.author.name) ? ` in a mail from ${shortWho(v.sender)}` : '';
  out.push(`${v.label}  proposed by ${who(v.author)}`);
  out.push(`    where:  ${whereProposed(v)}${sender}${v.messageId ? ` (${v.source.file})` : ''}${v.copies.length ? `; quoted again in ${plural(v.copies.length, 'later message')}` : ''}`);
  v.hunks.forEach((h, i) => {
    const lines = linesOf(h);
    out.push(`    ${hunkWhere(h, i + 1)}${lines ? `  [${lines}]` : ''}`);
    for (const n of h.notes) out.push(`      note: ${noteText(n)}`);
  });
  out.push(`    base:   ${v.base.base}: ${baseWhy(v.base)}`);
  const series = seriesLine(v);
  if (series) out.push(`    series: ${series}`);
  if (v.note) out.push(`    ${variantNoteText(v.note, v.hunks)}`);
  for (const s of splitPairLines(v)) out.push(`    partial replay: ${s}`);
  const hint = partialHint(v);
  if (hint) out.push(`    ${hint}`);
  for (const e of v.compileErrors) out.push(`    compile error: ${e.file}:${e.line}: ${e.message}`);
  if (!v.replayed) return out;
  out.push(`    replayed on ${v.base.base} + ${v.label}${v.partial ? ' (partial)' : ''}:`);
  const w = Math.max(8, ...v.results.map((x) => x.scenario.length));
  const cells = v.results.map((x) => ({ x, b: outcomeCell(baselineFor(r, v, x.scenario)), v: outcomeCell(x.outcome) }));
  const wb = Math.max(8, ...cells.map((c) => c.b.length));
  const wv = Math.max(8, ...cells.map((c) => c.v.length));
  out.push(`${TABLE}      ${'scenario'.padEnd(w)}  ${'baseline'.padEnd(wb)}  ${v.label.padEnd(wv)}`);
  for (const c of cells) {
    const mark = resultMark(c.x);
    out.push(`${TABLE}      ${c.x.scenario.padEnd(w)}  ${c.b.padEnd(wb)}  ${c.v.padEnd(wv)}  ${mark === 'regression' ? 'REGRESSION' : mark}`);
  }
  for (const x of v.results) {
    if (!x.changed) continue;
    out.push('', `    ${x.scenario}: ${x.regression ? 'REGRESSION' : x.partial ? 'behaves differently in a partial replay' : 'behaves differently'}`);
    const c = causeLayout(x);
    if (c.divergence) out.push(`      first cause: ${c.divergence}`);
    else out.push('      first cause: the traces do not part within the recorded events');
    if (c.steps.length) {
      out.push('      then, in the variant:');
      c.steps.forEach((s, i) => out.push(`        ${i + 1}. ${s}`));
    }
    out.push('      differences:');
    for (const d of c.perDifference) {
      const ref = stepsRef(d.steps);
      const tail = d.extra.length ? `${ref ? `${ref}, then ` : ''}${d.extra.join('; ')}` : ref;
      const tag = differenceTag(x, d.difference);
      out.push(`        - ${d.summary}${tag ? ` [${tag}]` : ''}${tail ? ` (cause: ${tail})` : ''}`);
    }
  }
  for (const x of v.results) if (x.explore) out.push(...exploreBlock(v.label, x.scenario, x.explore.findings, exploreCounts(x.explore), x.partial));
  return out;
}

/** What a scenario's exploration found for a variant: each finding with what exposes it. */
function exploreBlock(label: string, scenario: string, findings: ExploreFinding[], counts: string, partial: boolean): string[] {
  if (!findings.length) return [];
  const regression = findings.some((f) => f.regression);
  const out = ['', `    ${scenario}: ${regression ? 'REGRESSION' : 'behaves differently'} only under ${kindsOf(findings)} (explored: ${counts})`];
  findings.slice(0, FINDINGS_SHOWN).forEach((f, i) => {
    out.push(`      ${i + 1}. ${findingLead(f, label)}`);
    // one line, never wrapped: it is copied into a command
    out.push(`${TABLE}         replay: ${replayFlag(f)}`);
    if (f.kind === 'schedule' && f.shows.length) out.push(`         shows: ${showsLine(f)}`);
    for (const [j, st] of (f.steps ?? []).entries()) out.push(`         step ${j + 1}, ${st.thread}: ${deedsLine(st)}`);
    const c = causeLayoutOf(f.differences);
    if (c.divergence) out.push(`         first cause: ${c.divergence}`);
    if (c.steps.length) c.steps.forEach((s, k) => out.push(`           ${k + 1}. ${s}`));
    for (const d of c.perDifference) {
      const ref = stepsRef(d.steps);
      const tail = d.extra.length ? `${ref ? `${ref}, then ` : ''}${d.extra.join('; ')}` : ref;
      const tag = d.difference.regression && (f.regression || partial) ? (partial ? 'regression if the left-out hunks did not matter; partial replay, not counted' : 'regression') : '';
      out.push(`         - ${d.summary}${tag ? `  [${tag}]` : ''}${tail ? `  (cause: ${tail})` : ''}`);
    }
  });
  if (findings.length > FINDINGS_SHOWN) out.push(`      and ${findings.length - FINDINGS_SHOWN} more (all in --format json)`);
  return out;
}

function kindsOf(findings: ExploreFinding[]): string {
  const faults = findings.some((f) => f.kind === 'fault');
  const schedules = findings.some((f) => f.kind === 'schedule');
  return faults && schedules ? 'faults and schedules' : faults ? 'a fault' : 'some schedules (a race)';
}
