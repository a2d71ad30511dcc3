// Posting as a whole (comment then check run, each independent) and the octokit factory's
// behaviour under failure: 403s, 5xx, hung connections, rate limits, GitHub Enterprise URLs.
import { afterEach, describe, expect, it } from 'vitest';
import { tokenLogin } from '../../src/action/identity.js';
import { resolveApiUrl } from '../../src/action/octokit.js';
import { publishToPullRequest } from '../../src/action/publish.js';
import { FakeGitHub, secondaryRateLimit, serverError } from './fake-github.js';
import {
  BOT_TOKEN,
  expectNoTokenLeak,
  HEAD_SHA,
  OWNER,
  PAT_TOKEN,
  PR,
  READONLY_TOKEN,
  recordingLogger,
  REPO,
  review,
  secretsFor,
  startFakeGitHub,
  testClient,
} from './helpers.js';
import type { GitHubClientOptions } from '../../src/action/octokit.js';

const pr = { owner: OWNER, repo: REPO, number: PR };
let fake: FakeGitHub;
afterEach(async () => fake?.close());

async function post(token: string, clientOptions: Partial<GitHubClientOptions> = {}, options: { comment?: boolean; checkRun?: boolean } = {}) {
  const logger = recordingLogger();
  const secrets = secretsFor(token);
  const client = testClient(fake, token, logger, clientOptions);
  const outcomes = await publishToPullRequest(client, pr, review(), {
    comment: options.comment ?? true,
    checkRun: options.checkRun ?? true,
    headSha: HEAD_SHA,
    truncationNote: 'see the job summary',
    logger,
    secrets,
  });
  return { outcomes, logger };
}

