// Where threads can interact, as data: the operations a schedule explorer may switch threads
// before, and what each touches. Two operations of different threads conflict when they touch
// the same object and not both only share it (two read locks of one rwsem); conflicting
// operations are the ones whose order can matter, so only their orders are explored
// (src/replay/explore/dpor.ts). The objects: a lock (spinlock, mutex, rwsem, mmap_lock), a page
// (its lock and its references together: a free is a reference change), a page table (its ptes
// and their lock, which guards them), an mm's notifier subscriptions.
//
// Runtime code names its points itself (ctx.preemptPoint: `acquire` in locks.ts, `notifier` in
// mm/mmu_notifier.ts); the builtins below are points when a program is compiled for schedule
// exploration (they are then declared blocking, so that their callers can pause there).

import { Ptr, type ExecCtx, type Value } from '../interp/api.js';
import { kernelOf } from './state.js';
import { LockBase } from './locks.js';
import { pg } from './builtins/page.js';
import { hex } from './object.js';
import { PageTable } from './mm/pgtable.js';
import { MmStruct, asStruct } from './mm/vma.js';

export interface Access {
  /** What it touches ("page 0x1004", "lock mmap_lock of mm 1"); "*" when it cannot be told. */
  obj: string;
  /** Only shares it (a read lock): two shared accesses do not conflict. */
  shared: boolean;
  /** The operation in words, for step lists: "unlock_page(pfn 0x1004)". */
  what: string;
}

type AccessOf = (ctx: ExecCtx, args: readonly unknown[]) => Access;

const lockAccess = (l: LockBase, shared: boolean, op: string): Access => ({ obj: `lock ${l.name}`, shared, what: `${op} ${l.name}` });

function pageAccess(op: string, arg = 0): AccessOf {
  return (ctx, args) => {
    const { h } = pg(ctx, args[arg] as Value);
    return { obj: `page ${hex(BigInt(h.pfn))}`, shared: false, what: `${op}(pfn ${hex(BigInt(h.pfn))})` };
  };
}

function lockArg(kind: 'spinlock' | 'mutex' | 'rwsem', op: string, arg = 0, shared = false): AccessOf {
  return (ctx, args) => lockAccess(kernelOf(ctx).locks.resolve(args[arg] as Value, ctx, kind), shared, op);
}

function mmapLock(op: string, shared: boolean): AccessOf {
  return (ctx, args) => lockAccess(asStruct(args[0] as Value, MmStruct, ctx, 'mm').mmapLock, shared, op);
}

/** A pte operation: the pte table it writes (its lock guards it: the same object). */
function pteAccess(op: string, arg: number): AccessOf {
  return (_ctx, args) => {
    const p = args[arg];
    if (!(p instanceof Ptr) || !(p.region instanceof PageTable) || !p.region.lock) return { obj: '*', shared: false, what: op };
    const l = p.region.lock;
    return { obj: `lock ${l.name}`, shared: false, what: `${op} at ${hex(p.region.addrOf(p.index))}` };
  };
}

/** Points runtime code names (ctx.preemptPoint). */
const RUNTIME_POINTS: Record<string, AccessOf> = {
  acquire: (_ctx, [lock, shared]) => lockAccess(lock as LockBase, shared === true, shared === true ? 'read-lock' : 'lock'),
  notifier: (_ctx, [mm]) => ({ obj: `notifier mm ${(mm as MmStruct).id}`, shared: false, what: `MMU notifiers of mm ${(mm as MmStruct).id}` }),
};

/** Builtins that are points in a program compiled for schedule exploration. */
export const BUILTIN_POINTS: Record<string, AccessOf> = {
  // unlocks, trylocks and page locks (spin_lock, mutex_lock, mmap_*_lock ... are `acquire`)
  spin_unlock: lockArg('spinlock', 'unlock'),
  mutex_unlock: lockArg('mutex', 'unlock'),
  mutex_trylock: lockArg('mutex', 'trylock'),
  up_read: lockArg('rwsem', 'read-unlock', 0, true),
  up_write: lockArg('rwsem', 'unlock'),
  down_read_trylock: lockArg('rwsem', 'read-trylock', 0, true),
  mmap_read_unlock: mmapLock('read-unlock', true),
  mmap_write_unlock: mmapLock('unlock', false),
  pte_unmap_unlock: lockArg('spinlock', 'unlock', 1),
  trylock_page: pageAccess('trylock_page'),
  lock_page: pageAccess('lock_page'),
  unlock_page: pageAccess('unlock_page'),
  lock_page_or_retry: pageAccess('lock_page_or_retry'),
  folio_trylock: pageAccess('folio_trylock'),
  __folio_lock: pageAccess('folio_lock'),
  folio_unlock: pageAccess('folio_unlock'),
  __folio_lock_or_retry: pageAccess('folio_lock_or_retry'),
  // references
  get_page: pageAccess('get_page'),
  put_page: pageAccess('put_page'),
  try_grab_page: pageAccess('try_grab_page'),
  folio_get: pageAccess('folio_get'),
  folio_put: pageAccess('folio_put'),
  folio_ref_inc: pageAccess('folio_ref_inc'),
  folio_ref_add: pageAccess('folio_ref_add'),
  page_ref_add_unless: pageAccess('page_ref_add_unless'),
  // page-table entries
  set_pte_at: pteAccess('set_pte_at', 2),
  pte_clear: pteAccess('pte_clear', 2),
  ptep_clear_flush: pteAccess('ptep_clear_flush', 2),
  ptep_modify_prot_start: pteAccess('ptep_modify_prot_start', 2),
  ptep_modify_prot_commit: pteAccess('ptep_modify_prot_commit', 2),
  // sleeping on a wait queue (mmu_interval_read_begin() during an invalidation): its waker is not
  // known here, so it conflicts with everything
  __wait_event_sleep: () => ({ obj: '*', shared: false, what: 'sleep on a wait queue' }),
  // notifier subscriptions
  mmu_interval_notifier_insert: (ctx, args) => {
    const mm = asStruct(args[1] as Value, MmStruct, ctx, 'mm');
    return { obj: `notifier mm ${mm.id}`, shared: false, what: `mmu_interval_notifier_insert on mm ${mm.id}` };
  },
};

/** What operation `op` with `args` touches; "*" (conflicts with everything) when it cannot be read. */
export function accessOf(ctx: ExecCtx, op: string, args: readonly unknown[]): Access {
  const f = BUILTIN_POINTS[op] ?? RUNTIME_POINTS[op];
  if (!f) return { obj: '*', shared: false, what: op };
  try {
    return f(ctx, args);
  } catch {
    // a bad argument: the call itself reports it when it runs
    return { obj: '*', shared: false, what: op };
  }
}

/** Whether two operations' order can matter. */
export function conflicts(a: Access, b: Access): boolean {
  if (a.obj === '*' || b.obj === '*') return true;
  return a.obj === b.obj && !(a.shared && b.shared);
}
