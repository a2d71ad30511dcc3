// The login of the token's owner, so that the sticky comment is looked for among our own
// comments only. GraphQL `viewer` answers for every kind of token: a PAT or OAuth token gives
// the user, an installation token gives `<app-slug>[bot]` (the workflow's GITHUB_TOKEN gives
// `github-actions[bot]`). REST `GET /user` answers only for user tokens (installation tokens get
// 403 "Resource not accessible by integration"), so it is the fallback, not the first try.
import type { GitHubClient } from './octokit.js';
import type { Logger } from './logger.js';
import type { Secrets } from './secrets.js';

/** Whose comments are ours when the token's login cannot be looked up: the workflow token's account. */
const WORKFLOW_LOGIN = 'github-actions[bot]';

/**
 * The token's login, else WORKFLOW_LOGIN with a warning: the sticky comment is then still
 * written and found again (for the workflow token, which is what the Action is given by default,
 * that is the right account), rather than skipped.
 */
export async function commentLogin(client: GitHubClient, logger: Logger, secrets: Secrets): Promise<string> {
  try {
    return await tokenLogin(client, logger, secrets);
  } catch (err) {
    logger.warning(`could not look up the token's login (${secrets.describe(err)}); taking the comments of ${WORKFLOW_LOGIN} as ours`);
    return WORKFLOW_LOGIN;
  }
}

export async function tokenLogin(client: GitHubClient, logger: Logger, secrets: Secrets): Promise<string> {
  let firstError: unknown;
  try {
    const answer = await client.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    const login = answer.viewer?.login;
    if (typeof login === 'string' && login !== '') return login;
  } catch (err) {
    firstError = err;
    logger.debug(`GraphQL viewer lookup failed: ${secrets.describe(err)}; trying GET /user`);
  }
  try {
    const { data } = await client.rest.users.getAuthenticated();
    if (typeof data.login === 'string' && data.login !== '') return data.login;
  } catch (err) {
    throw firstError ?? err;
  }
  throw new Error('GitHub did not say which account the token belongs to');
}
