// Compiled expressions. A CExpr is a statically typed expression turned into a closure: plain
// (`ev`) when nothing in it can block, a generator function (`gv`) when it contains a call that
// may block (so a thread can be suspended in the middle of it). Helpers here build closures from
// sub-closures, choosing the plain or generator shape, and fold constants.

import { Ptr, UNINIT, type Blocked, type CType, type SourceLoc, type Value } from './api.js';
import { UNRESOLVED, isInt, sameType, typeToString, type IntType } from './ctypes.js';
import { converterFrom, converterJs, type IntVal } from './ints.js';
import { ptrToInt, type CallTarget, type Ev, type Frame, type GenEv, type Site } from './runtime.js';
import type { Gen, Js } from './jsgen.js';

/** A storage location an expression designates (for assignment, `&`, `++`). */
export interface Place {
  /** Computes the handle the accessors work on (a frame, a StructRef, a Ptr, a region). */
  base: Ev | null;
  baseG: GenEv | null;
  load(h: unknown, f: Frame): Value;
  store(h: unknown, v: Value, f: Frame): void;
  /** `&place`; null when the place has no address. */
  addr: ((h: unknown, f: Frame) => Value) | null;
  /** Set for a plain (not address-taken) local: `&` on it makes the compiler redo the function. */
  localSlot?: number;
  localName?: string;
  /** JavaScript for `base` (see jsgen.ts); without it the generated code calls `base`. */
  jsBase?: Js;
  /** JavaScript for load/store on a handle held in the variable `h`; else the closures. */
  jsLoad?: (g: Gen, h: string) => string;
  jsStore?: (g: Gen, h: string, v: string) => string;
}

export interface CExpr {
  t: CType;
  ev: Ev | null;
  gv: GenEv | null;
  /** Compile-time constant value (`konst` true). */
  konst: boolean;
  kv: Value;
  place: Place | null;
  /** An integer constant 0 or `(void *)0`: converts to any pointer type. */
  nullConst: boolean;
  /** Set when the expression names a function (direct calls skip the pointer). */
  target?: CallTarget;
  src: string;
  line: number;
  /** The same as JavaScript source (jsgen.ts); without it the generated code calls ev/gv. */
  js?: Js;
}

/** A name the code uses that the program does not declare (what a compile error is about). */
export interface UnknownName {
  kind: 'identifier' | 'type' | 'field';
  name: string;
  /** For a field: the struct it was looked up in. */
  struct?: string;
}

export class CompileError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly unknown?: UnknownName,
    /** The function whose arguments an error is about (a call that does not fit its prototype). */
    readonly callee?: string,
  ) {
    super(message);
  }
}

export function plainExpr(t: CType, ev: Ev, src: string, line: number, place: Place | null = null, js?: Js): CExpr {
  const c: CExpr = { t, ev, gv: null, konst: false, kv: undefined, place, nullConst: false, src, line };
  if (js) c.js = js;
  return c;
}

export function genExpr(t: CType, gv: GenEv, src: string, line: number, js?: Js): CExpr {
  const c: CExpr = { t, ev: null, gv, konst: false, kv: undefined, place: null, nullConst: false, src, line };
  if (js) c.js = js;
  return c;
}

export function constExpr(t: CType, v: Value, src: string, line: number): CExpr {
  const c = plainExpr(t, () => v, src, line);
  c.konst = true;
  c.kv = v;
  c.nullConst = (v === 0 || v === 0n || v === null) && (isInt(t) || (t.k === 'ptr' && t.to.k === 'void'));
  return c;
}

/** Same closure, new static type. */
export function retype(c: CExpr, t: CType): CExpr {
  return { ...c, t, place: null, target: undefined };
}

/** JavaScript for an operation on operand values held in temporaries (see lift1/lift2). */
export type JsOp1 = (g: Gen, x: string) => string;
export type JsOp2 = (g: Gen, x: string, y: string) => string;

/**
 * Build `op(a)` with the plain/generator shape `a` needs; folds constants when `pure`. `jsOp`
 * says the same as JavaScript on a temporary holding a's value; without it the generated code
 * calls `op`.
 */
