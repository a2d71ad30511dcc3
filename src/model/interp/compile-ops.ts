// Operators: typing per C (promotions, usual arithmetic conversions, pointer arithmetic) and the
// value-level closures that implement them. Expression shapes (evaluation order, generators) are
// built from these in compile-expr.ts; compound assignment and ++/-- reuse the same closures.

import { Ptr, UNINIT, type Blocked, type CType, type Value } from './api.js';
import { constExpr, CompileError, lift2, plainExpr, genExpr, siteAt, uninitRead, ptrAddBytes, type CExpr, type JsOp1, type JsOp2 } from './cexpr.js';
import { INT, LONG, UNRESOLVED, is64, promote, sameType, typeToString, uac, type IntType } from './ctypes.js';
import {
  arith, arithJs, compare, compareJs, complement, complementJs, converterFrom, converterJs, negate, negateJs, repOf, shift, shiftJs, type IntVal,
} from './ints.js';
import type { Js } from './jsgen.js';
import { bug, ptrEquals, type Frame } from './runtime.js';
import type { FnCx } from './fn-context.js';

type ValFn = (x: Value, y: Value, f: Frame) => Value;

export interface ValOp {
  t: CType;
  fn: ValFn;
  pure: boolean;
  /** The same on operand values in temporaries, as JavaScript (else the generated code calls fn). */
  js?: JsOp2;
}

export { UNRESOLVED };
export function isUnresolved(t: CType): boolean {
  return t === UNRESOLVED;
}

const CMP_OPS = new Set(['==', '!=', '<', '>', '<=', '>=']);

function toNum(v: Value): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : (v as number);
}

function elemMatches(a: CType, b: CType): boolean {
  return a === b || (a.k === 'struct' ? b.k === 'struct' && a.name === b.name : sameType(a, b));
}

/** `p + n` elements of type `elem` (`size` bytes; null when incomplete: step by the region's elements). */
function ptrAdder(elem: CType, size: number | null): (p: Value, n: number, f: Frame) => Value {
  return (p, n, f) => {
    if (p instanceof Ptr) {
      if (n === 0) return p;
      if (size === null || (p.byteOffset === 0 && elemMatches(p.region.elemType, elem))) return new Ptr(p.region, p.index + n, p.byteOffset);
      return ptrAddBytes(p, n * size);
    }
    if (p === null) return n === 0 ? null : f.m.ptrAt(BigInt.asUintN(64, BigInt(n) * BigInt(size ?? 1)), elem);
    return UNINIT;
  };
}

function ptrDiff(elem: CType, size: number | null): (a: Ptr | null, b: Ptr | null) => bigint {
  return (a, b) => {
    if (a && b && a.region === b.region && a.byteOffset === b.byteOffset && (size === null || elemMatches(a.region.elemType, elem))) {
      return BigInt(a.index - b.index);
    }
    const x = a ? a.address : 0n;
    const y = b ? b.address : 0n;
    return BigInt.asIntN(64, (x - y) / BigInt(size ?? a?.region.elemSize ?? 1));
  };
}

function ptrCompare(op: string): (a: Ptr | null, b: Ptr | null) => boolean {
  if (op === '==') return (a, b) => ptrEquals(a, b);
  if (op === '!=') return (a, b) => !ptrEquals(a, b);
  const cmp = compare(op)!;
  return (a, b) => {
    if (a && b && a.region === b.region) return cmp(a.index * a.region.elemSize + a.byteOffset, b.index * b.region.elemSize + b.byteOffset);
    return cmp(a ? BigInt.asUintN(64, a.address) : 0n, b ? BigInt.asUintN(64, b.address) : 0n);
  };
}

/** Element size for pointer arithmetic on `T *`: void counts 1 (GNU C), functions are an error. */
function stepOf(cx: FnCx, p: CType, line: number): { elem: CType; size: number | null } {
  const elem = (p as Extract<CType, { k: 'ptr' }>).to;
  if (elem.k === 'func') throw new CompileError(line, 'arithmetic on a function pointer');
  return { elem, size: cx.ps.types.sizeof(elem) };
}

