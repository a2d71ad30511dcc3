// What a pull request gives the review: its thread files (paginated list, read from the
// workspace, never outside it), else its own diff when it touches modelled kernel files.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathMatcher } from '../../src/action/glob.js';
import { DEFAULT_PATHS } from '../../src/action/inputs.js';
import { collectReviewInputs, diffFromFilePatches } from '../../src/action/pr-files.js';
import { findWorkspaceFiles, readWorkspaceFile } from '../../src/action/workspace.js';
import { isModelledKernelPath } from '../../src/action/review-seam.js';
import { modelFiles } from '../../src/model/source/index.js';
import type { FakeGitHub, FakePullFile } from './fake-github.js';
import { BASE_SHA, BOT_TOKEN, HEAD_SHA, MERGE_SHA, OWNER, recordingLogger, REPO, startFakeGitHub, testClient } from './helpers.js';

const KERNEL_PATCH = '@@ -10,7 +10,8 @@ int page_vma_mkclean(struct page *page)\n context\n-old\n+new\n+more\n context';

describe('collecting the review inputs of a PR', () => {
  let fake: FakeGitHub;
  let workspace: string;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    workspace = await mkdtemp(join(tmpdir(), 'lkml-replay-ws-'));
  });
  afterEach(async () => {
    await fake.close();
    await rm(workspace, { recursive: true, force: true });
  });

  const addPull = (number: number, files: FakePullFile[], extra: { diff?: string; diffTooLarge?: 'files' | 'lines' } = {}) =>
    fake.addPull(OWNER, REPO, { number, title: 't', headSha: HEAD_SHA, baseSha: BASE_SHA, mergeSha: MERGE_SHA, diff: extra.diff ?? '', files, ...extra });

  const collect = (number: number, paths = DEFAULT_PATHS) => {
    const logger = recordingLogger();
    return collectReviewInputs(testClient(fake, BOT_TOKEN, logger), { owner: OWNER, repo: REPO, number }, { workspace, match: pathMatcher(paths), logger });
  };

  it('follows Link pagination over 250 files and keeps the added/changed thread files, read from the workspace', async () => {
    const files: FakePullFile[] = Array.from({ length: 250 }, (_, i) => ({ filename: `docs/file-${String(i).padStart(3, '0')}.txt`, status: 'modified' }));
    files[17] = { filename: 'queue/0001-mm-fix.patch', status: 'added' };
    files[130] = { filename: 'queue/series.mbox', status: 'modified' };
    files[201] = { filename: 'queue/gone.patch', status: 'removed' };
    files[249] = { filename: 'mail/reply.eml', status: 'renamed', previous_filename: 'mail/old.eml' };
    addPull(20, files);
    await mkdir(join(workspace, 'queue'));
    await mkdir(join(workspace, 'mail'));
    await writeFile(join(workspace, 'queue/0001-mm-fix.patch'), 'From: a\n');
    await writeFile(join(workspace, 'queue/series.mbox'), 'From b\n');
    await writeFile(join(workspace, 'mail/reply.eml'), 'Subject: c\n');

    const inputs = await collect(20);
    expect(inputs.source).toBe('thread-files');
    expect(inputs.files.map((f) => [f.path, new TextDecoder().decode(f.bytes), f.kind])).toEqual([
      ['queue/0001-mm-fix.patch', 'From: a\n', 'thread'],
      ['queue/series.mbox', 'From b\n', 'thread'],
      ['mail/reply.eml', 'Subject: c\n', 'thread'],
    ]);
    const pages = fake.requests.filter((r) => r.route.endsWith('/files'));
    expect(pages.map((r) => r.url)).toEqual([
      `/repos/${OWNER}/${REPO}/pulls/20/files?per_page=100`,
      expect.stringMatching(/^\/repositories\/\d+\/pulls\/20\/files\?per_page=100&page=2$/),
      expect.stringMatching(/^\/repositories\/\d+\/pulls\/20\/files\?per_page=100&page=3$/),
    ]);
  });

  it('never reads outside the workspace: symlinks and missing files are skipped with a reason', async () => {
    addPull(21, [
      { filename: 'evil.patch', status: 'added' },
      { filename: 'missing.patch', status: 'added' },
      { filename: 'ok.patch', status: 'added' },
    ]);
    await symlink('/etc/passwd', join(workspace, 'evil.patch'));
    await writeFile(join(workspace, 'ok.patch'), 'fine');
    const inputs = await collect(21);
    expect(inputs.files.map((f) => f.path)).toEqual(['ok.patch']);
    expect(inputs.skipped).toEqual([
      expect.stringMatching(/^evil\.patch: (is a symbolic link|resolves outside the workspace)/),
      expect.stringMatching(/^missing\.patch: not found in the workspace/),
    ]);
  });

  it('reviews the PR’s own diff when it only changes modelled kernel files', async () => {
    const diff = `diff --git a/mm/rmap.c b/mm/rmap.c\n--- a/mm/rmap.c\n+++ b/mm/rmap.c\n${KERNEL_PATCH}\n`;
    addPull(22, [{ filename: 'mm/rmap.c', status: 'modified', patch: KERNEL_PATCH }, { filename: 'README', status: 'modified' }], { diff });
    const inputs = await collect(22);
    expect(inputs.source).toBe('pr-diff');
    expect(inputs.files).toHaveLength(1);
    expect(inputs.files[0]!.path).toBe('pull-request-22.diff');
    expect(inputs.files[0]!.kind).toBe('pr-diff');
    expect(new TextDecoder().decode(inputs.files[0]!.bytes)).toBe(diff);
    const get = fake.requests.find((r) => r.route === `/repos/${OWNER}/${REPO}/pulls/22`)!;
    expect(get.headers.accept).toBe('application/vnd.github.v3.diff');
    expect(get.status).toBe(200);
  });

  it('rebuilds the diff from the per-file patches when GitHub answers 406 (too large)', async () => {
    addPull(
      23,
      [
        { filename: 'mm/gup.c', status: 'modified', patch: KERNEL_PATCH },
        { filename: 'mm/new.c', status: 'added', patch: '@@ -0,0 +1 @@\n+int x;' },
        { filename: 'blob.bin', status: 'modified' },
      ],
      { diffTooLarge: 'lines' },
    );
    const inputs = await collect(23);
    expect(fake.requests.find((r) => r.route.endsWith('/pulls/23'))!.status).toBe(406);
    expect(new TextDecoder().decode(inputs.files[0]!.bytes)).toBe(
      `diff --git a/mm/gup.c b/mm/gup.c\n--- a/mm/gup.c\n+++ b/mm/gup.c\n${KERNEL_PATCH}\n` +
        'diff --git a/mm/new.c b/mm/new.c\nnew file mode 100644\n--- /dev/null\n+++ b/mm/new.c\n@@ -0,0 +1 @@\n+int x;\n',
    );
  });

  it('nothing to review when no thread file matches and no modelled file changes', async () => {
    addPull(24, [{ filename: 'docs/notes.txt', status: 'added' }]);
    expect(await collect(24)).toEqual({ files: [], source: 'none', skipped: [] });
    expect(fake.requests.some((r) => r.route.endsWith('/pulls/24'))).toBe(false);
  });

  it('the .patch media type is served too (format-patch text)', async () => {
    addPull(25, [], { diff: 'diff --git a/x b/x\n' });
    const logger = recordingLogger();
    const client = testClient(fake, BOT_TOKEN, logger);
    const { data } = await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 25, mediaType: { format: 'patch' } });
    expect(String(data)).toMatch(/^From 1{40} Mon Sep 17 00:00:00 2001\n/);
  });
});

