// What the two drivers call below the model: nouveau's nvif object calls (the GPU page table),
// test_hmm's xarray, kmap/memcpy/vmalloc and user copies (page contents are one word a page in
// the model), and hmm_range_fault() (its permission checks only).

import { Ptr, type CType, type ExecCtx, type Region, type Value } from '../../interp/api.js';
import { kernelOf, type Kernel } from '../state.js';
import { hex, structAt } from '../object.js';
import { pageOf, PAGE_OFFSET } from '../mm/page.js';
import { asStruct, MmStruct } from '../mm/vma.js';
import { TableBuilder } from './def.js';

const PAGE = 4096;
const NVIF_VMM_V0_PFNCLR = 0x06;
const HMM_PFN_REQ_WRITE = 1n << 62n;
const VOID_T: CType = { k: 'void' };

/**
 * The contents of one page as kmap() shows them: 4096 bytes whose data is one word (the page's
 * contents in the model), read and written at the page start. Byte-addressed, so that `void *`
 * arithmetic (`ptr += PAGE_SIZE`) moves by bytes as in C.
 */
class PageDataRegion implements Region {
  readonly elemType = VOID_T;
  readonly elemSize = 1;
  readonly length = PAGE;
  readonly base: bigint;
  constructor(
    readonly k: Kernel,
    readonly pfn: number,
  ) {
    this.base = PAGE_OFFSET + BigInt(pfn) * 4096n;
  }
  get name(): string {
    return `contents of pfn ${hex(BigInt(this.pfn))}`;
  }
  load(): Value {
    return this.k.memmap.state(this.pfn).data;
  }
  store(_i: number, v: Value): void {
    this.k.memmap.state(this.pfn).data = v as bigint;
  }
}

/** A vmalloc()ed buffer of whole pages (dmirror's bounce buffer), byte-addressed, one word a page. */
class BufferRegion implements Region {
  readonly elemType = VOID_T;
  readonly elemSize = 1;
  // Sparse: pages never written read 0, so a huge vmalloc() costs nothing until it is used.
  readonly vals = new Map<number, bigint>();
  readonly length: number;
  constructor(
    readonly base: bigint,
    pages: number,
  ) {
    this.length = pages * PAGE;
  }
  get name(): string {
    return `vmalloc buffer @${hex(this.base)}`;
  }
  load(i: number): Value {
    return this.vals.get(Math.floor(i / PAGE)) ?? 0n;
  }
  store(i: number, v: Value): void {
    this.vals.set(Math.floor(i / PAGE), v as bigint);
  }
}

/** The running Machine's memory budget, when the context is an interpreter thread. */
interface BudgetedMachine {
  budgets?: { memoryBytes: number };
  overBudget?(which: 'memory', detail: string): never;
}

/**
 * A vmalloc() the model memory budget cannot hold ends the run with `budget` at once (not at the
 * next periodic check): the bytes are only counted, but copies over them run in TypeScript.
 */
function chargeVmalloc(ctx: ExecCtx, n: number): void {
  const m = (ctx as { m?: BudgetedMachine }).m;
  const limit = m?.budgets?.memoryBytes;
  const used = (ctx.mem as { allocatedBytes?: number }).allocatedBytes ?? 0;
  if (limit === undefined || !(n > limit - used)) return;
  const detail = `vmalloc(${n}) in ${ctx.loc().function}() at ${ctx.loc().file}:${ctx.loc().line} needs more than the ${limit - used} bytes left of the ${limit}-byte model memory budget`;
  if (m?.overBudget) m.overBudget('memory', detail);
  ctx.endRun('budget', detail);
}

/** A page copy of `pages` pages must stay inside the region it starts in (a bug otherwise). */
function checkSpan(ctx: ExecCtx, at: { r: Region; i: number }, pages: number, what: string): void {
  if (at.i + pages * PAGE > at.r.length) ctx.bug(`${what} runs past the end of ${at.r.name} (${pages} page(s) from +${at.i})`);
}

/** Byte index of a pointer into one of the byte-addressed page-content regions above. */
function pageIndex(ctx: ExecCtx, p: Value, what: string): { r: Region; i: number } {
  if (!(p instanceof Ptr)) return ctx.bug(`${what} is not a pointer`);
  const r = p.region;
  if (!(r instanceof PageDataRegion || r instanceof BufferRegion)) return ctx.bug(`${what} does not point to page contents (${r.name})`);
  const i = p.index + p.byteOffset;
  if (i % PAGE !== 0) ctx.notModelled(`copy at a byte offset inside a page (${r.name}+${i})`);
  if (i < 0 || i >= r.length) return ctx.bug(`${what} is out of bounds (${r.name}+${i})`);
  return { r, i };
}

