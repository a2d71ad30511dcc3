// Folio primitives of v6.1 (include/linux/page-flags.h, mm.h, page_ref.h, pagemap.h, mm/util.c,
// mm/filemap.c): a folio is the compound page seen from its head, on the same memmap state as
// the page primitives -- page_folio() gives the head's struct page, the folio lock is the head's
// PG_locked, the folio's references are the head's _refcount, its mapcount sums the subpages'.
// PG_anon_exclusive is per subpage (PF_ANY).

import { type Blocked, type ExecCtx, type Value } from '../../interp/api.js';
import { hex, structAt } from '../object.js';
import type { PageState } from '../mm/page.js';
import { TableBuilder, b } from './def.js';
import { getPage, isAnonHead, lockOrRetry, lockPage, pageMapped, pg, putPage, touch, tryLockPage, unlockPage } from './page.js';
import { kernelOf } from '../state.js';
import { asStruct, Vma } from '../mm/vma.js';

const VM_FAULT_RETRY = 0x400;

/** folio_mapcount() of v6.1 (mm/util.c): every PTE mapping of a subpage plus the PMD mappings. */
function folioMapcount(ctx: ExecCtx, h: PageState): number {
  if (!h.isHead) return h.mapcount + 1;
  const k = kernelOf(ctx);
  let ret = h.compoundMapcount + 1;
  for (let i = 0; i < 1 << h.order; i++) ret += k.memmap.state(h.pfn + i).mapcount + 1;
  return ret;
}

/** The head of a folio pointer (a folio pointer that is not a head is a model C bug). */
function head(ctx: ExecCtx, p: Value): PageState {
  const { s } = pg(ctx, p, 'folio');
  if (s.isTail) return ctx.bug(`struct folio * points at tail page pfn ${hex(BigInt(s.pfn))}, not at a folio's head`);
  return s;
}