describe('publishing to a pull request', () => {
  it('writes the comment and the check run with the workflow token', async () => {
    fake = await startFakeGitHub();
    const { outcomes, logger } = await post(BOT_TOKEN);
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
    expect(fake.checkRuns(OWNER, REPO)).toHaveLength(1);
    // The bot's login came from GraphQL `viewer`; GET /user (403 for installation tokens) was not needed.
    expect(fake.requests.some((r) => r.route === '/graphql')).toBe(true);
    expect(fake.requests.some((r) => r.route === '/user')).toBe(false);
    expectNoTokenLeak(fake, logger.lines);
  });

  it('a login that cannot be looked up: the sticky comment is still written as github-actions[bot], and found again', async () => {
    fake = await startFakeGitHub();
    // GraphQL answers nothing useful; GET /user answers 403 to an installation token, as GitHub does.
    fake.fail({ route: /^\/graphql$/, times: 2, status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/graphql', status: '403' } });
    const first = await post(BOT_TOKEN);
    expect(first.outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    expect(first.logger.lines.some((l) => /^warning: could not look up the token's login .*github-actions\[bot\]/.test(l))).toBe(true);
    const second = await post(BOT_TOKEN);
    expect(second.outcomes[0]!.detail).toMatch(/^(updated|unchanged) /);
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
  });

  it('a read-only token (fork PR): 403 on both is a warning each, nothing written, no error', async () => {
    fake = await startFakeGitHub();
    const { outcomes, logger } = await post(READONLY_TOKEN);
    expect(outcomes.map((o) => o.status)).toEqual(['denied', 'denied']);
    expect(logger.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(2);
    expect(logger.lines.filter((l) => l.startsWith('error:'))).toHaveLength(0);
    expect(logger.lines.join('\n')).toContain('Resource not accessible by integration');
    expect(fake.comments(OWNER, REPO)).toHaveLength(0);
    expectNoTokenLeak(fake, logger.lines);
  });

  it('403 on the comment does not stop the check run (and the reverse)', async () => {
    fake = await startFakeGitHub();
    fake.fail({ method: 'POST', route: /\/comments$/, times: 1, status: 403, body: { message: 'Resource not accessible by integration', status: '403' } });
    const first = await post(BOT_TOKEN);
    expect(first.outcomes.map((o) => o.status)).toEqual(['denied', 'done']);
    fake.fail({ method: 'POST', route: /\/check-runs$/, times: 1, status: 403, body: { message: 'Resource not accessible by integration', status: '403' } });
    const second = await post(BOT_TOKEN);
    expect(second.outcomes.map((o) => o.status)).toEqual(['done', 'denied']);
  });

  it('a personal access token: identity from GraphQL, comment written, check run refused (apps only) as a warning', async () => {
    fake = await startFakeGitHub();
    const { outcomes, logger } = await post(PAT_TOKEN);
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'denied']);
    expect(outcomes[1]!.detail).toContain('You must authenticate via a GitHub App');
    expect(fake.comments(OWNER, REPO)[0]!.user.login).toBe('Alice');
    expectNoTokenLeak(fake, logger.lines);
  });

  it('falls back to GET /user when GraphQL is unavailable', async () => {
    fake = await startFakeGitHub();
    fake.fail({ route: /^\/graphql$/, times: 10, status: 404, body: { message: 'Not Found' } });
    const logger = recordingLogger();
    const login = await tokenLogin(testClient(fake, PAT_TOKEN, logger), logger, secretsFor(PAT_TOKEN));
    expect(login).toBe('Alice');
    expect(fake.requests.map((r) => r.route)).toEqual(['/graphql', '/user']);
  });

  it('skips what is turned off', async () => {
    fake = await startFakeGitHub();
    const { outcomes } = await post(BOT_TOKEN, {}, { comment: false, checkRun: false });
    expect(outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped']);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('retries within limits', () => {
  it('a 500 is retried, then the write succeeds', async () => {
    fake = await startFakeGitHub();
    fake.fail(serverError(/\/issues\/7\/comments$/, 2, 'POST'));
    fake.fail(serverError(/\/check-runs$/, 1, 'POST', 502));
    const { outcomes } = await post(BOT_TOKEN);
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.route !== '/graphql');
    expect(posts.map((r) => `${r.route.split('/').pop()} ${r.status}`)).toEqual([
      'comments 500',
      'comments 500',
      'comments 201',
      'check-runs 502',
      'check-runs 201',
    ]);
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
  });

  it('retries are bounded: exhaustion is reported as an error, the next step still runs', async () => {
    fake = await startFakeGitHub();
    fake.fail(serverError(/\/issues\/7\/comments$/, 100, 'GET'));
    const { outcomes, logger } = await post(BOT_TOKEN, { retries: 2 });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'done']);
    expect(outcomes[0]!.detail).toMatch(/comment not written on kernel-queue\/patches#7: Server Error \(HTTP 500\)/);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.route.endsWith('/comments'))).toHaveLength(3);
    expect(logger.lines.filter((l) => l.startsWith('error:'))).toHaveLength(1);
  });

  it('a hung connection times out and is retried', async () => {
    fake = await startFakeGitHub();
    fake.fail({ method: 'GET', route: /\/comments$/, times: 1, hangMs: 2000 });
    const { outcomes } = await post(BOT_TOKEN, { timeoutMs: 200 }, { checkRun: false });
    expect(outcomes[0]!.status).toBe('done');
    expect(fake.requests.filter((r) => r.method === 'GET' && r.route.endsWith('/comments')).length).toBeGreaterThanOrEqual(2);
  });

  it('a secondary rate limit with retry-after is waited out (throttling on)', async () => {
    fake = await startFakeGitHub();
    fake.fail(secondaryRateLimit(/\/issues\/7\/comments$/, 2, 1, 'POST'));
    const t0 = Date.now();
    // retryBaseMs scales GitHub's seconds down: retry-after 2 -> 2 x 50 ms.
    const { outcomes, logger } = await post(BOT_TOKEN, { throttle: true, retryBaseMs: 50 }, { checkRun: false });
    expect(outcomes[0]!.status).toBe('done');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    expect(logger.lines.join('\n')).toContain('secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying after 2 s');
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/comments'));
    expect(posts.map((r) => r.status)).toEqual([403, 201]);
  });

  it('a secondary rate limit asking for too long a wait is reported, not waited for', async () => {
    fake = await startFakeGitHub();
    fake.fail(secondaryRateLimit(/\/issues\/7\/comments$/, 3600, 5, 'POST'));
    const { outcomes, logger } = await post(BOT_TOKEN, { throttle: true, retryBaseMs: 50, maxRetryAfterSeconds: 60 }, { checkRun: false });
    expect(outcomes[0]!.status).toBe('failed');
    expect(outcomes[0]!.detail).toContain('secondary rate limit');
    expect(logger.lines.join('\n')).toContain('giving up (retry-after 3600 s');
    expect(fake.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/comments'))).toHaveLength(1);
  });
});

describe('primary rate limit', () => {
  it('an exhausted quota resetting in an hour is reported as an error, not taken for a permission problem', async () => {
    fake = await startFakeGitHub();
    fake.fail({
      method: 'POST',
      route: /\/issues\/7\/comments$/,
      times: 5,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' },
    });
    const { outcomes, logger } = await post(BOT_TOKEN, { throttle: true, retryBaseMs: 10 }, { checkRun: false });
    expect(outcomes[0]!.status).toBe('failed');
    expect(outcomes[0]!.detail).toContain('API rate limit exceeded');
    expect(logger.lines.join('\n')).toMatch(/warning: GitHub rate limit on POST \S+: giving up \(retry-after 3[5-6]\d\d s/);
  });
});

describe('the comment', () => {
  it('ends with which head commit was reviewed, and links the run when known', async () => {
    fake = await startFakeGitHub();
    const logger = recordingLogger();
    await publishToPullRequest(testClient(fake, BOT_TOKEN, logger), pr, review(), {
      comment: true,
      checkRun: false,
      headSha: HEAD_SHA,
      truncationNote: 'n',
      detailsUrl: 'https://github.test/o/r/actions/runs/1',
      logger,
      secrets: secretsFor(BOT_TOKEN),
    });
    expect(fake.comments(OWNER, REPO)[0]!.body).toMatch(
      /\n\n<sub>lkml-replay reviewed 111111111111 in \[this run\]\(https:\/\/github\.test\/o\/r\/actions\/runs\/1\); this comment is updated on every push\.<\/sub>\n$/,
    );
  });
});

describe('the token never leaks', () => {
  it('is scrubbed from an error body that echoes it back', async () => {
    fake = await startFakeGitHub();
    fake.fail({
      method: 'POST',
      route: /\/comments$/,
      times: 1,
      status: 422,
      body: { message: `Validation Failed for token ${BOT_TOKEN} (Authorization: token ${BOT_TOKEN})`, documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment' },
    });
    const { outcomes, logger } = await post(BOT_TOKEN, {}, { checkRun: false });
    expect(outcomes[0]!.status).toBe('failed');
    expect(outcomes[0]!.detail).toContain('Validation Failed for token ***');
    expectNoTokenLeak(fake, [...logger.lines, ...outcomes.map((o) => o.detail)]);
  });
});

describe('GitHub Enterprise Server', () => {
  it('works under /api/v3 with GraphQL at /api/graphql', async () => {
    fake = await startFakeGitHub({ prefix: '/api/v3' });
    expect(fake.url).toMatch(/\/api\/v3$/);
    const { outcomes } = await post(BOT_TOKEN);
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    expect(fake.requests.find((r) => r.route === '/graphql')!.url).toBe('/api/graphql');
  });

  it('takes the API URL from the flag, else GITHUB_API_URL, else api.github.com', () => {
    expect(resolveApiUrl('https://ghe.example.com/api/v3/', {})).toBe('https://ghe.example.com/api/v3');
    expect(resolveApiUrl(undefined, { GITHUB_API_URL: 'https://ghe.example.com/api/v3' })).toBe('https://ghe.example.com/api/v3');
    expect(resolveApiUrl(undefined, {})).toBe('https://api.github.com');
    expect(() => resolveApiUrl('ftp://x', {})).toThrow(/http/);
  });
});
