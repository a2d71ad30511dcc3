// Diffs as reviewers, mail clients and trees send them (shapes seen on real list mail), by
// rule: a separator after a diff is not a removed line; a file pair whose `---` line was cut
// still names its file; a comment where the counts end ends the hunk; quilt's old-side names
// are the file; what clients do to quoted lines (no-break spaces, `->` broken after its `-`,
// a reviewer's line under a quoted one) is undone or left alone as the lines prove. Where a
// reading is whole, it is also checked to apply (jsdiff), so a wrong reading cannot pass.
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

describe('a reviewer\'s comment where the counts end', () => {
  it('ends the hunk: quoted lines after it with no header of their own are no part of it', () => {
    const quoted = (ls: string[]) => ls.map((l) => `> ${l}`);
    const body = [
      'On Wed, Mar 18, 2026 at 03:29:40PM -0700, A U Thor wrote:',
      ...quoted(['diff --git a/include/x.h b/include/x.h', '--- a/include/x.h', '+++ b/include/x.h', ...HUNK]),
      '',
      ...quoted(['+static int other(void)', '+{', '+\trcu_read_lock();']),
      '',
      'nit: guard(rcu)();',
      '',
      ...quoted(['+\treturn 0;', '+}']),
      '',
    ].join('\n');
    const found = find(body);
    expect(found.map(hunks)).toEqual([[['include/x.h', 'include/x.h', '@@ -10,4 +10,4 @@', 1, 1]]]);
    expect(kinds(found[0]!)).toEqual([]);
  });

  it('while counts that still want lines go on after the comment, as when a reviewer comments inside a hunk', () => {
    const body = ['A U Thor wrote:', ...['--- a/x.c', '+++ b/x.c', '@@ -10,4 +10,6 @@', ' \ta();', '+\tb();'].map((l) => `> ${l}`), '', 'Why b()?', '', ...[' \tc();', '+\td();', ' \te();', ' \tf();'].map((l) => `> ${l}`), ''].join('\n');
    expect(find(body).map(hunks)).toEqual([[['x.c', 'x.c', '@@ -10,4 +10,6 @@', 2, 0]]]);
  });
});

describe('what mail clients do to quoted hunks', () => {
  it('no-break spaces for blanks (Thunderbird) are read as spaces, and said so', () => {
    const body = ['A U Thor wrote:', ...['--- a/x.c', '+++ b/x.c', ...HUNK].map((l) => `> ${l.replace(/\t/g, '\u00a0 \u00a0 ')}`), ''].join('\n');
    const [d] = find(body);
    expect(hunks(d!)).toEqual([['x.c', 'x.c', '@@ -10,4 +10,4 @@', 1, 1]]);
    expect(d!.text).not.toContain('\u00a0');
    expect(kinds(d!)).toContain('nbsp-replaced');
  });

  it('`->` broken after its `-` (Evolution), the rest one quote level deeper, is joined back', () => {
    const body = ['A U Thor wrote:', '> --- a/x.c', '> +++ b/x.c', '> @@ -10,2 +10,2 @@', '>  \ta();', '> -\tsize = adev-', '> >gmc.size;', '> +\tsize = 0;', ''].join('\n');
    const [d] = find(body);
    expect(d!.text).toContain('-\tsize = adev->gmc.size;\n');
    expect(hunks(d!)).toEqual([['x.c', 'x.c', '@@ -10,2 +10,2 @@', 1, 1]]);
  });

  it('a context line a re-flowing client (Claws Mail) glued to a wrapped tail is split off again, when the counts say so', () => {
    const hunk = ['@@ -99,4 +99,6 @@ typedef unsigned int __bitwise gfp_t;', '  * %__GFP_ACCOUNT causes the allocation to be accounted to kmemcg.', '+ *', '+ * %__GFP_NO_OBJ_EXT causes slab allocation to have no object', 'extension. */', ' #define __GFP_RECLAIMABLE ((__force gfp_t)___GFP_RECLAIMABLE)', ' #define __GFP_WRITE\t((__force gfp_t)___GFP_WRITE)'];
    const body = ['A U Thor wrote:', ...['--- a/include/linux/gfp_types.h', '+++ b/include/linux/gfp_types.h', ...hunk].map((l) => `> ${l}`), '', 'If the above suggestion is implemented...', ''].join('\n');
    const [d] = find(body);
    expect(d!.text).toContain('+ * %__GFP_NO_OBJ_EXT causes slab allocation to have no object extension.\n */\n');
    expect(hunks(d!)).toEqual([['include/linux/gfp_types.h', 'include/linux/gfp_types.h', '@@ -99,4 +99,6 @@', 2, 0]]);
    expect(kinds(d!)).toEqual(['wrapped-line-joined', 'glued-line-split']);
  });

  it('a reviewer\'s line right under a quoted line is not its tail: not under a whole statement, not when the two make no source line', () => {
    const long = '+\tint cpuhp_offline_cb(struct cpumask *mask, cpuhp_cb_t func, void *arg);';
    const body = ['A U Thor wrote:', '> --- a/x.h', '> +++ b/x.h', '> @@ -10,1 +10,3 @@', '>  \ta();', `> ${long}`, 'Ditto.', `> ${long.replace('cpuhp_offline_cb', 'cpuhp_online_cb_')}`, ''].join('\n');
    const [d] = find(body);
    expect(d!.text).not.toContain('Ditto');
    const prose = ['A U Thor wrote:', '> --- a/x.c', '> +++ b/x.c', '> @@ -10,1 +10,2 @@', '>  \ta();', '> +\t * For v2, guarantee_online_mems() should just return effective_mems', 'I agree, but the implementation is not as simple as what I mentioned above.', ''].join('\n');
    expect(find(prose)[0]!.text).not.toContain('I agree');
  });
});

describe('quilt names', () => {
  it('`--- a/file~patch-name` / `+++ a/file` is one file, named without the suffix', () => {
    const body = ['--- a/lib/test_hmm.c~hmm-tests-add-test', '+++ a/lib/test_hmm.c', ...HUNK, '_', ''].join('\n');
    expect(hunks(find(body)[0]!)).toEqual([['lib/test_hmm.c', 'lib/test_hmm.c', '@@ -10,4 +10,4 @@', 1, 1]]);
  });
});
