// The variants of a review as they are made. A big input has thousands of variants that are not
// replayed (their hunks could not be placed), each a few KB of hunk reviews with their reasons:
// held in memory they would grow with the input. Past `spillFrom` variants, one that is final
// when added (not replayed: nothing changes it after) goes as JSON to an unlinked temporary
// file and is read back when the report reads it; a replayed one stays here until its results
// are in (`settle`), then goes the same way. `list()` is an array of all of them, in order, made
// as it is read.
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
  /** Index of every replayed variant, in order. */
  private readonly replayedAt: number[] = [];
  /** Index of each replayed variant not settled yet, by id. */
  private readonly pending = new Map<string, number>();

  constructor(private readonly spillFrom = SPILL_VARIANTS_FROM) {}

  get length(): number {
    return this.count;
  }

  add(v: VariantReview): void {
    const i = this.count++;
    this.offsets.push(-1);
    this.sizes.push(0);
    if (v.replayed) {
      this.replayedAt.push(i);
      this.pending.set(v.id, i);
    }
    if (v.replayed || i < this.spillFrom) this.kept.set(i, v);
    else this.toSpill(i, v);
  }

  /** Replayed variant `v` has all its results: from now on it is read back like the rest. */
  settle(v: VariantReview): void {
    const i = this.pending.get(v.id);
    if (i === undefined) return;
    this.pending.delete(v.id);
    if (i >= this.spillFrom) {
      this.kept.delete(i);
      this.toSpill(i, v);
    }
  }

  private toSpill(i: number, v: VariantReview): void {
    this.spill ??= new SpillFile();
    const at = this.spill.write(JSON.stringify(v));
    this.offsets[i] = at.offset;
    this.sizes[i] = at.bytes;
  }

  /** Every replayed variant, in order, read back one at a time if settled and spilled. */
  *replayed(): IterableIterator<VariantReview> {
    for (const i of this.replayedAt) yield this.at(i);
  }

  /** The variants in memory now: the first `spillFrom`, and the replayed ones not settled. */
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