export function folioBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/page-flags.h').releasesOf({ from: '6.1' });
  t.fn('struct folio *page_folio(struct page *p)', (ctx, p) => {
    const { k, h } = pg(ctx, p);
    return k.memmap.ptr(h.pfn);
  })
    .fn('bool folio_test_large(struct folio *folio)', (ctx, p) => b(head(ctx, p).isHead))
    .fn('bool folio_test_anon(struct folio *folio)', (ctx, p) => b(isAnonHead(head(ctx, p))))
    .fn('bool folio_test_ksm(struct folio *folio)', (ctx, p) => {
      const h = head(ctx, p);
      return b(h.mapping !== null && (h.mapping.address & 3n) === 3n);
    })
    .fn('bool folio_test_locked(struct folio *folio)', (ctx, p) => b(head(ctx, p).lockedBy !== null))
    .fn('bool folio_test_hugetlb(struct folio *folio)', (ctx, p) => (head(ctx, p), 0))
    .fn('int PageAnonExclusive(struct page *page)', (ctx, p) => b(pg(ctx, p).s.anonExclusive))
    .fn('void SetPageAnonExclusive(struct page *page)', (ctx, p) => {
      const { s } = pg(ctx, p);
      s.anonExclusive = true;
      touch(ctx, s);
      return undefined;
    })
    .fn('void ClearPageAnonExclusive(struct page *page)', (ctx, p) => {
      const { s } = pg(ctx, p);
      s.anonExclusive = false;
      touch(ctx, s);
      return undefined;
    })
    .in('include/linux/mm.h')
    .fn('void folio_get(struct folio *folio)', (ctx, p) => {
      getPage(ctx, head(ctx, p));
      return undefined;
    })
    .fn('void folio_put(struct folio *folio)', (ctx, p) => {
      putPage(ctx, head(ctx, p));
      return undefined;
    })
    .fn('int page_count(struct page *page)', (ctx, p) => pg(ctx, p).h.refcount)
    .fn('bool folio_mapped(struct folio *folio)', (ctx, p) => {
      const h = head(ctx, p);
      return b(pageMapped(kernelOf(ctx), h));
    })
    .fn('int folio_mapcount(struct folio *folio)', (ctx, p) => folioMapcount(ctx, head(ctx, p)))
    .fn('struct anon_vma *folio_anon_vma(struct folio *folio)', (ctx, p) => {
      const h = head(ctx, p);
      if (!isAnonHead(h)) return null;
      return ctx.mem.ptrAt(h.mapping!.address - 1n, { k: 'struct', name: 'anon_vma' });
    })
    .fn('bool folio_mark_dirty(struct folio *folio)', (ctx, p) => {
      const h = head(ctx, p);
      const was = h.dirty;
      h.dirty = true;
      return b(!was);
    })
    .in('include/linux/page_ref.h')
    .fn('int folio_ref_count(const struct folio *folio)', (ctx, p) => head(ctx, p).refcount)
    .fn('void folio_ref_inc(struct folio *folio)', (ctx, p) => {
      const h = head(ctx, p);
      h.refcount++;
      touch(ctx, h);
      h.refIn = h.lastFn;
      return undefined;
    })
    .fn('void folio_ref_add(struct folio *folio, int nr)', (ctx, p, nr) => {
      const h = head(ctx, p);
      h.refcount += Number(nr);
      touch(ctx, h);
      h.refIn = h.lastFn;
      return undefined;
    })
    .fn('bool page_ref_add_unless(struct page *page, int nr, int u)', (ctx, p, nr, u) => {
      // atomic_add_unless() on this very struct page's _refcount: a tail page's is always 0.
      const { s } = pg(ctx, p);
      if (s.refcount === Number(u)) return 0;
      s.refcount += Number(nr);
      touch(ctx, s);
      s.refIn = s.lastFn;
      return 1;
    })
    .in('include/linux/pagemap.h')
    .fn('bool folio_trylock(struct folio *folio)', (ctx, p) => b(tryLockPage(ctx, head(ctx, p))))
    .gen('void __folio_lock(struct folio *folio)', function* (ctx, p): Generator<Blocked, Value, void> {
      yield* lockPage(ctx, head(ctx, p));
      return undefined;
    })
    .fn('void folio_unlock(struct folio *folio)', (ctx, p) => {
      unlockPage(ctx, head(ctx, p));
      return undefined;
    })
    .releasesOf({ from: '6.1', until: '6.5' })
    .gen('bool __folio_lock_or_retry(struct folio *folio, struct mm_struct *mm, unsigned int flags)', function* (ctx, p, mmp, flags): Generator<Blocked, Value, void> {
      // mm/filemap.c: called after folio_trylock() failed
      return b(yield* lockOrRetry(ctx, head(ctx, p), mmp, Number(flags)));
    })
    .releasesOf({ from: '6.5' })
    .gen('vm_fault_t __folio_lock_or_retry(struct folio *folio, struct vm_fault *vmf)', function* (ctx, p, vmfp): Generator<Blocked, Value, void> {
      // the same, told by the vm_fault: 0 once locked, else VM_FAULT_RETRY
      const vmf = structAt(vmfp, ctx, 'vmf');
      const vma = asStruct(vmf.get('vma', ctx), Vma, ctx, 'vmf->vma');
      return (yield* lockOrRetry(ctx, head(ctx, p), vma.mm.self, Number(vmf.get('flags', ctx)))) ? 0 : VM_FAULT_RETRY;
    });
  laterFolios(t);
  return t;
}

/** The folio primitives the v6.13 sources call that v6.1's do not. */
function laterFolios(t: TableBuilder): void {
  t.releasesOf({ from: '6.13' })
    .in('include/linux/page-flags.h')
    .fn('bool folio_test_dirty(const struct folio *folio)', (ctx, p) => b(head(ctx, p).dirty))
    .in('include/linux/mm.h')
    .fn('bool is_zero_folio(const struct folio *folio)', (ctx, p) => b(head(ctx, p).kind === 'zero'))
    .fn('void folio_put_refs(struct folio *folio, int refs)', (ctx, p, refs) => {
      const h = head(ctx, p);
      for (let i = 0; i < Number(refs); i++) putPage(ctx, h);
      return undefined;
    })
    .in('mm/swap.c')
    .fn('void folio_mark_accessed(struct folio *folio)', (ctx, p) => {
      head(ctx, p).referenced = true;
      return undefined;
    })
    .in('include/linux/pagemap.h')
    .gen('int folio_lock_killable(struct folio *folio)', function* (ctx, p): Generator<Blocked, Value, void> {
      // nothing kills a model thread: the lock is always taken
      yield* lockPage(ctx, head(ctx, p));
      return 0;
    })
    // no ZONE_DEVICE folios in the model: no devmap-managed references to drop (gone in 6.15)
    .releasesOf({ from: '6.13', until: '6.15' })
    .in('include/linux/mm.h')
    .fn('bool put_devmap_managed_folio_refs(struct folio *folio, int refs)', (ctx, p) => (head(ctx, p), 0))
    .releasesOf({});
}
