// struct page primitives: flags and compound tests (include/linux/page-flags.h), references
// (include/linux/mm.h), the page lock (include/linux/pagemap.h, mm/filemap.c), mapcounts and
// anon rmap accounting (include/linux/mm.h, mm/rmap.c), as in v5.14, with the v6.1 prototypes
// where they changed (the folio primitives of v6.1 are in folio.ts).

import type { Blocked, ExecCtx, Value } from '../../interp/api.js';
import { kernelOf, type Kernel } from '../state.js';
import { fnOf, traceLock } from '../locks.js';
import { hex } from '../object.js';
import { pageOf, type PageState } from '../mm/page.js';
import { asStruct, MmStruct, Vma } from '../mm/vma.js';
import { TableBuilder, b } from './def.js';

const FOLL_GET = 0x04;
const FOLL_PIN = 0x40000;
const FAULT_FLAG_ALLOW_RETRY = 0x04;
const FAULT_FLAG_RETRY_NOWAIT = 0x08;
const FAULT_FLAG_TRIED = 0x20;
const RMAP_EXCLUSIVE = 1 << 0;
const RMAP_COMPOUND = 1 << 1;
const VM_LOCKED = 0x2000n;

export function pg(ctx: ExecCtx, p: Value, what = 'page'): { k: Kernel; s: PageState; h: PageState } {
  const k = kernelOf(ctx);
  const s = pageOf(k.memmap, p, ctx, what);
  return { k, s, h: k.memmap.headOf(s) };
}

function isAnonHead(h: PageState): boolean {
  return h.mapping !== null && (Number(h.mapping.address & 3n) === 1);
}

export function touch(ctx: ExecCtx, s: PageState): void {
  s.lastFn = fnOf(ctx);
}

function pageLockName(h: PageState): string {
  return `page lock of pfn ${hex(BigInt(h.pfn))}`;
}

/** page_mapcount() of v5.14 (include/linux/mm.h, __page_mapcount in mm/util.c). */
export function pageMapcount(k: Kernel, s: PageState): number {
  const h = k.memmap.headOf(s);
  if (!s.isTail && !s.isHead) return s.mapcount + 1;
  let ret = s.mapcount + 1;
  if (!isAnonHead(h)) return ret;
  ret += h.compoundMapcount + 1;
  return ret;
}

/** page_mapped() of v5.14. */
export function pageMapped(k: Kernel, s: PageState): boolean {
  if (!s.isTail && !s.isHead) return s.mapcount >= 0;
  const h = k.memmap.headOf(s);
  if (h.compoundMapcount >= 0) return true;
  for (let i = 0; i < 1 << h.order; i++) if (k.memmap.state(h.pfn + i).mapcount >= 0) return true;
  return false;
}

export function getPage(ctx: ExecCtx, h: PageState): void {
  if (h.refcount <= 0) ctx.bug(`get_page on pfn ${hex(BigInt(h.pfn))} with refcount ${h.refcount} (VM_BUG_ON_PAGE(page_ref_zero_or_close_to_overflow))`);
  h.refcount++;
  touch(ctx, h);
  h.refIn = h.lastFn;
}

export function putPage(ctx: ExecCtx, h: PageState): void {
  if (h.refcount <= 0) ctx.bug(`put_page on pfn ${hex(BigInt(h.pfn))} whose refcount is already ${h.refcount}`);
  h.refcount--;
  touch(ctx, h);
  if (h.refcount === 0) {
    if (pageMappedRaw(h)) ctx.bug(`pfn ${hex(BigInt(h.pfn))} freed while still mapped (bad page state)`);
    if (h.lockedBy) ctx.bug(`pfn ${hex(BigInt(h.pfn))} freed while locked (bad page state)`);
    // A thread asleep on the page lock holds no reference: it wakes on a freed page.
    for (const w of h.lockWaiters ?? []) {
      ctx.hazard('wait-on-unreferenced-page', `pfn ${hex(BigInt(h.pfn))} is freed (its last reference dropped in ${h.lastFn}()) while ${w.thread.name} waits for its page lock in ${w.fn}() without holding a reference`);
    }
  }
}

