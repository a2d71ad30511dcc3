// What the runner tells the Action about the run: repository, workspace, the pull request (from
// the event payload in GITHUB_EVENT_PATH) and where the run's page is.
import { readFile } from 'node:fs/promises';
import { parseRepository, type PullRequestRef } from './pull-request.js';

export interface ActionContext {
  owner: string;
  repo: string;
  workspace: string;
  eventName: string;
  /** Present for pull_request / pull_request_target events. */
  pullRequest: (PullRequestRef & { headSha: string }) | undefined;
  /** The workflow run's page (where the job summary is), if known. */
  runUrl: string | undefined;
}

export async function readActionContext(env: NodeJS.ProcessEnv = process.env): Promise<ActionContext> {
  const { owner, repo } = parseRepository(env.GITHUB_REPOSITORY ?? '');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read the event payload GITHUB_EVENT_PATH: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const pr = (payload as { pull_request?: { number?: unknown; head?: { sha?: unknown } } }).pull_request;
  let pullRequest: ActionContext['pullRequest'];
  if (pr !== undefined) {
    const number = pr.number;
    const headSha = pr.head?.sha;
    if (typeof number !== 'number' || typeof headSha !== 'string') {
      throw new Error('the event payload has a pull_request without number or head.sha');
    }
    pullRequest = { owner, repo, number, headSha };
  }
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return {
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    eventName,
    pullRequest,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}
