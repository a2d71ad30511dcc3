// The kernel release a run models, and each runtime behaviour that depends on it, decided here
// once. The TypeScript runtime (fault path, fork, mprotect, the memmap's overlays) asks these
// questions instead of comparing release numbers itself; the model C of each release is its own
// tree and the primitives' prototypes are declared per release range (builtins/def.ts).

import { kernelOrdinal } from '../source/bases.js';

export class Release {
  private readonly n: number;
  constructor(readonly kernel: string) {
    this.n = kernelOrdinal(kernel);
  }

  private since(kernel: string): boolean {
    return this.n >= kernelOrdinal(kernel);
  }

  /**
   * PG_anon_exclusive (v5.19, "mm: remember exclusively mapped anonymous pages with
   * PG_anon_exclusive"): a new anonymous page is exclusive; fork() shares it (clears the flag);
   * splitting a PMD gives every subpage the head's flag; a write fault reuses an exclusive page
   * at once and otherwise only a page it holds the last reference to (marking it exclusive).
   * Before: reuse when the page is mapped and referenced once.
   */
  get anonExclusive(): boolean {
    return this.since('5.19');
  }

  /**
   * mprotect() gathers TLB flushes in an mmu_gather it passes to change_protection(), and asks
   * for MM_CP_TRY_CHANGE_WRITABLE on a writable private mapping (so in v6.1; v5.14 passes
   * MM_CP_DIRTY_ACCT or nothing and flushes in change_protection_range()).
   */
  get mprotectGathers(): boolean {
    return this.since('6.1');
  }

  /**
   * change_protection(tlb, vma, start, end, cp_flags) takes the new protection from
   * vma->vm_page_prot instead of a parameter (so in v6.13; v6.1 passes newprot).
   */
  get protectionFromVma(): boolean {
    return this.since('6.13');
  }

  /**
   * The `mapping` slot of a THP's first tail page: in v6.1 compound_pincount (0) in its low half
   * and compound_nr in its high half; in v5.14 compound_nr in the low half over the high half of
   * TAIL_MAPPING.
   */
  get firstTailPincount(): boolean {
    return this.since('6.1');
  }

  /**
   * A large folio's order is the low byte of folio->_flags_1 (in v6.13; v6.1 has the
   * _folio_order byte).
   */
  get orderInFlags1(): boolean {
    return this.since('6.13');
  }

  /**
   * A device-exclusive entry keeps the page's mapcount (v6.15, "mm/rmap: keep mapcount untouched
   * for device-exclusive entries"): the entry counts as a mapping wherever mapcounts are
   * checked, and zapping it removes the rmap as for a present pte. Before, making the entry
   * dropped the mapcount and only the reference stayed with it.
   */
  get exclusiveEntryMapped(): boolean {
    return this.since('6.15');
  }
}