/** Sleep until the page lock is free, as a waiter the page's free can see. */
function* waitUnlocked(ctx: ExecCtx, h: PageState): Generator<Blocked, void, void> {
  // named by the caller of the lock helpers (folio_lock_or_retry() is model C in v6.1)
  const me = { thread: ctx.thread, fn: [...ctx.stack()].reverse().find((f) => !f.includes('lock')) ?? fnOf(ctx) };
  (h.lockWaiters ??= []).push(me);
  try {
    const w = pageLockWait(h);
    while (h.lockedBy) yield { blockedOn: w };
  } finally {
    h.lockWaiters.splice(h.lockWaiters.indexOf(me), 1);
  }
}

function pageMappedRaw(h: PageState): boolean {
  return h.mapcount >= 0 || h.compoundMapcount >= 0;
}

/** The page lock as a Waitable. */
function pageLockWait(h: PageState): { name: string; holder: () => import('../../interp/api.js').ThreadRef | null; ready: () => boolean } {
  return { name: pageLockName(h), holder: () => h.lockedBy, ready: () => h.lockedBy === null };
}

export function tryLockPage(ctx: ExecCtx, h: PageState): boolean {
  if (h.lockedBy) {
    traceLock(ctx, 'trylock-fail', pageLockName(h));
    return false;
  }
  h.lockedBy = ctx.thread;
  touch(ctx, h);
  h.lockedIn = h.lastFn;
  traceLock(ctx, 'acquire', pageLockName(h));
  return true;
}

export function* lockPage(ctx: ExecCtx, h: PageState): Generator<Blocked, void, void> {
  if (h.lockedBy) {
    traceLock(ctx, 'block', pageLockName(h));
    yield* waitUnlocked(ctx, h);
  }
  h.lockedBy = ctx.thread;
  touch(ctx, h);
  h.lockedIn = h.lastFn;
  traceLock(ctx, 'acquire', pageLockName(h));
}

export function unlockPage(ctx: ExecCtx, h: PageState): void {
  if (!h.lockedBy) ctx.bug(`unlock_page of pfn ${hex(BigInt(h.pfn))}, which is not locked (VM_BUG_ON_PAGE(!PageLocked(page)))`);
  h.lockedBy = null;
  touch(ctx, h);
  traceLock(ctx, 'release', pageLockName(h));
}

