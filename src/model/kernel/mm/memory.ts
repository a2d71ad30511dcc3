// The fault path and fork around the model C of mm/memory.c (reduced to anonymous private
// memory): handle_mm_fault() -> __handle_mm_fault() -> THP fault / pte fault (do_anonymous_page,
// do_wp_page + wp_page_copy, or the model C do_swap_page()), the THP split primitive
// __split_huge_pmd_locked(), copy_page_range() for fork (calling the model C
// copy_nonpresent_pte()), and the CPU access a scenario makes (a user load/store that walks the
// page tables and faults like the x86 #PF handler). Where v6.1 differs from v5.14 (PG_anon_exclusive:
// set on new anonymous pages, passed to subpages by a split, cleared by fork, and what a write
// fault may reuse) the Kernel's Release says which applies.

import { Ptr, type Blocked, type ExecCtx } from '../../interp/api.js';
import type { Kernel } from '../state.js';
import { acquire, fnOf, release } from '../locks.js';
import { hex } from '../object.js';
import { getPage, isAnonHead, pageMapcount, putPage, tryLockPage, unlockPage } from '../builtins/page.js';
import { HPAGE_PMD_NR, type PageState } from './page.js';
import { indexAt, type PageTable } from './pgtable.js';
import { Pmd, Pte } from './pgtable-types.js';
import { invalidateRangeEnd, invalidateRangeStart, newRange } from './mmu_notifier.js';
import { AnonVmaChain, type MmStruct, Vma } from './vma.js';

const FAULT_FLAG_WRITE = 0x01;
const FAULT_FLAG_ALLOW_RETRY = 0x04;
const FAULT_FLAG_KILLABLE = 0x10;
const FAULT_FLAG_TRIED = 0x20;
const FAULT_FLAG_USER = 0x40;
const FAULT_FLAG_REMOTE = 0x80;
const VM_FAULT_OOM = 0x1;
const VM_FAULT_SIGBUS = 0x2;
const VM_FAULT_WRITE = 0x8;
const VM_FAULT_SIGSEGV = 0x40;
const VM_FAULT_RETRY = 0x400;
const MMU_NOTIFY_CLEAR = 1;
const MMU_NOTIFY_PROTECTION_PAGE = 3;
const VM_WRITE = 0x2n;
const VM_SHARED = 0x8n;
const VM_MAYWRITE = 0x20n;

/**
 * page_add_new_anon_rmap()'s __page_set_anon_rmap() for a new page (a THP's head): mapping and
 * index, and -- where the release has it -- PG_anon_exclusive (a new page is this process's own).
 */
function setMapping(k: Kernel, page: PageState, vma: Vma, addr: bigint): void {
  const av = vma.anonVma!;
  page.mapping = new Ptr(av.self.region, 0, 1); // anon_vma | PAGE_MAPPING_ANON
  page.index = vma.pgoffOf(addr);
  if (k.release.anonExclusive) page.anonExclusive = true;
}

/** anon_vma_prepare(): give the vma an anon_vma (and its chain) on first anonymous fault. */
function anonVmaPrepare(k: Kernel, vma: Vma): void {
  if (vma.anonVma) return;
  const av = k.newAnonVma(null);
  vma.anonVma = av;
  av.chains.push(new AnonVmaChain(k, vma, av));
}

function faultEvent(ctx: ExecCtx, addr: bigint, kind: string): void {
  ctx.trace({ t: 'fault', addr: hex(addr), kind, thread: ctx.thread.name, fn: fnOf(ctx) });
}

/** handle_mm_fault(): returns vm_fault_t bits. The caller holds mmap_lock (read). */
export function* handleMmFault(ctx: ExecCtx, k: Kernel, vma: Vma, address: bigint, flags: number): Generator<Blocked, number, void> {
  return yield* k.tsFrame(ctx, 'handle_mm_fault', handleMmFaultBody(ctx, k, vma, address, flags));
}

