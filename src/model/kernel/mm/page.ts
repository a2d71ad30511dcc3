// The memmap: one struct page per pfn, with compound (THP) head/tail pages and the field overlays
// of an x86-64 struct page (notes §2). The model C reads page fields through `page->field`;
// for a THP tail the `mapping` (and `index`) slot holds what the compound metadata put there:
//   page[1]  ->mapping = v5.14: TAIL_MAPPING with compound_nr in its low 32 bits (0xdead000000000200);
//                        v6.1: compound_pincount (0) low, compound_nr high (0x0000020000000000)
//   page[2]  ->mapping = deferred_list.next (a pointer into page[2] itself), ->index = .prev
//   page[3+] ->mapping = TAIL_MAPPING (0xdead000000000400)
// and the read records a `tail-mapping-read` hazard naming the reading function.
// A `struct folio *` is a pointer to the head's struct page (a folio is the compound page seen
// from its head): its first fields are the head's, the large-folio fields (_folio_order,
// _folio_nr_pages, _total_mapcount, _pincount; from v6.13 _flags_1, _large_mapcount,
// _entire_mapcount, _nr_pages_mapped) live in page[1] and read the head's state.

import { Ptr, type CType, type ExecCtx, type Region, type StructRef, type ThreadRef, type Value } from '../../interp/api.js';
import { FieldCellRegion, hex } from '../object.js';
import type { Release } from '../release.js';

export const HPAGE_PMD_NR = 512;
/** vmemmap base: struct page of pfn N is at VMEMMAP + 64 * N. */
const VMEMMAP = 0xffffea0000000000n;
/** Direct map: the page of pfn N is at PAGE_OFFSET + N * 4096 (page tables live there). */
export const PAGE_OFFSET = 0xffff888000000000n;
const POISON_POINTER_DELTA = 0xdead000000000000n;
const TAIL_MAPPING = 0x400n + POISON_POINTER_DELTA;
const STRUCT_PAGE_SIZE = 64;

export type PageKind = 'free' | 'anon' | 'pagetable' | 'zero' | 'kernel';

/** Everything the model keeps about one pfn. Compound fields live on the head. */
export class PageState {
  kind: PageKind = 'free';
  /** pfn of the compound head (== pfn for order-0 and heads). */
  head: number;
  /** compound_order of a head (0 otherwise). */
  order = 0;
  /** page->mapping of a head / order-0 page: the anon_vma pointer tagged with PAGE_MAPPING_ANON. */
  mapping: Ptr | null = null;
  index = 0n;
  /** _refcount (meaningful on head / order-0; tails stay 0). */
  refcount = 0;
  /** _mapcount, -1 based (PTE mappings of this very subpage). */
  mapcount = -1;
  /** compound_mapcount (kept in page[1] in the kernel), -1 based: PMD mappings of the THP. */
  compoundMapcount = -1;
  /** PG_locked owner (head / order-0 only). */
  lockedBy: ThreadRef | null = null;
  dirty = false;
  referenced = false;
  mlocked = false;
  /** PG_anon_exclusive of this very subpage (releases that have it: Release.anonExclusive). */
  anonExclusive = false;
  /** The page's contents, as one word (what user space last stored there). */
  data = 0n;
  /** Function that last changed this page's lock, references or mappings (for end-of-run checks). */
  lastFn = '';
  /** Function that took the page lock its holder holds, and that last took a reference. */
  lockedIn = '';
  refIn = '';
  /** Threads sleeping until the page lock is free, with the function each waits in. */
  lockWaiters: { thread: ThreadRef; fn: string }[] | null = null;
  constructor(readonly pfn: number) {
    this.head = pfn;
  }
  get isTail(): boolean {
    return this.head !== this.pfn;
  }
  get isHead(): boolean {
    return this.order > 0;
  }
}

