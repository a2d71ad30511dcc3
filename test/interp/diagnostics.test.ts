// Compile diagnostics (precise messages with file:line, collected rather than thrown) and the
// parse API the hunk mapper uses (function and statement line ranges, fragments).

import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from './fake-runtime.js';
import { existsSync } from 'node:fs';
import { compileProgram, initOutline, locateWasm, outlineStatements, outlineTranslationUnit } from '../../src/model/interp/index.js';

async function errorsOf(src: string): Promise<string[]> {
  const p = await compile(src);
  return p.errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
}

describe('compile diagnostics', () => {
  it('names unknown identifiers, fields, types and labels with file:line', async () => {
    expect(await errorsOf(`int f(void) {\n  return nope;\n}`)).toEqual(['t.c:3: unknown identifier `nope`']);
    expect(await errorsOf(`int f(struct page *p) {\n  return p->refcount;\n}`)).toEqual(['t.c:3: struct page has no field `refcount`']);
    expect(await errorsOf(`int f(void) {\n  foo_t x = 0;\n  return x;\n}`)).toEqual(['t.c:3: unknown type name `foo_t`']);
    expect(await errorsOf(`void f(void) {\n  goto out;\n}`)).toEqual(['t.c:3: goto to unknown label `out`']);
    expect(await errorsOf(`void f(int x) {\n  goto in;\n  if (x) { in: x++; }\n}`)).toEqual(['t.c:3: goto into a nested block (label `in`) is not supported']);
  });

  it('reports C type errors the kernel build would reject', async () => {
    expect(await errorsOf(`void f(struct page *p) {\n  unsigned long a = p;\n}`)).toEqual([
      't.c:3: initialiser of `a`: makes integer from pointer without a cast (`struct page *` to `unsigned long`)',
    ]);
    expect(await errorsOf(`void f(struct page *p, struct anon_vma *av) {\n  p = av;\n}`)).toEqual([
      't.c:3: assignment to `p`: incompatible pointer types (`struct anon_vma *` to `struct page *`)',
    ]);
    expect(await errorsOf(`int g(int a, int b);\nint f(void) {\n  return record_i(1, 2);\n}`)).toEqual(['t.c:4: record_i() takes 1 argument, 2 given']);
    expect(await errorsOf(`void f(struct page *p) {\n  p->flags.x = 1;\n}`)).toEqual(['t.c:3: `.x` on `p->flags` of type `unsigned long` (not a struct)']);
    expect(await errorsOf(`int f(void) {\n  break;\n}`)).toEqual(['t.c:3: `break` outside a loop or switch']);
  });

  it('rejects what the subset does not take, precisely', async () => {
    expect(await errorsOf(`void f(void) {\n  double d = 1;\n}`)).toEqual(['t.c:3: unsupported type `double`']);
    expect(await errorsOf(`int f(void) {\n  return 1.5 > 1;\n}`)).toEqual([
      't.c:3: unsupported number literal `1.5` (floating point is not part of the subset)',
    ]);
    expect(await errorsOf(`int f(void) {\n  static int calls;\n  return calls++;\n}`)).toEqual(['t.c:3: static local variables are not supported']);
  });

  it('reports several errors of one function and syntax errors by line', async () => {
    expect(await errorsOf(`int f(void) {\n  int a = x1;\n  int b = x2;\n  return a +;\n}`)).toEqual([
      't.c:3: unknown identifier `x1`',
      't.c:4: unknown identifier `x2`',
      't.c:5: syntax error: missing `identifier`',
    ]);
  });

  it('points into macro expansions at the use line, naming the macro', async () => {
    const errs = await errorsOf(`#define GET(p) ((p)->nofield)\nint f(struct page *pg) {\n  return GET(pg);\n}`);
    expect(errs).toEqual(['t.c:4: struct page has no field `nofield` (in expansion of macro GET from t.c:2)']);
  });

  it('reports preprocessor problems with their position', async () => {
    const p = await compileProgram({ sources: [{ path: 'a.c', text: '#if defined(X\nint x;\n#endif\n#ifdef Y\n#error no Y\n#else\nint y;\n' }] });
    expect(p.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
      'a.c:1: cannot evaluate #if defined(X: expected ) after defined(X',
      'a.c:4: unterminated #if',
    ]);
  });

  it('does not stop the model for an unresolved call (it is listed, not an error)', async () => {
    const p = await compile(`int f(void) { return not_there(1); }`);
    expect(p.errors).toEqual([]);
    expect(p.unresolvedCalls.map((u) => u.name)).toEqual(['not_there']);
  });
});