function* handleMmFaultBody(ctx: ExecCtx, k: Kernel, vma: Vma, address: bigint, flags: number): Generator<Blocked, number, void> {
  const write = (flags & FAULT_FLAG_WRITE) !== 0;
  faultEvent(ctx, address, `${write ? 'write' : 'read'}${flags & FAULT_FLAG_REMOTE ? ' remote' : ''}${flags & FAULT_FLAG_ALLOW_RETRY ? '' : ' no-retry'}`);
  const mm = vma.mm;
  const pmd = mm.pt.pmdSlot(address, true)!;
  let pv = (pmd.table.entries[pmd.i] as Pmd).v;
  if (pv.k === 'none') {
    const start = address & ~0x1fffffn;
    if (k.config.thp && vma.thp && start >= vma.start && start + 0x200000n <= vma.end) {
      return doHugePmdAnonymousPage(ctx, k, vma, pmd, address);
    }
    mm.pt.allocPteTable(pmd);
    pv = (pmd.table.entries[pmd.i] as Pmd).v;
  }
  if (pv.k === 'huge') {
    if (write && !pv.bits.write) ctx.notModelled('do_huge_pmd_wp_page: write fault on a read-only PMD-mapped THP');
    return 0; // huge_pmd_set_accessed(): nothing the model tracks
  }
  const table = mm.pt.pteTableOf(pmd)!;
  const i = indexAt('pte', address);
  const orig = table.entries[i] as Pte;
  if (orig.none) return yield* doAnonymousPage(ctx, k, vma, table, i, address, write);
  if (!orig.present) {
    const vmf = k.plain('vm_fault', `vm_fault @${hex(address)}`, {
      vma: vma.self,
      gfp_mask: 0,
      pgoff: vma.pgoffOf(address),
      address: address & ~0xfffn,
      real_address: address,
      flags,
      pmd: pmd.table.ptr(pmd.i),
      pud: null,
      orig_pte: orig,
      cow_page: null,
      page: null,
      pte: table.ptr(i),
      ptl: null,
      prealloc_pte: null,
    });
    const r = yield* ctx.call('do_swap_page', [vmf.self]);
    return Number(r);
  }
  if (write && orig.v.k === 'present' && !orig.v.bits.write) return yield* k.tsFrame(ctx, 'do_wp_page', doWpPage(ctx, k, vma, table, i, address));
  if (orig.v.k === 'present') table.entries[i] = Pte.present(orig.v.pfn, { ...orig.v.bits, young: true, dirty: orig.v.bits.dirty || write });
  return 0;
}

function doHugePmdAnonymousPage(ctx: ExecCtx, k: Kernel, vma: Vma, pmd: { table: PageTable; i: number }, address: bigint): number {
  anonVmaPrepare(k, vma);
  const haddr = address & ~0x1fffffn;
  const head = k.memmap.alloc('anon', 9, 'do_huge_pmd_anonymous_page');
  // pgtable_trans_huge_deposit(): the pte table a later split will use.
  const deposit = vma.mm.pt.newTable('pte', haddr);
  k.deposits.set(pmd.table.base + BigInt(pmd.i * 8), deposit);
  setMapping(k, head, vma, haddr);
  head.compoundMapcount = 0; // page_add_new_anon_rmap(page, vma, haddr, true)
  const w = (vma.flags & VM_WRITE) !== 0n;
  pmd.table.entries[pmd.i] = new Pmd({ k: 'huge', pfn: head.pfn, bits: { write: w, dirty: w, young: true, softDirty: false, uffdWp: false } });
  head.lastFn = fnOf(ctx);
  return 0;
}

function* doAnonymousPage(ctx: ExecCtx, k: Kernel, vma: Vma, table: PageTable, i: number, address: bigint, write: boolean): Generator<Blocked, number, void> {
  yield* acquire(ctx, table.lock!);
  if (!write) {
    // Read fault: map the shared zero page read-only (my_zero_pfn), no struct page accounting.
    table.entries[i] = Pte.present(k.zeroPage().pfn, { write: false, dirty: false, young: true, softDirty: false, uffdWp: false });
  } else {
    anonVmaPrepare(k, vma);
    const page = k.memmap.alloc('anon', 0, 'do_anonymous_page');
    setMapping(k, page, vma, address);
    page.mapcount = 0; // page_add_new_anon_rmap()
    const w = (vma.flags & VM_WRITE) !== 0n;
    table.entries[i] = Pte.present(page.pfn, { write: w, dirty: w, young: true, softDirty: true, uffdWp: false });
  }
  release(ctx, table.lock!);
  return 0;
}