/**
 * The closure for `a op b` on values (`a`, `b` are rvalues: arrays decayed). Comparisons give
 * int 0/1. Reading UNINIT records `uninitialised-read` and yields garbage (UNINIT), which
 * compares unequal to everything.
 */
export function binaryValOp(cx: FnCx, op: string, a: CExpr, b: CExpr, src: string, line: number): ValOp {
  const ta = a.t;
  const tb = b.t;
  const site = siteAt(cx.loc, src);
  const isCmp = CMP_OPS.has(op);
  const garbage = (x: Value, f: Frame): Value => {
    uninitRead(f, site, x === UNINIT ? a.src : b.src);
    return isCmp ? (op === '!=' ? 1 : 0) : UNINIT;
  };
  if (ta.k === 'int' && tb.k === 'int') {
    const uninit = (g: Parameters<JsOp2>[0], x: string, y: string) => `${x} === U || ${y} === U ? ${g.k(garbage)}(${x}, f)`;
    if (op === '<<' || op === '>>') {
      const t = promote(ta);
      const ca = converterFrom(ta, t);
      const sh = shift(op, repOf(t));
      const shJs = shiftJs(op, repOf(t));
      return {
        t,
        pure: true,
        fn: (x, y, f) => (x === UNINIT || y === UNINIT ? garbage(x, f) : sh(ca ? ca(x as IntVal) : (x as IntVal), y as IntVal)),
        js: (g, x, y) => `(${uninit(g, x, y)} : ${shJs(ca ? converterJs(t, x) : x, y)})`,
      };
    }
    const ct = uac(ta, tb);
    const ca = converterFrom(ta, ct);
    const cb = converterFrom(tb, ct);
    const pa = (x: string) => (ca ? converterJs(ct, x) : x);
    const pb = (y: string) => (cb ? converterJs(ct, y) : y);
    if (isCmp) {
      const cmp = compare(op)!;
      const cj = compareJs(op)!;
      return {
        t: INT,
        pure: true,
        fn: (x, y, f) => {
          if (x === UNINIT || y === UNINIT) return garbage(x, f);
          return cmp(ca ? ca(x as IntVal) : (x as IntVal), cb ? cb(y as IntVal) : (y as IntVal)) ? 1 : 0;
        },
        js: (g, x, y) => `(${uninit(g, x, y)} : ${pa(x)} ${cj} ${pb(y)} ? 1 : 0)`,
      };
    }
    const ar = arith(op, repOf(ct));
    if (!ar) throw new CompileError(line, `unsupported operator ${op} on integers in \`${src}\``);
    const arJs = arithJs(op, repOf(ct))!;
    const zero = is64(ct) ? 0n : 0;
    const divides = op === '/' || op === '%';
    const byZero = (f: Frame): never => bug(f, `division by zero in \`${src}\``);
    return {
      t: ct,
      pure: true,
      fn: (x, y, f) => {
        if (x === UNINIT || y === UNINIT) return garbage(x, f);
        const p = ca ? ca(x as IntVal) : (x as IntVal);
        const q = cb ? cb(y as IntVal) : (y as IntVal);
        if (divides && q === zero) bug(f, `division by zero in \`${src}\``);
        return ar(p, q);
      },
      js: divides
        ? (g, x, y) => {
            const q = g.tmp();
            return `(${uninit(g, x, y)} : (${q} = ${pb(y)}, ${q} === ${g.lit(zero)} ? ${g.k(byZero)}(f) : ${arJs(pa(x), q)}))`;
          }
        : (g, x, y) => `(${uninit(g, x, y)} : ${arJs(pa(x), pb(y))})`,
    };
  }
  // pointers
  if (ta.k === 'ptr' && tb.k === 'int' && (op === '+' || op === '-')) {
    const { elem, size } = stepOf(cx, ta, line);
    const add = ptrAdder(elem, size);
    const sign = op === '+' ? 1 : -1;
    return { t: ta, pure: false, fn: (x, y, f) => (x === UNINIT || y === UNINIT ? garbage(x, f) : add(x, sign * toNum(y), f)) };
  }
  if (ta.k === 'int' && tb.k === 'ptr' && op === '+') {
    const { elem, size } = stepOf(cx, tb, line);
    const add = ptrAdder(elem, size);
    return { t: tb, pure: false, fn: (x, y, f) => (x === UNINIT || y === UNINIT ? garbage(x, f) : add(y, toNum(x), f)) };
  }
  if (ta.k === 'ptr' && tb.k === 'ptr' && op === '-') {
    if (!sameType(ta.to, tb.to)) throw new CompileError(line, `subtracting pointers to different types in \`${src}\``);
    const { elem, size } = stepOf(cx, ta, line);
    const diff = ptrDiff(elem, size);
    return { t: LONG, pure: false, fn: (x, y, f) => (x === UNINIT || y === UNINIT ? garbage(x, f) : diff(x as Ptr | null, y as Ptr | null)) };
  }
  if (isCmp && (ta.k === 'ptr' || tb.k === 'ptr')) {
    const okNull = (c: CExpr) => c.nullConst;
    if (!((ta.k === 'ptr' && tb.k === 'ptr') || (ta.k === 'ptr' && okNull(b)) || (tb.k === 'ptr' && okNull(a)))) {
      throw new CompileError(line, `comparison between \`${typeToString(ta)}\` and \`${typeToString(tb)}\` in \`${src}\``);
    }
    const pc = ptrCompare(op);
    const asPtr = (v: Value): Ptr | null => (v === 0 || v === 0n ? null : (v as Ptr | null));
    return {
      t: INT,
      pure: false,
      fn: (x, y, f) => (x === UNINIT || y === UNINIT ? garbage(x, f) : pc(asPtr(x), asPtr(y)) ? 1 : 0),
    };
  }
  throw new CompileError(line, `invalid operands to \`${op}\` (\`${typeToString(ta)}\` and \`${typeToString(tb)}\`) in \`${src}\``);
}

