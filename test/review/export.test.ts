// `review --export DIR` writes each variant as a patch that real `git am` applies: on a scratch
// repository whose files hold the hunks' old sides at the lines their `@@` headers name, the
// commit gets the author and subject from the mail and the file the hunks' new sides.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parsePatch } from 'diff';
import { describe, expect, test } from 'vitest';
import { cli } from './built-cli.js';
import { tempDir } from '../temp-dir.js';

const T = 120_000;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
  });

/** A repository whose files hold each hunk's old side at its header's line (filler elsewhere); returns the new sides. */
function scratchRepoFor(patchText: string): { repo: string; expected: Map<string, string[]> } {
  const repo = tempDir('lkml-export-repo-');
  git(repo, 'init', '-q');
  const expected = new Map<string, string[]>();
  // The diff alone: from the first `diff --git` to the signature.
  const diff = patchText.slice(patchText.indexOf('\ndiff --git') + 1, patchText.lastIndexOf('\n-- \n') + 1);
  for (const f of parsePatch(diff)) {
    const path = f.oldFileName!.replace(/^a\//, '');
    const before: string[] = [];
    const after: string[] = [];
    for (const h of f.hunks) {
      while (before.length < h.oldStart - 1) {
        before.push(`/* line ${before.length + 1} */`);
        after.push(before.at(-1)!);
      }
      for (const l of h.lines) {
        if (l[0] !== '+') before.push(l.slice(1));
        if (l[0] !== '-') after.push(l.slice(1));
      }
    }
    before.push('/* end */');
    after.push('/* end */');
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), before.join('\n') + '\n');
    expected.set(path, after);
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'pre-image');
  return { repo, expected };
}

describe('review --export', () => {
  test.each([
    ['the v10 thread (Peter Xu\'s diff in his own mail, with tabs)', 'fixtures/threads/v10-07-device-exclusive.mbox', 'Peter Xu <peterx@redhat.com>'],
    ['the seed (the same diff quoted in web-archive text, whitespace lost and repaired)', 'fixtures/threads/000_00c7ef2d00851f1b.txt', 'Peter Xu <unknown@address.invalid>'],
  ])('%s: git am applies the patch with the mail\'s author and subject', (what, input, author) => {
    const dir = join(tempDir('lkml-export-'), 'out');
    const run = cli(['review', input, '--scenario', 'nouveau-atomic-small', '-q', '--export', dir]);
    expect(run.stderr).toBe('');
    const files = readdirSync(dir);
    expect(files).toEqual(['0001-V1-mm-Device-exclusive-memory-access.patch']);
    const patch = readFileSync(join(dir, files[0]!), 'utf8');
    const { repo, expected } = scratchRepoFor(patch);
    git(repo, 'am', '-q', join(dir, files[0]!));
    expect(git(repo, 'log', '-1', '--format=%an <%ae>|%s').trim()).toBe(`${author}|mm: Device exclusive memory access`);
    for (const [path, lines] of expected) expect(readFileSync(join(repo, path), 'utf8')).toBe(lines.join('\n') + '\n');
    // The hunks as the reader repaired them: a web-archive copy keeps the spaces it was left with.
    const added = what.includes('tabs') ? /^\tsplit_huge_pmd_address\(vma, address, false, page\);$/m : /^ ?split_huge_pmd_address\(vma, address, false, page\);$/m;
    expect(readFileSync(join(repo, 'mm/rmap.c'), 'utf8')).toMatch(added);
  }, T);
});
