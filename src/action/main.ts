// The Action: collect the pull request's thread files (or its own diff), review them, then write
// (1) the job summary, (2) the sticky comment, (3) the check run, (4) the outputs; each step is
// tried whatever happened to the one before. PR content is read as data and never executed.
import * as core from '@actions/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readActionContext, type ActionContext } from './event.js';
import { pathMatcher } from './glob.js';
import { GITHUB_REPORT_FORMAT, serializeGitHubReport } from './github-report.js';
import { readActionInputs, type ActionInputs } from './inputs.js';
import { scrubbingLogger, type Logger } from './logger.js';
import { createGitHubClient, type GitHubClientOptions } from './octokit.js';
import { collectReviewInputs, type ReviewInputs } from './pr-files.js';
import { publishToPullRequest, type StepOutcome } from './publish.js';
import type { ReviewForGitHub } from './review-for-github.js';
import { reviewFiles, type ReviewFn, type ReviewInputFile } from './review-seam.js';
import { Secrets } from './secrets.js';
import { JOB_SUMMARY_LIMIT, truncateMarkdown } from './truncate.js';
import { findWorkspaceFiles, readWorkspaceFile, WorkspaceFileError } from './workspace.js';

export interface ActionDeps {
  /** The review; the seam to src/replay unless a test gives another. */
  review?: ReviewFn;
  env?: NodeJS.ProcessEnv;
  /** Tests turn throttling off and shorten waits. */
  clientOptions?: Partial<Omit<GitHubClientOptions, 'token' | 'logger'>>;
}

