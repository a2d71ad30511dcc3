// `lkml-replay github`: post a github-report file (the Action's `github-report` output) to a
// pull request from any machine; the second step of the fork recipe runs it in a workflow_run
// job. The report may come from an untrusted run, so it is checked, must name this repository
// and PR, and must be about the PR's current head commit.
import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from '../util/errors.js';
import { printWritesInsteadOfSending } from './dry-run.js';
import { parseGitHubReport } from './github-report.js';
import { scrubbingLogger, stderrSink, type LogSink } from './logger.js';
import { createGitHubClient, statusOf, type GitHubClientOptions } from './octokit.js';
import { publishToPullRequest } from './publish.js';
import { describePullRequest, parseRepository } from './pull-request.js';
import { Secrets } from './secrets.js';

export interface PostReportOptions {
  repo: string;
  pr: string;
  report: string;
  tokenEnv: string;
  apiUrl?: string | undefined;
  expectHeadSha?: string | undefined;
  comment: boolean;
  checkRun: boolean;
  dryRun: boolean;
  debug?: boolean;
}

export interface PostReportIo {
  env: NodeJS.ProcessEnv;
  /** Dry-run lines (the requests). */
  stdout: (line: string) => void;
  /** Progress, warnings, errors. */
  log?: LogSink;
  clientOptions?: Partial<Omit<GitHubClientOptions, 'token' | 'logger'>>;
}

/** Posts the report; resolves to the exit code (0, or 1 when a write or a check failed). */
export async function postReport(options: PostReportOptions, io: PostReportIo): Promise<number> {
  let target: { owner: string; repo: string };
  try {
    target = parseRepository(options.repo);
  } catch (err) {
    throw new UsageError(`--repo: ${(err as Error).message}`);
  }
  if (!/^[1-9][0-9]{0,9}$/.test(options.pr)) throw new UsageError(`--pr: not a pull request number: ${JSON.stringify(options.pr)}`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.tokenEnv)) throw new UsageError(`--token-env: not a variable name: ${JSON.stringify(options.tokenEnv)}`);
  const pr = { ...target, number: Number(options.pr) };

  const token = io.env[options.tokenEnv] || undefined;
  if (!token && !options.dryRun) {
    throw new UsageError(`no token: set the environment variable ${options.tokenEnv} (or name another with --token-env)`);
  }
  const secrets = new Secrets();
  secrets.add(token);
  const logger = scrubbingLogger(io.log ?? stderrSink(options.debug ?? false), secrets);

  let text: string;
  try {
    text = await readFile(options.report, 'utf8');
  } catch (err) {
    throw new InputError(options.report, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let report;
  try {
    report = parseGitHubReport(text);
  } catch (err) {
    throw new InputError(options.report, (err as Error).message);
  }
  if (report.repository.toLowerCase() !== options.repo.toLowerCase() || report.pullRequest !== pr.number) {
    throw new InputError(options.report, `is about ${report.repository}#${report.pullRequest}, not ${describePullRequest(pr)}`);
  }

  const client = createGitHubClient({ ...io.clientOptions, token, apiUrl: options.apiUrl, env: io.env, logger });
  if (options.dryRun) printWritesInsteadOfSending(client, io.stdout);

  let headSha: string;
  try {
    const { data } = await client.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
    headSha = data.head.sha;
  } catch (err) {
    const status = statusOf(err);
    logger.error(`cannot read ${describePullRequest(pr)}: ${secrets.describe(err)}${status ? ` (HTTP ${status})` : ''}`);
    return 1;
  }
  if (options.expectHeadSha && options.expectHeadSha !== headSha) {
    logger.error(`${describePullRequest(pr)} is at ${headSha}, not ${options.expectHeadSha} (--expect-head-sha): not posting`);
    return 1;
  }
  if (report.headSha !== headSha) {
    logger.error(`the report is about ${report.headSha} but ${describePullRequest(pr)} is now at ${headSha}: not posting a stale review`);
    return 1;
  }

  const outcomes = await publishToPullRequest(client, pr, report.review, {
    comment: options.comment,
    checkRun: options.checkRun,
    headSha,
    truncationNote: 'The report was cut to fit GitHub’s limit; the full report is in the job summary and the JSON report of the run that produced it.',
    login: options.dryRun && !token ? '(the token’s owner)' : undefined,
    logger,
    secrets,
  });
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}