/** The struct page a model pointer designates. */
export class PageObj implements StructRef {
  readonly structName = 'page';
  private fptrs: Map<string, Ptr> | null = null;
  constructor(
    readonly memmap: Memmap,
    readonly s: PageState,
  ) {}
  get self(): Ptr {
    return new Ptr(this.memmap.region, this.s.pfn);
  }
  get(field: string, ctx: ExecCtx): Value {
    const s = this.s;
    switch (field) {
      case 'flags':
        return this.memmap.flagsWord(s);
      case 'mapping':
        if (s.isTail) return this.memmap.tailMappingSlot(s, ctx, 'mapping');
        return s.mapping;
      case 'index':
        if (s.isTail) return this.memmap.tailMappingSlot(s, ctx, 'index');
        return s.index;
      case 'private':
        return 0n;
      case '_mapcount':
        return s.mapcount;
      case '_refcount':
        return s.refcount;
      case 'page':
        // struct folio's `struct page page` member: the head itself
        return this;
      case '_folio_order':
      case '_folio_nr_pages':
      case '_total_mapcount':
      case '_pincount':
      case '_flags_1':
      case '_large_mapcount':
      case '_entire_mapcount':
      case '_nr_pages_mapped':
        return this.largeFolioField(field, ctx);
      default:
        return ctx.bug(`struct page has no field ${field} in the model`);
    }
  }
  /** A struct folio field that lives in page[1]: meaningful for a large folio's head only. */
  private largeFolioField(field: string, ctx: ExecCtx): Value {
    const s = this.s;
    if (!s.isHead) return ctx.notModelled(`folio->${field} of pfn ${hex(BigInt(s.pfn))}, which is not the head of a large folio (the field lives in the next struct page)`);
    switch (field) {
      case '_folio_order':
        return s.order;
      case '_folio_nr_pages':
        return 1 << s.order;
      case '_total_mapcount':
        return s.compoundMapcount;
      case '_entire_mapcount':
        return s.compoundMapcount;
      case '_flags_1':
        // v6.13 keeps the order in its low byte (v6.1: in the _folio_order byte)
        if (!this.memmap.release.orderInFlags1) return ctx.notModelled('folio->_flags_1 of a release that keeps the order in _folio_order');
        return BigInt(s.order);
      case '_large_mapcount':
      case '_nr_pages_mapped': {
        // -1 based: every PTE mapping of a subpage and every PMD mapping; or how many subpages
        // are PTE-mapped, plus ENTIRELY_MAPPED (0x800000) while PMD-mapped
        const subs = Array.from({ length: 1 << s.order }, (_, i) => this.memmap.state(s.pfn + i).mapcount);
        if (field === '_large_mapcount') return subs.reduce((n, m) => n + m + 1, s.compoundMapcount + 1) - 1;
        return subs.filter((m) => m >= 0).length + (s.compoundMapcount >= 0 ? 0x800000 : 0);
      }
      default:
        return 0;
    }
  }
  set(field: string, value: Value, ctx: ExecCtx): void {
    const s = this.s;
    switch (field) {
      case '_mapcount':
        s.mapcount = Number(value);
        return;
      case '_refcount':
        s.refcount = Number(value);
        return;
      case 'index':
        s.index = BigInt(value as bigint);
        return;
      case 'mapping':
        s.mapping = value as Ptr | null;
        return;
      default:
        ctx.bug(`writing struct page field ${field} is not modelled`);
    }
  }
  fieldPtr(field: string, _ctx: ExecCtx): Ptr {
    if (field === 'page') return this.self;
    this.fptrs ??= new Map();
    let p = this.fptrs.get(field);
    if (!p) {
      const off = { flags: 0n, mapping: 24n, index: 32n, private: 40n, _mapcount: 48n, _refcount: 52n }[field] ?? 56n;
      p = new Ptr(new FieldCellRegion(this as never, field, this.memmap.addressOf(this.s.pfn) + off, { k: 'void' }), 0);
      this.fptrs.set(field, p);
    }
    return p;
  }
}

const PAGE_T: CType = { k: 'struct', name: 'page' };

class MemmapRegion implements Region {
  readonly name = 'memmap';
  readonly elemType = PAGE_T;
  readonly elemSize = STRUCT_PAGE_SIZE;
  readonly base = VMEMMAP;
  constructor(
    readonly memmap: Memmap,
    readonly length: number,
  ) {}
  load(index: number, ctx: ExecCtx): Value {
    if (!this.memmap.exists(index)) return ctx.bug(`access to struct page of pfn ${hex(BigInt(index))}, which is not memory the model gave out`);
    return this.memmap.obj(index);
  }
  store(index: number, _v: Value, ctx: ExecCtx): void {
    ctx.bug(`struct assignment to struct page of pfn ${hex(BigInt(index))}`);
  }
}

/** All struct pages. pfns are handed out in increasing order and never reused (deterministic). */
export class Memmap {
  readonly region: MemmapRegion;
  private readonly states = new Map<number, PageState>();
  private readonly objs = new Map<number, PageObj>();
  private nextPfn: number;

  constructor(
    readonly release: Release,
    readonly maxPfn = 1 << 16,
    firstPfn = 0x1000,
  ) {
    this.region = new MemmapRegion(this, maxPfn);
    this.nextPfn = firstPfn;
  }

  addressOf(pfn: number): bigint {
    return VMEMMAP + BigInt(pfn) * BigInt(STRUCT_PAGE_SIZE);
  }

  exists(pfn: number): boolean {
    return this.states.has(pfn);
  }

  state(pfn: number): PageState {
    const s = this.states.get(pfn);
    if (!s) throw new Error(`pfn ${hex(BigInt(pfn))} was never allocated`);
    return s;
  }