export async function runAction(deps: ActionDeps = {}): Promise<void> {
  const env = deps.env ?? process.env;
  const secrets = new Secrets();
  // Mask the token before anything else can print.
  const token = core.getInput('github-token');
  if (token) core.setSecret(token);
  secrets.add(token);
  const logger = scrubbingLogger(
    { debug: (m) => core.debug(m), info: (m) => core.info(m), warning: (m) => core.warning(m), error: (m) => core.error(m) },
    secrets,
  );
  const fail = (message: string) => core.setFailed(secrets.scrub(message));

  let inputs: ActionInputs;
  let context: ActionContext;
  try {
    inputs = readActionInputs();
    context = await readActionContext(env);
  } catch (err) {
    fail(secrets.describe(err));
    return;
  }
  if (inputs.mode === 'post') {
    await postMode(inputs, context, env, token, { logger, secrets, fail, ...(deps.clientOptions ? { clientOptions: deps.clientOptions } : {}) });
    return;
  }
  const client = createGitHubClient({ ...deps.clientOptions, token, logger, env });
  const pointer = context.runUrl
    ? `The full report is in the job summary of [this workflow run](${context.runUrl}).`
    : 'The full report is in the job summary of this workflow run.';

  let collected: ReviewInputs;
  try {
    collected = context.pullRequest
      ? await collectReviewInputs(client, context.pullRequest, { workspace: context.workspace, match: pathMatcher(inputs.paths), logger })
      : await collectWorkspaceInputs(context.workspace, inputs.paths, logger);
  } catch (err) {
    const message = `could not collect the files to review: ${secrets.describe(err)}`;
    await writeSummary(`## lkml-replay\n\n${message}\n`, logger, secrets, pointer);
    fail(message);
    return;
  }
  const notes = collected.skipped.length ? `\n\n### Not reviewed\n\n${collected.skipped.map((s) => `- ${s}`).join('\n')}\n` : '';

  if (collected.files.length === 0) {
    const what = context.pullRequest ? 'This pull request changes' : 'The workspace holds';
    const why =
      collected.skipped.length > 0
        ? 'None of the matching files could be read: nothing was reviewed.'
        : `${what} no file matching \`${inputs.paths.join('`, `')}\`${context.pullRequest ? ' and no modelled kernel file' : ''}: nothing to review.`;
    await writeSummary(
      `## lkml-replay\n\n**nothing replayed**: ${why}${notes}`,
      logger,
      secrets,
      pointer,
    );
    for (const name of ['variants', 'replayed', 'differences', 'regressions']) core.setOutput(name, '0');
    core.setOutput('report', '');
    // Nothing checked is no pass: the check run says so (neutral), and fails for `fail-on: unreplayed`.
    const unreplayed = inputs.failOn.includes('unreplayed');
    if (context.pullRequest && inputs.checkRun) {
      const nothing: ReviewForGitHub = {
        markdown: `## lkml-replay\n\n**nothing replayed**: ${why}\n`,
        json: '',
        variants: 0,
        replayed: 0,
        differences: 0,
        regressions: 0,
        notice: [`nothing replayed: ${what.toLowerCase()} no thread file and no modelled kernel file`],
        annotations: [],
        failOnMet: unreplayed,
      };
      await publishToPullRequest(client, context.pullRequest, nothing, {
        comment: false,
        checkRun: true,
        headSha: context.pullRequest.headSha,
        truncationNote: pointer,
        detailsUrl: context.runUrl,
        logger,
        secrets,
      });
    }
    if (unreplayed) fail('fail-on unreplayed met: nothing was replayed');
    return;
  }
  logger.info(`reviewing ${collected.files.map((f) => f.path).join(', ')}`);

  let review: ReviewForGitHub;
  try {
    review = await (deps.review ?? reviewFiles)(collected.files, {
      base: inputs.base,
      scenarios: inputs.scenarios,
      failOn: inputs.failOn,
      partial: inputs.partial,
      budgets: inputs.budgets,
      workspace: context.workspace,
    });
  } catch (err) {
    const message = `the review failed: ${secrets.describe(err)}`;
    await writeSummary(`## lkml-replay\n\n${message}\n${notes}`, logger, secrets, pointer);
    fail(message);
    return;
  }

  // (1) the job summary: needs no token at all.
  await writeSummary(review.markdown + notes, logger, secrets, pointer);

  // (2) + (3) the comment and the check run.
  let outcomes: StepOutcome[] = [];
  if (context.pullRequest) {
    outcomes = await publishToPullRequest(client, context.pullRequest, review, {
      comment: inputs.comment,
      checkRun: inputs.checkRun,
      headSha: context.pullRequest.headSha,
      truncationNote: pointer,
      detailsUrl: context.runUrl,
      logger,
      secrets,
    });
  } else if (inputs.comment || inputs.checkRun) {
    logger.info(`not a pull request event (${context.eventName || 'unknown'}): no comment, no check run`);
  }

  // A failed write was logged as an error when it happened: the step fails with a count of them,
  // not with the same lines a second time.
  const failedWrites = outcomes.filter((o) => o.status === 'failed').length;
  const problems = failedWrites ? [`${failedWrites} write(s) to GitHub failed (the errors above say which and why)`] : [];

  // (4) the outputs.
  try {
    await writeOutputs(review, context, env);
  } catch (err) {
    problems.push(`outputs not written: ${secrets.describe(err)}`);
  }

  if (review.failOnMet) {
    problems.push(
      review.replayed === 0 && inputs.failOn.includes('unreplayed')
        ? `fail-on unreplayed met: ${review.notice[0] ?? 'nothing was replayed'}`
        : `fail-on ${inputs.failOn.join(',')} met: ${review.regressions} regression(s), ${review.differences} difference(s) in ${review.variants} variant(s)`,
    );
  }
  if (problems.length > 0) fail(problems.join('\n'));
}

/**
 * `mode: post`, the trusted second step of the fork recipe: post the github-report an untrusted
 * run made (as `lkml-replay github` does, with every check it makes). The pull request is the
 * input `pull-request`, else the one the report names; on a `workflow_run` event the PR must
 * still be at that run's head commit.
 */
