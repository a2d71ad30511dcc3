// The `lkml-replay` check run on the pull request's head commit (not the merge commit the
// workflow checks out: a check on the merge SHA does not show on the PR), with annotations on
// the lines of the hunks whose variants behave differently. GitHub takes at most 50 annotations
// per request, so the run is created with the first 50 and updated with the rest.
import type { GitHubClient } from './octokit.js';
import type { Logger } from './logger.js';
import type { PullRequestRef } from './pull-request.js';
import type { ReviewAnnotation, ReviewForGitHub } from './review-for-github.js';
import { CHECK_OUTPUT_LIMIT, truncateMarkdown } from './truncate.js';

export const CHECK_NAME = 'lkml-replay';
export const ANNOTATIONS_PER_REQUEST = 50;
/** More than this is noise on a diff; the rest are counted in the summary, not posted. */
const MAX_ANNOTATIONS = 1000;

export interface CheckRunResult {
  id: number;
  url: string;
  conclusion: 'neutral' | 'failure';
  annotations: number;
  requests: number;
}

interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: ReviewAnnotation['level'];
  title: string;
  message: string;
}

function checkTitle(review: ReviewForGitHub): string {
  // Green while checking nothing is no pass: the title says so first.
  if (review.replayed === 0) return (review.notice[0] ?? 'nothing replayed').slice(0, 255);
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  return `${n(review.variants, 'variant')}, ${n(review.differences, 'difference')}, ${n(review.regressions, 'regression')}`;
}

/** Annotations GitHub accepts: a repository path and 1 <= start <= end; texts within limits. */
function toCheckAnnotations(annotations: readonly ReviewAnnotation[]): CheckAnnotation[] {
  return annotations
    .filter((a) => a.path !== '' && Number.isInteger(a.startLine) && Number.isInteger(a.endLine) && a.startLine >= 1)
    .map((a) => ({
      path: a.path,
      start_line: a.startLine,
      end_line: Math.max(a.startLine, a.endLine),
      annotation_level: a.level,
      title: a.title.slice(0, 255),
      message: a.message.slice(0, 64 * 1024 - 1) || a.title.slice(0, 255) || 'behaviour changed',
    }));
}

export async function publishCheckRun(
  client: GitHubClient,
  pr: PullRequestRef,
  headSha: string,
  review: ReviewForGitHub,
  options: { logger: Logger; truncationNote: string; detailsUrl?: string | undefined },
): Promise<CheckRunResult> {
  const all = toCheckAnnotations(review.annotations);
  const posted = all.slice(0, MAX_ANNOTATIONS);
  let summary = review.markdown;
  if (all.length > posted.length) {
    options.logger.warning(`${all.length} annotations; posting the first ${MAX_ANNOTATIONS}`);
    summary = `_${all.length - posted.length} further annotations are not shown._\n\n${summary}`;
  }
  const output = (annotations: CheckAnnotation[]) => ({
    title: checkTitle(review),
    summary: truncateMarkdown(summary, CHECK_OUTPUT_LIMIT, options.truncationNote),
    ...(annotations.length > 0 ? { annotations } : {}),
  });
  const conclusion = review.failOnMet ? 'failure' : 'neutral';
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < posted.length; i += ANNOTATIONS_PER_REQUEST) batches.push(posted.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const [first = [], ...rest] = batches;
  const target = { owner: pr.owner, repo: pr.repo };

  const { data: created } = await client.rest.checks.create({
    ...target,
    name: CHECK_NAME,
    head_sha: headSha,
    ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
    ...(rest.length === 0
      ? { status: 'completed' as const, conclusion, completed_at: new Date().toISOString() }
      : { status: 'in_progress' as const }),
    output: output(first),
  });
  let requests = 1;
  try {
    for (const [i, batch] of rest.entries()) {
      const last = i === rest.length - 1;
      await client.rest.checks.update({
        ...target,
        check_run_id: created.id,
        ...(last ? { status: 'completed' as const, conclusion, completed_at: new Date().toISOString() } : {}),
        output: output(batch),
      });
      requests++;
    }
  } catch (err) {
    // Do not leave the check spinning: conclude it without the remaining annotations.
    await client.rest.checks
      .update({ ...target, check_run_id: created.id, status: 'completed', conclusion, output: output([]) })
      .catch(() => undefined);
    throw err;
  }
  return { id: created.id, url: created.html_url ?? '', conclusion, annotations: posted.length, requests };
}
