// IdTable (the lean parse's Message-ID numbering): the same numbers and texts as a Map would
// give, through its buffer and hash table growing, for ASCII, non-ASCII and long ids.
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../src/util/id-table.js';

describe('IdTable', () => {
  it('numbers strings in first-add order and gives each back, across growth', () => {
    const t = new IdTable();
    const map = new Map<string, number>();
    const ids: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      // Repeats (every third refers to an earlier one), non-ASCII, a long one now and then.
      const s = i % 3 === 2 ? ids[(i * 7919) % ids.length]! : i % 101 === 0 ? `grüße-${i}-é@ÿ.example` : i % 997 === 0 ? `${'x'.repeat(5000)}${i}@long` : `${20210601000000 + i}.${i % 977}-ann@kernel.org`;
      if (!map.has(s)) {
        map.set(s, map.size);
        ids.push(s);
      }
      expect(t.add(s)).toBe(map.get(s));
    }
    expect(t.size).toBe(map.size);
    for (const [s, n] of map) {
      expect(t.find(s)).toBe(n);
      expect(t.text(n)).toBe(s);
    }
    expect(t.find('20210601000000.0-ann@kernel.orgX')).toBe(-1);
    expect(t.find('')).toBe(-1);
    expect(t.text(t.add(''))).toBe('');
    expect(t.find('')).toBe(map.size);
  });
});
