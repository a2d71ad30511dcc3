// Integer semantics: widths, signedness, promotions, usual arithmetic conversions, wraparound,
// shifts and masks on 64-bit values, casts. Checked against C rules, partly by property tests
// that compare compiled C with a BigInt reference.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, rt, run1 } from './fake-runtime.js';
import type { Program } from '../../src/model/interp/index.js';

describe('integer conversions and comparisons', () => {
  it('compares long with unsigned long as unsigned (npages = -EFAULT case)', async () => {
    const r = await run1(`
      int f(void) {
        long npages = -EFAULT;
        unsigned long i = 0;
        int n = 0;
        if (i < npages) n |= 1;           /* -14 converts to 2^64-14: true */
        if (npages < 0) n |= 2;           /* signed compare: true */
        if ((long)i < npages) n |= 4;     /* false */
        return n;
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(3);
  });

  it('walks "garbage" when a negative count is compared with an unsigned index', async () => {
    const r = await run1(`
      long f(void) {
        long npages = -14;
        unsigned long i;
        long steps = 0;
        for (i = 0; i < npages; i++) { steps++; if (steps == 100) break; }
        return steps;
      }`, 'f');
    expect(r.value).toBe(100n);
  });

  it('applies integer promotions and int/unsigned int conversions', async () => {
    const r = await run1(`
      int f(void) {
        unsigned char c = 255;
        signed char sc = -1;
        unsigned short us = 65535;
        int n = 0;
        if (c + 1 == 256) n |= 1;          /* promoted to int, no wrap */
        if (sc != 255) n |= 2;             /* -1 vs 255 as int */
        if (-1 < 1u) n |= 4;               /* false: -1 becomes UINT_MAX */
        if (us * us > 0) n |= 8;           /* int multiply of 65535*65535 overflows to negative */
        if ((unsigned int)-1 == 4294967295u) n |= 16;
        if (sizeof(c + c) == 4) n |= 32;
        return n;
      }`, 'f');
    expect(r.value).toBe(1 | 2 | 16 | 32);
  });

  it('wraps unsigned arithmetic and truncates on conversion', async () => {
    const r = await run1(`
      void f(void) {
        unsigned int u = 0;
        unsigned long ul = 0;
        u8 b = 300;
        s8 sb = 200;
        u16 w = 70000;
        bool t = 256;
        record_u(u - 1);
        record_u(ul - 1);
        record_i(b);
        record_i(sb);
        record_i(w);
        record_i(t);
        record(2147483647 + 1);            /* int overflow wraps like the hardware */
        record((int)4294967296UL);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([4294967295n, 18446744073709551615n, 44, -56, 4464, 1, -2147483648n, 0n]);
  });

  it('computes kernel masks on 64-bit values', async () => {
    const r = await run1(`
      void f(unsigned long addr) {
        record_u(ULONG_MAX & PAGE_MASK);
        record_u(addr & ~HPAGE_PMD_MASK);
        record_u((addr & ~HPAGE_PMD_MASK) >> PAGE_SHIFT);
        record_u(addr & HPAGE_PMD_MASK);
        record_u((addr & HPAGE_PMD_MASK) + HPAGE_PMD_SIZE);
        record_i(HPAGE_PMD_NR);
        record_u(1UL << 63);
        record((long)(1UL << 63) >> 62);   /* arithmetic shift of a negative long */
        record_u((1UL << 63) >> 62);
      }`, 'f', [0x7f0000123456n]);
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([
      0xfffffffffffff000n,
      0x123456n,
      0x123n,
      0x7f0000000000n,
      0x7f0000200000n,
      512,
      0x8000000000000000n,
      -2n,
      2n,
    ]);
  });

  it('divides and takes remainders with C truncation', async () => {
    const r = await run1(`
      void f(void) {
        int a = -7;
        long b = -7;
        unsigned int c = 7;
        record_i(a / 2); record_i(a % 2); record(b / 2); record(b % 2);
        record_u(c / 2); record_i(-a % -3);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([-3, -1, -3n, -1n, 3n, 1]);
  });

  it('gives compound assignment and ++/-- the type of the left side', async () => {
    const r = await run1(`
      void f(void) {
        u8 x = 250;
        unsigned int y = 0;
        long z = 5;
        int i = 0;
        x += 10;
        y--;
        z *= -3;
        i = i++ + 10;
        record_i(x); record_u(y); record(z); record_i(i);
        record_i(x++); record_i(++x);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([4, 4294967295n, -15n, 10, 4, 6]);
  });

  it('types literals by value and suffix', async () => {
    const r = await run1(`
      void f(void) {
        record_i(sizeof(1)); record_i(sizeof(1UL)); record_i(sizeof(0x80000000));
        record_i(sizeof(2147483648)); record_i(sizeof(-1));
        record_u(0xffffffff + 1);    /* unsigned int: wraps to 0 */
        record(-0x10L);
        record_i('a'); record_i('\\n');
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([4, 8, 4, 8, 4, 0n, -16n, 97, 10]);
  });
});

// ----------------------------------------------------------------------------- properties

type T = { c: string; bits: number; signed: boolean };
const TYPES: T[] = [
  { c: 'int', bits: 32, signed: true },
  { c: 'unsigned int', bits: 32, signed: false },
  { c: 'long', bits: 64, signed: true },
  { c: 'unsigned long', bits: 64, signed: false },
  { c: 'u8', bits: 8, signed: false },
  { c: 's16', bits: 16, signed: true },
];
const OPS = ['+', '-', '*', '&', '|', '^', '<', '>=', '==', '/', '%', '>>'] as const;

function wrap(v: bigint, t: T): bigint {
  return t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
}
/** Rank-based C conversion of the operands' common type. */
function common(a: T, b: T): T {
  const p = (t: T): T => (t.bits < 32 ? TYPES[0]! : t);
  const x = p(a);
  const y = p(b);
  if (x.signed === y.signed) return x.bits >= y.bits ? x : y;
  const [u, s] = x.signed ? [y, x] : [x, y];
  return u.bits >= s.bits ? u : s;
}
function reference(op: string, a: bigint, ta: T, b: bigint, tb: T): bigint | null {
  const ct = op === '>>' ? (ta.bits < 32 ? TYPES[0]! : ta) : common(ta, tb);
  const x = wrap(a, ct);
  const y = op === '>>' ? b : wrap(b, ct);
  switch (op) {
    case '+': return wrap(x + y, ct);
    case '-': return wrap(x - y, ct);
    case '*': return wrap(x * y, ct);
    case '&': return wrap(x & y, ct);
    case '|': return wrap(x | y, ct);
    case '^': return wrap(x ^ y, ct);
    case '<': return x < y ? 1n : 0n;
    case '>=': return x >= y ? 1n : 0n;
    case '==': return x === y ? 1n : 0n;
    case '/': return y === 0n ? null : wrap(x / y, ct);
    case '%': return y === 0n ? null : wrap(x % y, ct);
    case '>>': return y < 0n || y >= BigInt(ct.bits) ? null : wrap(x >> y, ct);
  }
  return null;
}

describe('integer operators against a BigInt reference', () => {
  let program: Program;
  const fns: string[] = [];
  const src: string[] = [];
  for (const [ia, ta] of TYPES.entries()) {
    for (const [ib, tb] of TYPES.entries()) {
      for (const [io, op] of OPS.entries()) {
        const name = `op_${ia}_${ib}_${io}`;
        fns.push(name);
        src.push(`long long ${name}(${ta.c} a, ${tb.c} b) { return (long long)(a ${op} b); }`);
      }
    }
  }

  it('compiles every (type, type, operator) function', async () => {
    program = await compile(src.join('\n'));
    expect(program.errors).toEqual([]);
  });

  it('matches C for random operands', () => {
    const arb = fc.tuple(
      fc.integer({ min: 0, max: TYPES.length - 1 }),
      fc.integer({ min: 0, max: TYPES.length - 1 }),
      fc.integer({ min: 0, max: OPS.length - 1 }),
      fc.oneof(fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }), fc.bigInt({ min: -300n, max: 300n })),
      fc.oneof(fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }), fc.bigInt({ min: -70n, max: 70n })),
    );
    fc.assert(
      fc.property(arb, ([ia, ib, io, a, b]) => {
        const ta = TYPES[ia]!;
        const tb = TYPES[ib]!;
        const op = OPS[io]!;
        const av = wrap(a, ta);
        const bv = wrap(b, tb);
        const want = reference(op, av, ta, bv, tb);
        rt.reset(4);
        const r = program.run({ mem: rt.mem, threads: [{ name: 't', entry: `op_${ia}_${ib}_${io}`, args: [av, bv] }] });
        if (want === null) return true; // division by zero or out-of-range shift: not compared here
        expect(r.verdict).toBe('completed');
        expect(r.value).toBe(BigInt.asIntN(64, want));
        return true;
      }),
      { numRuns: 600, seed: 20210614 },
    );
  });
});
