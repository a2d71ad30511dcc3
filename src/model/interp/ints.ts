// Integer arithmetic with C widths and signedness. Representation (api.ts): types of up to 32
// bits are JS numbers already truncated to the type; 64-bit types are bigints already wrapped.
// After the integer promotions every arithmetic operation happens in one of four types, so the
// operator tables below are per representation: int, unsigned int, long, unsigned long.

import type { IntType } from './ctypes.js';

export type Rep = 'i32' | 'u32' | 'i64' | 'u64';
export type IntVal = number | bigint;

export function repOf(t: IntType): Rep {
  if (t.bits === 64) return t.signed ? 'i64' : 'u64';
  if (t.bits === 32) return t.signed ? 'i32' : 'u32';
  return 'i32'; // narrower types compute as int after promotion
}

/** Truncate/wrap a value of any representation to type `to` (C conversion semantics). */
export function converter(to: IntType): (v: IntVal) => IntVal {
  if (to.bits === 64) {
    return to.signed
      ? (v) => (typeof v === 'bigint' ? BigInt.asIntN(64, v) : BigInt(v))
      : (v) => (typeof v === 'bigint' ? BigInt.asUintN(64, v) : BigInt.asUintN(64, BigInt(v)));
  }
  const num = (v: IntVal): number => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v);
  switch (to.bits) {
    case 32:
      return to.signed ? (v) => num(v) | 0 : (v) => num(v) >>> 0;
    case 16:
      return to.signed ? (v) => (num(v) << 16) >> 16 : (v) => num(v) & 0xffff;
    case 8:
      return to.signed ? (v) => (num(v) << 24) >> 24 : (v) => num(v) & 0xff;
    case 1:
      return (v) => (v === 0 || v === 0n ? 0 : 1);
  }
}

/** A converter that is the identity when `from` values are already valid `to` values. */
export function converterFrom(from: IntType, to: IntType): ((v: IntVal) => IntVal) | null {
  if (to.bits === 1) return from.bits === 1 ? null : converter(to);
  if (from.bits === 64 || to.bits === 64) {
    if (from.bits === 64 && to.bits === 64 && from.signed === to.signed) return null;
    return converter(to);
  }
  if (from.bits === 1) return null; // 0/1 fits every integer type
  if (from.signed === to.signed && from.bits <= to.bits) return null;
  if (!from.signed && to.signed && from.bits < to.bits) return null;
  return converter(to);
}

/** JavaScript for `converter(to)` applied to the value in the variable `v` (read more than once). */
export function converterJs(to: IntType, v: string): string {
  if (to.bits === 64) {
    return to.signed
      ? `(typeof ${v} === 'bigint' ? BigInt.asIntN(64, ${v}) : BigInt(${v}))`
      : `(typeof ${v} === 'bigint' ? BigInt.asUintN(64, ${v}) : BigInt.asUintN(64, BigInt(${v})))`;
  }
  const num = `(typeof ${v} === 'bigint' ? Number(BigInt.asIntN(32, ${v})) : ${v})`;
  switch (to.bits) {
    case 32:
      return to.signed ? `(${num} | 0)` : `(${num} >>> 0)`;
    case 16:
      return to.signed ? `((${num} << 16) >> 16)` : `(${num} & 0xffff)`;
    case 8:
      return to.signed ? `((${num} << 24) >> 24)` : `(${num} & 0xff)`;
    case 1:
      return `(${v} === 0 || ${v} === 0n ? 0 : 1)`;
  }
}

export type BinOp = (a: IntVal, b: IntVal) => IntVal;

const I32: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => (a + b) | 0,
  '-': (a, b) => (a - b) | 0,
  '*': (a, b) => Math.imul(a, b),
  '/': (a, b) => (a / b) | 0,
  '%': (a, b) => a % b | 0,
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => a << (b & 31),
  '>>': (a, b) => a >> (b & 31),
};
const U32: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => (a + b) >>> 0,
  '-': (a, b) => (a - b) >>> 0,
  '*': (a, b) => Math.imul(a, b) >>> 0,
  '/': (a, b) => Math.floor(a / b) >>> 0,
  '%': (a, b) => (a % b) >>> 0,
  '&': (a, b) => (a & b) >>> 0,
  '|': (a, b) => (a | b) >>> 0,
  '^': (a, b) => (a ^ b) >>> 0,
  '<<': (a, b) => (a << (b & 31)) >>> 0,
  '>>': (a, b) => a >>> (b & 31),
};
const I64: Record<string, (a: bigint, b: bigint) => bigint> = {
  '+': (a, b) => BigInt.asIntN(64, a + b),
  '-': (a, b) => BigInt.asIntN(64, a - b),
  '*': (a, b) => BigInt.asIntN(64, a * b),
  '/': (a, b) => BigInt.asIntN(64, a / b),
  '%': (a, b) => a % b,
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => BigInt.asIntN(64, a << (b & 63n)),
  '>>': (a, b) => a >> (b & 63n),
};
const U64: Record<string, (a: bigint, b: bigint) => bigint> = {
  '+': (a, b) => BigInt.asUintN(64, a + b),
  '-': (a, b) => BigInt.asUintN(64, a - b),
  '*': (a, b) => BigInt.asUintN(64, a * b),
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => BigInt.asUintN(64, a << (b & 63n)),
  '>>': (a, b) => a >> (b & 63n),
};

