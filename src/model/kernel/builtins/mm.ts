// mm-level primitives: vma lookup, mmap_lock, mm references, the fault entry, the THP split
// primitive, anon_vma locking and its interval tree, RCU, scheduling points, ERR_PTR.

import { Ptr, type Blocked, type ExecCtx, type Value } from '../../interp/api.js';
import { kernelOf } from '../state.js';
import { acquire, release, tryAcquire } from '../locks.js';
import { objectAt } from '../object.js';
import { handleMmFault, splitHugePmdLocked } from '../mm/memory.js';
import { chainsOverlapping, asStruct, AnonVma, AnonVmaChain, MmStruct, RbRoot, Vma } from '../mm/vma.js';
import { slotOf } from './pgtable.js';
import { TableBuilder, b } from './def.js';

const MAX_ERRNO = 4095n;
const VM_UFFD_WP = 0x1000n;

function isErr(p: Value): boolean {
  if (!(p instanceof Ptr)) return false;
  return BigInt.asUintN(64, p.address) >= (1n << 64n) - MAX_ERRNO;
}

export function mmBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/mm.h');
  t.fn('struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr)', (ctx, mmp, addr) => {
    // Stack vmas do not grow in the model: find_vma() plus the start check.
    const mm = asStruct(mmp, MmStruct, ctx, 'mm');
    const v = mm.vmaAt(addr as bigint);
    return v ? v.self : null;
  })
    .fn('struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)', (ctx, mmp, addr) => {
      const v = asStruct(mmp, MmStruct, ctx, 'mm').findVma(addr as bigint);
      return v ? v.self : null;
    })
    .fn('bool in_gate_area(struct mm_struct *mm, unsigned long addr)', () => 0)
    .fn('bool is_vm_hugetlb_page(struct vm_area_struct *vma)', (ctx, v) => (asStruct(v, Vma, ctx, 'vma'), 0))
    .fn('unsigned long untagged_addr(unsigned long addr)', (_ctx, a) => a)
    .fn('void put_dev_pagemap(struct dev_pagemap *pgmap)', () => undefined)
    .gen('vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags, struct pt_regs *regs)', function* (ctx, vmap, addr, flags): Generator<Blocked, Value, void> {
      const vma = asStruct(vmap, Vma, ctx, 'vma');
      return yield* handleMmFault(ctx, kernelOf(ctx), vma, addr as bigint, Number(flags));
    })
    .in('include/linux/mmap_lock.h')
    .gen('void mmap_read_lock(struct mm_struct *mm)', function* (ctx, mmp) {
      yield* acquire(ctx, asStruct(mmp, MmStruct, ctx, 'mm').mmapLock, true);
      return undefined;
    })
    .fn('void mmap_read_unlock(struct mm_struct *mm)', (ctx, mmp) => {
      release(ctx, asStruct(mmp, MmStruct, ctx, 'mm').mmapLock, true);
      return undefined;
    })
    .gen('void mmap_write_lock(struct mm_struct *mm)', function* (ctx, mmp) {
      yield* acquire(ctx, asStruct(mmp, MmStruct, ctx, 'mm').mmapLock, false);
      return undefined;
    })
    .fn('void mmap_write_unlock(struct mm_struct *mm)', (ctx, mmp) => {
      release(ctx, asStruct(mmp, MmStruct, ctx, 'mm').mmapLock, false);
      return undefined;
    })
    .in('include/linux/sched/mm.h')
    .fn('bool mmget_not_zero(struct mm_struct *mm)', (ctx, mmp) => {
      const mm = asStruct(mmp, MmStruct, ctx, 'mm');
      if (mm.users <= 0) return 0;
      mm.users++;
      return 1;
    })
    .fn('void mmput(struct mm_struct *mm)', (ctx, mmp) => {
      const mm = asStruct(mmp, MmStruct, ctx, 'mm');
      if (--mm.users < 0) ctx.bug(`mmput of ${mm.name}: mm_users underflow`);
      return undefined;
    })
    .in('mm/huge_memory.c')
    .fn('void __split_huge_pmd_locked(struct vm_area_struct *vma, pmd_t *pmd, unsigned long haddr, bool freeze)', (ctx, vmap, pmdp, haddr, freeze) => {
      const vma = asStruct(vmap, Vma, ctx, 'vma');
      splitHugePmdLocked(ctx, kernelOf(ctx), vma, slotOf(ctx, pmdp, 'pmd', 'pmd'), haddr as bigint, Number(freeze) !== 0);
      return undefined;
    })
    .releasesOf({ until: '6.1' })
    .fn('void touch_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags)', () => undefined)
    .releasesOf({ from: '6.1' })
    .fn('void touch_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, bool write)', () => undefined)
    .releasesOf({})
    .in('mm/interval_tree.c')
    .fn('struct anon_vma_chain *anon_vma_interval_tree_iter_first(struct rb_root_cached *root, unsigned long first, unsigned long last)', (ctx, root, first, last) => {
      const r = objectAt(root);
      if (!(r instanceof RbRoot)) return ctx.bug('anon_vma_interval_tree_iter_first: not an anon_vma tree root');
      const c = chainsOverlapping(r.av, first as bigint, last as bigint);
      return c.length ? c[0]!.self : null;
    })
    .fn('struct anon_vma_chain *anon_vma_interval_tree_iter_next(struct anon_vma_chain *node, unsigned long first, unsigned long last)', (ctx, node, first, last) => {
      const n = asStruct(node, AnonVmaChain, ctx, 'avc');
      const c = chainsOverlapping(n.av, first as bigint, last as bigint);
      const i = c.indexOf(n);
      return i >= 0 && i + 1 < c.length ? c[i + 1]!.self : null;
    })
    .in('include/linux/rwsem.h')
    .fn('int down_read_trylock(struct rw_semaphore *sem)', (ctx, p) => b(tryAcquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'rwsem'), true)))
    .gen('void down_read(struct rw_semaphore *sem)', function* (ctx, p) {
      yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'rwsem'), true);
      return undefined;
    })
    .fn('void up_read(struct rw_semaphore *sem)', (ctx, p) => {
      release(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'rwsem'), true);
      return undefined;
    })
    .gen('void down_write(struct rw_semaphore *sem)', function* (ctx, p) {
      yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'rwsem'), false);
      return undefined;
    })
    .fn('void up_write(struct rw_semaphore *sem)', (ctx, p) => {
      release(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'rwsem'), false);
      return undefined;
    })
    .in('include/linux/atomic.h')
    .fn('bool atomic_inc_not_zero(int *v)', (ctx, p) => {
      const cell = p as Ptr;
      const v = Number(cell.region.load(cell.index, ctx));
      if (v === 0) return 0;
      cell.region.store(cell.index, v + 1, ctx);
      return 1;
    })
    .fn('bool atomic_dec_and_test(int *v)', (ctx, p) => {
      const cell = p as Ptr;
      const v = Number(cell.region.load(cell.index, ctx)) - 1;
      cell.region.store(cell.index, v, ctx);
      return b(v === 0);
    })
    .in('include/linux/rmap.h')
    .fn('void put_anon_vma(struct anon_vma *anon_vma)', (ctx, p) => {
      const av = asStruct(p, AnonVma, ctx, 'anon_vma');
      if (--av.refcount === 0) ctx.notModelled('freeing an anon_vma');
      return undefined;
    })
    .fn('void __put_anon_vma(struct anon_vma *anon_vma)', (ctx) => ctx.notModelled('__put_anon_vma: freeing an anon_vma'))
    .in('include/linux/rcupdate.h')
    .fn('void rcu_read_lock(void)', () => undefined)
    .fn('void rcu_read_unlock(void)', () => undefined)
    .in('include/linux/sched.h')
    .fn('void cond_resched(void)', () => undefined)
    .fn('void might_sleep(void)', () => undefined)
    .fn('struct task_struct *get_current(void)', (ctx) => {
      const k = kernelOf(ctx);
      let o = k.named.get(`task:${ctx.thread.name}`);
      if (!o) {
        o = k.plain('task_struct', `task ${ctx.thread.name}`, {});
        k.named.set(`task:${ctx.thread.name}`, o);
      }
      return o.self;
    })
    .fn('bool fatal_signal_pending(struct task_struct *p)', () => 0)
    .in('include/linux/err.h')
    .fn('void *ERR_PTR(long error)', (ctx, e) => ctx.mem.ptrAt(BigInt.asUintN(64, BigInt(e as bigint)), { k: 'void' }))
    .fn('bool IS_ERR(const void *ptr)', (_ctx, p) => b(isErr(p)))
    .fn('long PTR_ERR(const void *ptr)', (_ctx, p) => (p instanceof Ptr ? BigInt.asIntN(64, p.address) : 0n))
    // VMA kinds the model has none of: every model vma is private anonymous memory, with no
    // file (so neither fsdax nor memfd_secret) and no protection key.
    .in('include/linux/fs.h')
    .fn('bool vma_is_fsdax(struct vm_area_struct *vma)', (ctx, v) => (asStruct(v, Vma, ctx, 'vma'), 0))
    .in('include/linux/secretmem.h')
    .fn('bool vma_is_secretmem(struct vm_area_struct *vma)', (ctx, v) => (asStruct(v, Vma, ctx, 'vma'), 0))
    .in('arch/x86/include/asm/mmu_context.h')
    .fn('bool arch_vma_access_permitted(struct vm_area_struct *vma, bool write, bool execute, bool foreign)', (ctx, v) => (asStruct(v, Vma, ctx, 'vma'), 1))
    // hugetlb lookups: on x86-64 follow_huge_addr() is the generic one (-EINVAL, nothing found by
    // address); the others are reached only for hugetlb or hugepd entries, which the model has none of.
    .in('include/linux/hugetlb.h')
    .fn('struct page *follow_huge_addr(struct mm_struct *mm, unsigned long address, int write)', (ctx) => ctx.mem.ptrAt(BigInt.asUintN(64, -22n), { k: 'void' }))
    // (from v6.1 on, builtins/unmodelled.ts declares these with that release's prototypes)
    .releasesOf({ until: '6.1' })
    .fn('struct page *follow_huge_pd(struct vm_area_struct *vma, unsigned long address, hugepd_t hpd, int flags, int pdshift)', (ctx) => ctx.notModelled('follow_huge_pd: hugepd directories'))
    .fn('struct page *follow_huge_pgd(struct mm_struct *mm, unsigned long address, pgd_t *pgd, int flags)', (ctx) => ctx.notModelled('follow_huge_pgd: hugetlb pgd entries'))
    .fn('struct page *follow_huge_pud(struct mm_struct *mm, unsigned long address, pud_t *pud, int flags)', (ctx) => ctx.notModelled('follow_huge_pud: hugetlb pages'))
    .fn('struct page *follow_huge_pmd(struct mm_struct *mm, unsigned long address, pmd_t *pmd, int flags)', (ctx) => ctx.notModelled('follow_huge_pmd: hugetlb pages'))
    .fn('long follow_hugetlb_page(struct mm_struct *mm, struct vm_area_struct *vma, struct page **pages, struct vm_area_struct **vmas, unsigned long *position, unsigned long *nr_pages, long i, unsigned int flags, int *locked)', (ctx) => ctx.notModelled('follow_hugetlb_page: hugetlb vmas'))
    .fn('unsigned long hugetlb_change_protection(struct vm_area_struct *vma, unsigned long address, unsigned long end, pgprot_t newprot)', (ctx) => ctx.notModelled('hugetlb_change_protection: hugetlb vmas'))
    .in('include/linux/huge_mm.h')
    .fn('struct page *follow_devmap_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags, struct dev_pagemap **pgmap)', (ctx) => ctx.notModelled('follow_devmap_pmd: devmap pmds'))
    .fn('struct page *follow_devmap_pud(struct vm_area_struct *vma, unsigned long addr, pud_t *pud, int flags, struct dev_pagemap **pgmap)', (ctx) => ctx.notModelled('follow_devmap_pud: devmap puds'))
    // mm/gup.c's own helpers for the gate area (the vsyscall page, which the model's mms do not
    // have) and long-term pins, which nothing modelled asks for.
    .in('mm/gup.c')
    .fn('long __gup_longterm_locked(struct mm_struct *mm, unsigned long start, unsigned long nr_pages, struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)', (ctx) => ctx.notModelled('__gup_longterm_locked: FOLL_LONGTERM'))
    .fn('int get_gate_page(struct mm_struct *mm, unsigned long address, unsigned int gup_flags, struct vm_area_struct **vma, struct page **page)', (ctx) => ctx.notModelled('get_gate_page: the gate area'))
    .in('include/linux/swap.h')
    .fn('void put_swap_device(struct swap_info_struct *si)', (ctx) => ctx.notModelled('put_swap_device: swap devices'))
    .releasesOf({})
    .in('include/linux/userfaultfd_k.h')
    .fn('bool userfaultfd_wp(struct vm_area_struct *vma)', (ctx, v) => b((asStruct(v, Vma, ctx, 'vma').flags & VM_UFFD_WP) !== 0n));
  v61Mm(t);
  laterMm(t);
  return t;
}

