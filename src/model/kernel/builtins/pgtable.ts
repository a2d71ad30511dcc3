// Page-table primitives (include/linux/pgtable.h, arch/x86/include/asm/pgtable*.h,
// include/linux/mm.h) and swap entries (include/linux/swapops.h with CONFIG_DEVICE_PRIVATE and
// the device-exclusive types of the series), v5.14 semantics.

import { Ptr, type Blocked, type ExecCtx, type Opaque, type Value } from '../../interp/api.js';
import { kernelOf, type Kernel } from '../state.js';
import { acquire, release } from '../locks.js';
import { hex, structAt } from '../object.js';
import { PageTable, indexAt } from '../mm/pgtable.js';
import { PgProt, Pmd, Pte, SwpEntry, UpperEntry, type PteBits, type SwpType } from '../mm/pgtable-types.js';
import { pageOf } from '../mm/page.js';
import { asStruct, MmStruct, Vma } from '../mm/vma.js';
import { TableBuilder, b } from './def.js';

function pte(ctx: ExecCtx, v: Value, what = 'pte'): Pte {
  if (v instanceof Pte) return v;
  return ctx.bug(`${what} is not a pte_t value`);
}
function pmd(ctx: ExecCtx, v: Value, what = 'pmd'): Pmd {
  if (v instanceof Pmd) return v;
  return ctx.bug(`${what} is not a pmd_t value`);
}
function upper(ctx: ExecCtx, v: Value, what: string): UpperEntry {
  if (v instanceof UpperEntry) return v;
  return ctx.bug(`${what} is not a page-table entry of an upper level`);
}
export function swp(ctx: ExecCtx, v: Value): SwpEntry {
  if (v instanceof SwpEntry) return v;
  return ctx.bug('not a swp_entry_t value');
}
function prot(ctx: ExecCtx, v: Value): PgProt {
  if (v instanceof PgProt) return v;
  return ctx.bug('not a pgprot_t value');
}

/** The page table and slot a `pte_t *` / `pmd_t *` ... points at. */
export function slotOf(ctx: ExecCtx, p: Value, level: PageTable['level'] | 'p4d', what: string): { table: PageTable; i: number } {
  if (p instanceof Ptr && p.region instanceof PageTable) {
    const want = level === 'p4d' ? 'pgd' : level;
    if (p.region.level !== want) return ctx.bug(`${what} points into a ${p.region.level} table, not a ${want} table`);
    if (p.index < 0 || p.index >= 512) return ctx.bug(`${what} is out of its page table (index ${p.index})`);
    return { table: p.region, i: p.index };
  }
  if (p === null) return ctx.bug(`NULL pointer dereference: ${what}`);
  return ctx.bug(`${what} is not a page-table pointer`);
}

function childTable(k: Kernel, e: UpperEntry): PageTable {
  return k.tablesByPfn.get(e.tableId)!;
}

function withBits(p: Pte, f: (b: PteBits) => Partial<PteBits>): Pte {
  if (p.v.k !== 'present') return p;
  return Pte.present(p.v.pfn, { ...p.v.bits, ...f(p.v.bits) });
}

function pteLock(ctx: ExecCtx, k: Kernel, pmdp: Value): PageTable {
  const s = slotOf(ctx, pmdp, 'pmd', 'pmd');
  const v = (s.table.entries[s.i] as Pmd).v;
  if (v.k !== 'table') return ctx.bug(`pte lock of a pmd that maps no pte table (${(s.table.entries[s.i] as Pmd).describe()})`);
  return k.tablesByPfn.get(v.tablePfn)!;
}

function makeEntry(type: SwpType, offset: bigint): SwpEntry {
  return new SwpEntry(type, offset);
}

