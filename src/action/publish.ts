// Posting a review to a pull request, shared by the Action and `lkml-replay github`: the sticky
// comment, then the check run. Each is tried whatever happened to the other; a 403 (a fork PR's
// read-only token, a PAT creating a check run) is a warning, anything else an error.
import { publishCheckRun } from './check-run.js';
import { commentLogin } from './identity.js';
import type { Logger } from './logger.js';
import { isPermissionDenied, statusOf, type GitHubClient } from './octokit.js';
import { describePullRequest, type PullRequestRef } from './pull-request.js';
import type { ReviewForGitHub } from './review-for-github.js';
import type { Secrets } from './secrets.js';
import { stickyCommentBody, upsertStickyComment } from './sticky-comment.js';

export interface PublishOptions {
  comment: boolean;
  checkRun: boolean;
  /** The PR head commit the review is about (the check run goes there). */
  headSha: string;
  /** Where the full report is when a body has to be cut (the job summary, a file). */
  truncationNote: string;
  /** A link for the check run's "details" (the workflow run). */
  detailsUrl?: string | undefined;
  /** The token's login when already known (else looked up; see identity.ts). */
  login?: string | undefined;
  logger: Logger;
  secrets: Secrets;
}

type StepName = 'comment' | 'check-run';

export interface StepOutcome {
  step: StepName;
  /** `denied`: the token may not write there (warning); `failed`: anything else (error). */
  status: 'done' | 'skipped' | 'denied' | 'failed';
  detail: string;
}

export async function publishToPullRequest(
  client: GitHubClient,
  pr: PullRequestRef,
  review: ReviewForGitHub,
  options: PublishOptions,
): Promise<StepOutcome[]> {
  const { logger, secrets } = options;
  const where = describePullRequest(pr);

  const attempt = async (step: StepName, enabled: boolean, run: () => Promise<string>): Promise<StepOutcome> => {
    if (!enabled) return { step, status: 'skipped', detail: `${step} turned off` };
    try {
      const detail = await run();
      logger.info(`${step}: ${detail}`);
      return { step, status: 'done', detail };
    } catch (err) {
      const status = statusOf(err);
      const reason = `${secrets.describe(err)}${status ? ` (HTTP ${status})` : ''}`;
      if (isPermissionDenied(err)) {
        const detail = `${step} not written on ${where}: the token may not write there: ${reason}. Fork pull requests get a read-only token; see the README's two-step recipe.`;
        logger.warning(detail);
        return { step, status: 'denied', detail };
      }
      const detail = `${step} not written on ${where}: ${reason}`;
      logger.error(detail);
      return { step, status: 'failed', detail };
    }
  };

  const comment = await attempt('comment', options.comment, async () => {
    const login = options.login ?? (await commentLogin(client, logger, secrets));
    const run = options.detailsUrl ? ` in [this run](${options.detailsUrl})` : '';
    const footer = `<sub>lkml-replay reviewed ${options.headSha.slice(0, 12)}${run}; this comment is updated on every push.</sub>`;
    const body = stickyCommentBody(review.markdown, options.truncationNote, footer);
    const result = await upsertStickyComment(client, pr, body, { login, logger });
    return `${result.action} ${result.url || `comment ${result.id}`}${result.removed.length ? ` (removed duplicates ${result.removed.join(', ')})` : ''}`;
  });

  const check = await attempt('check-run', options.checkRun, async () => {
    const result = await publishCheckRun(client, pr, options.headSha, review, {
      logger,
      truncationNote: options.truncationNote,
      detailsUrl: options.detailsUrl,
    });
    return `${result.conclusion} on ${options.headSha.slice(0, 12)} with ${result.annotations} annotations in ${result.requests} request(s) ${result.url}`.trimEnd();
  });

  return [comment, check];
}
