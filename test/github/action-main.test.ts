// The Action's whole flow, run as the runner runs it: a bundle made with the same esbuild
// options as dist/index.js, whose only difference is a stand-in review (see
// fixtures/action-with-stand-in-review.ts). The end-to-end test of dist/ itself is in dist.test.ts.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGitHubReport } from '../../src/action/github-report.js';
import { STICKY_MARKER } from '../../src/action/sticky-comment.js';
import { serverError, type FakeGitHub } from './fake-github.js';
import {
  BASE_SHA,
  BOT_TOKEN,
  expectNoTokenLeak,
  HEAD_SHA,
  MERGE_SHA,
  OWNER,
  PR,
  READONLY_TOKEN,
  REPO,
  startFakeGitHub,
  STRANGER,
  THREAD_PATCH,
  THREAD_PATH,
} from './helpers.js';
import { bundleFixtureEntry, pullRequestEvent, runAsRunner, type RunnerResult } from './runner.js';

const bundle = bundleFixtureEntry('action-with-stand-in-review.ts');

describe('the Action, run as the runner runs it', () => {
  let fake: FakeGitHub;
  let workspace: string;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    workspace = await mkdtemp(join(tmpdir(), 'lkml-replay-checkout-'));
    await mkdir(join(workspace, 'series'));
    await writeFile(join(workspace, THREAD_PATH), THREAD_PATCH);
  });
  afterEach(async () => {
    await fake.close();
    await rm(workspace, { recursive: true, force: true });
  });

  const run = (token = BOT_TOKEN, inputs: Record<string, string> = {}, event = pullRequestEvent(PR, HEAD_SHA, BASE_SHA, `${OWNER}/${REPO}`)) =>
    runAsRunner({ script: bundle(), apiUrl: fake.url, token, repository: `${OWNER}/${REPO}`, workspace, event, inputs });

  /** stdout carries the token once, in the runner's masking command (consumed by the runner, never shown). */
  const expectTokenOnlyMasked = (result: RunnerResult, token: string) => {
    expect(result.stdout.split('\n').filter((l) => l.includes(token))).toEqual([`::add-mask::${token}`]);
    expectNoTokenLeak(fake, [result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), ...result.texts.slice(1)]);
  };

  it('writes the summary, one comment, a check run on the head SHA with annotations on the hunk lines, and the outputs', async () => {
    const result = await run();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    expect(result.summary).toContain('## lkml-replay (stand-in review)');
    expect(result.summary).toContain(`\`${THREAD_PATH}\` (thread)`);

    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(`${STICKY_MARKER}\n## lkml-replay (stand-in review)`)).toBe(true);

    const [check] = fake.checkRuns(OWNER, REPO);
    expect(check).toMatchObject({ name: 'lkml-replay', head_sha: HEAD_SHA, status: 'completed', conclusion: 'neutral' });
    expect(check!.head_sha).not.toBe(MERGE_SHA);
    expect(check!.details_url).toBe(`https://github.test/${OWNER}/${REPO}/actions/runs/4242`);
    // The hunk header is line 8 of the file; its body is lines 9-12.
    expect(check!.annotations).toEqual([expect.objectContaining({ path: THREAD_PATH, start_line: 9, end_line: 11, annotation_level: 'warning' })]);

    expect(result.outputs).toMatchObject({ variants: '1', differences: '1', regressions: '0' });
    expect(result.outputs.report).toBe(join(result.runnerTemp, 'lkml-replay', 'report.json'));
    expect(JSON.parse(await readFile(result.outputs.report!, 'utf8'))).toMatchObject({ files: [THREAD_PATH], failOn: ['regression'] });
    const githubReport = parseGitHubReport(await readFile(result.outputs['github-report']!, 'utf8'));
    expect(githubReport).toMatchObject({ repository: `${OWNER}/${REPO}`, pullRequest: PR, headSha: HEAD_SHA });
    expectTokenOnlyMasked(result, BOT_TOKEN);
  });

  it('a second run updates the same comment', async () => {
    await run();
    const [first] = fake.comments(OWNER, REPO);
    await writeFile(join(workspace, THREAD_PATH), THREAD_PATCH + '@@ -1 +1 @@\n-x\n+y\n');
    const second = await run();
    expect(second.code).toBe(0);
    expect(fake.comments(OWNER, REPO)[0]!.body).toContain('2 differences');
    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(first!.id);
    expect(fake.requests.filter((r) => r.method === 'PATCH' && r.route.includes('/issues/comments/'))).toHaveLength(1);
    expect(fake.checkRuns(OWNER, REPO)).toHaveLength(2);
  });

  it('a marker pasted by another user is not taken over', async () => {
    const pasted = fake.addComment(OWNER, REPO, STRANGER, `${STICKY_MARKER}\nfake report`);
    expect((await run()).code).toBe(0);
    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(2);
    expect(comments.find((c) => c.id === pasted.id)!.body).toBe(`${STICKY_MARKER}\nfake report`);
  });

  it('a read-only token (fork PR): warnings, the summary stays, the job stays green', async () => {
    const result = await run(READONLY_TOKEN);
    expect(result.code).toBe(0);
    expect(result.summary).toContain('## lkml-replay (stand-in review)');
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toContain('Resource not accessible by integration');
    expect(result.stdout).not.toContain('::error::');
    expect(fake.comments(OWNER, REPO)).toHaveLength(0);
    expect(fake.checkRuns(OWNER, REPO)).toHaveLength(0);
    expect(result.outputs.differences).toBe('1');
    expectTokenOnlyMasked(result, READONLY_TOKEN);
  });

  it('403 on the comment alone leaves the job green with one warning, and the check run written', async () => {
    fake.fail({ method: 'POST', route: /\/issues\/7\/comments$/, times: 1, status: 403, body: { message: 'Resource not accessible by integration', status: '403' } });
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::warning::'))).toHaveLength(1);
    expect(fake.checkRuns(OWNER, REPO)).toHaveLength(1);
  });

  it('fail-on met: the check concludes failure and the step fails', async () => {
    const result = await run(BOT_TOKEN, { 'fail-on': 'difference' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::fail-on difference met: 0 regression\(s\), 1 difference\(s\) in 1 variant\(s\)/);
    expect(fake.checkRuns(OWNER, REPO)[0]!.conclusion).toBe('failure');
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
  });

  it('fail-on never keeps the check neutral', async () => {
    await writeFile(join(workspace, THREAD_PATH), THREAD_PATCH + 'REGRESSION\n');
    const result = await run(BOT_TOKEN, { 'fail-on': 'never' });
    expect(result.code).toBe(0);
    expect(result.outputs.regressions).toBe('1');
    expect(fake.checkRuns(OWNER, REPO)[0]!.conclusion).toBe('neutral');
  });

  it('GitHub down while listing the PR files: retried, then reported in the summary, the step fails', async () => {
    fake.fail(serverError(/\/pulls\/7\/files$/, 100));
    const result = await run();
    expect(result.code).toBe(1);
    expect(fake.requests.filter((r) => r.route.endsWith('/files'))).toHaveLength(4);
    expect(result.summary).toContain('could not collect the files to review: Server Error');
    expectTokenOnlyMasked(result, BOT_TOKEN);
  });

  it('a comment failing for good is an error; the summary, the check run and the outputs are still written', async () => {
    fake.fail(serverError(/\/issues\/7\/comments$/, 100, 'POST'));
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::comment not written on kernel-queue\/patches#7: Server Error \(HTTP 500\)/);
    expect(result.summary).toContain('stand-in review');
    expect(fake.checkRuns(OWNER, REPO)).toHaveLength(1);
    expect(result.outputs.variants).toBe('1');
  });

  it('nothing matching: says so in the summary, a neutral check run titled "nothing replayed" (no comment); red with fail-on unreplayed', async () => {
    const result = await run(BOT_TOKEN, { paths: '**/*.mbox' });
    expect(result.code).toBe(0);
    expect(result.summary).toContain('nothing to review');
    expect(result.outputs).toMatchObject({ variants: '0', replayed: '0', differences: '0', regressions: '0', report: '' });
    expect(fake.comments(OWNER, REPO)).toHaveLength(0);
    const [check] = fake.checkRuns(OWNER, REPO);
    expect(check).toMatchObject({ head_sha: HEAD_SHA, status: 'completed', conclusion: 'neutral' });
    expect(check!.output.title).toMatch(/^nothing replayed: /);

    const red = await run(BOT_TOKEN, { paths: '**/*.mbox', 'fail-on': 'regression,unreplayed' });
    expect(red.code).toBe(1);
    expect(red.stdout).toContain('::error::fail-on unreplayed met: nothing was replayed');
    expect(fake.checkRuns(OWNER, REPO).map((c) => c.conclusion)).toEqual(['neutral', 'failure']);
  });

  it('a thread whose diffs all lie outside the model: neutral and titled "nothing replayed"; fail-on unreplayed makes it a failure', async () => {
    await writeFile(join(workspace, THREAD_PATH), 'From: A <a@example.org>\nSubject: [PATCH] mm/migrate: x\n\n---\n--- a/mm/migrate.c\n+++ b/mm/migrate.c\n');
    const result = await run(BOT_TOKEN, { 'fail-on': 'regression' });
    expect(result.code).toBe(0);
    expect(fake.checkRuns(OWNER, REPO)[0]).toMatchObject({ conclusion: 'neutral', output: expect.objectContaining({ title: expect.stringMatching(/^nothing replayed: 1 hunk outside the model/) }) });
    const red = await run(BOT_TOKEN, { 'fail-on': 'unreplayed' });
    expect(red.code).toBe(1);
    expect(red.stdout).toContain('::error::fail-on unreplayed met: nothing replayed: 1 hunk outside the model');
    expect(fake.checkRuns(OWNER, REPO).map((c) => c.conclusion)).toEqual(['neutral', 'failure']);
  });

  it('mode post (the fork recipe\'s second step): posts the github-report of an untrusted run to the PR it names, at that run\'s head', async () => {
    const untrusted = await run(READONLY_TOKEN, { comment: 'false', 'check-run': 'false' });
    expect(untrusted.code).toBe(0);
    const report = untrusted.outputs['github-report']!;
    const before = fake.requests.length;
    const workflowRun = { action: 'completed', workflow_run: { id: 99, event: 'pull_request', head_sha: HEAD_SHA }, repository: { full_name: `${OWNER}/${REPO}` } };
    const post = await runAsRunner({ script: bundle(), apiUrl: fake.url, token: BOT_TOKEN, repository: `${OWNER}/${REPO}`, workspace, eventName: 'workflow_run', event: workflowRun, inputs: { mode: 'post', report } });
    expect(post.stdout, post.stdout).not.toContain("::error::");
    expect(post.code).toBe(0);
    expect(fake.comments(OWNER, REPO), post.stdout + post.stderr).toHaveLength(1);
    expect(fake.checkRuns(OWNER, REPO)).toMatchObject([{ head_sha: HEAD_SHA, conclusion: 'neutral' }]);
    // It never lists the PR's files or reads its diff: it posts what it was given.
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.route}`).filter((r) => /files|\.diff/.test(r))).toEqual([]);

    // A report about another head than the workflow run's is not posted.
    const stale = { ...workflowRun, workflow_run: { ...workflowRun.workflow_run, head_sha: 'f'.repeat(40) } };
    const refused = await runAsRunner({ script: bundle(), apiUrl: fake.url, token: BOT_TOKEN, repository: `${OWNER}/${REPO}`, workspace, eventName: 'workflow_run', event: stale, inputs: { mode: 'post', report } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error::.*not ffff/);
  });

  it('matching files that cannot be read (no checkout): warnings, and the summary says nothing was reviewed', async () => {
    await rm(join(workspace, THREAD_PATH));
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::not reviewed: series\/v10-0007-device-exclusive\.patch: not found in the workspace/);
    expect(result.summary).toContain('None of the matching files could be read: nothing was reviewed.');
    expect(result.summary).toContain('### Not reviewed');
  });

  it('a push (no pull request): reviews the matching workspace files, summary and outputs only', async () => {
    const result = await run(BOT_TOKEN, {}, { ref: 'refs/heads/main' } as never);
    expect(result.code).toBe(0);
    expect(result.summary).toContain(`\`${THREAD_PATH}\` (thread)`);
    expect(result.outputs.differences).toBe('1');
    expect(result.outputs['github-report']).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it('a bad input fails the step with a message naming it', async () => {
    const result = await run(BOT_TOKEN, { 'fail-on': 'sometimes' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::input fail-on: "sometimes" is not one of never, difference, regression, partial, unreplayed');
    expect(fake.requests).toHaveLength(0);
  });
});
