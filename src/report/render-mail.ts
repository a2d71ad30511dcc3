// `review --format mail`: for each variant, a reply to the message that carried it, ready for
// `git send-email` or a mutt draft (`mutt -H`): Subject/In-Reply-To/References/To headers, the
// diff quoted at its depth in the thread under an "On <date>, <sender> wrote:" line, then plain
// prose wrapped at 72 columns: where the hunks land in the kernel (their `@@` lines), the
// scenario verdicts as a small table, and each difference's first cause in sentences. No
// Markdown, no Mermaid, no escapes; several variants make an mbox (one `From ` line each).
import type { Review, ScenarioResult, VariantReview } from '../replay/types.js';
import type { Carrier } from './carriers.js';
import { address, encodeText, header, mailDate } from './mail-headers.js';
import { replayNotice } from './replay-notice.js';
import { baselineFor, baseOf, baseWhy } from './base-choice.js';
import { placementWords, reasonText, variantNoteText } from './placement-words.js';
import { causeLayout, kernelWhere, outcomeCell, plural, shortWho, stepsRef } from './review-common.js';
import { eventText } from './trace-words.js';
import { wrapLine } from './wrap.js';

export const MAIL_WIDTH = 72;

export function renderMail(r: Review, carriers: ReadonlyMap<string, Carrier>): string {
  const variants = [...r.variants].filter((v) => carriers.has(v.label));
  // No message to answer: say why in one plain line (nothing replayed is said first anyway).
  if (!variants.length) return (replayNotice(r).join('\n') || 'no variant: nothing to reply to') + '\n';
  const mails = variants.map((v) => replyTo(r, v, carriers.get(v.label)!));
  if (mails.length === 1) return mails[0]!;
  return mails.map((m) => `From lkml-replay Mon Sep 17 00:00:00 2001\n${m.replace(/^(>*From )/gm, '>$1')}`).join('\n');
}

function replyTo(r: Review, v: VariantReview, c: Carrier): string {
  const head: string[] = [];
  head.push(header('Subject', encodeText(`Re: ${c.subject.replace(/^((re|aw|fwd?)\s*:\s*)+/i, '')}`)));
  if (c.messageId) {
    head.push(header('In-Reply-To', `<${c.messageId}>`));
    const refs = c.references.length ? c.references : c.inReplyTo ? [c.inReplyTo] : [];
    head.push(header('References', [...refs.filter((x) => x !== c.messageId), c.messageId].map((x) => `<${x}>`).join(' ')));
  }
  const to = address(c.from);
  if (to) head.push(header('To', to));
  const author = v.author && v.author.email && v.author.email !== c.from.email ? address(v.author) : null;
  if (author) head.push(header('Cc', author));

  const body: string[] = [];
  body.push(...prose(`On ${c.date ? mailDate(c.date) : 'an undated mail'}, ${shortWho(c.from)} wrote:`));
  const depth = v.quoteDepth;
  if (depth > 0) body.push(`${'>'.repeat(depth)} ${shortWho(v.author)} wrote:`);
  const marks = '>'.repeat(depth + 1);
  for (const l of c.diff.text.replace(/\n$/, '').split('\n')) body.push(l === '' ? marks : `${marks} ${noControls(l)}`);
  body.push('');

  for (const n of replayNotice(r)) body.push(...prose(`${sentence(n)}`), '');
  body.push(...prose(`I replayed this change (${v.label}) with lkml-replay, through its executable model of the kernel code it touches, on ${v.base.base} (${plainText(baseOf(r, v).description)}), chosen because ${plainText(baseWhy(v.base))}.`));
  for (const [i, h] of v.hunks.entries()) {
    const fn = h.function ? ` in ${h.function}()` : '';
    const where = `Hunk ${i + 1}, at ${kernelWhere(h)}${fn}`;
    const placed = h.placement ? placementWords(h.placement) : 'placed';
    body.push(...prose(h.mapped ? `${where}: ${plainText(placed)}.` : `${where}, could not be placed on the model (${h.unplaced ?? 'unplaced'}): ${plainText(h.reason ? reasonText(h.reason) : 'no reason given')}.`));
  }
  body.push('');
  if (!v.replayed) {
    body.push(...prose(`So nothing was replayed: ${plainText(v.note ? variantNoteText(v.note, v.hunks) : 'the change could not be placed on the model')}. This is no verdict on the change, only on what the model covers.`));
  } else {
    body.push(...verdictTable(r, v), '');
    const changed = v.results.filter((x) => x.changed);
    if (!changed.length) body.push(...prose(`Every scenario behaves as on ${v.base.base}.`), '');
    for (const x of changed) body.push(...causeProse(r, v, x), '');
  }
  body.push(...prose(`(The model is not the kernel: it carries the statements of the functions it models, and these scenarios only. lkml-replay on ${v.base.base}, ${plural(r.scenarios.length, 'scenario')}.)`));

  const text = body.join('\n').replace(/\n+$/, '') + '\n';
  const ascii = /^[\x00-\x7f]*$/.test(text);
  if (!ascii) head.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
  return `${head.join('\n')}\n\n${text}`;
}

