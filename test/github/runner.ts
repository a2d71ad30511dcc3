// Runs an Action bundle as the GitHub runner does: a node process with the INPUT_* variables
// (defaults from action.yml, the hyphen of `github-token` kept: INPUT_GITHUB-TOKEN), the event
// payload in GITHUB_EVENT_PATH, and the GITHUB_STEP_SUMMARY / GITHUB_OUTPUT files, which are
// read back afterwards.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../temp-dir.js';
import { actionBuildOptions } from '../../scripts/build-action.mjs';

const ACTION_YML = new URL('../../action.yml', import.meta.url);
const LIB = new URL('../../lib', import.meta.url).pathname;

export interface RunnerResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** Every file the run left for the runner, for token greps. */
  texts: string[];
  runnerTemp: string;
}

export interface RunnerOptions {
  script: string;
  apiUrl: string;
  token: string;
  repository: string;
  workspace: string;
  eventName?: string;
  /** The event payload; `pull_request` events carry `pull_request`. */
  event: unknown;
  inputs?: Record<string, string>;
}

export async function runAsRunner(options: RunnerOptions): Promise<RunnerResult> {
  // Tests read the run's files (report.json under runnerTemp) after it returns: the directory
  // is in the test run's temp folder, removed at the run's end (temp-dir.ts).
  const dir = tempDir('lkml-replay-runner-');
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'step_summary.md');
  const outputPath = join(dir, 'output.txt');
  const runnerTemp = join(dir, 'temp');
  await writeFile(eventPath, JSON.stringify(options.event));
  await writeFile(summaryPath, '');
  await writeFile(outputPath, '');

  const action = parse(await readFile(ACTION_YML, 'utf8')) as { inputs: Record<string, { default?: string }> };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: '3333333333333333333333333333333333333333',
    RUNNER_TEMP: runnerTemp,
  };
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = options.inputs?.[name] ?? (name === 'github-token' ? options.token : (spec.default ?? ''));
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const child = spawn(process.execPath, [options.script], { env, cwd: options.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

  const summary = await readFile(summaryPath, 'utf8');
  const outputText = await readFile(outputPath, 'utf8');
  const outputs: Record<string, string> = {};
  // core.setOutput writes `name<<DELIM\nvalue\nDELIM\n`.
  for (const m of outputText.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  const texts = [stdout, stderr, summary, outputText];
  for (const file of ['report', 'github-report']) {
    if (outputs[file]) texts.push(await readFile(outputs[file]!, 'utf8'));
  }
  return { code, stdout, stderr, summary, outputs, texts, runnerTemp };
}

export function pullRequestEvent(number: number, headSha: string, baseSha: string, repository: string): unknown {
  const [owner, name] = repository.split('/');
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      head: { sha: headSha, ref: 'topic', repo: { full_name: `contributor/${name}` } },
      base: { sha: baseSha, ref: 'main', repo: { full_name: repository } },
    },
    repository: { full_name: repository, name, owner: { login: owner } },
  };
}

/**
 * Bundles test/github/fixtures/<entry> with dist/'s esbuild options before the file's tests (and
 * removes it after); returns the bundle's path once built.
 */
export function bundleFixtureEntry(entry: string): () => string {
  let dir = '';
  beforeAll(async () => {
    // Inside the checkout (lib/, the build output), at dist/'s depth: as dist/index.js does, the
    // bundle finds the model sources and scenarios of this checkout (scripts/build-action.mjs).
    await mkdir(LIB, { recursive: true });
    dir = await mkdtemp(join(LIB, 'test-bundle-'));
    await build(actionBuildOptions(new URL(`fixtures/${entry}`, import.meta.url).pathname, join(dir, 'index.js')));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));
  return () => join(dir, 'index.js');
}
