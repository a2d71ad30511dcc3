// Where diffs are found, where they are not, and what origin they get.
import { describe, expect, it } from 'vitest';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, parseDiffText, type FoundDiff } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';

const find = (body: string, patchMail = false) => findDiffs(splitQuoted(body), { patchMail });
const paths = (d: FoundDiff) => d.files.map((f) => [f.old, f.new]);

const SMALL = ['diff --git a/mm/gup.c b/mm/gup.c', '--- a/mm/gup.c', '+++ b/mm/gup.c', '@@ -10,3 +10,4 @@ int f(void)', ' \ta();', '+\tb();', ' \tc();', ' \td();'].join('\n');

describe('not diffs', () => {
  it.each([
    ['prose starting with diff, difficult, Different', 'diff between v1 and v2 is small\ndifficult to say\nDifferent approach\n'],
    ['a lone --- then prose', 'Thanks\n---\nUpdate: the series moved\n'],
    ['quoted code without hunk structure', '> -\tfoo();\n> +\tbar();\n> \tbaz();\n'],
    ['a diff --git line followed by prose', 'diff --git a/x b/x\nis what I would expect here.\n'],
    ['a ---/+++ pair with no hunk after it', '--- a/x\n+++ b/x\nand then nothing\n'],
    ['a hunk header with no change lines', '@@ -1,2 +1,2 @@\n a\n b\n'],
    ['a combined-diff header', 'diff --cc mm/rmap.c\n--- a/mm/rmap.c\n+++ b/mm/rmap.c\n@@@ -1,1 -1,1 +1,2 @@@\n  a\n++b\n'],
    ['binary junk', '\u0000\u0001\u0002--- \u0000\n+++ \u0003\n@@ -\u0000 @@\n'],
  ])('%s', (_, body) => {
    expect(find(body)).toEqual([]);
    expect(find(body, true)).toEqual([]);
  });
});

describe('origins', () => {
  it('a diff in the sender text of a reply is inline; quoted at depth 2 it is quoted', () => {
    const body = `Something like this?\n\n${SMALL}\n\nThanks\n\n${SMALL.replace(/^/gm, '> > ')}\n`;
    const d = find(body);
    expect(d.map((x) => [x.origin, x.quoteDepth])).toEqual([
      ['inline', 0],
      ['quoted', 2],
    ]);
  });

  it('in a patch mail, depth-0 diffs after the break are the patch; before it nothing can start', () => {
    const d = find(`Fix it.\n\nSigned-off-by: A <a@b.c>\n---\n${SMALL}\n-- \n2.31.1\n`, true);
    expect(d.map((x) => x.origin)).toEqual(['patch']);
    expect(d[0]!.firstLine).toBe(5);
  });

  it('after a depth-0 scissors line the diff is a scissors diff', () => {
    const d = find(`Agreed, how about:\n\n-- >8 --\nSubject: [PATCH] mm: b\n\n${SMALL}\n`);
    expect(d.map((x) => x.origin)).toEqual(['scissors']);
  });

  it('a scissors section closes at the next cut line after its diff', () => {
    const d = find(`---8<---\n${SMALL}\n---8<---\n\nand separately\n\n${SMALL.replace('mm/gup.c', 'mm/memory.c').replace('mm/gup.c', 'mm/memory.c')}\n`);
    expect(d.map((x) => x.origin)).toEqual(['scissors', 'inline']);
  });

  it('two diffs separated by prose are two diffs, in body order', () => {
    const d = find(`${SMALL.replace(/^/gm, '> ')}\n\nand\n\n${SMALL}\n`);
    expect(d.map((x) => x.firstLine)).toEqual([1, 12]);
  });
});