/** Arithmetic/bitwise operator on two operands already converted to `rep`. */
export function arith(op: string, rep: Rep): BinOp | undefined {
  switch (rep) {
    case 'i32':
      return I32[op] as BinOp | undefined;
    case 'u32':
      return U32[op] as BinOp | undefined;
    case 'i64':
      return I64[op] as BinOp | undefined;
    case 'u64':
      return U64[op] as BinOp | undefined;
  }
}

/** Shift with the count given in any representation (the count's type does not convert the value). */
export function shift(op: '<<' | '>>', rep: Rep): BinOp {
  const f = arith(op, rep)!;
  if (rep === 'i64' || rep === 'u64') return (a, b) => f(a, typeof b === 'bigint' ? b : BigInt(b));
  return (a, b) => f(a, typeof b === 'bigint' ? Number(BigInt.asUintN(32, b)) : b);
}

export function compare(op: string): ((a: IntVal, b: IntVal) => boolean) | undefined {
  switch (op) {
    case '==':
      return (a, b) => a === b;
    case '!=':
      return (a, b) => a !== b;
    case '<':
      return (a, b) => a < b;
    case '>':
      return (a, b) => a > b;
    case '<=':
      return (a, b) => a <= b;
    case '>=':
      return (a, b) => a >= b;
  }
  return undefined;
}

export function negate(rep: Rep): (a: IntVal) => IntVal {
  switch (rep) {
    case 'i32':
      return (a) => -(a as number) | 0;
    case 'u32':
      return (a) => -(a as number) >>> 0;
    case 'i64':
      return (a) => BigInt.asIntN(64, -(a as bigint));
    case 'u64':
      return (a) => BigInt.asUintN(64, -(a as bigint));
  }
}

export function complement(rep: Rep): (a: IntVal) => IntVal {
  switch (rep) {
    case 'i32':
      return (a) => ~(a as number);
    case 'u32':
      return (a) => ~(a as number) >>> 0;
    case 'i64':
      return (a) => ~(a as bigint);
    case 'u64':
      return (a) => BigInt.asUintN(64, ~(a as bigint));
  }
}

/**
 * Value and type of an integer literal per C: the first of int, (unsigned int for hex/octal),
 * long, unsigned long that holds it, narrowed by U/L suffixes.
 */
export function parseIntLiteral(text: string): { value: bigint; unsigned: boolean; long: boolean } | null {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  if (!m) return null;
  const body = m[1]!;
  const suf = m[2]!.toLowerCase();
  let value: bigint;
  if (/^0[bB]/.test(body)) value = BigInt(body);
  else if (/^0[0-7]+$/.test(body)) value = BigInt('0o' + body.slice(1));
  else value = BigInt(body);
  const decimal = /^[1-9]/.test(body) || body === '0';
  let unsigned = suf.includes('u');
  let long = suf.includes('l');
  if (!long) {
    if (unsigned ? value > 0xffffffffn : value > 0x7fffffffn) {
      if (!unsigned && !decimal && value <= 0xffffffffn) unsigned = true;
      else long = true;
    }
  }
  if (long && value > 0x7fffffffffffffffn) unsigned = true; // too big for long: only unsigned long holds it
  return { value, unsigned, long };
}

// ----------------------------------------------------------------------------- as JavaScript
// The same operations as JavaScript source (jsgen.ts), operand by operand as in the tables above;
// each operand appears once, so it may be any parenthesised expression.

