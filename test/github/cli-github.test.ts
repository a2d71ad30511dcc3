// `lkml-replay github`: posting a github-report file from any machine, `--dry-run`, and the
// checks on a report that may come from an untrusted run.
import { Command } from 'commander';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GITHUB_REPORT_FORMAT, serializeGitHubReport, type GitHubReportFile } from '../../src/action/github-report.js';
import { postReport, type PostReportOptions } from '../../src/action/post-report.js';
import { InputError, UsageError } from '../../src/util/errors.js';
import { registerCommands } from '../../src/cli/commands/index.js';
import type { FakeGitHub } from './fake-github.js';
import { annotation, BOT_TOKEN, expectNoTokenLeak, HEAD_SHA, OWNER, PR, REPO, review, startFakeGitHub } from './helpers.js';

describe('lkml-replay github', () => {
  let fake: FakeGitHub;
  let dir: string;
  let reportPath: string;
  let stdout: string[];
  let log: string[];
  beforeEach(async () => {
    fake = await startFakeGitHub();
    dir = await mkdtemp(join(tmpdir(), 'lkml-replay-cli-'));
    reportPath = join(dir, 'github-report.json');
    await writeReport({});
    stdout = [];
    log = [];
  });
  afterEach(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function writeReport(overrides: Partial<GitHubReportFile>) {
    const report: GitHubReportFile = {
      format: GITHUB_REPORT_FORMAT,
      repository: `${OWNER}/${REPO}`,
      pullRequest: PR,
      headSha: HEAD_SHA,
      review: review({ annotations: Array.from({ length: 60 }, (_, i) => annotation(i)) }),
      ...overrides,
    };
    await writeFile(reportPath, serializeGitHubReport(report));
  }

  const post = (options: Partial<PostReportOptions> = {}, env: NodeJS.ProcessEnv = { CI_BOT_TOKEN: BOT_TOKEN }) =>
    postReport(
      {
        repo: `${OWNER}/${REPO}`,
        pr: String(PR),
        report: reportPath,
        tokenEnv: 'CI_BOT_TOKEN',
        apiUrl: fake.url,
        comment: true,
        checkRun: true,
        dryRun: false,
        ...options,
      },
      {
        env,
        stdout: (line) => stdout.push(line),
        log: { debug: () => undefined, info: (m) => log.push(m), warning: (m) => log.push(`warning: ${m}`), error: (m) => log.push(`error: ${m}`) },
        clientOptions: { throttle: false, retryBaseMs: 1 },
      },
    );

  it('posts the comment and the check run (annotations batched) on the PR head', async () => {
    expect(await post()).toBe(0);
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
    const [check] = fake.checkRuns(OWNER, REPO);
    expect(check).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'neutral' });
    expect(check!.annotations).toHaveLength(60);
    expect(await post()).toBe(0);
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
    expectNoTokenLeak(fake, [...stdout, ...log]);
  });

  it('--dry-run makes the reads and prints the writes without sending them or the token', async () => {
    expect(await post({ dryRun: true })).toBe(0);
    expect(fake.requests.every((r) => r.method === 'GET' || r.route === '/graphql')).toBe(true);
    expect(fake.comments(OWNER, REPO)).toHaveLength(0);
    expect(stdout).toEqual([
      `GET ${fake.url}/repos/${OWNER}/${REPO}/pulls/${PR}`,
      `POST ${fake.url}/graphql (query { viewer { login } })`,
      `GET ${fake.url}/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100`,
      `POST ${fake.url}/repos/${OWNER}/${REPO}/issues/${PR}/comments (dry run: not sent)`,
      expect.stringMatching(/^ {2}\{"body":"<!-- lkml-replay:sticky-comment -->\\n## lkml-replay/),
      `GET ${fake.url}/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100`,
      `POST ${fake.url}/repos/${OWNER}/${REPO}/check-runs (dry run: not sent)`,
      expect.stringMatching(/"name":"lkml-replay","head_sha":"1{40}","status":"in_progress".*"… 50 items in all"/),
      `PATCH ${fake.url}/repos/${OWNER}/${REPO}/check-runs/0 (dry run: not sent)`,
      expect.stringMatching(/"status":"completed","conclusion":"neutral"/),
    ]);
    expectNoTokenLeak(fake, [...stdout, ...log]);
  });

  it('--dry-run works without a token', async () => {
    expect(await post({ dryRun: true }, {})).toBe(0);
    expect(fake.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(stdout.some((l) => l.includes('(dry run: not sent)'))).toBe(true);
  });

  it('refuses to run without a token, and never takes one as an argument', async () => {
    await expect(post({}, {})).rejects.toThrow(UsageError);
    await expect(post({}, {})).rejects.toThrow('no token: set the environment variable CI_BOT_TOKEN');
    const program = new Command();
    registerCommands(program);
    const github = program.commands.find((c) => c.name() === 'github')!;
    expect(github.options.map((o) => o.long)).toEqual([
      '--repo',
      '--pr',
      '--report',
      '--token-env',
      '--api-url',
      '--expect-head-sha',
      '--no-comment',
      '--no-check-run',
      '--dry-run',
    ]);
  });

  it('refuses a report about another PR, or not a github-report at all', async () => {
    await writeReport({ pullRequest: 8 });
    await expect(post()).rejects.toThrow(new InputError(reportPath, `is about ${OWNER}/${REPO}#8, not ${OWNER}/${REPO}#7`));
    await writeFile(reportPath, JSON.stringify(review()));
    await expect(post()).rejects.toThrow(/format is undefined, expected "lkml-replay\/github-report@1"/);
    await writeFile(reportPath, serializeGitHubReport({ format: GITHUB_REPORT_FORMAT, repository: `${OWNER}/${REPO}`, pullRequest: PR, headSha: HEAD_SHA, review: { ...review(), annotations: [{ ...annotation(0), path: '/etc/passwd' }] } }));
    await expect(post()).rejects.toThrow(/review\.annotations\[0\]\.path: not a repository path/);
    expect(fake.requests).toHaveLength(0);
  });

  it('does not post a stale review, nor one for another head than expected', async () => {
    await writeReport({ headSha: 'f'.repeat(40) });
    expect(await post()).toBe(1);
    expect(log.join('\n')).toContain(`the report is about ${'f'.repeat(40)} but ${OWNER}/${REPO}#7 is now at ${HEAD_SHA}`);
    await writeReport({});
    expect(await post({ expectHeadSha: 'e'.repeat(40) })).toBe(1);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('exit 1 when a write fails for good; the token stays out of every message', async () => {
    fake.fail({ method: 'POST', route: /check-runs$/, times: 10, status: 500, body: { message: `boom ${BOT_TOKEN}` } });
    expect(await post()).toBe(1);
    expect(log.join('\n')).toContain('check-run not written on kernel-queue/patches#7: boom *** (HTTP 500)');
    expectNoTokenLeak(fake, [...stdout, ...log]);
  });
});