/** do_wp_page() for anonymous memory: reuse the page when the release's rule allows it, else copy. */
function* doWpPage(ctx: ExecCtx, k: Kernel, vma: Vma, table: PageTable, i: number, address: bigint): Generator<Blocked, number, void> {
  const pte = table.entries[i] as Pte & { v: { k: 'present'; pfn: number } };
  const old = k.memmap.state(pte.v.pfn);
  if (old.kind !== 'zero') {
    const h = k.memmap.headOf(old);
    if (isAnonHead(h) && (k.release.anonExclusive ? mayReuseExclusive(ctx, h, old) : mayReuseMapped(ctx, k, h, old))) {
      // wp_page_reuse()
      table.entries[i] = Pte.present(pte.v.pfn, { ...(pte.v as { bits: import('./pgtable-types.js').PteBits }).bits, write: true, dirty: true, young: true });
      return VM_FAULT_WRITE;
    }
    getPage(ctx, h);
  }
  return yield* k.tsFrame(ctx, 'wp_page_copy', wpPageCopy(ctx, k, vma, table, i, address, old.kind === 'zero' ? null : old));
}

/** v5.14: a page this pte alone maps and references (checked under the page lock). */
function mayReuseMapped(ctx: ExecCtx, k: Kernel, h: PageState, page: PageState): boolean {
  if (h.refcount !== 1 || !tryLockPage(ctx, h)) return false;
  const reuse = pageMapcount(k, page) === 1 && h.refcount === 1;
  unlockPage(ctx, h);
  return reuse;
}

/**
 * v6.1 (PG_anon_exclusive): an exclusive page at once; otherwise a folio this mapping holds the
 * only reference to (checked under the folio lock), which page_move_anon_rmap() makes exclusive.
 * (No swap cache, KSM or LRU pagevecs in the model.)
 */
function mayReuseExclusive(ctx: ExecCtx, h: PageState, page: PageState): boolean {
  if (page.anonExclusive) return true;
  if (h.refcount > 1 || !tryLockPage(ctx, h)) return false;
  const reuse = h.refcount === 1;
  if (reuse) {
    page.anonExclusive = true; // page_move_anon_rmap()
    page.lastFn = fnOf(ctx);
  }
  unlockPage(ctx, h);
  return reuse;
}

/** wp_page_copy(): new page, CLEAR notifier over the page, swap the pte, drop the old mapping. */
function* wpPageCopy(ctx: ExecCtx, k: Kernel, vma: Vma, table: PageTable, i: number, address: bigint, old: PageState | null): Generator<Blocked, number, void> {
  anonVmaPrepare(k, vma);
  const page = k.memmap.alloc('anon', 0, 'wp_page_copy');
  page.data = old ? old.data : 0n;
  const a = address & ~0xfffn;
  const range = newRange(k, MMU_NOTIFY_CLEAR, vma.self, vma.mm, a, a + 4096n);
  yield* invalidateRangeStart(ctx, k, range);
  yield* acquire(ctx, table.lock!);
  if (old) {
    if (old.mapcount < 0) ctx.bug('wp_page_copy: old page not mapped');
    old.mapcount--; // page_remove_rmap(old_page, false)
    old.lastFn = 'wp_page_copy';
  }
  setMapping(k, page, vma, a);
  page.mapcount = 0;
  const w = (vma.flags & VM_WRITE) !== 0n;
  table.entries[i] = Pte.present(page.pfn, { write: w, dirty: true, young: true, softDirty: true, uffdWp: false });
  release(ctx, table.lock!);
  if (old) {
    const h = k.memmap.headOf(old);
    putPage(ctx, h); // the reference of the old mapping
    putPage(ctx, h); // the one do_wp_page took
  }
  yield* invalidateRangeEnd(ctx, k, range);
  return VM_FAULT_WRITE;
}

/**
 * __split_huge_pmd_locked() for an anonymous THP (freeze == false): 512 ptes from the huge pmd in
 * the deposited table, a reference and a pte mapcount per subpage, compound mapcount dropped.
 */
