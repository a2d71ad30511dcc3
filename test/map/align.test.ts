// The alignment on small hand-made model files: what it tolerates (declarations and statements
// the model leaves out, comments, a statement the model words differently), what it refuses
// (ambiguity, a removed line the model does not have), and the tokenizer under it.
import { beforeAll, describe, expect, it } from 'vitest';
import { noteText, placementWords, reasonText } from '../../src/report/placement-words.js';
import { initMapper, mapDiffSync, type MapBase } from '../../src/map/index.js';
import { indexBase, indexFile } from '../../src/map/model-index.js';
import { isDeclaration, groupStatements } from '../../src/map/statements.js';
import { startsInComment, tokenTexts, tokenizeText } from '../../src/map/tokens.js';
import { diffOfText, textOf } from './helpers.js';

const MODEL = `#include <linux/mm.h>

int first(struct page *page)
{
	struct vm_area_struct *vma = page->vma;

	/* the model's own comment */
	lock_page(page);
	foo(page, vma);
	return 0;
}

int second(struct page *page)
{
	lock_page(page);
	foo(page, NULL);
	return 0;
}

int third(int n)
{
	foo(NULL, NULL);
	return 0;
}
`;

const base = (): MapBase => ({ name: 'toy', kernel: '5.14', sources: [{ path: 'mm/toy.c', text: MODEL }] });
const run = (diff: string) => mapDiffSync(diffOfText(`--- a/mm/toy.c\n+++ b/mm/toy.c\n${diff}`), base(), { compile: false });

beforeAll(async () => {
  await initMapper();
});

describe('alignment on a toy model', () => {
  it('skips declarations the model leaves out and statements it lacks, and ignores comments', () => {
    const m = run(
      [
        '@@ -10,9 +10,10 @@ int first(struct page *page)',
        ' \tstruct vm_area_struct *vma = page->vma;',
        ' \tunsigned long flags;',
        ' \tint err;',
        ' ',
        ' \tlock_page(page);   /* the kernel\'s comment */',
        '+\tbar(page);',
        ' \tfoo(page,',
        ' \t    vma);',
        ' \treturn 0;',
      ].join('\n'),
    );
    expect(m.placements[0]).toMatchObject({ kind: 'code', function: 'first' });
    expect(m.placements[0]!.placement).toEqual({ kind: 'spliced', at: { file: 'mm/toy.c', line: 9 }, change: { kind: 'statement', op: 'before', statement: 'foo(page, vma)' }, inFunction: 'first' });
    expect(placementWords(m.placements[0]!.placement!)).toBe('before `foo(page, vma)` in first');
    expect(textOf(m.sources, 'mm/toy.c')).toContain('\tlock_page(page);\n\tbar(page);\n\tfoo(page, vma);');
  });

  it('prefers the place in the @@ function over the same context in the function after it', () => {
    const hunk = ['@@ -30,2 +30,3 @@ int second(struct page *page)', ' \treturn 0;', ' }', '+/* end of second */', '+int fourth(void) { return 4; }'].join('\n');
    const m = run(hunk);
    expect(m.placements[0]).toMatchObject({ kind: 'code', function: 'fourth' });
    expect(m.placements[0]!.placement).toEqual({ kind: 'spliced', at: { file: 'mm/toy.c', line: 18 }, change: { kind: 'add-functions', functions: ['fourth'], after: 'second', before: null }, inFunction: null });
    expect(placementWords(m.placements[0]!.placement!)).toBe('adding fourth() after second()');
    // without the function, `return 0; }` fits three places equally well
    const n = run(hunk.replace(/@@ int second.*$/m, '@@'));
    expect(n.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'context-ambiguous' });
  });

  it('refuses a removed line the model has no counterpart for, when the model has other code there', () => {
    const m = run(['@@ -40,4 +40,4 @@ int third(int n)', ' {', '-\tfoo_reset(n);', '+\tfoo_reset(n + 1);', ' \tfoo(NULL, NULL);', ' \treturn 0;'].join('\n'));
    // the model has nothing between `{` and `foo(NULL, NULL)`: the removed line is simply absent
    expect(m.placements[0]!.kind).toBe('code');
    expect(m.placements[0]!.notes).toEqual([{ kind: 'removed-line-missing', line: 'foo_reset(n);' }]);
    expect(noteText(m.placements[0]!.notes[0]!)).toBe('removed line `foo_reset(n);` is not in the model (nothing to remove)');
    const r = run(['@@ -40,4 +40,4 @@ int first(struct page *page)', ' \tstruct vm_area_struct *vma = page->vma;', '-\tspin_lock(&vma->lock);', '+\tspin_lock_irq(&vma->lock);', ' \tfoo(page, vma);'].join('\n'));
    expect(r.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'context-not-found' });
    expect(r.placements[0]!.reason).toMatchObject({ kind: 'removed-line-missing', line: 'spin_lock(&vma->lock);', file: 'mm/toy.c', function: 'first' });
    expect(reasonText(r.placements[0]!.reason!)).toContain('the removed line `spin_lock(&vma->lock);` is not in the model at this place');
  });

  it('reports a hunk whose new side the model already has as no-code-change', () => {
    const m = run(['@@ -20,2 +20,3 @@ int first(struct page *page)', ' \tlock_page(page);', '+\tfoo(page, vma);', ' \treturn 0;'].join('\n'));
    expect(m.placements[0]).toMatchObject({ kind: 'no-code-change', function: 'first' });
    expect(m.placements[0]!.notes).toEqual([{ kind: 'already-applied' }]);
    expect(m.placements[0]!.placement).toMatchObject({ kind: 'already-applied', at: { file: 'mm/toy.c' } });
    expect(textOf(m.sources, 'mm/toy.c')).toBe(MODEL);
  });
});

