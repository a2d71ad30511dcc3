// The dmirror page table (lib/test_hmm.c keeps one xarray of tagged struct page pointers per
// mirror, indexed by pfn of the user address). Values are model Values (tagged Ptrs).

import type { Value } from '../../interp/api.js';

export class XArray {
  readonly entries = new Map<bigint, Value>();
  /** The present indices in ascending order (find() is a binary search, not a scan). */
  private readonly sorted: bigint[] = [];

  load(index: bigint): Value {
    return this.entries.has(index) ? this.entries.get(index) : null;
  }

  store(index: bigint, v: Value): Value {
    const old = this.load(index);
    if (v === null) this.erase(index);
    else {
      if (!this.entries.has(index)) this.sorted.splice(this.lowerBound(index), 0, index);
      this.entries.set(index, v);
    }
    return old;
  }

  erase(index: bigint): Value {
    const old = this.load(index);
    if (this.entries.delete(index)) this.sorted.splice(this.lowerBound(index), 1);
    return old;
  }

  /** The first present index in [from, max], or null. */
  find(from: bigint, max: bigint): bigint | null {
    if (from > max) return null;
    const i = this.sorted[this.lowerBound(from)];
    return i !== undefined && i <= max ? i : null;
  }

  /** Sorted snapshot, for summaries and fingerprints. */
  keys(): bigint[] {
    return [...this.sorted];
  }

  /** Position of the first present index >= `index`. */
  private lowerBound(index: bigint): number {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
