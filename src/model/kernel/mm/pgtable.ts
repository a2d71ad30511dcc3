// Page tables of one mm: pgd -> pud -> pmd -> pte tables (x86-64 4-level paging, p4d folded into
// the pgd). Every table is a page-table page in the memmap, so `pmd_page()` of a table pmd is a
// real struct page, and its entries live at that page's direct-map address. PMD and PTE tables
// carry their split page-table lock (pmd_lock()/pte_lockptr()), as with USE_SPLIT_*_PTLOCKS.

import { Ptr, type CType, type ExecCtx, type Region, type Value } from '../../interp/api.js';
import type { Kernel } from '../state.js';
import { SpinLock } from '../locks.js';
import { hex } from '../object.js';
import { PAGE_OFFSET, type PageState } from './page.js';
import { Pmd, Pte, UpperEntry } from './pgtable-types.js';

export type Level = 'pgd' | 'pud' | 'pmd' | 'pte';
const SHIFT: Record<Level, bigint> = { pgd: 39n, pud: 30n, pmd: 21n, pte: 12n };
const ENTRY_T: Record<Level, CType> = {
  pgd: { k: 'opaque', name: 'pgd_t' },
  pud: { k: 'opaque', name: 'pud_t' },
  pmd: { k: 'opaque', name: 'pmd_t' },
  pte: { k: 'opaque', name: 'pte_t' },
};

export function indexAt(level: Level, addr: bigint): number {
  return Number((addr >> SHIFT[level]) & 511n);
}

/** One page-table page: 512 entries of one level. */
export class PageTable implements Region {
  readonly elemSize = 8;
  readonly length = 512;
  readonly base: bigint;
  readonly elemType: CType;
  readonly entries: (UpperEntry | Pmd | Pte)[];
  /** The split page-table lock of a pmd or pte table. */
  readonly lock: SpinLock | null;
  /** Tables below this one, by index (for upper levels). */
  readonly children: (PageTable | null)[] = new Array(512).fill(null);

  constructor(
    readonly level: Level,
    readonly page: PageState,
    /** Lowest address this table maps. */
    readonly vaddr: bigint,
    readonly mmId: number,
    k: Kernel,
  ) {
    this.base = PAGE_OFFSET + BigInt(page.pfn) * 4096n;
    this.elemType = ENTRY_T[level];
    const empty = level === 'pte' ? Pte.NONE : level === 'pmd' ? Pmd.NONE : new UpperEntry(level === 'pgd' ? 'pgd_t' : 'pud_t', false, 0);
    this.entries = new Array(512).fill(empty);
    this.lock = level === 'pmd' || level === 'pte' ? k.locks.spin(`${level} lock of table @${hex(this.base)} (mm ${mmId})`) : null;
  }

  /** Made once: level, address and mm never change. */
  get name(): string {
    return (this.named ??= `${this.level} table @${hex(this.base)} (mm ${this.mmId})`);
  }
  private named: string | undefined;

  load(index: number, _ctx: ExecCtx): Value {
    return this.entries[index]!;
  }

  store(index: number, value: Value, ctx: ExecCtx): void {
    if (this.level === 'pte' && !(value instanceof Pte)) ctx.bug(`storing a non-pte value into ${this.name}`);
    if (this.level === 'pmd' && !(value instanceof Pmd)) ctx.bug(`storing a non-pmd value into ${this.name}`);
    this.entries[index] = value as Pte;
  }

  /** Address mapped by entry `i`. */
  addrOf(i: number): bigint {
    return this.vaddr + (BigInt(i) << SHIFT[this.level]);
  }

  ptr(i: number): Ptr {
    return new Ptr(this, i);
  }
}

/** The whole tree of one mm. */
export class PageTables {
  readonly pgd: PageTable;
  constructor(
    readonly k: Kernel,
    readonly mmId: number,
  ) {
    this.pgd = this.newTable('pgd', 0n);
  }

  newTable(level: Level, vaddr: bigint): PageTable {
    const page = this.k.memmap.alloc('pagetable', 0, 'pte_alloc');
    const t = new PageTable(level, page, vaddr, this.mmId, this.k);
    this.k.tablesByPfn.set(page.pfn, t);
    this.k.mem.register(t);
    return t;
  }

  /** The table of `level` covering addr, allocating upper levels when `alloc` (pgd..pmd only). */
  tableFor(addr: bigint, level: 'pud' | 'pmd', alloc: boolean): PageTable | null {
    let t = this.pgd;
    const order: Level[] = ['pgd', 'pud', 'pmd'];
    for (const lv of order) {
      if (lv === level) return t;
      const i = indexAt(lv, addr);
      let c = t.children[i] ?? null;
      if (!c) {
        if (!alloc) return null;
        const next: Level = lv === 'pgd' ? 'pud' : 'pmd';
        const span = 1n << SHIFT[lv];
        c = this.newTable(next, addr & ~(span - 1n));
        t.children[i] = c;
        t.entries[i] = new UpperEntry(lv === 'pgd' ? 'pgd_t' : 'pud_t', true, c.page.pfn);
      }
      t = c;
    }
    return t;
  }

  /** The pmd slot for addr (allocating upper levels when asked). */
  pmdSlot(addr: bigint, alloc: boolean): { table: PageTable; i: number } | null {
    const t = this.tableFor(addr, 'pmd', alloc);
    return t ? { table: t, i: indexAt('pmd', addr) } : null;
  }

  /** The pte table a pmd slot points to, or null. */
  pteTableOf(pmd: { table: PageTable; i: number }): PageTable | null {
    const v = (pmd.table.entries[pmd.i] as Pmd).v;
    if (v.k !== 'table') return null;
    return this.k.tablesByPfn.get(v.tablePfn) ?? null;
  }

  /** Install an empty pte table under a none pmd (__pte_alloc). */
  allocPteTable(pmd: { table: PageTable; i: number }): PageTable {
    const t = this.newTable('pte', pmd.table.addrOf(pmd.i));
    pmd.table.entries[pmd.i] = new Pmd({ k: 'table', tablePfn: t.page.pfn });
    return t;
  }

  /** Look up what maps addr: the pmd slot, the pte slot (if a pte table), without allocating. */
  lookup(addr: bigint): { pmd: { table: PageTable; i: number } | null; pte: { table: PageTable; i: number } | null } {
    const pmd = this.pmdSlot(addr, false);
    if (!pmd) return { pmd: null, pte: null };
    const pt = this.pteTableOf(pmd);
    return { pmd, pte: pt ? { table: pt, i: indexAt('pte', addr) } : null };
  }

  /** Every pte table in address order (for checks and summaries). */
  *pteTables(): Generator<PageTable> {
    for (const pud of this.pgd.children) {
      if (!pud) continue;
      for (const pmdT of pud.children) {
        if (!pmdT) continue;
        for (let i = 0; i < 512; i++) {
          const v = (pmdT.entries[i] as Pmd).v;
          if (v.k === 'table') yield this.k.tablesByPfn.get(v.tablePfn)!;
        }
      }
    }
  }

  /** Every pmd table in address order. */
  *pmdTables(): Generator<PageTable> {
    for (const pud of this.pgd.children) {
      if (!pud) continue;
      for (const pmdT of pud.children) if (pmdT) yield pmdT;
    }
  }
}
