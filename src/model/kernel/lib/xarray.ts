// The dmirror page table (lib/test_hmm.c keeps one xarray of tagged struct page pointers per
// mirror, indexed by pfn of the user address). Values are model Values (tagged Ptrs).

import type { Value } from '../../interp/api.js';

export class XArray {
  readonly entries = new Map<bigint, Value>();

  load(index: bigint): Value {
    return this.entries.has(index) ? this.entries.get(index) : null;
  }

  store(index: bigint, v: Value): Value {
    const old = this.load(index);
    if (v === null) this.entries.delete(index);
    else this.entries.set(index, v);
    return old;
  }

  erase(index: bigint): Value {
    const old = this.load(index);
    this.entries.delete(index);
    return old;
  }

  /** The first present index in [from, max], or null. */
  find(from: bigint, max: bigint): bigint | null {
    if (from > max) return null;
    if (max - from <= 4096n) {
      for (let i = from; i <= max; i++) if (this.entries.has(i)) return i;
      return null;
    }
    let best: bigint | null = null;
    for (const i of this.entries.keys()) if (i >= from && i <= max && (best === null || i < best)) best = i;
    return best;
  }

  /** Sorted snapshot, for summaries and fingerprints. */
  keys(): bigint[] {
    return [...this.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
