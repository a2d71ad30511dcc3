// The Action under stress, run as the runner runs it (fixtures/action-throttled-entry.ts: the
// shipped GitHub side, throttling on, with a stand-in review): the API failing in several ways at
// once, a secondary rate limit, a request that is never answered, two runs on one PR at once, a comment deleted meanwhile. The
// token appears in no output: stdout/stderr (but the runner's mask command), the job summary,
// the outputs, the JSON report files, the comment, the check run and the requests.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STICKY_MARKER } from '../../src/action/sticky-comment.js';
import { secondaryRateLimit, serverError, type FakeGitHub } from './fake-github.js';
import { BASE_SHA, BOT, BOT_TOKEN, expectNoTokenLeak, HEAD_SHA, OWNER, PR, REPO, startFakeGitHub, THREAD_PATCH, THREAD_PATH } from './helpers.js';
import { bundleFixtureEntry, pullRequestEvent, runAsRunner, type RunnerResult } from './runner.js';

const bundle = bundleFixtureEntry('action-throttled-entry.ts');

describe('the Action under stress', () => {
  let fake: FakeGitHub;
  let workspace: string;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    workspace = await mkdtemp(join(tmpdir(), 'lkml-replay-stress-'));
    await mkdir(join(workspace, 'series'));
    await writeFile(join(workspace, THREAD_PATH), THREAD_PATCH);
  });
  afterEach(async () => {
    fake.before = undefined;
    await fake.close();
    await rm(workspace, { recursive: true, force: true });
  });

  const run = () =>
    runAsRunner({ script: bundle(), apiUrl: fake.url, token: BOT_TOKEN, repository: `${OWNER}/${REPO}`, workspace, event: pullRequestEvent(PR, HEAD_SHA, BASE_SHA, `${OWNER}/${REPO}`), inputs: {} });

  /** Every output of the run, and everything sent to or stored by GitHub, is free of the token. */
  const expectNoLeak = (result: RunnerResult) => {
    expect(result.stdout.split('\n').filter((l) => l.includes(BOT_TOKEN))).toEqual([`::add-mask::${BOT_TOKEN}`]);
    expect(result.texts.length).toBeGreaterThanOrEqual(4); // stdout, stderr, summary, outputs (+ the report files when written)
    expectNoTokenLeak(fake, [result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), ...result.texts.slice(1)]);
  };
  const errors = (r: RunnerResult) => r.stdout.split('\n').filter((l) => l.startsWith('::error::'));

  it('500s that echo the token back on the comment, and a rate limit too long to wait on the check run: both reported, the summary and the report still written, the token nowhere', async () => {
    const echo = `Internal error for ${BOT_TOKEN} (Authorization: token ${BOT_TOKEN})`;
    fake.fail({ method: 'POST', route: /\/issues\/7\/comments$/, times: 100, status: 500, body: { message: echo } });
    fake.fail(secondaryRateLimit(/\/check-runs$/, 3600, 100, 'POST'));
    const result = await run();
    expect(result.code).toBe(1);
    expect(errors(result).join('\n')).toMatch(/comment not written on kernel-queue\/patches#7: Internal error for \*\*\*/);
    expect(errors(result).join('\n')).toMatch(/secondary rate limit/);
    expect(errors(result).filter((l) => l.includes('comment not written'))).toHaveLength(1);
    // 1 + 3 retries of the comment; the rate limit is reported at once, not waited for an hour.
    expect(fake.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/comments'))).toHaveLength(4);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/check-runs'))).toHaveLength(1);
    expect(result.summary).toContain('stand-in review');
    expect(result.outputs.variants).toBe('1');
    expect(result.texts.length).toBe(6); // with report.json and the github report
    expect(fake.comments(OWNER, REPO)).toHaveLength(0);
    expectNoLeak(result);
  });

  it('a secondary rate limit with a short retry-after is waited out: one comment, the job green', async () => {
    fake.fail(secondaryRateLimit(/\/issues\/7\/comments$/, 1, 1, 'POST'));
    const result = await run();
    expect(errors(result)).toEqual([]);
    expect(result.code).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/comments')).map((r) => r.status)).toEqual([403, 201]);
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
    expectNoLeak(result);
  });

  it('GitHub down for good (500 on every request): retried within limits, reported, the summary written, the token nowhere', async () => {
    fake.fail(serverError(/./, 1000));
    const result = await run();
    expect(result.code).toBe(1);
    expect(errors(result).length).toBeGreaterThanOrEqual(1);
    expect(result.summary.length).toBeGreaterThan(0);
    // No request is tried more than 1 + 3 times.
    const byRoute = new Map<string, number>();
    for (const r of fake.requests) byRoute.set(`${r.method} ${r.route}`, (byRoute.get(`${r.method} ${r.route}`) ?? 0) + 1);
    for (const [route, n] of byRoute) expect(n, route).toBeLessThanOrEqual(4);
    expectNoLeak(result);
  });

  it('a request that is never answered is given up by the request timeout and retried', async () => {
    // The first listing of the comments hangs far longer than the request timeout (30 s shipped,
    // 2 s in this bundle).
    fake.fail({ method: 'GET', route: /\/issues\/7\/comments$/, times: 1, hangMs: 20_000 });
    const result = await run();
    expect(errors(result)).toEqual([]);
    expect(result.code).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.route.endsWith('/issues/7/comments')).length).toBeGreaterThanOrEqual(2);
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
    expectNoLeak(result);
  }, 120_000);

  it('two runs on the same PR at once end with one comment', async () => {
    // Hold both runs' first listing until both have asked: both see no comment and both create.
    let listed = 0;
    let release!: () => void;
    const both = new Promise<void>((r) => (release = r));
    fake.before = async ({ method, route }) => {
      if (method === 'GET' && route.endsWith('/issues/7/comments') && listed < 2) {
        if (++listed === 2) release();
        await both;
      }
    };
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/issues/7/comments'))).toHaveLength(2);
    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(STICKY_MARKER)).toBe(true);
    expectNoLeak(a);
    expectNoLeak(b);
  }, 120_000);

  it('the comment deleted while a run updates it (404 on the update): created again', async () => {
    fake.addComment(OWNER, REPO, BOT, `${STICKY_MARKER}\nan earlier report`);
    fake.before = ({ method, route }) => {
      if (method === 'PATCH' && route.includes('/issues/comments/')) fake.comments(OWNER, REPO).splice(0);
    };
    const result = await run();
    expect(errors(result)).toEqual([]);
    expect(result.code).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([404]);
    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('stand-in review');
    expectNoLeak(result);
  });
});
