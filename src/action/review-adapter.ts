// The review shaped for GitHub: the markdown and JSON reports, the counts the Action publishes,
// annotations on the lines of the reviewed files where the variants whose behaviour changed
// sit, and whether `fail-on` is met. The GitHub side never looks inside the review beyond this.
import { baselineFor } from '../report/base-choice.js';
import type { Review, VariantReview, HunkReview } from '../replay/types.js';
import { failOnMet, type FailOn } from '../replay/fail-on.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { replayNotice } from '../report/replay-notice.js';
import { outcomeCell } from '../report/review-common.js';
import { differenceText } from '../report/difference-words.js';
import { reasonText } from '../report/placement-words.js';
import { stepText } from '../report/trace-words.js';
import type { ReviewAnnotation, ReviewForGitHub } from './review-for-github.js';

interface AdapterFile {
  /** The file name the review read (a Message's `source.file`). */
  input: string;
  /** Its path in the repository. */
  path: string;
  /** `pr-diff`: the PR's own diff of kernel files; annotations go on the kernel files' lines. */
  kind: 'thread' | 'pr-diff';
}

export interface AdapterOptions {
  failOn: FailOn | readonly FailOn[];
  /** How the review's input files map to repository paths (default: the input name itself). */
  files?: AdapterFile[];
}

const MAX_MESSAGE = 4000;

export function toReviewForGitHub(report: Review, options: AdapterOptions): ReviewForGitHub {
  const annotations: ReviewAnnotation[] = [];
  for (const v of report.variants) annotations.push(...annotationsOf(report, v, options.files ?? []));
  return {
    markdown: renderMarkdown(report),
    json: renderJson(report),
    variants: report.summary.variants,
    replayed: report.summary.replayed,
    differences: report.summary.differences,
    regressions: report.summary.regressions,
    notice: replayNotice(report),
    annotations,
    failOnMet: failOnMet(report, options.failOn),
  };
}

function annotationsOf(r: Review, v: VariantReview, files: AdapterFile[]): ReviewAnnotation[] {
  const file = files.find((f) => f.input === v.source.file);
  const where = (h: HunkReview): { path: string; startLine: number; endLine: number; onMessage: boolean } => {
    if (file?.kind === 'pr-diff') return { path: h.file, startLine: h.kernelLines.start, endLine: h.kernelLines.end, onMessage: false };
    const path = file?.path ?? v.source.file;
    if (h.fileLines) return { path, startLine: h.fileLines.start, endLine: h.fileLines.end, onMessage: false };
    // A body stored encoded (quoted-printable, base64): its lines are not the file's lines.
    const line = h.messageLine ?? 1;
    return { path, startLine: line, endLine: line, onMessage: true };
  };
  const out: ReviewAnnotation[] = [];
  if (v.changed) {
    const code = v.hunks.filter((h) => h.kind === 'code');
    const changed = v.results.filter((x) => x.changed);
    const lines = changed.map((x) => {
      const first = x.differences[0];
      const cause = x.differences.find((d) => d.regression)?.firstCause ?? first?.firstCause;
      return `${x.scenario}: ${outcomeCell(baselineFor(r, v, x.scenario))} → ${outcomeCell(x.outcome)}${x.regression ? ' (regression)' : ''}` +
        `${first ? `; ${differenceText(first)}` : ''}${cause?.chain.length ? `; cause: ${cause.chain.map(stepText).join('; ')}` : ''}`;
    });
    for (const h of code.length ? code : v.hunks) {
      const w = where(h);
      const title = `${v.label} (${v.author?.name || v.author?.email || 'unknown author'}): ${v.regression ? 'regression' : 'behaviour changed'} in ${plural(changed.length, 'scenario')}`;
      const head = `Replayed on ${v.base.base}${w.onMessage ? ' (the message body is encoded, so this points at the message, not the hunk)' : ''}.`;
      out.push({ path: w.path, startLine: w.startLine, endLine: w.endLine, level: v.regression ? 'failure' : 'warning', title, message: cap(`${head}\n${lines.join('\n')}`) });
    }
  }
  if (!v.replayed) {
    for (const h of v.hunks.filter((x) => !x.mapped)) {
      const w = where(h);
      out.push({ path: w.path, startLine: w.startLine, endLine: w.endLine, level: 'notice', title: `${v.label}: not replayed`, message: cap(`${h.file}${h.function ? ` ${h.function}()` : ''}: ${h.reason ? reasonText(h.reason) : (h.unplaced ?? 'could not be placed')}`) });
    }
  }
  return out;
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

function cap(s: string): string {
  return s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE - 1) + '…' : s;
}
