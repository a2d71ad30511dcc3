// Reading and mapping page-table entries as the later releases do it (include/linux/pgtable.h,
// mm/pgtable-generic.c): ptep_get()/pmdp_get_lockless()/pudp_get()/pmdp_get() read an entry
// once; the *_leaf() tests replace pmd_huge()/pud_huge(); folio_walk_start() asks
// vm_normal_page_pmd() for the page of a huge pmd; and since 6.5 mapping a pte table may fail -- the pmd may no
// longer point to one (none, or a THP) by the time it is mapped -- so pte_offset_map(),
// pte_offset_map_lock() and pte_offset_map_rw_nolock() return NULL then, and the callers look
// at the pmd again. The others are declared from 6.13 on, the first modelled release whose
// sources call them (ptep_get() is older; the v5.14 and v6.1 sources dereference the pointer).

import { Ptr, type Blocked, type ExecCtx, type Value } from '../../interp/api.js';
import { kernelOf } from '../state.js';
import { acquire } from '../locks.js';
import { indexAt, type PageTable } from '../mm/pgtable.js';
import { Pmd, UpperEntry } from '../mm/pgtable-types.js';
import { TableBuilder, b } from './def.js';
import { slotOf } from './pgtable.js';

/** The pte table a pmd points to now, or null when it points to none (6.5's __pte_offset_map()). */
function pteTableOrNull(ctx: ExecCtx, pmdp: Value): PageTable | null {
  const s = slotOf(ctx, pmdp, 'pmd', 'pmd');
  const v = (s.table.entries[s.i] as Pmd).v;
  if (v.k !== 'table') return null;
  return kernelOf(ctx).tablesByPfn.get(v.tablePfn)!;
}

function store(ctx: ExecCtx, p: Value, v: Value, what: string): void {
  if (!(p instanceof Ptr)) return ctx.bug(`${what} is not a pointer`);
  p.region.store(p.index, v, ctx);
}

export function pteMapBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/pgtable.h').releasesOf({ from: '6.13' });
  t.fn('pte_t ptep_get(pte_t *ptep)', (ctx, p) => {
    const s = slotOf(ctx, p, 'pte', 'ptep');
    return s.table.entries[s.i]!;
  })
    .fn('pmd_t pmdp_get_lockless(pmd_t *pmdp)', (ctx, p) => {
      const s = slotOf(ctx, p, 'pmd', 'pmdp');
      return s.table.entries[s.i]!;
    })
    .in('arch/x86/include/asm/pgtable.h')
    .fn('bool pmd_leaf(pmd_t pte)', (ctx, v) => {
      if (!(v instanceof Pmd)) return ctx.bug('pmd_leaf of a value that is not a pmd_t');
      return b(v.v.k === 'huge');
    })
    // the model has no huge puds or p4ds
    .fn('bool pud_leaf(pud_t pud)', (ctx, v) => (v instanceof UpperEntry ? 0 : ctx.bug('pud_leaf of a value that is not a pud_t')))
    .fn('bool p4d_leaf(p4d_t p4d)', (ctx, v) => (v instanceof UpperEntry ? 0 : ctx.bug('p4d_leaf of a value that is not a p4d_t')))
    .in('include/linux/pgtable.h')
    .releasesOf({ from: '6.5' })
    .fn('pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)', (ctx, p, addr) => pteTableOrNull(ctx, p)?.ptr(indexAt('pte', addr as bigint)) ?? null)
    .gen('pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, spinlock_t **ptlp)', function* (ctx, _mm, p, addr, ptlp): Generator<Blocked, Value, void> {
      const table = pteTableOrNull(ctx, p);
      if (!table) return null;
      store(ctx, ptlp, table.lock!.self, 'ptlp');
      yield* acquire(ctx, table.lock!);
      return table.ptr(indexAt('pte', addr as bigint));
    })
    .releasesOf({ from: '6.13' })
    // folio_walk_start()'s reads: the pud and pmd under their locks, the page a huge pmd maps
    .fn('pud_t pudp_get(pud_t *pudp)', (ctx, p) => {
      const s = slotOf(ctx, p, 'pud', 'pudp');
      return s.table.entries[s.i]!;
    })
    .fn('pmd_t pmdp_get(pmd_t *pmdp)', (ctx, p) => {
      const s = slotOf(ctx, p, 'pmd', 'pmdp');
      return s.table.entries[s.i]!;
    })
    .fn('struct page *vm_normal_page_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t pmd)', (ctx, _v, _a, v) => {
      if (!(v instanceof Pmd) || v.v.k !== 'huge') return ctx.bug('vm_normal_page_pmd of a pmd that maps no THP');
      const k = kernelOf(ctx);
      if (k.memmap.state(v.v.pfn).kind === 'zero') return null;
      return k.memmap.ptr(v.v.pfn);
    })
    .fn('bool pud_special(pud_t pud)', (ctx, v) => (v instanceof UpperEntry ? 0 : ctx.bug('pud_special of a value that is not a pud_t')))
    .fn('struct page *pud_page(pud_t pud)', (ctx) => ctx.notModelled('pud_page: huge puds'))
    .fn('pte_t *pte_offset_map_rw_nolock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, pmd_t *pmdvalp, spinlock_t **ptlp)', (ctx, _mm, p, addr, pmdvalp, ptlp) => {
      // the pmd value the table was mapped under, for the caller's pmd_same() check once locked
      const s = slotOf(ctx, p, 'pmd', 'pmd');
      store(ctx, pmdvalp, s.table.entries[s.i]!, 'pmdvalp');
      const table = pteTableOrNull(ctx, p);
      if (!table) return null;
      store(ctx, ptlp, table.lock!.self, 'ptlp');
      return table.ptr(indexAt('pte', addr as bigint));
    });
  return t;
}