/** The contents of a struct page, as kmap() maps them. */
function pageContents(ctx: ExecCtx, p: Value): { r: Region; i: number } {
  const k = kernelOf(ctx);
  return { r: new PageDataRegion(k, pageOf(k.memmap, p, ctx, 'page').pfn), i: 0 };
}

/** Copy one whole page of contents (a partial page is not modelled: one word a page). */
function copyPage(ctx: ExecCtx, dst: { r: Region; i: number }, src: { r: Region; i: number }, offset: number, len: number): void {
  if (offset !== 0 || len !== PAGE) ctx.notModelled(`a copy of ${len} bytes at offset ${offset} of a page`);
  checkSpan(ctx, dst, 1, 'page copy destination');
  checkSpan(ctx, src, 1, 'page copy source');
  dst.r.store(dst.i, src.r.load(src.i, ctx), ctx);
}

function xa(ctx: ExecCtx, p: Value) {
  if (!(p instanceof Ptr)) return ctx.bug('xarray pointer is not a pointer');
  return kernelOf(ctx).xarrayAt(p.address);
}

function untag(p: Value): Value {
  if (!(p instanceof Ptr)) return p;
  return p.byteOffset & 3 ? new Ptr(p.region, p.index, p.byteOffset & ~3) : p;
}

export function driverBuiltins(): TableBuilder {
  const t = new TableBuilder('drivers/gpu/drm/nouveau/include/nvif/object.h');
  t.fn('int nvif_object_ioctl(struct nvif_object *object, void *data, u32 size, void **hack)', (ctx, _o, data) => {
    // PFNMAP: program the GPU pte of args->p.addr from args->p.phys[0].
    const args = structAt(data, ctx, 'nvif ioctl args');
    const p = args.get('p', ctx);
    const pv = p instanceof Ptr ? structAt(p, ctx, 'args.p') : (p as unknown as import('../../interp/api.js').StructRef);
    const addr = pv.get('addr', ctx) as bigint;
    const phys = pv.get('phys', ctx) as Ptr;
    const phys0 = phys.region.load(phys.index, ctx) as bigint;
    kernelOf(ctx).gpu.map(addr, phys0);
    return 0;
  })
    .fn('int nvif_object_mthd(struct nvif_object *object, u32 mthd, void *args, u32 size)', (ctx, _o, mthd, data) => {
      if (Number(mthd) !== NVIF_VMM_V0_PFNCLR) return ctx.notModelled(`nvif_object_mthd method ${Number(mthd)}`);
      const a = structAt(data, ctx, 'PFNCLR args');
      kernelOf(ctx).gpu.clear(a.get('addr', ctx) as bigint, a.get('size', ctx) as bigint);
      return 0;
    })
    .in('include/linux/xarray.h')
    .fn('void xa_init(struct xarray *xa)', (ctx, p) => (xa(ctx, p), undefined))
    .fn('void *xa_load(struct xarray *xa, unsigned long index)', (ctx, p, i) => xa(ctx, p).load(i as bigint))
    .fn('void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)', (ctx, p, i, e) => xa(ctx, p).store(i as bigint, e))
    .fn('void *xa_erase(struct xarray *xa, unsigned long index)', (ctx, p, i) => xa(ctx, p).erase(i as bigint))
    .fn('bool xa_is_err(const void *entry)', () => 0)
    .fn('int xa_err(void *entry)', () => 0)
    .fn('void *xa_tag_pointer(void *p, unsigned long tag)', (ctx, p, tag) => {
      if (!(p instanceof Ptr)) return ctx.bug('xa_tag_pointer of a non-pointer');
      return new Ptr(p.region, p.index, p.byteOffset | Number(tag as bigint));
    })
    .fn('void *xa_untag_pointer(void *entry)', (_ctx, p) => untag(p))
    .fn('unsigned int xa_pointer_tag(void *entry)', (_ctx, p) => (p instanceof Ptr ? p.byteOffset & 3 : 0))
    .fn('void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, unsigned int filter)', (ctx, p, ip, max) => {
      const cell = ip as Ptr;
      const x = xa(ctx, p);
      const at = x.find(cell.region.load(cell.index, ctx) as bigint, max as bigint);
      if (at === null) return null;
      cell.region.store(cell.index, at, ctx);
      return x.load(at);
    })
    .fn('void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max, unsigned int filter)', (ctx, p, ip, max) => {
      const cell = ip as Ptr;
      const x = xa(ctx, p);
      const at = x.find((cell.region.load(cell.index, ctx) as bigint) + 1n, max as bigint);
      if (at === null) return null;
      cell.region.store(cell.index, at, ctx);
      return x.load(at);
    })
    .in('include/linux/highmem.h')
    .fn('void *kmap(struct page *page)', (ctx, p) => {
      const k = kernelOf(ctx);
      const s = pageOf(k.memmap, p, ctx, 'kmap page');
      return new Ptr(new PageDataRegion(k, s.pfn), 0);
    })
    .fn('void kunmap(struct page *page)', () => undefined)
    .fn('void *memcpy(void *dest, const void *src, size_t count)', (ctx, d, s, n) => {
      const pages = Number(n as bigint) / PAGE;
      if (!Number.isInteger(pages)) ctx.notModelled('memcpy of a partial page');
      const dst = pageIndex(ctx, d, 'memcpy dest');
      const src = pageIndex(ctx, s, 'memcpy src');
      checkSpan(ctx, dst, pages, 'memcpy dest');
      checkSpan(ctx, src, pages, 'memcpy src');
      for (let i = 0; i < pages; i++) dst.r.store(dst.i + i * PAGE, src.r.load(src.i + i * PAGE, ctx), ctx);
      return d;
    })
    .releasesOf({ from: '6.13' })
    // the one-page copies test_hmm uses from 6.13 (kmap/memcpy/kunmap before): whole pages only
    .fn('void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len)', (ctx, to, p, off, len) => {
      copyPage(ctx, pageIndex(ctx, to, 'memcpy_from_page to'), pageContents(ctx, p), Number(off), Number(len));
      return undefined;
    })
    .fn('void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len)', (ctx, p, off, from, len) => {
      copyPage(ctx, pageContents(ctx, p), pageIndex(ctx, from, 'memcpy_to_page from'), Number(off), Number(len));
      return undefined;
    })
    .releasesOf({})
    .fn('void *vmalloc(unsigned long size)', (ctx, size) => {
      const n = Number(size as bigint);
      chargeVmalloc(ctx, n);
      const r = new BufferRegion(ctx.mem.allocate(n, PAGE), Math.ceil(n / PAGE));
      ctx.mem.register(r);
      kernelOf(ctx).vmallocBytes += n;
      return new Ptr(r, 0);
    })
    .fn('void vfree(const void *addr)', () => undefined)
    .in('include/linux/uaccess.h')
    .fn('void *u64_to_user_ptr(u64 x)', (ctx, x) => ctx.mem.ptrAt(x as bigint, VOID_T))
    .fn('unsigned long copy_to_user(void *to, const void *from, unsigned long n)', (ctx, to, from, n) => {
      const k = kernelOf(ctx);
      const src = pageIndex(ctx, from, 'copy_to_user source');
      checkSpan(ctx, src, Math.ceil(Number(n as bigint) / PAGE), 'copy_to_user source');
      const base = (to as Ptr).address;
      for (let i = 0; i < Number(n as bigint) / PAGE; i++) k.userBuffers.set(base + BigInt(i * PAGE), src.r.load(src.i + i * PAGE, ctx) as bigint);
      return 0n;
    })
    .fn('unsigned long copy_from_user(void *to, const void *from, unsigned long n)', (ctx, to, from, n) => {
      const k = kernelOf(ctx);
      const dst = pageIndex(ctx, to, 'copy_from_user destination');
      checkSpan(ctx, dst, Math.ceil(Number(n as bigint) / PAGE), 'copy_from_user destination');
      const base = (from as Ptr).address;
      for (let i = 0; i < Number(n as bigint) / PAGE; i++) dst.r.store(dst.i + i * PAGE, k.userBuffers.get(base + BigInt(i * PAGE)) ?? 0n, ctx);
      return 0n;
    })
    .in('mm/hmm.c')
    .fn('int hmm_range_fault(struct hmm_range *range)', (ctx, rp) => {
      // The model checks what hmm_range_fault() refuses before faulting anything: a missing vma
      // (-EFAULT) and a write the vma does not allow (-EPERM, hmm_vma_fault()). Faulting and
      // reporting pfns to the device is not modelled.
      const range = structAt(rp, ctx, 'range');
      const sub = structAt(range.get('notifier', ctx), ctx, 'range->notifier');
      const mm = asStruct(sub.get('mm', ctx), MmStruct, ctx, 'notifier->mm');
      const start = range.get('start', ctx) as bigint;
      const end = range.get('end', ctx) as bigint;
      const write = ((range.get('default_flags', ctx) as bigint) & HMM_PFN_REQ_WRITE) !== 0n;
      for (let a = start; a < end; a += 4096n) {
        const vma = mm.vmaAt(a);
        if (!vma) return -14;
        if (write && (vma.flags & 0x2n) === 0n) return -1;
      }
      return ctx.notModelled('hmm_range_fault: faulting pages for the device');
    });
  return t;
}