describe('diff flavours', () => {
  it('CVS Index: diffs keep the Index path', () => {
    const body = [
      'Index: bfd/elflink.c',
      '===================================================================',
      'RCS file: /cvs/src/src/bfd/elflink.c,v',
      'retrieving revision 1.329',
      'diff -u -p -r1.329 elflink.c',
      '--- elflink.c\t25 Jun 2009 10:11:12 -0000\t1.329',
      '+++ elflink.c\t2 Jul 2009 11:12:13 -0000',
      '@@ -1,3 +1,3 @@ foo',
      ' a',
      '-b',
      '+c',
      ' d',
    ].join('\n');
    const [d] = find(body, true);
    expect(paths(d!)).toEqual([['bfd/elflink.c', 'bfd/elflink.c']]);
    expect(d!.text.split('\n').slice(0, 2)).toEqual(['--- a/bfd/elflink.c', '+++ b/bfd/elflink.c']);
    expect(applyFailures(d!.text)).toEqual([]);
  });

  it('diff -urN with quilt-style directories drops the first component', () => {
    const body = 'diff -urN linux.orig/mm/rmap.c linux/mm/rmap.c\n--- linux.orig/mm/rmap.c\t2021-06-01 10:00:00.000000000 +0200\n+++ linux/mm/rmap.c\t2021-06-02 10:00:00.000000000 +0200\n@@ -1 +1 @@\n-a\n+b\n';
    expect(paths(find(body)[0]!)).toEqual([['mm/rmap.c', 'mm/rmap.c']]);
  });

  it('new, deleted, renamed and quoted paths', () => {
    const body = [
      'diff --git a/new.c b/new.c',
      'new file mode 100644',
      'index 0000000..e69de29',
      '--- /dev/null',
      '+++ b/new.c',
      '@@ -0,0 +1 @@',
      '+int x;',
      'diff --git a/old.c b/old.c',
      'deleted file mode 100644',
      '--- a/old.c',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-int y;',
      'diff --git a/a.c b/b.c',
      'similarity index 90%',
      'rename from a.c',
      'rename to b.c',
      '--- a/a.c',
      '+++ b/b.c',
      '@@ -1 +1 @@',
      '-int z;',
      '+long z;',
      'diff --git "a/with space.c" "b/with space.c"',
      'old mode 100644',
      'new mode 100755',
    ].join('\n');
    const [d] = find(body, true);
    expect(paths(d!)).toEqual([
      [null, 'new.c'],
      ['old.c', null],
      ['a.c', 'b.c'],
      ['with space.c', 'with space.c'],
    ]);
    expect(d!.files[2]!.extended).toEqual(['similarity index 90%', 'rename from a.c', 'rename to b.c']);
    expect(applyFailures(d!.text)).toEqual([]);
  });

  it('`\\ No newline at end of file` stays attached to its line', () => {
    const body = '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n';
    const d = parseDiffText(body, 'attachment')!;
    expect(d.files[0]!.hunks[0]!.lines.map((l) => [l.op + l.text, !!l.noNewline])).toEqual([
      [' a', false],
      ['-b', true],
      ['+c', true],
    ]);
    expect(d.text).toBe(body);
    expect(applyFailures(d.text)).toEqual([]);
  });

  it('a bare quoted hunk (no file header) is a diff of an unknown file', () => {
    const body = 'On Mon, A wrote:\n> @@ -2042,6 +2042,7 @@ static bool page_make_device_exclusive_one(struct page *page,\n>  \tswp_entry_t entry;\n> +\tsplit_huge_pmd_address(vma, address, false, page);\n>  \tpte_t swp_pte;\n\nWhy?\n';
    const [d] = find(body);
    expect(d!.files[0]).toMatchObject({ old: null, new: null, headerless: true });
    expect(d!.files[0]!.hunks[0]!.function).toBe('page_make_device_exclusive_one');
    expect(d!.repairs.map((r) => [r.kind, r.line])).toEqual([
      ['header-synthesised', 2],
      ['hunk-count-fixed', 2],
    ]);
    expect(d!.text.startsWith('@@ -2042,2 +2042,3 @@')).toBe(true);
    expect(applyFailures(d!.text)).toEqual([]);
  });

  it('a wrapped diff --git line is joined back', () => {
    const body = 'diff --git a/drivers/gpu/drm/nouveau/nouveau_svm.c\nb/drivers/gpu/drm/nouveau/nouveau_svm.c\nindex 1..2 100644\n--- a/drivers/gpu/drm/nouveau/nouveau_svm.c\n+++ b/drivers/gpu/drm/nouveau/nouveau_svm.c\n@@ -1 +1 @@\n-a\n+b\n';
    const [d] = find(body, true);
    expect(paths(d!)).toEqual([['drivers/gpu/drm/nouveau/nouveau_svm.c', 'drivers/gpu/drm/nouveau/nouveau_svm.c']]);
    expect(d!.repairs.map((r) => [r.kind, r.line])).toEqual([['wrapped-line-joined', 2]]);
  });

  it('a snip that cuts a quoted hunk short is logged and the hunk recounted', () => {
    const body = `${SMALL.split('\n').slice(0, 6).map((l) => '> ' + l).join('\n')}\n> [...]\n\nLooks fine.\n`;
    const [d] = find(body);
    expect(d!.files[0]!.hunks[0]!.header).toBe('@@ -10,1 +10,2 @@ int f(void)');
    expect(d!.repairs.map((r) => [r.kind, r.line])).toEqual([['snip-marker', 7]]);
    expect(applyFailures(d!.text)).toEqual([]);
  });

  it('CRLF line ends are read like LF', () => {
    const [d] = find(SMALL.replace(/\n/g, '\r\n') + '\r\n');
    expect(d!.repairs).toEqual([]);
    expect(d!.text).toBe(SMALL + '\n');
  });
});

describe('parseDiffText', () => {
  it('reads a whole format-patch file as one diff with the given origin', () => {
    const mail = `From 1234 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] x\n\nbody\n---\n${SMALL}\n-- \n2.31.1\n`;
    const d = parseDiffText(mail, 'attachment')!;
    expect(d.origin).toBe('attachment');
    expect(d.quoteDepth).toBe(0);
    expect(paths(d)).toEqual([['mm/gup.c', 'mm/gup.c']]);
  });

  it('merges the diffs of one attachment into one', () => {
    const d = parseDiffText(`${SMALL}\n\nand\n\n${SMALL.replace(/gup/g, 'memory')}\n`, 'attachment')!;
    expect(paths(d)).toEqual([
      ['mm/gup.c', 'mm/gup.c'],
      ['mm/memory.c', 'mm/memory.c'],
    ]);
    expect(applyFailures(d.text)).toEqual([]);
  });

  it('returns null when there is no diff', () => {
    expect(parseDiffText('hello\n', 'attachment')).toBeNull();
    expect(parseDiffText('', 'attachment')).toBeNull();
  });
});