export function pageBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/page-flags.h');
  t.fn('struct page *compound_head(struct page *page)', (ctx, p) => {
    const { k, h } = pg(ctx, p);
    return k.memmap.ptr(h.pfn);
  })
    .fn('bool PageTail(struct page *page)', (ctx, p) => b(pg(ctx, p).s.isTail))
    .fn('bool PageHead(struct page *page)', (ctx, p) => b(pg(ctx, p).s.isHead))
    .fn('bool PageCompound(struct page *page)', (ctx, p) => {
      const { s } = pg(ctx, p);
      return b(s.isHead || s.isTail);
    })
    .fn('bool PageTransCompound(struct page *page)', (ctx, p) => {
      const { s } = pg(ctx, p);
      return b(s.isHead || s.isTail);
    })
    .fn('bool PageTransHuge(struct page *page)', (ctx, p) => b(pg(ctx, p).s.isHead))
    .fn('bool PageHuge(struct page *page)', (ctx, p) => (pg(ctx, p), 0))
    .fn('bool PageAnon(struct page *page)', (ctx, p) => b(isAnonHead(pg(ctx, p).h)))
    .fn('bool PageKsm(struct page *page)', (ctx, p) => {
      const { h } = pg(ctx, p);
      return b(h.mapping !== null && (h.mapping.address & 3n) === 3n);
    })
    .fn('bool PageLocked(struct page *page)', (ctx, p) => b(pg(ctx, p).h.lockedBy !== null))
    .fn('bool PageDirty(struct page *page)', (ctx, p) => b(pg(ctx, p).h.dirty))
    .fn('bool PageMlocked(struct page *page)', (ctx, p) => b(pg(ctx, p).h.mlocked))
    .fn('bool is_zone_device_page(struct page *page)', (ctx, p) => (pg(ctx, p), 0))
    .fn('void clear_page_mlock(struct page *page)', (ctx, p) => {
      pg(ctx, p).h.mlocked = false;
      return undefined;
    })
    .in('include/linux/mm.h')
    .fn('unsigned long page_to_pfn(struct page *page)', (ctx, p) => BigInt(pg(ctx, p).s.pfn))
    .fn('struct page *pfn_to_page(unsigned long pfn)', (ctx, pfn) => {
      const k = kernelOf(ctx);
      const n = Number(pfn as bigint);
      if (!k.memmap.exists(n)) return ctx.bug(`pfn_to_page(${hex(pfn as bigint)}): no such page in the model`);
      return k.memmap.ptr(n);
    })
    .fn('unsigned int compound_order(struct page *page)', (ctx, p) => {
      const { s } = pg(ctx, p);
      return s.isHead ? s.order : 0;
    })
    .fn('unsigned long compound_nr(struct page *page)', (ctx, p) => {
      const { s } = pg(ctx, p);
      return s.isHead ? BigInt(1 << s.order) : 1n;
    })
    .fn('unsigned long page_size(struct page *page)', (ctx, p) => {
      const { s } = pg(ctx, p);
      return 4096n << BigInt(s.isHead ? s.order : 0);
    })
    .fn('int thp_nr_pages(struct page *page)', (ctx, p) => {
      // VM_BUG_ON_PGFLAGS(PageTail(page)) needs CONFIG_DEBUG_VM_PGFLAGS: off in the model, as in
      // most builds (notes §1.6).
      const { s } = pg(ctx, p);
      return s.isHead ? 1 << s.order : 1;
    })
    .fn('unsigned long page_to_pgoff(struct page *page)', (ctx, p) => {
      const { s, h } = pg(ctx, p);
      return s.isTail ? h.index + BigInt(s.pfn - h.pfn) : s.index;
    })
    .fn('struct anon_vma *page_anon_vma(struct page *page)', (ctx, p) => {
      const { h } = pg(ctx, p);
      if (!isAnonHead(h)) return null;
      return ctx.mem.ptrAt(h.mapping!.address - 1n, { k: 'struct', name: 'anon_vma' });
    })
    .fn('int page_mapcount(struct page *page)', (ctx, p) => {
      const { k, s } = pg(ctx, p);
      return pageMapcount(k, s);
    })
    .fn('bool page_mapped(struct page *page)', (ctx, p) => {
      const { k, s } = pg(ctx, p);
      return b(pageMapped(k, s));
    })
    .fn('void get_page(struct page *page)', (ctx, p) => {
      getPage(ctx, pg(ctx, p).h);
      return undefined;
    })
    .fn('void put_page(struct page *page)', (ctx, p) => {
      putPage(ctx, pg(ctx, p).h);
      return undefined;
    })
    // mm/gup.c: a primitive until v6.1, model C from then on
    .releasesOf({ until: '6.1' })
    .fn('bool try_grab_page(struct page *page, unsigned int flags)', (ctx, p, flags) => {
      const f = Number(flags);
      if (f & FOLL_PIN) ctx.notModelled('try_grab_page with FOLL_PIN');
      if (f & FOLL_GET) getPage(ctx, pg(ctx, p).h);
      return 1;
    })
    .releasesOf({})
    .fn('int set_page_dirty(struct page *page)', (ctx, p) => {
      const { h } = pg(ctx, p);
      const was = h.dirty;
      h.dirty = true;
      return b(!was);
    })
    .fn('void mark_page_accessed(struct page *page)', (ctx, p) => {
      pg(ctx, p).h.referenced = true;
      return undefined;
    })
    .fn('void flush_anon_page(struct vm_area_struct *vma, struct page *page, unsigned long vmaddr)', () => undefined)
    .fn('void flush_dcache_page(struct page *page)', () => undefined)
    .fn('void mlock_vma_page(struct page *page)', (ctx) => ctx.notModelled('mlock_vma_page: VM_LOCKED vmas'))
    .fn('int compound_mapcount(struct page *page)', (ctx, p) => pg(ctx, p).h.compoundMapcount + 1)
    .fn('bool PageDoubleMap(struct page *page)', (ctx) => ctx.notModelled('PageDoubleMap: double-mapped THPs'))
    .fn('void lru_add_drain(void)', () => undefined) // no per-CPU LRU caches in the model
    .fn('int arch_make_page_accessible(struct page *page)', () => 0) // x86-64: always accessible
    .fn('void unpin_user_page(struct page *page)', (ctx) => ctx.notModelled('unpin_user_page: FOLL_PIN'))
    .fn('struct dev_pagemap *get_dev_pagemap(unsigned long pfn, struct dev_pagemap *pgmap)', (ctx) => ctx.notModelled('get_dev_pagemap: ZONE_DEVICE (devmap) pages'))
    .fn('bool is_huge_zero_page(struct page *page)', (ctx, p) => b(pg(ctx, p).h.kind === 'zero' && pg(ctx, p).h.order > 0))
    .fn('bool is_zero_pfn(unsigned long pfn)', (ctx, pfn) => {
      const k = kernelOf(ctx);
      const n = Number(pfn as bigint);
      return b(k.memmap.exists(n) && k.memmap.state(n).kind === 'zero');
    })
    .in('include/linux/pagemap.h')
    .fn('bool trylock_page(struct page *page)', (ctx, p) => b(tryLockPage(ctx, pg(ctx, p).h)))
    .gen('void lock_page(struct page *page)', function* (ctx, p) {
      yield* lockPage(ctx, pg(ctx, p).h);
      return undefined;
    })
    .fn('void unlock_page(struct page *page)', (ctx, p) => {
      unlockPage(ctx, pg(ctx, p).h);
      return undefined;
    })
    .releasesOf({ until: '6.1' })
    .gen('bool lock_page_or_retry(struct page *page, struct mm_struct *mm, unsigned int flags)', function* (ctx, p, mmp, flags) {
      const { h } = pg(ctx, p);
      if (tryLockPage(ctx, h)) return 1;
      return b(yield* lockOrRetry(ctx, h, mmp, Number(flags)));
    })
    .releasesOf({})
    .in('mm/rmap.c')
    .releasesOf({ until: '6.1' })
    .fn('void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address, bool compound)', (ctx, p, vmap, _addr, compound) => {
      const { s, h } = pg(ctx, p);
      asStruct(vmap, Vma, ctx, 'vma');
      if (Number(compound)) ctx.notModelled('page_add_anon_rmap of a whole compound page');
      // do_page_add_anon_rmap(): VM_BUG_ON_PAGE(!PageLocked(page)) for non-KSM pages.
      if (!h.lockedBy) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is not locked (VM_BUG_ON_PAGE(!PageLocked(page)))`);
      s.mapcount++;
      touch(ctx, s);
      return undefined;
    })
    .fn('void page_remove_rmap(struct page *page, bool compound)', (ctx, p, compound) => {
      const { s } = pg(ctx, p);
      if (Number(compound)) ctx.notModelled('page_remove_rmap of a whole compound page');
      if (s.mapcount < 0) ctx.bug(`page_remove_rmap: pfn ${hex(BigInt(s.pfn))} is not mapped (mapcount underflow)`);
      s.mapcount--;
      touch(ctx, s);
      return undefined;
    })
    .releasesOf({ from: '6.1', until: '6.8' })
    .fn('void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address, rmap_t flags)', (ctx, p, vmap, _addr, flags) => {
      // v6.1: the first mapping of a page sets PG_anon_exclusive when RMAP_EXCLUSIVE asks for it
      // (__page_set_anon_rmap()); a later one must not ask for it nor find the page exclusive.
      const { s, h } = pg(ctx, p);
      const vma = asStruct(vmap, Vma, ctx, 'vma');
      const f = Number(flags);
      if (f & RMAP_COMPOUND) ctx.notModelled('page_add_anon_rmap of a whole compound page (RMAP_COMPOUND)');
      if (!h.lockedBy) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is not locked (VM_BUG_ON_PAGE(!PageLocked(page)))`);
      const first = ++s.mapcount === 0;
      if (!first && f & RMAP_EXCLUSIVE) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is mapped already but RMAP_EXCLUSIVE is asked for (VM_BUG_ON_PAGE)`);
      if (!first && s.anonExclusive) ctx.bug(`page_add_anon_rmap: pfn ${hex(BigInt(s.pfn))} is mapped already and PageAnonExclusive (VM_BUG_ON_PAGE)`);
      if (first && f & RMAP_EXCLUSIVE) s.anonExclusive = true;
      touch(ctx, s);
      if (vma.flags & VM_LOCKED) ctx.notModelled('mlock_vma_page: VM_LOCKED vmas');
      return undefined;
    })
    .fn('void page_remove_rmap(struct page *page, struct vm_area_struct *vma, bool compound)', (ctx, p, vmap, compound) => {
      const { s } = pg(ctx, p);
      const vma = asStruct(vmap, Vma, ctx, 'vma');
      if (Number(compound)) ctx.notModelled('page_remove_rmap of a whole compound page');
      if (s.mapcount < 0) ctx.bug(`page_remove_rmap: pfn ${hex(BigInt(s.pfn))} is not mapped (mapcount underflow)`);
      s.mapcount--;
      touch(ctx, s);
      if (vma.flags & VM_LOCKED) ctx.notModelled('munlock_vma_page: VM_LOCKED vmas');
      return undefined;
    })
    .releasesOf({});
  return t;
}

/**
 * The slow path of lock_page_or_retry() (v5.14) and __folio_lock_or_retry() (v6.1), after a
 * failed trylock. On a first attempt with ALLOW_RETRY (fault_flag_allow_retry_first(): ALLOW_RETRY
 * and not TRIED) the fault drops mmap_lock, waits for the unlock and returns false
 * (VM_FAULT_RETRY); with RETRY_NOWAIT it returns false at once; otherwise the fault sleeps for
 * the lock itself (killable or not: nothing kills a model thread) and returns true.
 */
export function* lockOrRetry(ctx: ExecCtx, h: PageState, mmp: Value, f: number): Generator<Blocked, boolean, void> {
  if (f & FAULT_FLAG_ALLOW_RETRY && !(f & FAULT_FLAG_TRIED)) {
    if (f & FAULT_FLAG_RETRY_NOWAIT) return false;
    const mm = asStruct(mmp, MmStruct, ctx, 'mm');
    const k = kernelOf(ctx);
    yield* dropMmapLock(ctx, k, mm);
    traceLock(ctx, 'block', pageLockName(h));
    yield* waitUnlocked(ctx, h);
    return false;
  }
  // FAULT_FLAG_KILLABLE or not: nothing kills a model thread.
  yield* lockPage(ctx, h);
  return true;
}

/** Drop the caller's mmap_lock (read) as lock_page_or_retry() does before waiting. */
function* dropMmapLock(ctx: ExecCtx, _k: Kernel, mm: MmStruct): Generator<Blocked, void, void> {
  const held = mm.mmapLock.readers.has(ctx.thread.id) || mm.mmapLock.writer?.id === ctx.thread.id;
  if (!held) return ctx.bug('lock_page_or_retry with ALLOW_RETRY but mmap_lock not held');
  const shared = mm.mmapLock.writer?.id !== ctx.thread.id;
  mm.mmapLock.drop(ctx.thread, shared);
  traceLock(ctx, 'release', mm.mmapLock.name);
}

export { isAnonHead };