export function splitHugePmdLocked(ctx: ExecCtx, k: Kernel, vma: Vma, pmd: { table: PageTable; i: number }, _haddr: bigint, freeze: boolean): void {
  if (freeze) ctx.notModelled('__split_huge_pmd_locked with freeze (migration entries)');
  const pv = (pmd.table.entries[pmd.i] as Pmd).v;
  if (pv.k !== 'huge') return ctx.bug('__split_huge_pmd_locked on a pmd that is not huge');
  const head = k.memmap.state(pv.pfn);
  if (head.kind === 'zero') ctx.notModelled('__split_huge_pmd_locked of the huge zero page');
  if (!isAnonHead(head)) ctx.notModelled('__split_huge_pmd_locked of a file THP');
  const key = pmd.table.base + BigInt(pmd.i * 8);
  const table = k.deposits.get(key);
  if (!table) return ctx.bug('__split_huge_pmd_locked: no deposited page table');
  k.deposits.delete(key);
  if (pv.bits.dirty) head.dirty = true;
  if (head.refcount <= 0) ctx.bug('__split_huge_pmd_locked: VM_BUG_ON_PAGE(!page_count(page))');
  head.refcount += HPAGE_PMD_NR - 1; // page_ref_add(page, HPAGE_PMD_NR - 1)
  // v6.1: each subpage gets the head's PG_anon_exclusive (SetPageAnonExclusive(page + i))
  const exclusive = k.release.anonExclusive && head.anonExclusive;
  for (let n = 0; n < HPAGE_PMD_NR; n++) {
    table.entries[n] = Pte.present(head.pfn + n, { write: pv.bits.write && (vma.flags & VM_WRITE) !== 0n, dirty: false, young: pv.bits.young, softDirty: pv.bits.softDirty, uffdWp: pv.bits.uffdWp });
    const s = k.memmap.state(head.pfn + n);
    s.mapcount++;
    if (exclusive) s.anonExclusive = true;
    s.lastFn = '__split_huge_pmd_locked';
  }
  head.compoundMapcount--; // last PMD mapping gone
  pmd.table.entries[pmd.i] = new Pmd({ k: 'table', tablePfn: table.page.pfn }); // pmd_populate()
}

// ----------------------------------------------------------------------------- fork

function isCowMapping(flags: bigint): boolean {
  return (flags & (VM_SHARED | VM_MAYWRITE)) === VM_MAYWRITE;
}

/**
 * fork() of `parent` (dup_mmap() with copy_page_range()). Returns the child mm, or the error that
 * made fork fail (-EBUSY when a device-exclusive entry could not be restored).
 */
export function* forkMm(ctx: ExecCtx, k: Kernel, parent: MmStruct, label: string): Generator<Blocked, MmStruct | number, void> {
  return yield* k.tsFrame(ctx, 'fork (dup_mmap)', forkBody(ctx, k, parent, label));
}

function* forkBody(ctx: ExecCtx, k: Kernel, parent: MmStruct, label: string): Generator<Blocked, MmStruct | number, void> {
  yield* acquire(ctx, parent.mmapLock, false);
  const child = k.newMm(label);
  let err = 0;
  for (const src of parent.vmas) {
    const dst = new Vma(k, child, src.start, src.end, src.flags, src.pgoff, src.thp);
    child.insertVma(dst);
    if (src.anonVma) {
      // anon_vma_clone() + anon_vma_fork(): the child vma is on the parent's anon_vma(s) too.
      for (const av of k.anonVmas) if (av.chains.some((c) => c.vma === src)) av.chains.push(new AnonVmaChain(k, dst, av));
      const own = k.newAnonVma(src.anonVma);
      dst.anonVma = own;
      own.chains.push(new AnonVmaChain(k, dst, own));
    }
    err = yield* k.tsFrame(ctx, 'copy_page_range', copyPageRange(ctx, k, dst, src));
    if (err) break;
  }
  release(ctx, parent.mmapLock, false);
  return err ? err : child;
}

function* copyPageRange(ctx: ExecCtx, k: Kernel, dst: Vma, src: Vma): Generator<Blocked, number, void> {
  if (!src.anonVma) return 0;
  const cow = isCowMapping(src.flags);
  let range: Ptr | null = null;
  if (cow) {
    range = newRange(k, MMU_NOTIFY_PROTECTION_PAGE, src.self, src.mm, src.start, src.end);
    yield* invalidateRangeStart(ctx, k, range);
  }
  let ret = 0;
  for (let addr = src.start; addr < src.end && !ret; ) {
    const next = (addr + 0x200000n) & ~0x1fffffn;
    const end = next < src.end ? next : src.end;
    const spmd = src.mm.pt.pmdSlot(addr, false);
    const sv = spmd ? (spmd.table.entries[spmd.i] as Pmd).v : null;
    if (sv && sv.k === 'huge') ctx.notModelled('copy_huge_pmd: fork of a PMD-mapped THP');
    if (spmd && sv && sv.k === 'table') ret = yield* copyPteRange(ctx, k, dst, src, spmd, addr, end);
    addr = end;
  }
  if (range) yield* invalidateRangeEnd(ctx, k, range);
  return ret;
}

