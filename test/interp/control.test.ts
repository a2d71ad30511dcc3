// Statements: goto (forward, backward, out of loops), switch with fallthrough, nested loops with
// break/continue, do/while, comma in loop conditions, statement expressions; and the
// preprocessor subset: object-like and function-like macros (expressions, do-while(0)
// statements, loop headers), #ifdef/#if against the config, #include, enums.

import { describe, expect, it } from 'vitest';
import { compile, rt, run1 } from './fake-runtime.js';
import { compileProgram } from '../../src/model/interp/index.js';

describe('control flow', () => {
  it('jumps forward to out: labels and backward to retry: labels', async () => {
    const r = await run1(`
      int f(int n) {
        int tries = 0;
        int ret = -1;
      retry:
        tries++;
        if (tries < n)
          goto retry;
        if (tries > 100)
          goto out;
        ret = tries;
      out:
        return ret * 10;
      }`, 'f', [4]);
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(40);
  });

  it('leaves nested loops with goto and re-enters a loop body label', async () => {
    const r = await run1(`
      long f(void) {
        long acc = 0;
        int i, j;
        for (i = 0; i < 10; i++) {
          int again = 1;
        next_page:
          for (j = 0; j < 10; j++) {
            if (i * j == 12) goto found;
            acc++;
          }
          if (again--) goto next_page;
        }
        return -1;
      found:
        return acc * 100 + i * 10 + j;
      }`, 'f');
    expect(r.value).toBe(46n * 100n + 2n * 10n + 6n); // found at i=2, j=6 after 20+20+6 increments
  });

  it('runs switch with fallthrough, default, and break/continue inside loops', async () => {
    const r = await run1(`
      void f(void) {
        int i;
        for (i = 0; i < 6; i++) {
          switch (i) {
          case 0:
            record_i(100);
            /* fallthrough */
          case 1:
            record_i(101);
            break;
          case 2:
            continue;
          case 3: case 4:
            record_i(134);
            if (i == 4) break;
            record_i(103);
            break;
          default:
            record_i(999);
          }
          record_i(i);
        }
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([100, 101, 0, 101, 1, 134, 103, 3, 134, 4, 999, 5]);
  });

  it('switches on 64-bit values and enum constants', async () => {
    const r = await run1(`
      enum mmu_notifier_event { MMU_NOTIFY_UNMAP = 0, MMU_NOTIFY_CLEAR, MMU_NOTIFY_PROTECTION_VMA, MMU_NOTIFY_EXCLUSIVE = 7 };
      int f(unsigned long v, enum mmu_notifier_event ev) {
        int r = 0;
        switch (v) { case 0x7f0000000000UL: r = 1; break; default: r = 2; }
        switch (ev) { case MMU_NOTIFY_CLEAR: r += 10; break; case MMU_NOTIFY_EXCLUSIVE: r += 70; break; }
        return r;
      }`, 'f', [0x7f0000000000n, 7]);
    expect(r.value).toBe(71);
  });

  it('runs nested loops with break and continue, do/while and comma conditions', async () => {
    const r = await run1(`
      void f(void) {
        int i, j, n = 0;
        unsigned long addr = 0, end = 4 * PAGE_SIZE;
        for (i = 0; i < 5; i++) {
          if (i == 1) continue;
          for (j = 0; ; j++) {
            if (j == 3) break;
            if (j == 1) continue;
            n += 10;
          }
          if (i == 3) break;
        }
        record_i(n);
        j = 0;
        do { j++; } while (j < 5);
        do { j += 100; } while (0);
        record_i(j);
        i = 0;
        do { i++; } while (i++, addr += PAGE_SIZE, addr != end);
        record_i(i);
        while (1) { if (++j > 110) break; }
        record_i(j);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([60, 105, 8, 111]);
  });

  it('evaluates && || ?: lazily and statement expressions to their last value', async () => {
    const r = await run1(`
      int calls;
      static int yes(void) { calls++; return 1; }
      int f(struct page *p) {
        int a = (p && p->_refcount) || yes();
        int b = p ? p->_refcount : yes() + 1;
        int c = ({ int t = 5; t * 2; });
        return a * 1000 + b * 100 + c + calls * 10000;
      }`, 'f', [null]);
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(2 * 10000 + 1000 + 200 + 10);
  });
});

describe('control flow in functions compiled as generators', () => {
  it('runs goto, switch, loops and ?: around blocking calls the same as plain code', async () => {
    const body = (yieldStmt: string) => `
      int flow(int n) {
        int tries = 0, acc = 0, i;
      retry:
        ${yieldStmt}
        tries++;
        if (tries < n) goto retry;
        for (i = 0; i < 6; i++) {
          ${yieldStmt}
          switch (i) {
          case 0: acc += 1; /* fallthrough */
          case 1: acc += 10; break;
          case 2: continue;
          case 5: goto out;
          default: acc += 100;
          }
          acc += 1000;
        }
        acc = -1;
      out:
        acc += ({ int t = tries; ${yieldStmt} t * 100000; });
        return acc + (tries > 2 ? 1000000 : 0);
      }`;
    const plain = await run1(body(''), 'flow', [3]);
    const gen = await run1(body('cond_resched();'), 'flow', [3]);
    expect(plain.verdict).toBe('completed');
    expect(gen.verdict).toBe('completed');
    expect(gen.value).toBe(plain.value);
    expect(plain.value).toBe(1 + 10 + 1000 + 10 + 1000 + 100 + 1000 + 100 + 1000 + 300000 + 1000000);
    const p = await compile(body('cond_resched();'));
    expect(p.functions.find((f) => f.name === 'flow')!.mayBlock).toBe(true);
  });
});

describe('macros and the preprocessor subset', () => {
  const HDR = `
#ifndef _HUGE_MM_H
#define _HUGE_MM_H
struct pmd_slot { int huge; int splits; };
void __split_huge_pmd(struct pmd_slot *pmd, unsigned long address);
#define split_huge_pmd(__pmd, __address)				\\
	do {								\\
		struct pmd_slot *____pmd = (__pmd);			\\
		if (____pmd->huge)					\\
			__split_huge_pmd(____pmd, __address);		\\
	} while (0)
#define pmd_is_huge(p) ((p)->huge != 0)
#define for_each_slot(s, arr, n) for (s = (arr); s < (arr) + (n); s++)
#ifdef CONFIG_TRANSPARENT_HUGEPAGE
#define THP_ON 1
#else
#define THP_ON 0
#endif
#if defined(CONFIG_DEVICE_PRIVATE) && !defined(CONFIG_NOPE)
#define DEV_PRIV 1
#elif IS_ENABLED(CONFIG_TRANSPARENT_HUGEPAGE)
#define DEV_PRIV 2
#else
#define DEV_PRIV 3
#endif
#endif
`;
  const C = `
#include <linux/huge_mm.h>
#include <linux/not_modelled.h>
#include "huge_mm.h"
void __split_huge_pmd(struct pmd_slot *pmd, unsigned long address) { pmd->huge = 0; pmd->splits++; record_u(address); }
int f(void) {
  struct pmd_slot slots[3] = { { .huge = 1 }, { .huge = 0 }, { .huge = 1 } };
  struct pmd_slot *s;
  int huge = 0;
  for_each_slot(s, slots, 3) {
    if (pmd_is_huge(s))
      huge++;
    split_huge_pmd(s, 4096UL * (s - slots));
  }
  for_each_slot(s, slots, 3)
    huge += s->splits * 10;
  return huge + THP_ON * 100 + DEV_PRIV * 1000;
}
`;
  async function build(config: string[]) {
    return compileProgram({
      sources: [
        { path: 'include/test.h', text: (await import('./fake-runtime.js')).HEADER },
        { path: 'include/linux/huge_mm.h', text: HDR },
        { path: 'mm/t.c', text: `#include "../include/test.h"\n#include <test.h>\n${C}` },
      ],
      builtins: rt.builtins(),
      config,
    });
  }

  it('expands statement macros, expression macros and loop-header macros with their bodies', async () => {
    const p = await build(['CONFIG_TRANSPARENT_HUGEPAGE', 'CONFIG_DEVICE_PRIVATE']);
    expect(p.errors).toEqual([]);
    rt.reset();
    const r = p.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f' }] });
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(2 + 20 + 100 + 1000);
    expect(rt.log).toEqual([0n, 8192n]);
  });

  it('selects #ifdef/#if branches by the config', async () => {
    const off = await build([]);
    rt.reset();
    expect(off.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f' }] }).value).toBe(2 + 20 + 3000);
    const thpOnly = await build(['CONFIG_TRANSPARENT_HUGEPAGE']);
    rt.reset();
    expect(thpOnly.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f' }] }).value).toBe(2 + 20 + 100 + 2000);
  });

  it('keeps lines of the source: macro-expanded statements report the use line', async () => {
    const p = await build([]);
    const split = p.functions.find((f) => f.name === '__split_huge_pmd')!;
    expect([split.file, split.line]).toEqual(['mm/t.c', 7]);
    const f = p.functions.find((x) => x.name === 'f')!;
    expect([f.line, f.endLine]).toEqual([8, 20]);
    expect(p.macros.get('split_huge_pmd')).toMatchObject({ file: 'include/linux/huge_mm.h', line: 6 });
  });

  it('types object-like macros by their expression and handles VM_BUG_ON only with CONFIG_DEBUG_VM', async () => {
    const src = `
      int f(void) {
        VM_BUG_ON(PAGE_SIZE != 4096);
        VM_BUG_ON(1);
        return sizeof(PAGE_SIZE) + sizeof(HPAGE_PMD_NR) * 10 + sizeof(PAGE_MAPPING_ANON) * 100;
      }`;
    const plain = await compile(src);
    rt.reset();
    expect(plain.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f' }] }).value).toBe(8 + 40 + 400);
    const debug = await compile(src, { config: ['CONFIG_DEBUG_VM'] });
    rt.reset();
    const r = debug.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f' }] });
    expect(r.verdict).toBe('bug');
    expect(r.detail).toBe('VM_BUG_ON(1) hit');
    expect(r.loc).toEqual({ file: 't.c', line: 5, function: 'f' });
  });

  it('knows __func__, __FILE__ and __LINE__', async () => {
    const r = await run1(`
      int where(void) {
        record_ptr((void *)__func__);
        record_ptr((void *)__FILE__);
        return __LINE__;
      }`, 'where');
    expect(r.value).toBe(6);
    const str = (p: unknown) => {
      const q = p as import('../../src/model/interp/index.js').Ptr;
      const r2 = q.region as import('../../src/model/interp/index.js').ArrayRegion;
      return String.fromCharCode(...(r2.vals.slice(0, -1) as number[]));
    };
    expect(rt.log.map(str)).toEqual(['where', 't.c']);
  });

  it('implements min/max/min_t/max_t/clamp, READ_ONCE/WRITE_ONCE, likely, IS_ERR/PTR_ERR/ERR_PTR', async () => {
    const r = await run1(`
      struct page *p_global;
      void f(void) {
        unsigned long start = 0x1000, end = 0x5000;
        long npages = -14;
        struct page *err = ERR_PTR(-EFAULT);
        record_u(min(start + PAGE_SIZE, end));
        record(max(npages, 3L));
        record_u(min_t(unsigned long, npages, 10));
        record(max_t(long, npages, -20));
        record_i(clamp(7, 1, 5));
        WRITE_ONCE(p_global, pfn_to_page(3));
        record_i(READ_ONCE(p_global) == pfn_to_page(3));
        record_i(likely(start < end) + unlikely(0));
        record_i(IS_ERR(err) + 2 * IS_ERR(p_global) + 4 * IS_ERR_OR_NULL(NULL));
        record(PTR_ERR(err));
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([0x2000n, 3n, 10n, -14n, 5, 1, 1, 5, -14n]);
  });
});