/** Of a cell an `int *` (atomic_t *) points to: its value, and a setter. */
function cellOf(ctx: ExecCtx, p: Value, what: string): { get: () => number; set: (v: number) => void } {
  if (!(p instanceof Ptr)) return ctx.bug(`${what} is not a pointer`);
  return { get: () => Number(p.region.load(p.index, ctx)), set: (v) => p.region.store(p.index, v, ctx) };
}

/** The mm primitives the v6.1 sources call that v5.14's do not. */
function v61Mm(t: TableBuilder): void {
  t.releasesOf({ from: '6.1' })
    .in('include/linux/mmap_lock.h')
    .gen('int mmap_read_lock_killable(struct mm_struct *mm)', function* (ctx, mmp): Generator<Blocked, Value, void> {
      // nothing kills a model thread: the lock is always taken
      yield* acquire(ctx, asStruct(mmp, MmStruct, ctx, 'mm').mmapLock, true);
      return 0;
    })
    .in('include/linux/mm.h')
    .fn('bool transhuge_vma_suitable(struct vm_area_struct *vma, unsigned long addr)', (ctx, v, addr) => {
      // include/linux/huge_mm.h: the vma's file offset is THP aligned and the THP fits in it
      const vma = asStruct(v, Vma, ctx, 'vma');
      const haddr = (addr as bigint) & ~0x1fffffn;
      if ((((vma.start >> 12n) - vma.pgoff) & 511n) !== 0n) return 0;
      return b(haddr >= vma.start && haddr + 0x200000n <= vma.end);
    })
    .fn('void node_stat_mod_folio(struct folio *folio, int item, int nr)', () => undefined)
    .in('include/asm-generic/barrier.h')
    .fn('void smp_rmb(void)', () => undefined)
    .in('include/linux/atomic.h')
    .fn('int atomic_read(const int *v)', (ctx, p) => cellOf(ctx, p, 'atomic_read').get())
    .fn('void atomic_add(int i, int *v)', (ctx, i, p) => {
      const c = cellOf(ctx, p, 'atomic_add');
      c.set(c.get() + Number(i));
      return undefined;
    })
    .in('include/asm-generic/tlb.h')
    // The model keeps no TLB: the gather only has to be the one mprotect() set up.
    .fn('void tlb_change_page_size(struct mmu_gather *tlb, unsigned int page_size)', (ctx, g) => (gather(ctx, g), undefined))
    .fn('void tlb_start_vma(struct mmu_gather *tlb, struct vm_area_struct *vma)', (ctx, g) => (gather(ctx, g), undefined))
    .fn('void tlb_end_vma(struct mmu_gather *tlb, struct vm_area_struct *vma)', (ctx, g) => (gather(ctx, g), undefined))
    .fn('void tlb_flush_pte_range(struct mmu_gather *tlb, unsigned long address, unsigned long size)', (ctx, g) => (gather(ctx, g), undefined))
    .releasesOf({});
}

