// The variants of a review as they are made. A big input has thousands of variants that are not
// replayed (their hunks could not be placed), each a few KB of hunk reviews with their reasons:
// held in memory they would grow with the input. Past `spillFrom` variants, one that is final
// when added (not replayed: nothing changes it after) goes as JSON to an unlinked temporary
// file and is read back when the report reads it; replayed ones stay here (their results come
// later). `list()` is an array of all of them, in order, made as it is read.
import { DiffSpill } from '../thread/diff-spill.js';
import type { VariantReview } from './types.js';

/** Below this many variants they all stay in memory (small threads, tests). */
export const SPILL_VARIANTS_FROM = 256;

export class VariantStore {
  private readonly kept = new Map<number, VariantReview>();
  private readonly offsets: number[] = [];
  private readonly sizes: number[] = [];
  private spill: DiffSpill | null = null;
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
    this.spill ??= new DiffSpill();
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
    return lazyArray(this.count, (i) => this.at(i));
  }
}

/**
 * An array of `length` items made by `at(i)` when read (the last one is kept), so a renderer
 * that walks it holds one item at a time. Indexing, length, for-of, spread and array methods work.
 */
function lazyArray<T>(length: number, at: (i: number) => T): T[] {
  let last: { i: number; item: T } | null = null;
  const get = (i: number): T => {
    if (last?.i !== i) last = { i, item: at(i) };
    return last.item;
  };
  const index = (p: string | symbol): number => {
    if (typeof p !== 'string') return -1;
    const n = Number(p);
    return Number.isInteger(n) && n >= 0 && n < length && String(n) === p ? n : -1;
  };
  return new Proxy(new Array<T>(length), {
    get: (target, p, receiver) => {
      const i = index(p);
      return i >= 0 ? get(i) : Reflect.get(target, p, receiver);
    },
    has: (target, p) => index(p) >= 0 || Reflect.has(target, p),
    ownKeys: (target) => [...Array.from({ length }, (_, i) => String(i)), ...Reflect.ownKeys(target)],
    getOwnPropertyDescriptor: (target, p) => {
      const i = index(p);
      return i >= 0 ? { value: get(i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(target, p);
    },
    set: () => false,
  });
}