/** Unary - + ~ on an integer rvalue. */
export function unaryValOp(cx: FnCx, op: '-' | '+' | '~', a: CExpr, src: string, line: number): { t: IntType; fn: (x: Value, f: Frame) => Value; js: JsOp1 } {
  if (a.t.k !== 'int') throw new CompileError(line, `invalid operand to unary \`${op}\` (\`${typeToString(a.t)}\`) in \`${src}\``);
  const t = promote(a.t);
  const ca = converterFrom(a.t, t);
  const rep = repOf(t);
  const site = siteAt(cx.loc, src);
  const g = op === '-' ? negate(rep) : op === '~' ? complement(rep) : (v: IntVal) => v;
  const fn = (x: Value, f: Frame): Value => {
    if (x === UNINIT) {
      uninitRead(f, site, a.src);
      return UNINIT;
    }
    return g(ca ? ca(x as IntVal) : (x as IntVal));
  };
  const opJs = (v: string) => (op === '-' ? negateJs(rep, v) : op === '~' ? complementJs(rep, v) : v);
  return {
    t,
    fn,
    js: (gen, x) => `(${x} === U ? ${gen.k(fn)}(${x}, f) : ${opJs(ca ? converterJs(t, x) : x)})`,
  };
}

// ----------------------------------------------------------------------------- conditions

/** A condition as a JS boolean closure (if/while/for/&&/||/?:). */
export interface Cond {
  ev: ((f: Frame) => boolean) | null;
  gv: ((f: Frame) => Generator<Blocked, boolean, void>) | null;
  /** Known at compile time. */
  konst: boolean | null;
  /** The same as a JavaScript boolean expression (jsgen.ts). */
  js?: Js;
}