  obj(pfn: number): PageObj {
    let o = this.objs.get(pfn);
    if (!o) {
      o = new PageObj(this, this.state(pfn));
      this.objs.set(pfn, o);
    }
    return o;
  }

  ptr(pfn: number): Ptr {
    return new Ptr(this.region, pfn);
  }

  /** Every page state, in pfn order (for checks, fingerprints and the final summary). */
  all(): PageState[] {
    return [...this.states.values()];
  }

  /** Allocate 2^order pages (naturally aligned); a compound page when order > 0. */
  alloc(kind: PageKind, order = 0, fn = ''): PageState {
    const n = 1 << order;
    const pfn = Math.ceil(this.nextPfn / n) * n;
    if (pfn + n > this.maxPfn) throw new Error(`model memory exhausted (${this.maxPfn} pages)`);
    this.nextPfn = pfn + n;
    const head = new PageState(pfn);
    head.kind = kind;
    head.order = order;
    head.refcount = 1;
    head.lastFn = fn;
    this.states.set(pfn, head);
    for (let i = 1; i < n; i++) {
      const t = new PageState(pfn + i);
      t.kind = kind;
      t.head = pfn;
      t.lastFn = fn;
      this.states.set(pfn + i, t);
    }
    return head;
  }

  headOf(s: PageState): PageState {
    return s.isTail ? this.state(s.head) : s;
  }

  /**
   * page->flags as a word: PG_locked(0) referenced(2) dirty(4) head(16) mlocked(21) (x86-64 order),
   * and PG_anon_exclusive (the PG_mappedtodisk bit, 17) where the release has it.
   */
  flagsWord(s: PageState): bigint {
    let f = 0n;
    const h = this.headOf(s);
    if (!s.isTail && s.lockedBy) f |= 1n << 0n;
    if (s.referenced) f |= 1n << 2n;
    if (s.dirty || (s.isTail && h.dirty)) f |= 1n << 4n;
    if (s.isHead) f |= 1n << 16n;
    if (s.anonExclusive && this.release.anonExclusive) f |= 1n << 17n;
    if (h.mlocked) f |= 1n << 21n;
    return f;
  }

  /**
   * What the `mapping` / `index` slot of a tail page holds (5.14 x86-64 layout, notes §2),
   * recording the read as a hazard when it is `mapping`.
   */
  tailMappingSlot(s: PageState, ctx: ExecCtx, field: 'mapping' | 'index'): Value {
    const nth = s.pfn - s.head;
    const h = this.state(s.head);
    let v: Value;
    let what: string;
    if (nth === 1) {
      const nr = BigInt(1 << h.order);
      const pincount = this.release.firstTailPincount;
      const slot = pincount ? nr << 32n : (TAIL_MAPPING & ~0xffffffffn) | nr;
      v = field === 'mapping' ? ctx.mem.ptrAt(slot, { k: 'void' }) : 0n;
      what = pincount ? `first tail: compound_pincount 0 and compound_nr ${nr} (${hex(slot)})` : `first tail: compound_nr ${nr} over TAIL_MAPPING (${hex(slot)})`;
    } else if (nth === 2) {
      // deferred_list is an empty list head: next and prev point at the list head itself (page[2] + 24).
      const self = this.addressOf(s.pfn) + 24n;
      v = field === 'mapping' ? new Ptr(this.region, s.pfn, 24) : self;
      what = `second tail: deferred_list.next (${hex(self)})`;
    } else {
      v = field === 'mapping' ? ctx.mem.ptrAt(TAIL_MAPPING, { k: 'void' }) : 0n;
      what = `tail ${nth}: TAIL_MAPPING (${hex(TAIL_MAPPING)})`;
    }
    if (field === 'mapping') {
      ctx.hazard('tail-mapping-read', `->mapping of tail page pfn ${hex(BigInt(s.pfn))} (head ${hex(BigInt(s.head))}) reads the ${what}`);
    }
    return v;
  }
}

/** The page state a `struct page *` designates (bug on anything else). */
export function pageOf(memmap: Memmap, p: Value, ctx: ExecCtx, what = 'page'): PageState {
  if (p instanceof Ptr && p.region === memmap.region && p.byteOffset === 0) {
    if (!memmap.exists(p.index)) return ctx.bug(`${what}: pfn ${hex(BigInt(p.index))} was never allocated`);
    return memmap.state(p.index);
  }
  if (p === null) return ctx.bug(`NULL pointer dereference: ${what}`);
  if (p instanceof Ptr) return ctx.bug(`${what} is not a struct page pointer (${p.region.name}${p.byteOffset ? '+' + p.byteOffset : ''})`);
  return ctx.bug(`${what} is an uninitialised or non-pointer value`);
}