export function lift1(t: CType, a: CExpr, op: (x: Value, f: Frame) => Value, src: string, line: number, pure = true, jsOp?: JsOp1): CExpr {
  if (pure && a.konst && a.kv !== UNINIT) {
    try {
      return constExpr(t, op(a.kv, null as unknown as Frame), src, line);
    } catch {
      // not foldable (it needs a frame): compile normally
    }
  }
  const js: Js = jsOp
    ? (g) => {
        const x = g.tmp();
        return `(${x} = ${g.e(a)}, ${jsOp(g, x)})`;
      }
    : (g) => `${g.k(op)}(${g.e(a)}, f)`;
  const ea = a.ev;
  if (ea) return plainExpr(t, (f) => op(ea(f), f), src, line, null, js);
  const ga = a.gv!;
  return genExpr(t, function* (f) {
    return op(yield* ga(f), f);
  }, src, line, js);
}

/** Build `op(a, b)`, evaluating a then b. */
export function lift2(
  t: CType,
  a: CExpr,
  b: CExpr,
  op: (x: Value, y: Value, f: Frame) => Value,
  src: string,
  line: number,
  pure = true,
  jsOp?: JsOp2,
): CExpr {
  if (pure && a.konst && b.konst && a.kv !== UNINIT && b.kv !== UNINIT) {
    try {
      return constExpr(t, op(a.kv, b.kv, null as unknown as Frame), src, line);
    } catch {
      // fall through
    }
  }
  const js: Js = jsOp
    ? (g) => {
        const x = g.tmp();
        const y = g.tmp();
        return `(${x} = ${g.e(a)}, ${y} = ${g.e(b)}, ${jsOp(g, x, y)})`;
      }
    : (g) => `${g.k(op)}(${g.e(a)}, ${g.e(b)}, f)`;
  const ea = a.ev;
  const eb = b.ev;
  if (ea && eb) return plainExpr(t, (f) => op(ea(f), eb(f), f), src, line, null, js);
  const ga = a.gv;
  const gb = b.gv;
  return genExpr(t, function* (f) {
    const x = ga ? yield* ga(f) : ea!(f);
    const y = gb ? yield* gb(f) : eb!(f);
    return op(x, y, f);
  }, src, line, js);
}

/** Evaluate a list of expressions into `out` (plain), or as a generator. */
export function evalAll(args: CExpr[]): { ev: ((f: Frame, out: Value[]) => void) | null; gv: ((f: Frame, out: Value[]) => Generator<Blocked, void, void>) | null } {
  const evs = args.map((a) => a.ev);
  const gvs = args.map((a) => a.gv);
  const n = args.length;
  if (gvs.every((g) => g === null)) {
    const e = evs as Ev[];
    return { ev: (f, out) => { for (let i = 0; i < n; i++) out[i] = e[i]!(f); }, gv: null };
  }
  return {
    ev: null,
    gv: function* (f, out) {
      for (let i = 0; i < n; i++) {
        const g = gvs[i];
        out[i] = g ? yield* g(f) : evs[i]!(f);
      }
    },
  };
}

// ----------------------------------------------------------------------------- hazards

/** Reading UNINIT in arithmetic or a comparison: record once per site, continue with garbage. */
export function uninitRead(f: Frame, site: Site, operand: string): void {
  f.m.hazardAt(f.t, site, 'uninitialised-read', `reads uninitialised \`${operand}\` in \`${site.what}\``, true);
}

export function siteAt(loc: SourceLoc, what: string): Site {
  return { loc, what };
}

// ----------------------------------------------------------------------------- conversions

export type ConvKind = 'assign' | 'cast' | 'arg' | 'return' | 'init';

/** Pointer types that may be assigned to each other without a cast. */
function ptrCompatible(to: CType, from: CType): boolean {
  if (to.k !== 'ptr' || from.k !== 'ptr') return false;
  if (to.to.k === 'void' || from.to.k === 'void') return true;
  return sameType(to.to, from.to);
}

/**
 * The value-level conversion from `from` to `to` as C does it for assignment, arguments and
 * returns (implicit) or casts; null when values need no change. Throws CompileError for
 * conversions C rejects (the kernel builds with -Werror for these). `nullConst` marks an
 * integer constant 0, which converts to any pointer type.
 */
