// The variants of a review as they are made. A big input has thousands of variants that are not
// replayed (their hunks could not be placed), each a few KB of hunk reviews with their reasons:
// held in memory they would grow with the input. Past `spillFrom` variants, one that is final
// when added (not replayed: nothing changes it after) goes as JSON to an unlinked temporary
// file and is read back when the report reads it; replayed ones stay here (their results come
// later). `list()` is an array of all of them, in order, made as it is read.
import { SpillFile } from '../util/spill-file.js';
import { lazyList } from '../util/lazy-list.js';
import type { VariantReview } from './types.js';

/** Below this many variants they all stay in memory (small threads, tests). */
const SPILL_VARIANTS_FROM = 256;

export class VariantStore {
  private readonly kept = new Map<number, VariantReview>();
  private readonly offsets: number[] = [];
  private readonly sizes: number[] = [];
  private spill: SpillFile | null = null;
  private count = 0;

  constructor(private readonly spillFrom = SPILL_VARIANTS_FROM) {}

  get length(): number {
    return this.count;
  }

  add(v: VariantReview): void {
    const i = this.count++;
    if (v.replayed || i < this.spillFrom) {
      this.kept.set(i, v);
      this.offsets.push(-1);
      this.sizes.push(0);
      return;
    }
    this.spill ??= new SpillFile();
    const at = this.spill.write(JSON.stringify(v));
    this.offsets.push(at.offset);
    this.sizes.push(at.bytes);
  }

  /** The variants that stay in memory (every replayed one among them). */
  inMemory(): IterableIterator<VariantReview> {
    return this.kept.values();
  }

  at(i: number): VariantReview {
    const v = this.kept.get(i);
    if (v) return v;
    return JSON.parse(this.spill!.read({ offset: this.offsets[i]!, bytes: this.sizes[i]! })) as VariantReview;
  }

  /** All variants in order: a plain array while none is spilled, else one made as it is read. */
  list(): VariantReview[] {
    if (!this.spill) return [...this.kept.values()];
    return lazyList(this.count, (i) => this.at(i));
  }
}

