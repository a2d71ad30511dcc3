// What a pull request gives the review: its thread files (.patch/.mbox/.eml matching `paths`,
// added or changed, read from the workspace), or else, when it changes modelled kernel files,
// its own diff.
import type { GitHubClient } from './octokit.js';
import { statusOf } from './octokit.js';
import type { Logger } from './logger.js';
import type { PullRequestRef } from './pull-request.js';
import { isModelledKernelPath, type ReviewInputFile } from './review-seam.js';
import { readWorkspaceFile, WorkspaceFileError } from './workspace.js';

/** The fields of GitHub's "list pull request files" items that are used here. */
export interface PullRequestFile {
  filename: string;
  status: string;
  previous_filename?: string;
  /** The file's hunks; absent for binary files and files GitHub will not render. */
  patch?: string;
}

export interface ReviewInputs {
  files: ReviewInputFile[];
  /** `thread-files`: files matching `paths`; `pr-diff`: the PR's own diff; `none`: nothing to review. */
  source: 'thread-files' | 'pr-diff' | 'none';
  /** Files that matched but could not be read, with the reason. */
  skipped: string[];
}

/** Every file of the pull request (GitHub lists at most 3,000), following `Link: rel="next"`. */
async function listPullRequestFiles(client: GitHubClient, pr: PullRequestRef): Promise<PullRequestFile[]> {
  return client.paginate(client.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
}

export async function collectReviewInputs(
  client: GitHubClient,
  pr: PullRequestRef,
  options: { workspace: string; match: (repoPath: string) => boolean; logger: Logger },
): Promise<ReviewInputs> {
  const { logger } = options;
  const prFiles = await listPullRequestFiles(client, pr);
  const threadFiles = prFiles.filter((f) => f.status !== 'removed' && options.match(f.filename));

  if (threadFiles.length > 0) {
    const files: ReviewInputFile[] = [];
    const skipped: string[] = [];
    for (const f of threadFiles) {
      try {
        files.push({ path: f.filename, bytes: await readWorkspaceFile(options.workspace, f.filename), kind: 'thread' });
      } catch (err) {
        if (!(err instanceof WorkspaceFileError)) throw err;
        logger.warning(`not reviewed: ${err.message}`);
        skipped.push(err.message);
      }
    }
    return { files, source: 'thread-files', skipped };
  }

  const touchesModel = prFiles.some(
    (f) => isModelledKernelPath(f.filename) || (f.previous_filename !== undefined && isModelledKernelPath(f.previous_filename)),
  );
  if (!touchesModel) return { files: [], source: 'none', skipped: [] };

  const diff = await fetchPullRequestDiff(client, pr, prFiles, logger);
  return {
    files: [{ path: `pull-request-${pr.number}.diff`, bytes: new TextEncoder().encode(diff), kind: 'pr-diff' }],
    source: 'pr-diff',
    skipped: [],
  };
}

/**
 * The PR's unified diff (`application/vnd.github.diff`). GitHub answers 406 for diffs above
 * 300 files or 20,000 lines; the diff is then rebuilt from the per-file `patch` fields.
 */
async function fetchPullRequestDiff(
  client: GitHubClient,
  pr: PullRequestRef,
  prFiles: readonly PullRequestFile[],
  logger: Logger,
): Promise<string> {
  try {
    const response = await client.rest.pulls.get({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      mediaType: { format: 'diff' },
    });
    return response.data as unknown as string;
  } catch (err) {
    if (statusOf(err) !== 406) throw err;
    logger.info('GitHub does not render a diff this large (406); rebuilding it from the per-file patches');
    return diffFromFilePatches(prFiles, logger);
  }
}

/** A unified diff made of the files' `patch` fields (hunks only) with git headers put back. */
export function diffFromFilePatches(prFiles: readonly PullRequestFile[], logger?: Logger): string {
  let out = '';
  for (const f of prFiles) {
    if (f.patch === undefined || f.patch === '') {
      if (f.status !== 'renamed') logger?.info(`${f.filename}: GitHub gives no patch (binary or too large); left out`);
      continue;
    }
    const oldName = f.previous_filename ?? f.filename;
    out += `diff --git a/${oldName} b/${f.filename}\n`;
    if (f.status === 'added') out += 'new file mode 100644\n';
    if (f.status === 'removed') out += 'deleted file mode 100644\n';
    out += `--- ${f.status === 'added' ? '/dev/null' : `a/${oldName}`}\n`;
    out += `+++ ${f.status === 'removed' ? '/dev/null' : `b/${f.filename}`}\n`;
    out += f.patch.endsWith('\n') ? f.patch : `${f.patch}\n`;
  }
  return out;
}
