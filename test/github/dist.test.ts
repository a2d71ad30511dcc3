// The committed bundle, dist/index.js, run as the runner runs it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FakeGitHub } from './fake-github.js';
import { BASE_SHA, BOT_TOKEN, expectNoTokenLeak, HEAD_SHA, OWNER, REPO, startFakeGitHub } from './helpers.js';
import { pullRequestEvent, runAsRunner } from './runner.js';

const root = join(import.meta.dirname, '../..');
const DIST = join(root, 'dist/index.js');
const SEED_THREAD = join(root, 'fixtures/threads/000_00c7ef2d00851f1b.txt');

describe('dist/', () => {
  it('is what action.yml runs, with the wasm files beside it', async () => {
    const action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    for (const file of ['index.js', 'run-worker.js', 'tree-sitter.wasm', 'tree-sitter-c.wasm', 'package.json']) {
      expect(existsSync(join(root, 'dist', file)), file).toBe(true);
    }
  });
});

// End to end with the real review: the seed thread is the PR's one file. Its quoted diff is at
// file lines 94-110 (`> diff --git` ... the hunk header at 98, its body 99-110).
describe('dist/index.js end to end on the seed thread', () => {
  const SEED_PATH = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
  const HUNK_LINES = { first: 98, last: 110 };
  let fake: FakeGitHub;
  let workspace: string;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    fake.addPull(OWNER, REPO, {
      number: 12,
      title: 'Re: [PATCH v10 07/10] mm: Device exclusive memory access',
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
      mergeSha: '3'.repeat(40),
      diff: '',
      files: [{ filename: SEED_PATH, status: 'added', additions: 116 }],
    });
    workspace = await mkdtemp(join(tmpdir(), 'lkml-replay-checkout-'));
    await mkdir(join(workspace, 'fixtures/threads'), { recursive: true });
    await import('node:fs/promises').then((fs) => fs.copyFile(SEED_THREAD, join(workspace, SEED_PATH)));
  });
  afterEach(async () => {
    await fake.close();
    await rm(workspace, { recursive: true, force: true });
  });

  // The review of the seed thread takes seconds of replay; each run is given minutes.
  const E2E_TIMEOUT = 300_000;
  const run = (token = BOT_TOKEN, failOn = 'never') =>
    runAsRunner({
      script: DIST,
      apiUrl: fake.url,
      token,
      repository: `${OWNER}/${REPO}`,
      workspace,
      event: pullRequestEvent(12, HEAD_SHA, BASE_SHA, `${OWNER}/${REPO}`),
      inputs: { paths: 'fixtures/threads/*.txt', 'fail-on': failOn },
    });

  it('summary, one comment, a check run with annotations on the hunk lines, the outputs; a second run updates the comment', async () => {
    const first = await run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.summary.trim()).not.toBe('');
    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(first.summary.trim().split('\n')[0]!);

    const [check] = fake.checkRuns(OWNER, REPO);
    expect(check).toMatchObject({ name: 'lkml-replay', head_sha: HEAD_SHA, status: 'completed', conclusion: 'neutral' });
    expect(check!.annotations.length).toBeGreaterThan(0);
    for (const a of check!.annotations) {
      expect(a.path).toBe(SEED_PATH);
      expect(a.start_line as number).toBeGreaterThanOrEqual(HUNK_LINES.first);
      expect(a.end_line as number).toBeLessThanOrEqual(HUNK_LINES.last);
    }
    expect(Number(first.outputs.variants)).toBeGreaterThan(0);
    expect(first.outputs.differences).toMatch(/^\d+$/);
    expect(first.outputs.regressions).toMatch(/^\d+$/);
    JSON.parse(await readFile(first.outputs.report!, 'utf8'));
    expect(first.stdout.split('\n').filter((l) => l.includes(BOT_TOKEN))).toEqual([`::add-mask::${BOT_TOKEN}`]);
    expectNoTokenLeak(fake, [first.stdout.replace(`::add-mask::${BOT_TOKEN}`, ''), ...first.texts.slice(1)]);

    // The second run, with the default fail-on (regression): the seed thread's variant regresses,
    // so the step fails and its check run concludes failure; the comment is still the same one.
    const second = await run(BOT_TOKEN, 'regression');
    expect(Number(second.outputs.regressions)).toBeGreaterThan(0);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/::error::fail-on regression met: \d+ regression\(s\)/);
    expect(fake.checkRuns(OWNER, REPO).map((c) => c.conclusion)).toEqual(['neutral', 'failure']);
    expect(fake.comments(OWNER, REPO).map((c) => c.id)).toEqual([comments[0]!.id]);
  }, E2E_TIMEOUT);

  it('a PR changing mm/rmap.c itself: its own diff is reviewed, annotations on the kernel file’s lines', async () => {
    // The seed thread's quoted diff, unquoted: a kernel-tree PR making the same change.
    const seed = (await readFile(SEED_THREAD, 'utf8')).split('\n');
    const diff = seed.slice(93, 110).map((l) => l.replace(/^> ?/, '')).join('\n') + '\n';
    fake.addPull(OWNER, REPO, {
      number: 13,
      title: 'mm: split THPs before making them device exclusive',
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
      mergeSha: '3'.repeat(40),
      diff,
      files: [{ filename: 'mm/rmap.c', status: 'modified', patch: diff.slice(diff.indexOf('@@')), additions: 6 }],
    });
    const result = await runAsRunner({
      script: DIST,
      apiUrl: fake.url,
      token: BOT_TOKEN,
      repository: `${OWNER}/${REPO}`,
      workspace,
      event: pullRequestEvent(13, HEAD_SHA, BASE_SHA, `${OWNER}/${REPO}`),
      inputs: { 'fail-on': 'never' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fake.requests.find((r) => r.route === `/repos/${OWNER}/${REPO}/pulls/13`)!.headers.accept).toMatch(/diff/);
    const [check] = fake.checkRuns(OWNER, REPO);
    expect(check!.annotations.length).toBeGreaterThan(0);
    for (const a of check!.annotations) {
      expect(a.path).toBe('mm/rmap.c');
      expect(a.start_line as number).toBeGreaterThanOrEqual(2042);
      expect(a.end_line as number).toBeLessThanOrEqual(2053);
    }
    expect(result.summary).toContain('pull-request-13.diff');
  }, E2E_TIMEOUT);

  it('a PR touching only code the model does not cover: a neutral check titled "nothing replayed"; red with fail-on unreplayed', async () => {
    const patch = await readFile(join(root, 'fixtures/patches/review-unmodelled-function.patch'), 'utf8');
    const diff = patch.slice(patch.indexOf('diff --git')).split('\n-- \n')[0]! + '\n';
    fake.addPull(OWNER, REPO, {
      number: 14,
      title: 'mm/rmap: warn on device-exclusive entries in try_to_migrate_one',
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
      mergeSha: '3'.repeat(40),
      diff,
      files: [{ filename: 'mm/rmap.c', status: 'modified', patch: diff.slice(diff.indexOf('@@')), additions: 4 }],
    });
    const once = (failOn: string) =>
      runAsRunner({ script: DIST, apiUrl: fake.url, token: BOT_TOKEN, repository: `${OWNER}/${REPO}`, workspace, event: pullRequestEvent(14, HEAD_SHA, BASE_SHA, `${OWNER}/${REPO}`), inputs: { 'fail-on': failOn, scenarios: 'nouveau-atomic-small' } });
    const green = await once('regression');
    expect(green.stderr).toBe('');
    expect(green.code).toBe(0);
    expect(green.outputs).toMatchObject({ variants: '1', replayed: '0' });
    const [check] = fake.checkRuns(OWNER, REPO);
    expect(check).toMatchObject({ conclusion: 'neutral' });
    expect(check!.output.title).toMatch(/^nothing replayed: 1 hunk outside the model: mm\/rmap\.c:\d+-\d+ try_to_migrate_one\(\)/);
    expect(green.summary).toMatch(/^## lkml-replay review: .*\n\n\*\*nothing replayed\*\*: 1 hunk outside the model/);

    const red = await once('regression,unreplayed');
    expect(red.code).toBe(1);
    expect(red.stdout).toContain('::error::fail-on unreplayed met: nothing replayed: 1 hunk outside the model');
    expect(fake.checkRuns(OWNER, REPO).map((c) => c.conclusion)).toEqual(['neutral', 'failure']);
  }, E2E_TIMEOUT);

  it('403 on comments leaves the job green with a warning', async () => {
    fake.fail({ method: 'POST', route: /\/issues\/12\/comments$/, times: 1, status: 403, body: { message: 'Resource not accessible by integration', status: '403' } });
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::comment not written .*Resource not accessible by integration/);
    expect(result.summary.trim()).not.toBe('');
    expect(fake.checkRuns(OWNER, REPO)).toHaveLength(1);
  }, E2E_TIMEOUT);
});