describe('the C parser', () => {
  it('finds both wasm files from the installed packages', () => {
    const w = locateWasm();
    expect(w.runtime).toMatch(/web-tree-sitter[\\/]tree-sitter\.wasm$/);
    expect(w.grammar).toMatch(/tree-sitter-c[\\/]tree-sitter-c\.wasm$/);
    expect(existsSync(w.runtime) && existsSync(w.grammar)).toBe(true);
  });
});

describe('parse API for the hunk mapper', () => {
  beforeAll(async () => {
    await initOutline();
  });

  const SRC = `#include <linux/mm.h>

static bool page_make_device_exclusive(struct page *page, struct mm_struct *mm,
		unsigned long address, void *owner)
{
	struct make_exclusive_args args = {
		.mm = mm,
		.address = address,
	};
#ifdef CONFIG_X
	x = 1;
#endif
	if (!PageAnon(page) || PageTail(page))
		return false;

	rmap_walk(page, &rwc);
	anon_vma_interval_tree_foreach(avc, &anon_vma->rb_root,
			pgoff_start, pgoff_end) {
		cond_resched();
	}
	return args.valid && !page_mapcount(page);
}

int make_device_exclusive_range(struct mm_struct *mm, unsigned long start)
{
	long npages = (end - start) >> PAGE_SHIFT;
out:
	return npages;
}
`;

  const HEADERS = [{ path: 'include/linux/mm.h', text: '#define anon_vma_interval_tree_foreach(avc, root, s, e) \\\n\tfor (avc = first(root); avc; avc = next(avc))\n' }];

  it('lists functions with line ranges, signature and statement ranges', () => {
    const o = outlineTranslationUnit(SRC, { path: 'mm/rmap.c', sources: HEADERS, config: [] });
    expect(o.syntaxErrors).toEqual([]);
    expect(o.functions.map((f) => [f.name, f.isStatic, f.startLine, f.endLine, f.bodyStartLine, f.bodyEndLine])).toEqual([
      ['page_make_device_exclusive', true, 3, 22, 5, 22],
      ['make_device_exclusive_range', false, 24, 29, 25, 29],
    ]);
    expect(o.functions[0]!.signature).toBe('static bool page_make_device_exclusive(struct page *page, struct mm_struct *mm, unsigned long address, void *owner)');
    const st = o.functions[0]!.statements;
    expect(st.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([
      ['declaration', 6, 9],
      ['if_statement', 13, 14],
      ['expression_statement', 16, 16],
      ['for_statement', 17, 20],
      ['return_statement', 21, 21],
    ]);
    expect(st[1]!.children.map((c) => [c.kind, c.startLine])).toEqual([['return_statement', 14]]);
    expect(st[3]!.text.startsWith('anon_vma_interval_tree_foreach(avc, &anon_vma->rb_root,')).toBe(true);
    expect(st[3]!.children.map((c) => [c.kind, c.startLine])).toEqual([['expression_statement', 19]]);
    const labeled = o.functions[1]!.statements[1]!;
    expect([labeled.kind, labeled.label, labeled.startLine]).toEqual(['labeled_statement', 'out', 27]);
  });

  it('recognises loop-header macro uses by shape when their definitions are not given', () => {
    const o = outlineTranslationUnit(SRC);
    expect(o.syntaxErrors).toEqual([]);
    expect(o.functions[0]!.statements.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([
      ['declaration', 6, 9],
      ['preproc_ifdef', 10, 12],
      ['if_statement', 13, 14],
      ['expression_statement', 16, 16],
      ['for_statement', 17, 20],
      ['return_statement', 21, 21],
    ]);
    const fragment = outlineStatements('\txa_for_each_range(&dmirror->pt, pfn, entry, start >> PAGE_SHIFT,\n\t\t\t  end >> PAGE_SHIFT)\n\t\txa_erase(&dmirror->pt, pfn);\n');
    expect(fragment.syntaxErrors).toEqual([]);
    expect(fragment.statements.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([['for_statement', 1, 3]]);
  });

  it('parses a fragment of added lines, lines counted from 1', () => {
    const f = outlineStatements('\tif (npages < 0)\n\t\treturn npages;\n\tnpages = 0;\n');
    expect(f.syntaxErrors).toEqual([]);
    expect(f.statements.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([
      ['if_statement', 1, 2],
      ['expression_statement', 3, 3],
    ]);
    const bad = outlineStatements('\tif (x {\n');
    expect(bad.syntaxErrors.length).toBeGreaterThan(0);
    expect(bad.syntaxErrors[0]!.line).toBe(1);
  });
});