function* copyPteRange(ctx: ExecCtx, k: Kernel, dst: Vma, src: Vma, spmd: { table: PageTable; i: number }, start: bigint, end: bigint): Generator<Blocked, number, void> {
  const st = src.mm.pt.pteTableOf(spmd)!;
  const dpmd = dst.mm.pt.pmdSlot(start, true)!;
  const dt = dst.mm.pt.pteTableOf(dpmd) ?? dst.mm.pt.allocPteTable(dpmd);
  yield* acquire(ctx, dt.lock!);
  yield* acquire(ctx, st.lock!);
  let ret = 0;
  for (let addr = start; addr < end; addr += 4096n) {
    const i = indexAt('pte', addr);
    let p = st.entries[i] as Pte;
    if (p.none) continue;
    if (!p.present) {
      // v5.14 passes both vmas; before it (the v10 posting's tree) only the source vma.
      const vmas = k.config.modelParams?.get('copy_nonpresent_pte') === 7 ? [src.self] : [dst.self, src.self];
      const r = yield* ctx.call('copy_nonpresent_pte', [dst.mm.self, src.mm.self, dt.ptr(i), st.ptr(i), ...vmas, addr, null]);
      const v = Number(BigInt.asIntN(64, BigInt(r as bigint)));
      if (v === -16) {
        ret = -16;
        break;
      }
      if (v === 0) continue;
      if (v !== -2) ctx.hazard('warn', `copy_nonpresent_pte returned ${v} (WARN_ON_ONCE(ret != -ENOENT))`);
      p = st.entries[i] as Pte;
    }
    // copy_present_pte(): COW mappings are write-protected in both parent and child.
    if (p.v.k !== 'present') continue;
    let bits = p.v.bits;
    const page = k.memmap.state(p.v.pfn);
    if (isCowMapping(src.flags) && bits.write) {
      bits = { ...bits, write: false };
      st.entries[i] = Pte.present(p.v.pfn, bits);
    }
    if (page.kind !== 'zero') {
      getPage(ctx, k.memmap.headOf(page));
      page.mapcount++; // page_dup_rmap() (v6.1: page_try_dup_anon_rmap(), which shares the page)
      if (k.release.anonExclusive) page.anonExclusive = false;
    }
    dt.entries[i] = Pte.present(p.v.pfn, { ...bits, young: false });
  }
  release(ctx, st.lock!);
  release(ctx, dt.lock!);
  return ret;
}

// ----------------------------------------------------------------------------- CPU access

export interface CpuAccessResult {
  /** 0, or the signal the access gets: -14 (SIGSEGV/SIGBUS as -EFAULT). */
  ret: number;
  value: bigint;
  faults: number;
}

/** Where addr is mapped for an access, if it needs no fault. */
function mappedPage(k: Kernel, mm: MmStruct, addr: bigint, write: boolean): PageState | null {
  const pmd = mm.pt.pmdSlot(addr, false);
  if (!pmd) return null;
  const pv = (pmd.table.entries[pmd.i] as Pmd).v;
  if (pv.k === 'huge') return !write || pv.bits.write ? k.memmap.state(pv.pfn + indexAt('pte', addr)) : null;
  if (pv.k !== 'table') return null;
  const t = mm.pt.pteTableOf(pmd)!;
  const p = (t.entries[indexAt('pte', addr)] as Pte).v;
  if (p.k !== 'present' || (write && !p.bits.write)) return null;
  return k.memmap.state(p.pfn);
}

/**
 * A user load or store at addr (the x86 page-fault handler's loop): fault with
 * FAULT_FLAG_USER|ALLOW_RETRY|KILLABLE until the access can be made, retrying with
 * FAULT_FLAG_TRIED after VM_FAULT_RETRY (mmap_lock already dropped by the fault).
 */
export function* cpuAccess(ctx: ExecCtx, k: Kernel, mm: MmStruct, addr: bigint, write: boolean, update: (v: bigint) => bigint): Generator<Blocked, CpuAccessResult, void> {
  return yield* k.tsFrame(ctx, write ? 'user store (exc_page_fault)' : 'user load (exc_page_fault)', cpuAccessBody(ctx, k, mm, addr, write, update));
}