/** Scenario, the base's outcome, the variant's, and what changed: within 72 columns where names allow. */
function verdictTable(r: Review, v: VariantReview): string[] {
  const rows = v.results.map((x) => [x.scenario, outcomeCell(baselineFor(r, v, x.scenario)), outcomeCell(x.outcome), x.regression ? 'regressed' : x.changed ? (x.partial ? 'differs (partial)' : 'differs') : 'same']);
  const headRow = ['scenario', v.base.base, 'with the change', ''];
  const widths = [0, 1, 2].map((i) => Math.max(headRow[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  return [line(headRow), ...rows.map(line)];
}

/** One changed scenario: where the runs part, what follows, and each difference with the steps it needs. */
function causeProse(r: Review, v: VariantReview, x: ScenarioResult): string[] {
  const out: string[] = [];
  const c = causeLayout(x);
  const verdict = `${x.scenario}: ${outcomeCell(baselineFor(r, v, x.scenario))} on ${v.base.base}, ${outcomeCell(x.outcome)} with the change${x.regression ? ' (a regression)' : x.partial ? ' (in a partial replay, so not counted as a regression)' : ''}.`;
  const first = x.differences.find((d) => d.firstCause)?.firstCause ?? null;
  const b = first?.divergence.baseline ?? null;
  const w = first?.divergence.variant ?? null;
  let part = 'The two runs do not part within the events the model records.';
  if (b && w) {
    const fn = w.stack.at(-1);
    const via = w.stack.length > 1 ? `, reached from ${w.stack[0]}()` : '';
    part = `The runs part ${fn ? `in ${fn}()${via}` : 'in the scenario itself'}, on thread ${w.thread}: on ${v.base.base}, ${plainText(eventText(b.event))}; with the change, ${plainText(eventText(w.event))}.`;
  }
  out.push(...prose(`${verdict} ${part}`));
  if (c.steps.length) {
    out.push(...prose('What follows, with the change:'));
    c.steps.forEach((s, i) => out.push(...prose(`  ${i + 1}. ${sentence(plainText(s))}`)));
  }
  out.push(...prose(`So ${v.label} differs here in ${plural(c.perDifference.length, 'way')}:`));
  for (const d of c.perDifference) {
    const ref = stepsRef(d.steps);
    const tail = d.extra.length ? `${ref ? `${ref}, then ` : ''}${d.extra.join('; ')}` : ref;
    const cause = tail ? ` It follows from ${plainText(tail)}.` : '';
    out.push(...prose(`  - ${sentence(plainText(d.summary))}${d.difference.regression ? ' This is a regression.' : ''}${cause}`));
  }
  return out;
}

/** The report's wording as plain mail text: no code-span backticks, ASCII arrows and signs. */
export function plainText(s: string): string {
  return s
    .replace(/`([^`]*)`\(\)/g, '$1()')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/→/g, '->')
    .replace(/[−–]/g, '-')
    .replace(/×/g, 'x')
    .replace(/…/g, '...');
}

function sentence(s: string): string {
  const t = s.trim();
  const up = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(up) ? up : `${up}.`;
}

/** Controls from the input (a terminal escape in a name or a diff line) never reach the mail: `?`. Tabs stay. */
function noControls(s: string): string {
  return s.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, '?');
}

function prose(s: string): string[] {
  return wrapLine(noControls(s.replace(/\t/g, ' ')), MAIL_WIDTH);
}