export function convFn(
  from: CType,
  to: CType,
  kind: ConvKind,
  what: string,
  line: number,
  nullConst = false,
): ((v: Value, f: Frame) => Value) | null {
  const fail = (why: string): never => {
    throw new CompileError(line, `${what}: ${why} (\`${typeToString(from)}\` to \`${typeToString(to)}\`)`);
  };
  if (from === UNRESOLVED) return null; // a trap: its value is never produced
  if (to.k === 'void') {
    if (kind !== 'cast') fail('cannot convert to void');
    return () => undefined;
  }
  if (from.k === 'void') fail('void value used');
  if (to.k === 'int') {
    if (from.k === 'int') {
      const conv = converterFrom(from, to);
      if (!conv) return null;
      return (v) => (v === UNINIT ? UNINIT : conv(v as IntVal));
    }
    if (from.k === 'ptr') {
      if (to.bits === 1) return (v) => (v === null ? 0 : v === UNINIT ? UNINIT : 1); // pointer to bool is implicit in C
      if (kind !== 'cast') fail('makes integer from pointer without a cast');
      const conv = converterFrom(intTypeOf64(), to);
      return (v) => (v === UNINIT ? UNINIT : conv ? conv(ptrToInt(v)) : ptrToInt(v));
    }
    fail('cannot convert');
  }
  if (to.k === 'ptr') {
    if (nullConst) return () => null;
    if (from.k === 'ptr') {
      if (kind !== 'cast' && !ptrCompatible(to, from)) fail('incompatible pointer types');
      return null;
    }
    if (from.k === 'int') {
      if (kind !== 'cast') fail('makes pointer from integer without a cast');
      const elem = to.to;
      return (v, f) => {
        if (v === UNINIT) return UNINIT;
        const a = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(v as number));
        return a === 0n ? null : f.m.ptrAt(a, elem);
      };
    }
    fail('cannot convert');
  }
  if (to.k === 'struct' || to.k === 'opaque') {
    if (kind === 'cast') fail('cast to a struct or runtime-owned type');
    if (!sameType(to, from)) fail('incompatible types');
    return null;
  }
  return fail('cannot convert');
}

/** Convert an expression (see convFn). Int -> pointer casts are not folded (they need memory). */
export function convert(c: CExpr, to: CType, kind: ConvKind, what: string): CExpr {
  if (to.k === 'ptr' && c.nullConst) {
    // `(void *)0`, `(struct page *)0`: still a null pointer constant
    const n = constExpr(to, null, c.src, c.line);
    n.nullConst = true;
    return n;
  }
  const fn = convFn(c.t, to, kind, what, c.line, c.nullConst);
  if (!fn) return retype(c, to);
  const pure = !(to.k === 'ptr' && c.t.k === 'int');
  return lift1(to, c, fn, c.src, c.line, pure, convJs(c.t, to, c.nullConst) ?? undefined);
}

/** JavaScript for convFn's conversion of a value in a temporary, where it is simple. */
export function convJs(from: CType, to: CType, nullConst = false): JsOp1 | null {
  if (from === UNRESOLVED) return null;
  if (to.k === 'void') return () => 'undefined';
  if (to.k === 'int') {
    if (from.k === 'int') {
      const conv = converterFrom(from, to);
      if (!conv) return null;
      return (_g, x) => `(${x} === U ? U : ${converterJs(to, x)})`;
    }
    if (from.k === 'ptr' && to.bits === 1) return (_g, x) => `(${x} === null ? 0 : ${x} === U ? U : 1)`;
    return null;
  }
  if (to.k === 'ptr' && nullConst) return () => 'null';
  return null;
}

let i64: IntType | null = null;
function intTypeOf64(): IntType {
  return (i64 ??= { k: 'int', bits: 64, signed: false, name: 'unsigned long' });
}

/** Pointer value arithmetic in bytes (used when element types differ from the region's). */
export function ptrAddBytes(p: Ptr, bytes: number): Ptr {
  const size = p.region.elemSize;
  const total = p.index * size + p.byteOffset + bytes;
  const index = Math.floor(total / size);
  return new Ptr(p.region, index, total - index * size);
}