describe('workspace reads and globs', () => {
  it('refuses paths that climb out', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'lkml-replay-ws-'));
    for (const bad of ['../x.patch', '/etc/passwd', 'a/../../b.patch', '']) {
      await expect(readWorkspaceFile(ws, bad)).rejects.toThrow(/not a plain repository path/);
    }
    await writeFile(join(ws, 'big.patch'), 'x'.repeat(100));
    await expect(readWorkspaceFile(ws, 'big.patch', 10)).rejects.toThrow(/100 bytes; the limit is 10/);
    await rm(ws, { recursive: true });
  });

  it('walks the workspace for non-PR runs, without .git or node_modules', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'lkml-replay-ws-'));
    for (const dir of ['.git', 'node_modules/x', 'a/b']) await mkdir(join(ws, dir), { recursive: true });
    for (const f of ['.git/x.patch', 'node_modules/x/y.patch', 'a/b/c.patch', 'top.mbox', 'a/skip.txt']) await writeFile(join(ws, f), '');
    expect(await findWorkspaceFiles(ws, pathMatcher(DEFAULT_PATHS))).toEqual(['a/b/c.patch', 'top.mbox']);
    await rm(ws, { recursive: true });
  });

  it('matches globs as the paths input documents them', () => {
    const m = pathMatcher(['**/*.patch', 'series/*.{mbox,eml}', '!drafts/**']);
    expect(m('a.patch')).toBe(true);
    expect(m('x/y/z.patch')).toBe(true);
    expect(m('series/one.mbox')).toBe(true);
    expect(m('series/deep/one.mbox')).toBe(false);
    expect(m('drafts/wip.patch')).toBe(false);
    expect(m('a.patch.orig')).toBe(false);
    expect(pathMatcher(['fixtures/threads/*.txt'])('fixtures/threads/000_00c7ef2d00851f1b.txt')).toBe(true);
    expect(pathMatcher(['v[0-9].patch'])('v3.patch')).toBe(true);
    expect(pathMatcher(['a?.patch'])('a/.patch')).toBe(false);
    expect(pathMatcher(['**/*.patch'])('.github/x.patch')).toBe(true);
  });

  it('diffFromFilePatches keeps renames', () => {
    expect(diffFromFilePatches([{ filename: 'mm/b.c', previous_filename: 'mm/a.c', status: 'renamed', patch: '@@ -1 +1 @@\n-a\n+b\n' }])).toBe(
      'diff --git a/mm/a.c b/mm/b.c\n--- a/mm/a.c\n+++ b/mm/b.c\n@@ -1 +1 @@\n-a\n+b\n',
    );
  });
});

describe('modelled kernel files', () => {
  it('are the .c files of the model sources', () => {
    const cFiles = modelFiles().filter((p) => p.endsWith('.c'));
    expect(cFiles.length).toBeGreaterThan(0);
    for (const p of cFiles) expect(isModelledKernelPath(p), p).toBe(true);
    expect(isModelledKernelPath('mm/slab.c')).toBe(false);
  });
});