export function pgtableBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/pgtable.h');
  // ---------------------------------------------------------------- walking
  t.fn('pgd_t *pgd_offset(struct mm_struct *mm, unsigned long address)', (ctx, mmp, addr) => {
    const mm = asStruct(mmp, MmStruct, ctx, 'mm');
    return mm.pt.pgd.ptr(indexAt('pgd', addr as bigint));
  })
    .fn('bool pgd_present(pgd_t pgd)', (ctx, v) => b(upper(ctx, v, 'pgd').present))
    .fn('bool pgd_none(pgd_t pgd)', (ctx, v) => b(!upper(ctx, v, 'pgd').present))
    .fn('bool pgd_bad(pgd_t pgd)', (ctx, v) => (upper(ctx, v, 'pgd'), 0))
    // Raw entry values: the model's entries are not bit patterns (only hugepd tests take them,
    // and x86-64 has no hugepd).
    .fn('unsigned long pgd_val(pgd_t pgd)', (ctx) => ctx.notModelled('pgd_val: raw page-table entry values'))
    .fn('unsigned long p4d_val(p4d_t p4d)', (ctx) => ctx.notModelled('p4d_val: raw page-table entry values'))
    .fn('unsigned long pud_val(pud_t pud)', (ctx) => ctx.notModelled('pud_val: raw page-table entry values'))
    .fn('unsigned long pmd_val(pmd_t pmd)', (ctx) => ctx.notModelled('pmd_val: raw page-table entry values'))
    .fn('spinlock_t *pud_lock(struct mm_struct *mm, pud_t *pud)', (ctx) => ctx.notModelled('pud_lock: huge puds'))
    // x86-64 4-level paging: the p4d level is folded into the pgd (p4d_offset returns the pgd slot).
    .fn('p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)', (ctx, p) => {
      const s = slotOf(ctx, p, 'pgd', 'pgd');
      return s.table.ptr(s.i);
    })
    .fn('bool p4d_present(p4d_t p4d)', (ctx, v) => b(upper(ctx, v, 'p4d').present))
    .fn('bool p4d_none(p4d_t p4d)', (ctx, v) => b(!upper(ctx, v, 'p4d').present))
    .fn('bool p4d_bad(p4d_t p4d)', (ctx, v) => (upper(ctx, v, 'p4d'), 0))
    .fn('pud_t *pud_offset(p4d_t *p4d, unsigned long address)', (ctx, p, addr) => {
      const s = slotOf(ctx, p, 'p4d', 'p4d');
      const e = s.table.entries[s.i] as UpperEntry;
      if (!e.present) return ctx.bug('pud_offset of a p4d that is not present');
      return childTable(kernelOf(ctx), e).ptr(indexAt('pud', addr as bigint));
    })
    .fn('bool pud_present(pud_t pud)', (ctx, v) => b(upper(ctx, v, 'pud').present))
    .fn('bool pud_none(pud_t pud)', (ctx, v) => b(!upper(ctx, v, 'pud').present))
    .fn('bool pud_bad(pud_t pud)', (ctx, v) => (upper(ctx, v, 'pud'), 0))
    .fn('bool pud_huge(pud_t pud)', (ctx, v) => (upper(ctx, v, 'pud'), 0))
    .fn('bool pud_devmap(pud_t pud)', (ctx, v) => (upper(ctx, v, 'pud'), 0))
    // The entries the model makes are never bad: "none or clear bad" is "not present".
    .fn('bool pgd_none_or_clear_bad(pgd_t *pgd)', (ctx, p) => {
      const s = slotOf(ctx, p, 'pgd', 'pgd');
      return b(!(s.table.entries[s.i] as UpperEntry).present);
    })
    .fn('bool p4d_none_or_clear_bad(p4d_t *p4d)', (ctx, p) => {
      const s = slotOf(ctx, p, 'p4d', 'p4d');
      return b(!(s.table.entries[s.i] as UpperEntry).present);
    })
    .fn('bool pud_none_or_clear_bad(pud_t *pud)', (ctx, p) => {
      const s = slotOf(ctx, p, 'pud', 'pud');
      return b(!(s.table.entries[s.i] as UpperEntry).present);
    })
    .fn('pmd_t *pmd_offset(pud_t *pud, unsigned long address)', (ctx, p, addr) => {
      const s = slotOf(ctx, p, 'pud', 'pud');
      const e = s.table.entries[s.i] as UpperEntry;
      if (!e.present) return ctx.bug('pmd_offset of a pud that is not present');
      return childTable(kernelOf(ctx), e).ptr(indexAt('pmd', addr as bigint));
    })
    // ---------------------------------------------------------------- pmd
    .in('arch/x86/include/asm/pgtable.h')
    .fn('bool pmd_none(pmd_t pmd)', (ctx, v) => b(pmd(ctx, v).v.k === 'none'))
    .fn('bool pmd_present(pmd_t pmd)', (ctx, v) => b(pmd(ctx, v).v.k !== 'none'))
    .fn('bool pmd_trans_huge(pmd_t pmd)', (ctx, v) => b(pmd(ctx, v).v.k === 'huge'))
    .fn('bool pmd_huge(pmd_t pmd)', (ctx, v) => b(pmd(ctx, v).v.k === 'huge'))
    .fn('bool pmd_devmap(pmd_t pmd)', (ctx, v) => (pmd(ctx, v), 0))
    .fn('bool pmd_bad(pmd_t pmd)', (ctx, v) => b(pmd(ctx, v).v.k === 'huge'))
    .fn('bool pmd_write(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      return b(x.k === 'huge' && x.bits.write);
    })
    .fn('bool pmd_dirty(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      return b(x.k === 'huge' && x.bits.dirty);
    })
    .fn('bool pmd_protnone(pmd_t pmd)', (ctx, v) => (pmd(ctx, v), 0))
    .fn('bool pmd_same(pmd_t a, pmd_t b)', (ctx, a, c) => b(pmd(ctx, a).equals(pmd(ctx, c))))
    .releasesOf({ until: '6.1' })
    .fn('bool is_swap_pmd(pmd_t pmd)', (ctx, v) => (pmd(ctx, v), 0))
    .releasesOf({})
    .fn('bool is_pmd_migration_entry(pmd_t pmd)', (ctx, v) => (pmd(ctx, v), 0))
    .fn('bool thp_migration_supported(void)', () => 1)
    .fn('bool is_huge_zero_pmd(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      return b(x.k === 'huge' && kernelOf(ctx).memmap.state(x.pfn).kind === 'zero');
    })
    .fn('struct page *pmd_page(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      const k = kernelOf(ctx);
      if (x.k === 'huge') return k.memmap.ptr(x.pfn);
      if (x.k === 'table') return k.memmap.ptr(x.tablePfn);
      return ctx.bug('pmd_page of a none pmd');
    })
    .fn('bool pmd_trans_unstable(pmd_t *pmd)', (ctx, p) => {
      // The pmd is stable in a model without concurrent THP collapse: unstable means none or huge.
      const s = slotOf(ctx, p, 'pmd', 'pmd');
      const v = (s.table.entries[s.i] as Pmd).v;
      return b(v.k !== 'table');
    })
    .fn('bool pmd_none_or_clear_bad_unless_trans_huge(pmd_t *pmd)', (ctx, p) => {
      const s = slotOf(ctx, p, 'pmd', 'pmd');
      return b((s.table.entries[s.i] as Pmd).v.k === 'none');
    })
    .in('include/linux/mm.h')
    .fn('spinlock_t *pmd_lockptr(struct mm_struct *mm, pmd_t *pmd)', (ctx, _mm, p) => slotOf(ctx, p, 'pmd', 'pmd').table.lock!.self)
    .gen('spinlock_t *pmd_lock(struct mm_struct *mm, pmd_t *pmd)', function* (ctx, _mm, p): Generator<Blocked, Value, void> {
      const l = slotOf(ctx, p, 'pmd', 'pmd').table.lock!;
      yield* acquire(ctx, l);
      return l.self;
    })
    .fn('spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd)', (ctx, _mm, p) => pteLock(ctx, kernelOf(ctx), p).lock!.self)
    .fn('int pte_alloc(struct mm_struct *mm, pmd_t *pmd)', (ctx, mmp, p) => {
      const mm = asStruct(mmp, MmStruct, ctx, 'mm');
      const s = slotOf(ctx, p, 'pmd', 'pmd');
      if ((s.table.entries[s.i] as Pmd).v.k === 'none') mm.pt.allocPteTable(s);
      return 0;
    })
    // (from 6.5 a pmd that no longer points to a pte table gives NULL: builtins/pte-map.ts)
    .releasesOf({ until: '6.5' })
    .fn('pte_t *pte_offset_map(pmd_t *pmd, unsigned long address)', (ctx, p, addr) => pteLock(ctx, kernelOf(ctx), p).ptr(indexAt('pte', addr as bigint)))
    .gen('pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long address, spinlock_t **ptlp)', function* (ctx, _mm, p, addr, ptlp): Generator<Blocked, Value, void> {
      const table = pteLock(ctx, kernelOf(ctx), p);
      const l = table.lock!;
      if (!(ptlp instanceof Ptr)) return ctx.bug('pte_offset_map_lock: ptlp is not a pointer');
      ptlp.region.store(ptlp.index, l.self, ctx);
      yield* acquire(ctx, l);
      return table.ptr(indexAt('pte', addr as bigint));
    })
    .releasesOf({})
    .fn('void pte_unmap(pte_t *pte)', () => undefined)
    .fn('void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)', (ctx, _p, ptl) => {
      release(ctx, kernelOf(ctx).locks.resolve(ptl, ctx, 'spinlock'));
      return undefined;
    })
    .fn('void assert_spin_locked(spinlock_t *lock)', (ctx, l) => {
      const lock = kernelOf(ctx).locks.resolve(l, ctx, 'spinlock');
      if (lock.holders().length === 0) ctx.bug(`assert_spin_locked: ${lock.name} is not locked`);
      return undefined;
    })
    // ---------------------------------------------------------------- pte
    .in('arch/x86/include/asm/pgtable.h')
    .fn('bool pte_none(pte_t pte)', (ctx, v) => b(pte(ctx, v).none))
    .fn('bool pte_present(pte_t pte)', (ctx, v) => b(pte(ctx, v).present))
    .fn('bool pte_write(pte_t pte)', (ctx, v) => b(pte(ctx, v).present && (pte(ctx, v).v as { bits: PteBits }).bits.write))
    .fn('bool pte_dirty(pte_t pte)', (ctx, v) => b(pte(ctx, v).present && (pte(ctx, v).v as { bits: PteBits }).bits.dirty))
    .fn('bool pte_young(pte_t pte)', (ctx, v) => b(pte(ctx, v).present && (pte(ctx, v).v as { bits: PteBits }).bits.young))
    .fn('bool pte_soft_dirty(pte_t pte)', (ctx, v) => b(pte(ctx, v).present && (pte(ctx, v).v as { bits: PteBits }).bits.softDirty))
    .fn('bool pte_uffd_wp(pte_t pte)', (ctx, v) => b(pte(ctx, v).present && (pte(ctx, v).v as { bits: PteBits }).bits.uffdWp))
    .fn('bool pte_protnone(pte_t pte)', (ctx, v) => (pte(ctx, v), 0))
    .fn('bool pte_devmap(pte_t pte)', (ctx, v) => (pte(ctx, v), 0))
    .fn('bool pte_same(pte_t a, pte_t b)', (ctx, a, c) => b(pte(ctx, a).equals(pte(ctx, c) as Opaque)))
    .fn('unsigned long pte_pfn(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      if (x.k !== 'present') return ctx.bug(`pte_pfn of a non-present pte (${pte(ctx, v).describe()})`);
      return BigInt(x.pfn);
    })
    .fn('struct page *pte_page(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      if (x.k !== 'present') return ctx.bug('pte_page of a non-present pte');
      return kernelOf(ctx).memmap.ptr(x.pfn);
    })
    .fn('pte_t pte_mkold(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ young: false })))
    .fn('pte_t pte_mkyoung(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ young: true })))
    .fn('pte_t pte_mkdirty(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ dirty: true, softDirty: true })))
    .fn('pte_t pte_mksoft_dirty(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ softDirty: true })))
    .fn('pte_t pte_mkuffd_wp(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ uffdWp: true, write: false })))
    .fn('pte_t pte_clear_uffd_wp(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ uffdWp: false })))
    .fn('pte_t pte_wrprotect(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ write: false })))
    // (6.6: pte_mkwrite() takes the vma, for shadow-stack vmas; the model has none)
    .releasesOf({ until: '6.6' })
    .fn('pte_t pte_mkwrite(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ write: true })))
    .releasesOf({ from: '6.6' })
    .fn('pte_t pte_mkwrite(pte_t pte, struct vm_area_struct *vma)', (ctx, v) => withBits(pte(ctx, v), () => ({ write: true })))
    .releasesOf({})
    .fn('pte_t pte_mk_savedwrite(pte_t pte)', (ctx, v) => withBits(pte(ctx, v), () => ({ write: true })))
    .fn('pte_t pte_modify(pte_t pte, pgprot_t newprot)', (ctx, v, np) => withBits(pte(ctx, v), () => ({ write: prot(ctx, np).write })))
    .fn('pte_t mk_pte(struct page *page, pgprot_t pgprot)', (ctx, p, pr) => {
      const s = pageOf(kernelOf(ctx).memmap, p, ctx, 'mk_pte page');
      return Pte.present(s.pfn, { write: prot(ctx, pr).write, dirty: false, young: true, softDirty: false, uffdWp: false });
    })
    .in('include/linux/mm.h')
    .fn('pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)', (ctx, v, vmap) => {
      const vma = asStruct(vmap, Vma, ctx, 'vma');
      return (vma.flags & 0x2n) !== 0n ? withBits(pte(ctx, v), () => ({ write: true })) : pte(ctx, v);
    })
    .fn('struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)', (ctx, _vma, _a, v) => {
      const x = pte(ctx, v).v;
      if (x.k !== 'present') return ctx.bug('vm_normal_page of a non-present pte');
      const k = kernelOf(ctx);
      if (k.memmap.state(x.pfn).kind === 'zero') return null;
      return k.memmap.ptr(x.pfn);
    })
    .fn('void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)', (ctx, _mm, _a, p, v) => {
      const s = slotOf(ctx, p, 'pte', 'ptep');
      s.table.entries[s.i] = pte(ctx, v);
      return undefined;
    })
    .fn('pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)', (ctx, _v, _a, p) => {
      const s = slotOf(ctx, p, 'pte', 'ptep');
      const old = s.table.entries[s.i] as Pte;
      s.table.entries[s.i] = Pte.NONE;
      return old;
    })
    .fn('pte_t ptep_modify_prot_start(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)', (ctx, _v, _a, p) => {
      const s = slotOf(ctx, p, 'pte', 'ptep');
      const old = s.table.entries[s.i] as Pte;
      s.table.entries[s.i] = Pte.NONE;
      return old;
    })
    .fn('void ptep_modify_prot_commit(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep, pte_t old_pte, pte_t pte)', (ctx, _v, _a, p, _o, v) => {
      const s = slotOf(ctx, p, 'pte', 'ptep');
      s.table.entries[s.i] = pte(ctx, v);
      return undefined;
    })
    .releasesOf({ until: '6.1' })
    .fn('bool pte_unmap_same(struct mm_struct *mm, pmd_t *pmd, pte_t *page_table, pte_t orig_pte)', (ctx, _mm, _pmd, p, orig) => {
      const s = slotOf(ctx, p, 'pte', 'page_table');
      return b((s.table.entries[s.i] as Pte).equals(pte(ctx, orig)));
    })
    .releasesOf({ from: '6.1' })
    .fn('bool pte_unmap_same(struct vm_fault *vmf)', (ctx, vmfp) => {
      // (the kernel re-reads the pte under the lock only on SMP/PREEMPT; the model reads it once)
      const vmf = structAt(vmfp, ctx, 'vmf');
      const s = slotOf(ctx, vmf.get('pte', ctx), 'pte', 'vmf->pte');
      return b((s.table.entries[s.i] as Pte).equals(pte(ctx, vmf.get('orig_pte', ctx))));
    })
    .releasesOf({})
    .fn('void print_bad_pte(struct vm_area_struct *vma, unsigned long addr, pte_t pte, struct page *page)', (ctx, _v, a, v) => {
      ctx.hazard('bad-pte', `print_bad_pte at ${hex(a as bigint)}: ${pte(ctx, v).describe()}`);
      return undefined;
    })
    .releasesOf({ until: '6.1' })
    .fn('int follow_pfn_pte(struct vm_area_struct *vma, unsigned long address, pte_t *pte, unsigned int flags)', (ctx) =>
      ctx.notModelled('follow_pfn_pte: special ptes without a struct page'),
    )
    .releasesOf({})
    .fn('void flush_cache_page(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn)', () => undefined)
    .fn('void flush_cache_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)', () => undefined)
    .fn('void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)', () => undefined)
    .fn('void flush_tlb_batched_pending(struct mm_struct *mm)', () => undefined)
    .fn('void inc_tlb_flush_pending(struct mm_struct *mm)', () => undefined)
    .fn('void dec_tlb_flush_pending(struct mm_struct *mm)', () => undefined)
    .fn('void update_mmu_cache(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)', () => undefined)
    .fn('void arch_enter_lazy_mmu_mode(void)', () => undefined)
    .fn('void arch_leave_lazy_mmu_mode(void)', () => undefined)
    .fn('void count_vm_numa_events(int item, unsigned long delta)', () => undefined)
    // ---------------------------------------------------------------- swap entries
    .in('include/linux/swapops.h')
    .fn('bool is_swap_pte(pte_t pte)', (ctx, v) => b(pte(ctx, v).v.k === 'swap'))
    .fn('bool pte_swp_soft_dirty(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      return b(x.k === 'swap' && x.softDirty);
    })
    .fn('bool pte_swp_uffd_wp(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      return b(x.k === 'swap' && x.uffdWp);
    })
    .fn('pte_t pte_swp_mksoft_dirty(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      return x.k === 'swap' ? Pte.swap(x.entry, true, x.uffdWp) : pte(ctx, v);
    })
    .fn('pte_t pte_swp_mkuffd_wp(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      return x.k === 'swap' ? Pte.swap(x.entry, x.softDirty, true) : pte(ctx, v);
    })
    .fn('pte_t pte_swp_clear_uffd_wp(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      return x.k === 'swap' ? Pte.swap(x.entry, x.softDirty, false) : pte(ctx, v);
    })
    .fn('swp_entry_t pte_to_swp_entry(pte_t pte)', (ctx, v) => {
      const x = pte(ctx, v).v;
      if (x.k !== 'swap') return ctx.bug(`pte_to_swp_entry of ${pte(ctx, v).describe()}`);
      return x.entry;
    })
    .fn('pte_t swp_entry_to_pte(swp_entry_t entry)', (ctx, e) => Pte.swap(swp(ctx, e)))
    .fn('unsigned long swp_offset(swp_entry_t entry)', (ctx, e) => swp(ctx, e).offset)
    .fn('bool non_swap_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).isNonSwap))
    .fn('bool is_migration_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).isMigration))
    .fn('bool is_writable_migration_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).type === 'migration-write'))
    .fn('swp_entry_t make_readable_migration_entry(unsigned long offset)', (_ctx, o) => makeEntry('migration-read', o as bigint))
    .fn('bool is_device_private_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).isDevicePrivate))
    .fn('bool is_writable_device_private_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).type === 'device-write'))
    .fn('swp_entry_t make_readable_device_private_entry(unsigned long offset)', (_ctx, o) => makeEntry('device-read', o as bigint))
    .fn('bool is_hwpoison_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).type === 'hwpoison'))
    .fn('struct page *pfn_swap_entry_to_page(swp_entry_t entry)', (ctx, e) => {
      const s = swp(ctx, e);
      if (!s.isPfn) return ctx.bug(`pfn_swap_entry_to_page of ${s.describe()} (BUG_ON(!is_pfn_swap_entry))`);
      const k = kernelOf(ctx);
      const pfn = Number(s.offset);
      if (!k.memmap.exists(pfn)) return ctx.bug(`swap entry ${s.describe()} names no page`);
      return k.memmap.ptr(pfn);
    })
    .fn('void migration_entry_wait(struct mm_struct *mm, pmd_t *pmd, unsigned long address)', (ctx) => ctx.notModelled('migration_entry_wait: migration entries'))
    .fn('void pmd_migration_entry_wait(struct mm_struct *mm, pmd_t *pmd)', (ctx) => ctx.notModelled('pmd_migration_entry_wait: PMD migration entries'));
  v61Entries(t);
  v613Entries(t);
  return t;
}

/** Entry primitives the v6.1 sources call that v5.14's do not. */
function v61Entries(t: TableBuilder): void {
  t.releasesOf({ from: '6.1' })
    .in('include/linux/swapops.h')
    .fn('unsigned long swp_offset_pfn(swp_entry_t entry)', (ctx, e) => {
      const x = swp(ctx, e);
      if (!x.isPfn) return ctx.bug(`swp_offset_pfn of ${x.describe()} (VM_BUG_ON(!is_pfn_swap_entry))`);
      return x.offset;
    })
    .fn('bool is_pfn_swap_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).isPfn))
    .fn('bool is_pte_marker_entry(swp_entry_t entry)', (ctx, e) => (swp(ctx, e), 0))
    .fn('bool pte_marker_entry_uffd_wp(swp_entry_t entry)', (ctx, e) => (swp(ctx, e), 0))
    .fn('bool is_swapin_error_entry(swp_entry_t entry)', (ctx, e) => (swp(ctx, e), 0))
    .fn('vm_fault_t handle_pte_marker(struct vm_fault *vmf)', (ctx) => ctx.notModelled('handle_pte_marker: pte markers'))
    .fn('swp_entry_t make_readable_exclusive_migration_entry(pgoff_t offset)', (ctx) => ctx.notModelled('make_readable_exclusive_migration_entry: migration entries'))
    .fn('swp_entry_t pmd_to_swp_entry(pmd_t pmd)', (ctx) => ctx.notModelled('pmd_to_swp_entry: PMD migration entries'))
    .in('arch/x86/include/asm/pgtable.h')
    .fn('bool pmd_soft_dirty(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      return b(x.k === 'huge' && x.bits.softDirty);
    })
    .fn('bool pmd_uffd_wp(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      return b(x.k === 'huge' && x.bits.uffdWp);
    })
    .fn('unsigned long pmd_pfn(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      if (x.k === 'huge') return BigInt(x.pfn);
      if (x.k === 'table') return BigInt(x.tablePfn);
      return ctx.bug('pmd_pfn of a none pmd');
    })
    .fn('void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)', (ctx, _mm, _a, p) => {
      const s = slotOf(ctx, p, 'pte', 'ptep');
      s.table.entries[s.i] = Pte.NONE;
      return undefined;
    })
    .fn('bool pte_needs_flush(pte_t oldpte, pte_t newpte)', (ctx, o, n) => {
      // Would a stale TLB entry of oldpte allow more than newpte? (present, and losing the write
      // or dirty bit or the pfn). The model keeps no TLB: the answer only decides a no-op flush.
      const a = pte(ctx, o).v;
      const c = pte(ctx, n).v;
      if (a.k !== 'present') return 0;
      if (c.k !== 'present' || c.pfn !== a.pfn) return 1;
      return b((a.bits.write && !c.bits.write) || (a.bits.dirty && !c.bits.dirty));
    })
    .fn('bool pgd_huge(pgd_t pgd)', (ctx, v) => (upper(ctx, v, 'pgd'), 0))
    .fn('bool p4d_huge(p4d_t p4d)', (ctx, v) => (upper(ctx, v, 'p4d'), 0))
    .in('include/linux/pgtable.h')
    .fn('pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address)', (ctx) => ctx.notModelled('pmd_alloc: uffd-wp of file memory'))
    .fn('pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long address)', (ctx) => ctx.notModelled('pud_alloc: uffd-wp of file memory'))
    .fn('p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address)', (ctx) => ctx.notModelled('p4d_alloc: uffd-wp of file memory'))
    .releasesOf({});
}

/** Entry and pmd primitives the v6.13 sources call that v6.1's do not. */
function v613Entries(t: TableBuilder): void {
  t.releasesOf({ from: '6.13' })
    .in('include/linux/swapops.h')
    .fn('struct folio *pfn_swap_entry_folio(swp_entry_t entry)', (ctx, e) => {
      const x = swp(ctx, e);
      if (!x.isPfn) return ctx.bug(`pfn_swap_entry_folio of ${x.describe()} (not a pfn swap entry)`);
      const k = kernelOf(ctx);
      const pfn = Number(x.offset);
      if (!k.memmap.exists(pfn)) return ctx.bug(`swap entry ${x.describe()} names no page`);
      return k.memmap.ptr(k.memmap.state(pfn).head);
    })
    // pte markers: the model makes none
    .fn('bool is_poisoned_swp_entry(swp_entry_t entry)', (ctx, e) => (swp(ctx, e), 0))
    .fn('bool is_guard_swp_entry(swp_entry_t entry)', (ctx, e) => (swp(ctx, e), 0))
    .in('include/linux/huge_mm.h')
    .fn('struct folio *pmd_folio(pmd_t pmd)', (ctx, v) => {
      const x = pmd(ctx, v).v;
      const k = kernelOf(ctx);
      if (x.k !== 'huge') return ctx.bug(`pmd_folio of a pmd that maps no THP (${pmd(ctx, v).describe()})`);
      return k.memmap.ptr(k.memmap.state(x.pfn).head);
    })
    .fn('bool thp_vma_suitable_order(struct vm_area_struct *vma, unsigned long addr, int order)', (ctx, v, addr, order) => {
      // an anonymous vma: no file offset to align; the aligned block must fit in the vma
      const vma = asStruct(v, Vma, ctx, 'vma');
      const size = 4096n << BigInt(Number(order));
      const haddr = (addr as bigint) & ~(size - 1n);
      return b(haddr >= vma.start && haddr + size <= vma.end);
    })
    .releasesOf({});
}