const JS_OPS: Record<Rep, Record<string, (a: string, b: string) => string>> = {
  i32: {
    '+': (a, b) => `((${a} + ${b}) | 0)`,
    '-': (a, b) => `((${a} - ${b}) | 0)`,
    '*': (a, b) => `Math.imul(${a}, ${b})`,
    '/': (a, b) => `((${a} / ${b}) | 0)`,
    '%': (a, b) => `(${a} % ${b} | 0)`,
    '&': (a, b) => `(${a} & ${b})`,
    '|': (a, b) => `(${a} | ${b})`,
    '^': (a, b) => `(${a} ^ ${b})`,
    '<<': (a, b) => `(${a} << (${b} & 31))`,
    '>>': (a, b) => `(${a} >> (${b} & 31))`,
  },
  u32: {
    '+': (a, b) => `((${a} + ${b}) >>> 0)`,
    '-': (a, b) => `((${a} - ${b}) >>> 0)`,
    '*': (a, b) => `(Math.imul(${a}, ${b}) >>> 0)`,
    '/': (a, b) => `(Math.floor(${a} / ${b}) >>> 0)`,
    '%': (a, b) => `((${a} % ${b}) >>> 0)`,
    '&': (a, b) => `((${a} & ${b}) >>> 0)`,
    '|': (a, b) => `((${a} | ${b}) >>> 0)`,
    '^': (a, b) => `((${a} ^ ${b}) >>> 0)`,
    '<<': (a, b) => `((${a} << (${b} & 31)) >>> 0)`,
    '>>': (a, b) => `(${a} >>> (${b} & 31))`,
  },
  i64: {
    '+': (a, b) => `BigInt.asIntN(64, ${a} + ${b})`,
    '-': (a, b) => `BigInt.asIntN(64, ${a} - ${b})`,
    '*': (a, b) => `BigInt.asIntN(64, ${a} * ${b})`,
    '/': (a, b) => `BigInt.asIntN(64, ${a} / ${b})`,
    '%': (a, b) => `(${a} % ${b})`,
    '&': (a, b) => `(${a} & ${b})`,
    '|': (a, b) => `(${a} | ${b})`,
    '^': (a, b) => `(${a} ^ ${b})`,
    '<<': (a, b) => `BigInt.asIntN(64, ${a} << (${b} & 63n))`,
    '>>': (a, b) => `(${a} >> (${b} & 63n))`,
  },
  u64: {
    '+': (a, b) => `BigInt.asUintN(64, ${a} + ${b})`,
    '-': (a, b) => `BigInt.asUintN(64, ${a} - ${b})`,
    '*': (a, b) => `BigInt.asUintN(64, ${a} * ${b})`,
    '/': (a, b) => `(${a} / ${b})`,
    '%': (a, b) => `(${a} % ${b})`,
    '&': (a, b) => `(${a} & ${b})`,
    '|': (a, b) => `(${a} | ${b})`,
    '^': (a, b) => `(${a} ^ ${b})`,
    '<<': (a, b) => `BigInt.asUintN(64, ${a} << (${b} & 63n))`,
    '>>': (a, b) => `(${a} >> (${b} & 63n))`,
  },
};

/** JavaScript for `arith(op, rep)`, or undefined where arith has no operator. */
export function arithJs(op: string, rep: Rep): ((a: string, b: string) => string) | undefined {
  return JS_OPS[rep][op];
}

/** JavaScript for `shift(op, rep)`; the count `b` must be a variable (read twice). */
export function shiftJs(op: '<<' | '>>', rep: Rep): (a: string, b: string) => string {
  const f = JS_OPS[rep][op]!;
  if (rep === 'i64' || rep === 'u64') return (a, b) => f(a, `(typeof ${b} === 'bigint' ? ${b} : BigInt(${b}))`);
  return (a, b) => f(a, `(typeof ${b} === 'bigint' ? Number(BigInt.asUintN(32, ${b})) : ${b})`);
}

const JS_CMP: Record<string, string> = { '==': '===', '!=': '!==', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

/** The JavaScript operator of `compare(op)`. */
export function compareJs(op: string): string | undefined {
  return JS_CMP[op];
}

export function negateJs(rep: Rep, a: string): string {
  switch (rep) {
    case 'i32':
      return `(-${a} | 0)`;
    case 'u32':
      return `(-${a} >>> 0)`;
    case 'i64':
      return `BigInt.asIntN(64, -${a})`;
    case 'u64':
      return `BigInt.asUintN(64, -${a})`;
  }
}

export function complementJs(rep: Rep, a: string): string {
  switch (rep) {
    case 'i32':
      return `(~${a})`;
    case 'u32':
      return `(~${a} >>> 0)`;
    case 'i64':
      return `(~${a})`;
    case 'u64':
      return `BigInt.asUintN(64, ~${a})`;
  }
}
