// The committed bundle, dist/index.js, run as the runner runs it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FakeGitHub } from './fake-github.js';
import { BASE_SHA, BOT_TOKEN, expectNoTokenLeak, HEAD_SHA, OWNER, PR, REPO, startFakeGitHub, THREAD_PATH } from './helpers.js';
import { pullRequestEvent, runAsRunner } from './runner.js';

const root = join(import.meta.dirname, '../..');
const DIST = join(root, 'dist/index.js');
const SEED_THREAD = join(root, 'fixtures/threads/000_00c7ef2d00851f1b.txt');

describe('dist/', () => {
  it('is what action.yml runs, with the wasm files beside it', async () => {
    const action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    for (const file of ['index.js', 'tree-sitter.wasm', 'tree-sitter-c.wasm', 'package.json']) {
      expect(existsSync(join(root, 'dist', file)), file).toBe(true);
    }
  });
});

describe('dist/index.js run as the runner runs it', () => {
  let fake: FakeGitHub;
  let workspace: string;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    workspace = await mkdtemp(join(tmpdir(), 'lkml-replay-checkout-'));
    await mkdir(join(workspace, 'series'));
    await import('node:fs/promises').then((fs) => fs.copyFile(SEED_THREAD, join(workspace, THREAD_PATH)));
  });
  afterEach(async () => {
    await fake.close();
    await rm(workspace, { recursive: true, force: true });
  });

  // Until src/replay lands, the seam says so: the step fails with that message in the summary,
  // nothing is posted, and the token appears only in the runner's masking command.
  it('reports that the review stage is not available yet', async () => {
    const result = await runAsRunner({
      script: DIST,
      apiUrl: fake.url,
      token: BOT_TOKEN,
      repository: `${OWNER}/${REPO}`,
      workspace,
      event: pullRequestEvent(PR, HEAD_SHA, BASE_SHA, `${OWNER}/${REPO}`),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::the review failed: the review stage (src/replay, src/report) is not available yet');
    expect(result.summary).toContain('the review stage (src/replay, src/report) is not available yet');
    expect(fake.requests.map((r) => `${r.method} ${r.route}`)).toEqual([`GET /repos/${OWNER}/${REPO}/pulls/${PR}/files`]);
    expect(result.stdout.split('\n').filter((l) => l.includes(BOT_TOKEN))).toEqual([`::add-mask::${BOT_TOKEN}`]);
    expectNoTokenLeak(fake, [result.stdout.replace(`::add-mask::${BOT_TOKEN}`, ''), result.stderr, result.summary]);
  });
});
