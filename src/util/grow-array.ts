// A typed array that grows as values are pushed: the thread parse keeps a few numbers per
// message in these instead of one JS object per message (no object headers, no boxed doubles,
// nothing for the garbage collector to trace).
type Typed = Int32Array | Float64Array | Uint8Array;

export class GrowArray<T extends Typed> {
  array: T;
  length = 0;

  constructor(
    private readonly make: (n: number) => T,
    capacity = 1024,
  ) {
    this.array = make(capacity);
  }

  push(v: number): number {
    if (this.length === this.array.length) {
      // 1.5x: less spare room at the end than doubling, and few copies all the same.
      const next = this.make(Math.ceil(this.array.length * 1.5) + 16);
      next.set(this.array);
      this.array = next;
    }
    this.array[this.length] = v;
    return this.length++;
  }

  /** The filled part, as a view (valid until the next push). */
  view(): T {
    return this.array.subarray(0, this.length) as T;
  }
}

export const int32s = (): GrowArray<Int32Array> => new GrowArray((n) => new Int32Array(n));
export const float64s = (): GrowArray<Float64Array> => new GrowArray((n) => new Float64Array(n));
export const uint8s = (): GrowArray<Uint8Array> => new GrowArray((n) => new Uint8Array(n));
