// A read-only array whose items are made when read: big inputs are walked, never held whole.
/**
 * An array of `length` items made by `at(i)` each time one is read (the last one is kept), so a
 * consumer that walks it (a spilled thread parse's messages, review's spilled variants) holds one item
 * at a time. Indexing, length, for-of, spread, Object.keys and array methods work; it is read-only.
 */
export function lazyList<T>(length: number, at: (i: number) => T): T[] {
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