/** Truthiness of a scalar rvalue; UNINIT records `uninitialised-read` and counts as true. */
export function condOf(cx: FnCx, c: CExpr): Cond {
  const t = c.t;
  if (isUnresolved(t)) {
    const e = c.ev;
    const g = c.gv;
    const js: Js = (gen) => `(${gen.e(c)}, true)`;
    return e ? { ev: (f) => (e(f), true), gv: null, konst: null, js } : { ev: null, gv: function* (f) { yield* g!(f); return true; }, konst: null, js };
  }
  if (t.k !== 'int' && t.k !== 'ptr') throw new CompileError(c.line, `\`${c.src}\` (\`${typeToString(t)}\`) used as a condition`);
  const zero: Value = t.k === 'ptr' ? null : is64(t) ? 0n : 0;
  if (c.konst && c.kv !== UNINIT) {
    const k = c.kv !== null && c.kv !== 0 && c.kv !== 0n;
    return { ev: k ? () => true : () => false, gv: null, konst: k };
  }
  const site = siteAt(cx.loc, c.src);
  const truth = (v: Value, f: Frame): boolean => {
    if (v !== UNINIT) return true;
    uninitRead(f, site, c.src);
    return true;
  };
  const js: Js = (gen) => {
    const v = gen.tmp();
    return `((${v} = ${gen.e(c)}) !== ${gen.lit(zero)} && (${v} !== U || ${gen.k(truth)}(${v}, f)))`;
  };
  const e = c.ev;
  if (e) return { ev: (f) => { const v = e(f); return v !== zero && truth(v, f); }, gv: null, konst: null, js };
  const g = c.gv!;
  return {
    ev: null,
    gv: function* (f) {
      const v = yield* g(f);
      return v !== zero && truth(v, f);
    },
    konst: null,
    js,
  };
}

export function notCond(c: Cond): Cond {
  const e = c.ev;
  if (c.konst !== null) return { ev: c.konst ? () => false : () => true, gv: null, konst: !c.konst };
  const js: Js = (gen) => `!${gen.cond(c)}`;
  if (e) return { ev: (f) => !e(f), gv: null, konst: null, js };
  const g = c.gv!;
  return { ev: null, gv: function* (f) { return !(yield* g(f)); }, konst: null, js };
}

export function andOr(op: '&&' | '||', a: Cond, b: Cond): Cond {
  const ea = a.ev;
  const eb = b.ev;
  const js: Js = (gen) => `(${gen.cond(a)} ${op} ${gen.cond(b)})`;
  if (ea && eb) return { ev: op === '&&' ? (f) => ea(f) && eb(f) : (f) => ea(f) || eb(f), gv: null, konst: null, js };
  const ga = a.gv;
  const gb = b.gv;
  return {
    ev: null,
    gv: function* (f) {
      const x = ga ? yield* ga(f) : ea!(f);
      if (op === '&&' ? !x : x) return x;
      return gb ? yield* gb(f) : eb!(f);
    },
    konst: null,
    js,
  };
}

/** A condition as an int 0/1 expression. */
export function condToExpr(c: Cond, src: string, line: number): CExpr {
  if (c.konst !== null) return constExpr(INT, c.konst ? 1 : 0, src, line);
  const js: Js = (gen) => `(${gen.cond(c)} ? 1 : 0)`;
  const e = c.ev;
  if (e) return plainExpr(INT, (f) => (e(f) ? 1 : 0), src, line, null, js);
  const g = c.gv!;
  return genExpr(INT, function* (f) { return (yield* g(f)) ? 1 : 0; }, src, line, js);
}

/** Build `a op b` as an expression from a ValOp. */
export function applyBinary(v: ValOp, a: CExpr, b: CExpr, src: string, line: number): CExpr {
  return lift2(v.t, a, b, v.fn, src, line, v.pure, v.js);
}
