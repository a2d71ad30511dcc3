// The folio rmap calls of 6.8 on (mm/rmap.c): folio_add_anon_rmap_ptes() and
// folio_remove_rmap_ptes() map or unmap @nr_pages consecutive pages of one folio by PTEs. On the
// memmap state the mapcounts are the subpages' _mapcount (a large folio's _large_mapcount and
// _nr_pages_mapped are sums of them, which folio_mapcount() adds up); PG_anon_exclusive is per
// subpage. Unlike page_add_anon_rmap() of v6.1, adding to an anonymous folio no longer asserts
// the page lock (only a folio that is not anonymous yet needs it).

import type { ExecCtx, Value } from '../../interp/api.js';
import { hex } from '../object.js';
import type { PageState } from '../mm/page.js';
import { asStruct, Vma } from '../mm/vma.js';
import type { Kernel } from '../state.js';
import { TableBuilder } from './def.js';
import { isAnonHead, pg, touch } from './page.js';

const RMAP_EXCLUSIVE = 1 << 0;
const VM_LOCKED = 0x2000n;

/** The @nr pages from @page, checked to lie in @folio (__folio_rmap_sanity_checks()). */
function pagesOf(ctx: ExecCtx, k: Kernel, folioP: Value, pageP: Value, nr: number, fn: string): { h: PageState; pages: PageState[] } {
  const h = pg(ctx, folioP, 'folio').s;
  const first = pg(ctx, pageP).s;
  if (h.isTail) return ctx.bug(`${fn}: struct folio * points at tail page pfn ${hex(BigInt(h.pfn))}`);
  const last = first.pfn + nr - 1;
  if (nr < 1 || k.memmap.headOf(first) !== h || !k.memmap.exists(last) || k.memmap.headOf(k.memmap.state(last)) !== h) {
    ctx.hazard('warn', `${fn}: pages pfn ${hex(BigInt(first.pfn))} + ${nr} are not all in the folio of pfn ${hex(BigInt(h.pfn))} (VM_WARN_ON_FOLIO)`);
  }
  const pages: PageState[] = [];
  for (let i = 0; i < nr; i++) pages.push(k.memmap.state(first.pfn + i));
  return { h, pages };
}

export function folioRmapBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/rmap.h').releasesOf({ from: '6.8' });
  t.fn('void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, int nr_pages, struct vm_area_struct *vma, unsigned long address, rmap_t flags)', (ctx, f, p, n, vmap, _addr, flags) => {
    const { k } = pg(ctx, f, 'folio');
    const { h, pages } = pagesOf(ctx, k, f, p, Number(n), 'folio_add_anon_rmap_ptes');
    const vma = asStruct(vmap, Vma, ctx, 'vma');
    if (!isAnonHead(h)) ctx.hazard('warn', `folio_add_anon_rmap_ptes: folio pfn ${hex(BigInt(h.pfn))} is not anonymous (VM_WARN_ON_FOLIO)`);
    for (const s of pages) {
      s.mapcount++;
      touch(ctx, s);
    }
    if (Number(flags) & RMAP_EXCLUSIVE) for (const s of pages) s.anonExclusive = true;
    for (const s of pages) {
      // a page mapped twice (or a THP that is also PMD-mapped) cannot be exclusive
      if ((s.mapcount > 0 || (h.isHead && h.compoundMapcount + 1 > 1)) && s.anonExclusive) {
        ctx.hazard('warn', `folio_add_anon_rmap_ptes: pfn ${hex(BigInt(s.pfn))} is mapped more than once and PageAnonExclusive (VM_WARN_ON_FOLIO)`);
      }
    }
    if (!h.isHead && vma.flags & VM_LOCKED) ctx.notModelled('mlock_vma_folio: VM_LOCKED vmas');
    return undefined;
  }).fn('void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr_pages, struct vm_area_struct *vma)', (ctx, f, p, n, vmap) => {
    const { k } = pg(ctx, f, 'folio');
    const { pages } = pagesOf(ctx, k, f, p, Number(n), 'folio_remove_rmap_ptes');
    const vma = asStruct(vmap, Vma, ctx, 'vma');
    for (const s of pages) {
      if (s.mapcount < 0) ctx.bug(`folio_remove_rmap_ptes: pfn ${hex(BigInt(s.pfn))} is not mapped (mapcount underflow)`);
      s.mapcount--;
      touch(ctx, s);
    }
    // (a partly unmapped anonymous THP is queued for deferred splitting: not modelled, it
    // changes nothing the model tracks)
    if (vma.flags & VM_LOCKED) ctx.notModelled('munlock_vma_folio: VM_LOCKED vmas');
    return undefined;
  });
  return t;
}