describe('parsing each base once', () => {
  it('indexes a file once per distinct text and a base once per sources array', () => {
    const b = base();
    expect(indexBase(b.name, b.kernel, b.sources)).toBe(indexBase(b.name, b.kernel, b.sources));
    expect(indexFile('mm/toy.c', MODEL)).toBe(indexFile('mm/toy.c', MODEL));
    expect(indexFile('mm/toy.c', MODEL + '\n')).not.toBe(indexFile('mm/toy.c', MODEL));
  });
});

describe('tokens and statements', () => {
  it('drops comments and whitespace, keeps literals whole', () => {
    expect(tokenTexts('a->b /* x */ += "s /* t */" // y')).toEqual(['a', '->', 'b', '+=', '"s /* t */"']);
    expect(tokenTexts('x <<= 0x1fUL;\n/* open\n still */ y...')).toEqual(['x', '<<=', '0x1fUL', ';', 'y', '...']);
    const t = tokenizeText('int a;\n\n  b();\n');
    expect(t.lineToks[1]).toEqual({ first: 3, end: 3 });
    expect(t.toks[3]).toMatchObject({ t: 'b', line: 3, start: 10 });
  });

  it('knows when a hunk starts inside a block comment', () => {
    expect(startsInComment([' * tail of a comment', ' */', 'foo();'])).toBe(true);
    expect(startsInComment(['text without a star */', 'foo();'])).toBe(true);
    expect(startsInComment(['*p = 1;', 'foo();'])).toBe(false);
    expect(startsInComment(['/* a comment */', ' * not inside'])).toBe(false);
    expect(startsInComment([' * only comment lines', ' * here'])).toBe(true);
  });

  it('tells declarations from statements', () => {
    const decl = (s: string): boolean => {
      const toks = tokenizeText(s).toks;
      return isDeclaration(toks, 0, toks.length);
    };
    for (const d of ['long i;', 'unsigned long i;', 'pte_t swp_pte;', 'struct page *subpage;', 'static const struct x *y = NULL;', 'int a[4], b;']) expect(decl(d)).toBe(true);
    for (const s of ['a = b;', 'return x;', 'foo(a);', 'i++;', 'goto out;', '*p = 1;']) expect(decl(s)).toBe(false);
    const st = groupStatements(tokenizeText('struct s x = {\n .a = 1,\n};\nif (x) {\nfoo();\n}\nout:\n#define A 1\n').toks);
    expect(st.map((s) => s.kind)).toEqual(['decl', 'open', 'stmt', 'close', 'label', 'pp']);
  });
});
