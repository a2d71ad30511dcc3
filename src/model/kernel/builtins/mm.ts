// mm-level primitives: vma lookup, mmap_lock, mm references, the fault entry, the THP split
// primitive, anon_vma locking and its interval tree, RCU, scheduling points, ERR_PTR.

import { Ptr, type Blocked, type BuiltinTable, type Value } from '../../interp/api.js';
import { kernelOf } from '../state.js';
import { acquire, release, tryAcquire } from '../locks.js';
import { objectAt } from '../object.js';
import { handleMmFault, splitHugePmdLocked } from '../mm/memory.js';
import { chainsOverlapping, asStruct, AnonVma, AnonVmaChain, MmStruct, RbRoot, Vma } from '../mm/vma.js';
import { slotOf } from './pgtable.js';
import { TableBuilder, b } from './def.js';

const MAX_ERRNO = 4095n;

function isErr(p: Value): boolean {
  if (!(p instanceof Ptr)) return false;
  return BigInt.asUintN(64, p.address) >= (1n << 64n) - MAX_ERRNO;
}

export function mmBuiltins(): BuiltinTable {
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
    .fn('void touch_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags)', () => undefined)
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
    .fn('long PTR_ERR(const void *ptr)', (_ctx, p) => (p instanceof Ptr ? BigInt.asIntN(64, p.address) : 0n));
  return t.t;
}
