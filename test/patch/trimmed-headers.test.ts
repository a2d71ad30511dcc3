// Diffs as reviewers and trees send them, by rule: a separator after a diff is not a removed
// line; a file pair whose `---` line was cut still names its file; quilt's old-side names are
// the file. Each read is also checked to apply (jsdiff), so a wrong reading cannot pass.
import { describe, expect, it } from 'vitest';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, type FoundDiff } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';

const find = (body: string) => findDiffs(splitQuoted(body));
const hunks = (d: FoundDiff) => d.files.flatMap((f) => f.hunks.map((h) => [f.old, f.new, h.header.replace(/ @@.*/, ' @@'), h.added, h.removed]));
const kinds = (d: FoundDiff) => d.repairs.map((r) => r.kind);

const HUNK = ['@@ -10,4 +10,4 @@ int f(void)', ' \ta();', '-\tb();', '+\tc();', ' \td();', ' \te();'];

describe('a separator after a diff', () => {
  it.each([['---'], ['----'], ['--'], ['-- ']])('%j after a blank line ends the diff; the counts, right as sent, stand', (sep) => {
    const body = ['diff --git a/mm/x.c b/mm/x.c', '--- a/mm/x.c', '+++ b/mm/x.c', ...HUNK, '', sep, '', 'It is caused by the swap table series.', ''].join('\n');
    const [d] = find(body);
    expect(hunks(d!)).toEqual([['mm/x.c', 'mm/x.c', '@@ -10,4 +10,4 @@', 1, 1]]);
    expect(kinds(d!)).toEqual([]);
    expect(applyFailures(d!.text)).toEqual([]);
  });

  it('inside the counted lines, `---` is still a removed `--` line, as git reads it', () => {
    const body = ['--- a/x.txt', '+++ b/x.txt', '@@ -1,3 +1,2 @@', ' a', '---', ' b', ''].join('\n');
    expect(hunks(find(body)[0]!)).toEqual([['x.txt', 'x.txt', '@@ -1,3 +1,2 @@', 0, 1]]);
  });
});

describe('a file pair with its --- line cut', () => {
  it('after diff --git and index: one diff of that file, and the repair says so', () => {
    const body = ['On Fri, Mar 26, 2021 at 11:08:02AM +1100, A U Thor wrote:', ...['diff --git a/mm/memory.c b/mm/memory.c', 'index 3a5705cfc891..33d11527ef77 100644', '+++ b/mm/memory.c', ...HUNK].map((l) => `> ${l}`), '', 'Looks fine.', ''].join('\n');
    const found = find(body);
    expect(found).toHaveLength(1);
    expect(hunks(found[0]!)).toEqual([['mm/memory.c', 'mm/memory.c', '@@ -10,4 +10,4 @@', 1, 1]]);
    expect(kinds(found[0]!)).toContain('header-synthesised');
    expect(applyFailures(found[0]!.text)).toEqual([]);
  });

  it('a quote that starts at +++ b/file keeps the file name', () => {
    const body = ['> +++ b/mm/memory.c', ...HUNK.map((l) => `> ${l}`), '', 'Why?', ''].join('\n');
    expect(hunks(find(body)[0]!)).toEqual([['mm/memory.c', 'mm/memory.c', '@@ -10,4 +10,4 @@', 1, 1]]);
  });

  it('an added `++ b/x` line counted by its hunk stays an added line', () => {
    const body = ['--- a/x.txt', '+++ b/x.txt', '@@ -1,1 +1,2 @@', ' a', '+++ b/x', '@@ -5,1 +6,1 @@', '-c', '+d', ''].join('\n');
    const [d] = find(body);
    expect(hunks(d!)).toEqual([
      ['x.txt', 'x.txt', '@@ -1,1 +1,2 @@', 1, 0],
      ['x.txt', 'x.txt', '@@ -5,1 +6,1 @@', 1, 1],
    ]);
  });
});

describe('quilt names', () => {
  it('`--- a/file~patch-name` / `+++ a/file` is one file, named without the suffix', () => {
    const body = ['--- a/lib/test_hmm.c~hmm-tests-add-test', '+++ a/lib/test_hmm.c', ...HUNK, '_', ''].join('\n');
    expect(hunks(find(body)[0]!)).toEqual([['lib/test_hmm.c', 'lib/test_hmm.c', '@@ -10,4 +10,4 @@', 1, 1]]);
  });
});