function gather(ctx: ExecCtx, g: Value): void {
  const o = objectAt(g);
  if (!o || o.structName !== 'mmu_gather') ctx.bug('tlb is not the mmu_gather of a tlb_gather_mmu()');
}

/** The mm primitives the v6.13 sources call that v6.1's do not. */
function laterMm(t: TableBuilder): void {
  t.releasesOf({ from: '6.13' })
    .in('include/linux/mm.h')
    .fn('struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)', (ctx, mmp, addr) => {
      const v = asStruct(mmp, MmStruct, ctx, 'mm').vmaAt(addr as bigint);
      return v ? v.self : null;
    })
    // no vma of the model is walked without mmap_lock (these are for hugetlb's vma lock)
    .fn('void vma_pgtable_walk_begin(struct vm_area_struct *vma)', (ctx, v) => (asStruct(v, Vma, ctx, 'vma'), undefined))
    .fn('void vma_pgtable_walk_end(struct vm_area_struct *vma)', (ctx, v) => (asStruct(v, Vma, ctx, 'vma'), undefined))
    // x86-64 without LAM: user addresses carry no tag
    .fn('unsigned long untagged_addr_remote(struct mm_struct *mm, unsigned long addr)', (_ctx, _mm, a) => a)
    // no P2P DMA memory and nothing to make accessible on x86-64
    .fn('bool is_pci_p2pdma_page(const struct page *page)', () => 0)
    .fn('int arch_make_folio_accessible(struct folio *folio)', () => 0)
    .in('include/linux/mmap_lock.h')
    .fn('void mmap_assert_locked(const struct mm_struct *mm)', (ctx, mmp) => {
      const mm = asStruct(mmp, MmStruct, ctx, 'mm');
      if (!mm.mmapLock.holders().length) ctx.bug(`mmap_assert_locked: ${mm.mmapLock.name} is not held`);
      return undefined;
    })
    .in('include/linux/sched/signal.h')
    .fn('bool signal_pending(struct task_struct *p)', () => 0)
    .in('include/linux/printk.h')
    .fn('void dump_stack(void)', () => undefined)
    .in('include/linux/atomic.h')
    .fn('void atomic_sub(int i, int *v)', (ctx, i, p) => {
      const c = cellOf(ctx, p, 'atomic_sub');
      c.set(c.get() - Number(i));
      return undefined;
    })
    .releasesOf({});
}