function* cpuAccessBody(ctx: ExecCtx, k: Kernel, mm: MmStruct, addr: bigint, write: boolean, update: (v: bigint) => bigint): Generator<Blocked, CpuAccessResult, void> {
  let flags = FAULT_FLAG_USER | FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE | (write ? FAULT_FLAG_WRITE : 0);
  let faults = 0;
  for (let tries = 0; tries < 1000; tries++) {
    const page = mappedPage(k, mm, addr, write);
    if (page) {
      const old = page.data;
      if (write) page.data = update(old);
      return { ret: 0, value: old, faults };
    }
    faults++;
    yield* acquire(ctx, mm.mmapLock, true);
    const vma = mm.vmaAt(addr);
    if (!vma || (write && (vma.flags & VM_WRITE) === 0n)) {
      release(ctx, mm.mmapLock, true);
      return { ret: -14, value: 0n, faults };
    }
    const r = yield* handleMmFault(ctx, k, vma, addr, flags);
    if (r & VM_FAULT_RETRY) {
      flags |= FAULT_FLAG_TRIED;
      continue; // mmap_lock was dropped by lock_page_or_retry()
    }
    release(ctx, mm.mmapLock, true);
    if (r & (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)) return { ret: -14, value: 0n, faults };
  }
  return ctx.bug(`user access at ${hex(addr)} still faulting after 1000 attempts`);
}

// ----------------------------------------------------------------------------- munmap

const MMU_NOTIFY_UNMAP = 0;

/**
 * munmap() of whole vmas (do_munmap -> unmap_region -> zap_pte_range, v5.14): an UNMAP
 * invalidation over the range, then every pte zapped: a present pte drops its mapcount and its
 * reference; a device-exclusive entry drops its reference, and from v6.15 its mapcount too
 * (before, page_remove_rmap() was for device-private entries only: the exclusive entry had no
 * mapcount).
 */
export function* munmap(ctx: ExecCtx, k: Kernel, mm: MmStruct, start: bigint, len: bigint): Generator<Blocked, number, void> {
  return yield* k.tsFrame(ctx, 'munmap (zap_pte_range)', munmapBody(ctx, k, mm, start, len));
}

function* munmapBody(ctx: ExecCtx, k: Kernel, mm: MmStruct, start: bigint, len: bigint): Generator<Blocked, number, void> {
  const end = start + ((len + 0xfffn) & ~0xfffn);
  yield* acquire(ctx, mm.mmapLock, false);
  try {
    const vmas = mm.vmas.filter((v) => v.start < end && v.end > start);
    for (const vma of vmas) if (vma.start < start || vma.end > end) ctx.notModelled(`munmap of part of ${vma.name} (vma split)`);
    if (!vmas.length) return 0;
    const range = newRange(k, MMU_NOTIFY_UNMAP, null, mm, start, end);
    yield* invalidateRangeStart(ctx, k, range);
    for (let addr = start; addr < end; addr += 4096n) {
      const { pmd, pte } = mm.pt.lookup(addr);
      if (pmd && (pmd.table.entries[pmd.i] as Pmd).v.k === 'huge') ctx.notModelled('zap_huge_pmd: munmap of a PMD-mapped THP');
      if (!pte) continue;
      yield* acquire(ctx, pte.table.lock!);
      const p = (pte.table.entries[pte.i] as Pte).v;
      pte.table.entries[pte.i] = Pte.NONE;
      if (p.k === 'present') {
        const s = k.memmap.state(p.pfn);
        if (s.kind !== 'zero') {
          s.mapcount--;
          s.lastFn = 'zap_pte_range';
          putPage(ctx, k.memmap.headOf(s));
        }
      } else if (p.k === 'swap' && p.entry.isDeviceExclusive) {
        const s = k.memmap.state(Number(p.entry.offset));
        if (k.release.exclusiveEntryMapped) {
          // v6.15 zap_nonpresent_ptes(): the entry's mapcount goes as a pte's would
          s.mapcount--;
          s.lastFn = 'zap_pte_range';
        }
        putPage(ctx, k.memmap.headOf(s));
      } else if (p.k === 'swap') {
        ctx.notModelled(`zap_pte_range of ${p.entry.describe()}`);
      }
      release(ctx, pte.table.lock!);
    }
    yield* invalidateRangeEnd(ctx, k, range);
    for (const vma of vmas) mm.vmas.splice(mm.vmas.indexOf(vma), 1);
    return 0;
  } finally {
    release(ctx, mm.mmapLock, false);
  }
}