async function postMode(
  inputs: ActionInputs,
  context: ActionContext,
  env: NodeJS.ProcessEnv,
  token: string,
  io: { logger: Logger; secrets: Secrets; fail: (m: string) => void; clientOptions?: ActionDeps['clientOptions'] },
): Promise<void> {
  const [{ postReport }, { parseGitHubReport }] = await Promise.all([import('./post-report.js'), import('./github-report.js')]);
  try {
    let pr = inputs.pullRequest;
    if (pr === undefined) pr = parseGitHubReport(await readFile(inputs.report, 'utf8')).pullRequest;
    let expectHeadSha: string | undefined;
    if (env.GITHUB_EVENT_PATH) {
      const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { workflow_run?: { head_sha?: unknown } };
      if (typeof payload.workflow_run?.head_sha === 'string') expectHeadSha = payload.workflow_run.head_sha;
    }
    const code = await postReport(
      {
        repo: `${context.owner}/${context.repo}`,
        pr: String(pr),
        report: inputs.report,
        tokenEnv: 'LKML_REPLAY_POST_TOKEN',
        apiUrl: env.GITHUB_API_URL,
        expectHeadSha,
        comment: inputs.comment,
        checkRun: inputs.checkRun,
        dryRun: false,
      },
      { env: { ...env, LKML_REPLAY_POST_TOKEN: token }, stdout: (line) => io.logger.info(line), log: io.logger, ...(io.clientOptions ? { clientOptions: io.clientOptions } : {}) },
    );
    if (code !== 0) io.fail('the report was not posted (the errors above say why)');
  } catch (err) {
    io.fail(`mode post: ${io.secrets.describe(err)}`);
  }
}

/** Outside a pull request (push, workflow_dispatch): the workspace's files matching `paths`. */
async function collectWorkspaceInputs(workspace: string, paths: string[], logger: Logger): Promise<ReviewInputs> {
  const files: ReviewInputFile[] = [];
  const skipped: string[] = [];
  for (const path of await findWorkspaceFiles(workspace, pathMatcher(paths))) {
    try {
      files.push({ path, bytes: await readWorkspaceFile(workspace, path), kind: 'thread' });
    } catch (err) {
      if (!(err instanceof WorkspaceFileError)) throw err;
      logger.warning(`not reviewed: ${err.message}`);
      skipped.push(err.message);
    }
  }
  return { files, source: files.length > 0 ? 'thread-files' : 'none', skipped };
}

async function writeSummary(markdown: string, logger: Logger, secrets: Secrets, pointer: string): Promise<void> {
  try {
    const note = pointer.replace('is in the job summary of', 'is in the JSON report (output `report`) of');
    await core.summary.addRaw(truncateMarkdown(secrets.scrub(markdown), JOB_SUMMARY_LIMIT, note), true).write();
  } catch (err) {
    core.summary.emptyBuffer();
    logger.warning(`job summary not written: ${secrets.describe(err)}`);
  }
}

/** `report` (the review's JSON), `github-report` (for `lkml-replay github`) and the counts. */
async function writeOutputs(review: ReviewForGitHub, context: ActionContext, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = join(env.RUNNER_TEMP || tmpdir(), 'lkml-replay');
  await mkdir(dir, { recursive: true });
  const reportPath = join(dir, 'report.json');
  await writeFile(reportPath, review.json);
  core.setOutput('report', reportPath);
  if (context.pullRequest) {
    const githubReportPath = join(dir, 'github-report.json');
    await writeFile(
      githubReportPath,
      serializeGitHubReport({
        format: GITHUB_REPORT_FORMAT,
        repository: `${context.owner}/${context.repo}`,
        pullRequest: context.pullRequest.number,
        headSha: context.pullRequest.headSha,
        review,
      }),
    );
    core.setOutput('github-report', githubReportPath);
  }
  core.setOutput('variants', String(review.variants));
  core.setOutput('replayed', String(review.replayed));
  core.setOutput('differences', String(review.differences));
  core.setOutput('regressions', String(review.regressions));
}
