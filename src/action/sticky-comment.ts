// One lkml-replay comment per pull request, updated in place on every run.
//
// Ours is a comment that starts with MARKER *and* was written by the token's own account: a
// marker pasted into someone else's comment is never taken over. Two runs racing on the same PR
// (the README's workflow has a `concurrency` group, but a re-run or a second workflow can still
// overlap) may both find no comment and both create one; so after creating, the list is read
// again and the oldest of our comments wins: the others are deleted and, if ours was not the
// oldest, the oldest gets our body. Every run converges on the same single comment.
import type { GitHubClient } from './octokit.js';
import { statusOf } from './octokit.js';
import type { Logger } from './logger.js';
import type { PullRequestRef } from './pull-request.js';
import { COMMENT_BODY_LIMIT, truncateMarkdown } from './truncate.js';

export const STICKY_MARKER = '<!-- lkml-replay:sticky-comment -->';

interface IssueComment {
  id: number;
  body?: string | undefined;
  html_url: string;
  user: { login: string } | null;
}

export interface StickyCommentResult {
  /** `recreated`: ours was deleted between listing and updating, so a new one was made. */
  action: 'created' | 'updated' | 'unchanged' | 'recreated';
  id: number;
  url: string;
  /** Our own duplicate comments removed (left by racing runs). */
  removed: number[];
}

/**
 * The comment body: marker first, then `markdown` cut to GitHub's limit with `truncationNote`,
 * then `footer` (which commit was reviewed), which is never cut.
 */
export function stickyCommentBody(markdown: string, truncationNote: string, footer = ''): string {
  const head = `${STICKY_MARKER}\n`;
  const tail = footer ? `\n\n${footer}\n` : '';
  return head + truncateMarkdown(markdown, COMMENT_BODY_LIMIT - head.length - tail.length, truncationNote) + tail;
}

function isOurComment(comment: IssueComment, login: string): boolean {
  return (
    comment.user !== null &&
    comment.user.login.toLowerCase() === login.toLowerCase() &&
    (comment.body ?? '').startsWith(STICKY_MARKER)
  );
}

/** Creates or updates the sticky comment with `body` (from stickyCommentBody). */
export async function upsertStickyComment(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
  options: { login: string; logger: Logger },
): Promise<StickyCommentResult> {
  const { login, logger } = options;
  const ours = await listOurComments(client, pr, login);

  const existing = ours[0];
  if (existing) {
    const removed = await deleteComments(client, pr, ours.slice(1), logger);
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url, removed };
    try {
      const { data } = await client.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.id, body });
      return { action: 'updated', id: data.id, url: data.html_url, removed };
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      logger.info(`the lkml-replay comment ${existing.id} was deleted meanwhile; creating a new one`);
      const created = await createAndSettle(client, pr, body, options);
      return { ...created, action: 'recreated', removed: [...removed, ...created.removed] };
    }
  }
  return createAndSettle(client, pr, body, options);
}

async function createAndSettle(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
  options: { login: string; logger: Logger },
): Promise<StickyCommentResult> {
  const { login, logger } = options;
  const { data: created } = await client.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
  });
  // Settle a race with another run: the oldest of our comments is the one that stays.
  const ours = await listOurComments(client, pr, login);
  const keeper = ours[0];
  if (!keeper || keeper.id === created.id) {
    const removed = await deleteComments(client, pr, ours.slice(1), logger);
    return { action: 'created', id: created.id, url: created.html_url, removed };
  }
  logger.info(`another run created lkml-replay comment ${keeper.id} first; keeping it and removing ours (${created.id})`);
  try {
    const { data } = await client.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: keeper.id, body });
    const removed = await deleteComments(
      client,
      pr,
      ours.filter((c) => c.id !== keeper.id),
      logger,
    );
    return { action: 'updated', id: data.id, url: data.html_url, removed };
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
    // The keeper vanished meanwhile: ours stays, and is the one comment.
    return { action: 'created', id: created.id, url: created.html_url, removed: [] };
  }
}

/** Our sticky comments on the PR, oldest first (comment ids grow with time). */
async function listOurComments(client: GitHubClient, pr: PullRequestRef, login: string): Promise<IssueComment[]> {
  const comments: IssueComment[] = await client.paginate(client.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  return comments.filter((c) => isOurComment(c, login)).sort((a, b) => a.id - b.id);
}

/** Deletes comments, tolerating one that is already gone (a racing run deleted it). */
async function deleteComments(
  client: GitHubClient,
  pr: PullRequestRef,
  comments: readonly IssueComment[],
  logger: Logger,
): Promise<number[]> {
  const removed: number[] = [];
  for (const c of comments) {
    try {
      await client.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: c.id });
      removed.push(c.id);
      logger.info(`removed duplicate lkml-replay comment ${c.id}`);
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }
  return removed;
}
