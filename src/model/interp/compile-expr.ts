// Expressions: typing and closure building for every expression form of the subset. Calls and
// macro expansion are in compile-call.ts, operators in compile-ops.ts.

import { Ptr, type Blocked, type CType, type StructRef, type Value } from './api.js';
import type { Expr } from './ast.js';
import {
  CompileError, constExpr, convert, convFn, convJs, genExpr, lift1, plainExpr, retype, type CExpr, type JsOp1, type JsOp2,
  type Place,
} from './cexpr.js';
import type { Gen, Js } from './jsgen.js';
import {
  andOr, applyBinary, binaryValOp, condOf, condToExpr, isUnresolved, notCond, unaryValOp, UNRESOLVED, type Cond,
} from './compile-ops.js';
import { compileCall, expandObjectMacro } from './compile-call.js';
import { compileInitFiller } from './compile-init.js';
import { compileStmtExpr } from './compile-stmt.js';
import { CHAR_PTR, INT, SIZE_T, VOID, sameType, typeToString, uac } from './ctypes.js';
import { parseIntLiteral } from './ints.js';
import { ArrayRegion, CellRegion, LocalStruct, newValue, storageBytes } from './memory.js';
import { loadPtr, storePtr, type Frame } from './runtime.js';
import { NeedCell, type FnCx, type Local } from './fn-context.js';

/** Arrays decay to pointers and function designators to function pointers. */
export function rvalue(c: CExpr): CExpr {
  if (c.t.k === 'array') return { ...c, t: { k: 'ptr', to: c.t.of }, place: null };
  if (c.t.k === 'func') return { ...c, t: { k: 'ptr', to: c.t }, place: null, target: c.target };
  return c;
}

export function compileRvalue(cx: FnCx, e: Expr): CExpr {
  return rvalue(compileExpr(cx, e));
}

/** Run `c` for its value at compile time; throws unless it is a constant. */
export function constValue(cx: FnCx, e: Expr, what: string): { v: Value; t: CType } {
  const c = compileRvalue(cx, e);
  if (!c.konst) throw new CompileError(e.line, `${what} is not a constant expression: \`${e.src}\``);
  return { v: c.kv, t: c.t };
}

export function compileExpr(cx: FnCx, e: Expr): CExpr {
  switch (e.k) {
    case 'num':
      return numberLiteral(e.text, e.src, e.line);
    case 'char':
      return constExpr(INT, e.value, e.src, e.line);
    case 'bool':
      return constExpr(INT, e.value ? 1 : 0, e.src, e.line);
    case 'null':
      return constExpr({ k: 'ptr', to: VOID }, null, e.src, e.line);
    case 'str':
      return constExpr(CHAR_PTR, cx.ps.stringLiteral(e.value), e.src, e.line);
    case 'ident':
      return compileIdent(cx, e.name, e.src, e.line);
    case 'paren': {
      const c = compileExpr(cx, e.arg);
      return { ...c, src: e.src };
    }
    case 'bad':
      throw new CompileError(e.line, e.message);
    case 'unary':
      return compileUnary(cx, e.op, e.arg, e.src, e.line);
    case 'binary':
      return compileBinary(cx, e);
    case 'assign':
      return compileAssign(cx, e.op, e.left, e.right, e.src, e.line);
    case 'update':
      return compileUpdate(cx, e.op, e.prefix, e.arg, e.src, e.line);
    case 'call':
      return compileCall(cx, e);
    case 'field':
      return compileField(cx, compileExpr(cx, e.obj), e.field, e.arrow, e.src, e.line);
    case 'index':
      return compileIndex(cx, e.obj, e.index, e.src, e.line);
    case 'deref':
      return compileDeref(cx, compileRvalue(cx, e.arg), e.src, e.line);
    case 'addr':
      return compileAddr(cx, e.arg, e.src, e.line);
    case 'cast': {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      return compileCast(cx, t, e.arg, e.src, e.line);
    }
    case 'cond':
      return compileConditional(cx, e.test, e.then, e.else, e.src, e.line);
    case 'comma':
      return lift2Seq(compileRvalue(cx, e.left), compileRvalue(cx, e.right), e.src, e.line);
    case 'sizeofType': {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      return sizeofConst(cx, t, e.src, e.line);
    }
    case 'sizeofExpr': {
      const a = e.arg.k === 'paren' ? e.arg.arg : e.arg;
      if (a.k === 'ident' && cx.isTypeName(a.name)) return sizeofConst(cx, cx.ps.types.typedefs.get(a.name)!, e.src, e.line);
      return sizeofConst(cx, compileExpr(cx, e.arg).t, e.src, e.line);
    }
    case 'offsetof': {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      if (t.k !== 'struct') throw new CompileError(e.line, `offsetof on non-struct \`${typeToString(t)}\``);
      const o = cx.ps.types.offsetof(t.name, e.field.split('.'));
      if (!o) throw new CompileError(e.line, `struct ${t.name} has no field \`${e.field}\``, { kind: 'field', name: e.field, struct: t.name });
      return constExpr(SIZE_T, BigInt(o.offset), e.src, e.line);
    }
    case 'compoundLit': {
      const { t } = cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx);
      return compileCompoundLiteral(cx, t, e);
    }
    case 'stmtExpr':
      return compileStmtExpr(cx, e.body, e.src, e.line);
  }
}

function lift2Seq(l: CExpr, r: CExpr, src: string, line: number): CExpr {
  const el = l.ev;
  const er = r.ev;
  const js: Js = (g) => `(${g.e(l)}, ${g.e(r)})`;
  if (el && er) return plainExpr(r.t, (f) => (el(f), er(f)), src, line, null, js);
  const gl = l.gv;
  const gr = r.gv;
  return genExpr(r.t, function* (f) {
    if (gl) yield* gl(f);
    else el!(f);
    return gr ? yield* gr(f) : er!(f);
  }, src, line, js);
}

/** The handle a place's accessors work on, as JavaScript (a closure call where there is no emitter). */
function placeBaseJs(g: Gen, p: Place): string {
  if (p.jsBase) return p.jsBase(g);
  if (p.base) {
    g.fallbacks++;
    return `${g.k(p.base)}(f)`;
  }
  if (p.baseG) {
    g.fallbacks++;
    return `(yield* ${g.k(p.baseG)}(f))`;
  }
  return 'f';
}

function placeLoadJs(g: Gen, p: Place, h: string): string {
  return p.jsLoad ? p.jsLoad(g, h) : `${g.k(p.load)}(${h}, f)`;
}

function placeStoreJs(g: Gen, p: Place, h: string, v: string): string {
  return p.jsStore ? p.jsStore(g, h, v) : `${g.k(p.store)}(${h}, ${v}, f)`;
}

// ----------------------------------------------------------------------------- literals

function numberLiteral(text: string, src: string, line: number): CExpr {
  // tree-sitter reads `-1` as one number literal: it is unary minus applied to `1`, as in C
  if (text.startsWith('-') || text.startsWith('+')) {
    const mag = numberLiteral(text.slice(1).trim(), src, line);
    if (text.startsWith('+')) return mag;
    const t = mag.t as Extract<CType, { k: 'int' }>;
    const v = mag.kv as number | bigint;
    const neg: Value = typeof v === 'bigint' ? (t.signed ? BigInt.asIntN(64, -v) : BigInt.asUintN(64, -v)) : t.signed ? -v | 0 : -v >>> 0;
    return constExpr(t, neg, src, line);
  }
  const lit = parseIntLiteral(text);
  if (!lit) throw new CompileError(line, `unsupported number literal \`${text}\` (floating point is not part of the subset)`);
  const t: CType = lit.long
    ? { k: 'int', bits: 64, signed: !lit.unsigned, name: lit.unsigned ? 'unsigned long' : 'long' }
    : lit.unsigned
      ? { k: 'int', bits: 32, signed: false, name: 'unsigned int' }
      : INT;
  const v: Value = lit.long ? (lit.unsigned ? BigInt.asUintN(64, lit.value) : BigInt.asIntN(64, lit.value)) : Number(lit.value);
  return constExpr(t, v, src, line);
}

function sizeofConst(cx: FnCx, t: CType, src: string, line: number): CExpr {
  const s = cx.ps.types.sizeof(t);
  if (s === null) throw new CompileError(line, `sizeof incomplete type \`${typeToString(t)}\``);
  return constExpr(SIZE_T, BigInt(s), src, line);
}

// ----------------------------------------------------------------------------- identifiers

function compileIdent(cx: FnCx, name: string, src: string, line: number): CExpr {
  switch (name) {
    case '__func__':
    case '__FUNCTION__':
      return constExpr(CHAR_PTR, cx.ps.stringLiteral(cx.fnName), src, line);
    case '__FILE__':
      return constExpr(CHAR_PTR, cx.ps.stringLiteral(cx.file), src, line);
    case '__LINE__':
      return constExpr(INT, line, src, line);
  }
  const mac = cx.ps.macros.get(name);
  if (mac && mac.params === null && !cx.expanding.includes(name)) return expandObjectMacro(cx, mac, src, line);
  const local = cx.lookup(name);
  if (local) return localExpr(local, src, line);
  const en = cx.ps.types.enumConsts.get(name);
  if (en) return constExpr(en.t, en.value, src, line);
  const g = cx.ps.global(name, cx.file);
  if (g) return globalExpr(cx, g.index, g.t, name, src, line);
  const fn = cx.ps.lookupFunction(name, cx.file);
  if (fn) {
    const c = constExpr(fn.type, new Ptr(fn.region, 0), src, line);
    c.target = { kind: 'model', fn };
    return c;
  }
  const b = cx.ps.builtin(name);
  if (b) {
    const c = constExpr(b.type, new Ptr(b.region, 0), src, line);
    c.target = b;
    return c;
  }
  const proto = cx.ps.prototype(name);
  if (proto) {
    const m = cx.ps.missing(name, proto);
    const c = constExpr(proto, new Ptr(m.region, 0), src, line);
    c.target = m;
    return c;
  }
  if (cx.ps.types.typedefs.has(name)) throw new CompileError(line, `type name \`${name}\` used as a value in \`${src}\``);
  throw new CompileError(line, `unknown identifier \`${name}\``, { kind: 'identifier', name });
}

function localExpr(l: Local, src: string, line: number): CExpr {
  const s = l.slot;
  const t = l.t;
  if (l.kind === 'plain') {
    const place: Place = {
      base: null,
      baseG: null,
      load: (h) => (h as Frame).v[s],
      store: (h, v) => {
        (h as Frame).v[s] = v;
      },
      addr: null,
      localSlot: s,
      localName: l.name,
      jsLoad: (g) => g.local(s),
      jsStore: (g, _h, v) => `(${g.local(s)} = ${v})`,
    };
    return plainExpr(t, (f) => f.v[s], src, line, place, (g) => g.local(s));
  }
  if (l.kind === 'cell') {
    const place: Place = {
      base: (f) => f.v[s],
      baseG: null,
      load: (h) => (h as CellRegion).value,
      store: (h, v) => {
        (h as CellRegion).value = v;
      },
      addr: (h) => new Ptr(h as CellRegion, 0),
      jsBase: () => `f.v[${s}]`,
      jsLoad: (_g, h) => `${h}.value`,
      jsStore: (_g, h, v) => `(${h}.value = ${v})`,
    };
    return plainExpr(t, (f) => (f.v[s] as unknown as CellRegion).value, src, line, place, () => `f.v[${s}].value`);
  }
  return ownedExpr(t, (f) => f.v[s] as unknown, src, line, `f.v[${s}]`);
}

/** A struct or array object held by reference (locals, globals). */
function ownedExpr(t: CType, get: (f: Frame) => unknown, src: string, line: number, getJs: string): CExpr {
  if (t.k === 'array') {
    const place: Place = {
      base: (f) => get(f) as Value,
      baseG: null,
      load: (h) => new Ptr(h as ArrayRegion, 0),
      store: (_h, _v, f) => f.t.bug(`assignment to array ${src}`),
      addr: (h) => new Ptr(h as ArrayRegion, 0),
      jsBase: () => getJs,
      jsLoad: (_g, h) => `new Ptr(${h}, 0)`,
    };
    return plainExpr(t, (f) => new Ptr(get(f) as ArrayRegion, 0), src, line, place, () => `new Ptr(${getJs}, 0)`);
  }
  const place: Place = {
    base: (f) => get(f) as Value,
    baseG: null,
    load: (h) => h as StructRef,
    store: (h, v, f) => (h as LocalStruct).copyFrom(v as StructRef, f.t),
    addr: (h) => (h as LocalStruct).self,
    jsBase: () => getJs,
    jsLoad: (_g, h) => h,
  };
  return plainExpr(t, (f) => get(f) as StructRef, src, line, place, () => getJs);
}

function globalExpr(_cx: FnCx, index: number, t: CType, _name: string, src: string, line: number): CExpr {
  if (t.k === 'struct' || t.k === 'array') return ownedExpr(t, (f) => f.m.globals[index], src, line, `m.globals[${index}]`);
  const place: Place = {
    base: (f) => f.m.globals[index] as Value,
    baseG: null,
    load: (h) => (h as CellRegion).value,
    store: (h, v) => {
      (h as CellRegion).value = v;
    },
    addr: (h) => new Ptr(h as CellRegion, 0),
    jsBase: () => `m.globals[${index}]`,
    jsLoad: (_g, h) => `${h}.value`,
    jsStore: (_g, h, v) => `(${h}.value = ${v})`,
  };
  return plainExpr(t, (f) => (f.m.globals[index] as CellRegion).value, src, line, place, () => `m.globals[${index}].value`);
}

// ----------------------------------------------------------------------------- operators

function compileUnary(cx: FnCx, op: '-' | '+' | '!' | '~', arg: Expr, src: string, line: number): CExpr {
  if (op === '!') return condToExpr(notCond(compileCond(cx, arg)), src, line);
  const a = compileRvalue(cx, arg);
  if (isUnresolved(a.t)) return retype(a, UNRESOLVED);
  const u = unaryValOp(cx, op, a, src, line);
  return lift1(u.t, a, u.fn, src, line, true, u.js);
}

/** `(T)-1`, `(T)*p`, `(T)&x` that tree-sitter read as a binary expression on `(T)`. */
function castMisparse(cx: FnCx, e: Extract<Expr, { k: 'binary' }>): Expr | null {
  if (!['-', '+', '*', '&'].includes(e.op)) return null;
  const l = e.left;
  if (l.k !== 'paren' || l.arg.k !== 'ident' || !cx.isTypeName(l.arg.name)) return null;
  // the cast applies to the leftmost operand of the right-hand side
  const tname = l.arg.name;
  const typeName = { spec: { k: 'name' as const, name: tname }, decl: { k: 'abstract' as const } };
  const wrap = (x: Expr): Expr => {
    if (x.k === 'binary') return { ...x, left: wrap(x.left) };
    const operand: Expr =
      e.op === '*' ? { k: 'deref', arg: x, line: x.line, src: `*${x.src}` }
      : e.op === '&' ? { k: 'addr', arg: x, line: x.line, src: `&${x.src}` }
      : { k: 'unary', op: e.op as '-', arg: x, line: x.line, src: `${e.op}${x.src}` };
    return { k: 'cast', type: typeName, arg: operand, line: x.line, src: `(${tname})${operand.src}` };
  };
  return wrap(e.right);
}

function compileBinary(cx: FnCx, e: Extract<Expr, { k: 'binary' }>): CExpr {
  const fixed = castMisparse(cx, e);
  if (fixed) return compileExpr(cx, fixed);
  if (e.op === '&&' || e.op === '||') return condToExpr(compileCond(cx, e), e.src, e.line);
  const a = compileRvalue(cx, e.left);
  const b = compileRvalue(cx, e.right);
  if (isUnresolved(a.t) || isUnresolved(b.t)) return retype(lift2Seq(a, b, e.src, e.line), UNRESOLVED);
  return applyBinary(binaryValOp(cx, e.op, a, b, e.src, e.line), a, b, e.src, e.line);
}

/** An expression used as a condition, compiled straight to a boolean closure. */
export function compileCond(cx: FnCx, e: Expr): Cond {
  if (e.k === 'paren') return compileCond(cx, e.arg);
  if (e.k === 'unary' && e.op === '!') return notCond(compileCond(cx, e.arg));
  if (e.k === 'binary' && (e.op === '&&' || e.op === '||')) return andOr(e.op, compileCond(cx, e.left), compileCond(cx, e.right));
  return condOf(cx, compileRvalue(cx, e));
}

// ----------------------------------------------------------------------------- assignment

function placeOf(c: CExpr, what: string): Place {
  if (!c.place) throw new CompileError(c.line, `\`${c.src}\` is not assignable (${what})`);
  if (c.t.k === 'array') throw new CompileError(c.line, `assignment to array \`${c.src}\``);
  return c.place;
}

export function compileAssign(cx: FnCx, op: string, left: Expr, right: Expr, src: string, line: number): CExpr {
  const L = compileExpr(cx, left);
  const R0 = compileRvalue(cx, right);
  if (isUnresolved(L.t) || isUnresolved(R0.t)) return retype(lift2Seq(L, R0, src, line), UNRESOLVED);
  const p = placeOf(L, 'assignment');
  let value: CExpr;
  let back: ((v: Value, f: Frame) => Value) | null = null;
  let combine: ((old: Value, r: Value, f: Frame) => Value) | null = null;
  let js: { combine?: JsOp2; back: JsOp1 | null } = { back: null };
  if (op === '=') value = convert(R0, L.t, 'assign', `assignment to \`${L.src}\``);
  else {
    const vop = binaryValOp(cx, op.slice(0, -1), rvalue(L), R0, src, line);
    back = convFn(vop.t, L.t, 'assign', `\`${src}\``, line);
    combine = vop.fn;
    js = { combine: vop.js, back: back ? convJs(vop.t, L.t) : null };
    value = R0;
  }
  return storeExpr(L.t, p, value, combine, back, src, line, js);
}

/** `combine(old, r)` then `back(v)`, as JavaScript (closure calls where there is no emitter). */
function combineJs(
  g: Gen,
  combine: (old: Value, r: Value, f: Frame) => Value,
  back: ((v: Value, f: Frame) => Value) | null,
  js: { combine?: JsOp2; back: JsOp1 | null },
  old: string,
  r: string,
): string {
  let v: string;
  if (js.combine) {
    const x = g.tmp();
    const y = g.tmp();
    v = `(${x} = ${old}, ${y} = ${r}, ${js.combine(g, x, y)})`;
  } else v = `${g.k(combine)}(${old}, ${r}, f)`;
  if (!back) return v;
  if (js.back) {
    const b = g.tmp();
    return `(${b} = ${v}, ${js.back(g, b)})`;
  }
  return `${g.k(back)}(${v}, f)`;
}

/** place = value, or place = back(combine(place, value)) for compound assignment. */
function storeExpr(
  t: CType,
  p: Place,
  value: CExpr,
  combine: ((old: Value, r: Value, f: Frame) => Value) | null,
  back: ((v: Value, f: Frame) => Value) | null,
  src: string,
  line: number,
  jsOps: { combine?: JsOp2; back: JsOp1 | null } = { back: null },
): CExpr {
  const { base, baseG, load, store } = p;
  const ev = value.ev;
  // the same steps as JavaScript: handle, value, (combine with the old value,) store; the value
  const js: Js = (g) => {
    if (!combine && p.localSlot !== undefined) return `(${g.local(p.localSlot)} = ${g.e(value)})`;
    const h = g.tmp();
    const r = g.tmp();
    const v = g.tmp();
    let out = `(${h} = ${placeBaseJs(g, p)}, ${r} = ${g.e(value)}, `;
    out += combine ? `${v} = ${combineJs(g, combine, back, jsOps, placeLoadJs(g, p, h), r)}, ` : `${v} = ${r}, `;
    return out + `${placeStoreJs(g, p, h, v)}, ${v})`;
  };
  if (!baseG && ev) {
    if (!combine) {
      if (p.localSlot !== undefined) {
        const s = p.localSlot;
        return plainExpr(t, (f) => (f.v[s] = ev(f)), src, line, null, js);
      }
      if (!base) return plainExpr(t, (f) => { const v = ev(f); store(f, v, f); return v; }, src, line, null, js);
      return plainExpr(t, (f) => { const h = base(f); const v = ev(f); store(h, v, f); return v; }, src, line, null, js);
    }
    return plainExpr(t, (f) => {
      const h = base ? base(f) : f;
      const r = ev(f);
      let v = combine(load(h, f), r, f);
      if (back) v = back(v, f);
      store(h, v, f);
      return v;
    }, src, line, null, js);
  }
  const gv = value.gv;
  return genExpr(t, function* (f) {
    const h = baseG ? yield* baseG(f) : base ? base(f) : f;
    const r = gv ? yield* gv(f) : ev!(f);
    let v = r;
    if (combine) {
      v = combine(load(h, f), r, f);
      if (back) v = back(v, f);
    }
    store(h, v, f);
    return v;
  }, src, line, js);
}

function compileUpdate(cx: FnCx, op: '++' | '--', prefix: boolean, arg: Expr, src: string, line: number): CExpr {
  const L = compileExpr(cx, arg);
  if (isUnresolved(L.t)) return L;
  const p = placeOf(L, op);
  const one = constExpr(INT, 1, '1', line);
  const vop = binaryValOp(cx, op === '++' ? '+' : '-', rvalue(L), one, src, line);
  const back = convFn(vop.t, L.t, 'assign', `\`${src}\``, line);
  const { base, baseG, load, store } = p;
  const fn = vop.fn;
  const step = (h: unknown, f: Frame): Value => {
    const old = load(h, f);
    let v = fn(old, 1, f);
    if (back) v = back(v, f);
    store(h, v, f);
    return prefix ? v : old;
  };
  const jsOps = { combine: vop.js, back: back ? convJs(vop.t, L.t) : null };
  const js: Js = (g) => {
    const h = g.tmp();
    const old = g.tmp();
    const v = g.tmp();
    return (
      `(${h} = ${placeBaseJs(g, p)}, ${old} = ${placeLoadJs(g, p, h)}, ${v} = ${combineJs(g, fn, back, jsOps, old, '1')}, ` +
      `${placeStoreJs(g, p, h, v)}, ${prefix ? v : old})`
    );
  };
  if (baseG) return genExpr(L.t, function* (f) { return step(yield* baseG(f), f); }, src, line, js);
  if (p.localSlot !== undefined && !back && L.t.k === 'int') {
    const s = p.localSlot;
    return plainExpr(L.t, prefix ? (f) => (f.v[s] = fn(f.v[s], 1, f)) : (f) => { const o = f.v[s]; f.v[s] = fn(o, 1, f); return o; }, src, line, null, js);
  }
  return plainExpr(L.t, base ? (f) => step(base(f), f) : (f) => step(f, f), src, line, null, js);
}

// ----------------------------------------------------------------------------- member access

function compileField(cx: FnCx, O: CExpr, field: string, arrow: boolean, src: string, line: number): CExpr {
  if (isUnresolved(O.t)) return O;
  let st: CType;
  let base: ((f: Frame) => Value) | null = null;
  let baseG: CExpr['gv'] = null;
  let jsBase: Js;
  if (arrow) {
    const P = rvalue(O);
    if (P.t.k !== 'ptr' || P.t.to.k !== 'struct') throw new CompileError(line, `\`->${field}\` on \`${P.src}\` of type \`${typeToString(P.t)}\` (not a struct pointer)`);
    st = P.t.to;
    const what = P.src;
    const pe = P.ev;
    const pg = P.gv;
    if (pe) base = (f) => loadPtr(f, pe(f), what);
    else baseG = function* (f) { return loadPtr(f, yield* pg!(f), what); };
    jsBase = (g) => `loadPtr(f, ${g.e(P)}, ${g.k(what)})`;
  } else {
    if (O.t.k !== 'struct') throw new CompileError(line, `\`.${field}\` on \`${O.src}\` of type \`${typeToString(O.t)}\` (not a struct)`);
    st = O.t;
    base = O.ev;
    baseG = O.gv;
    jsBase = (g) => g.e(O);
  }
  const layout = cx.ps.types.layoutOf(st.name);
  if (!layout || !layout.complete) throw new CompileError(line, `\`${field}\` of incomplete struct ${st.name}`);
  const fi = layout.byName.get(field);
  if (!fi) throw new CompileError(line, `struct ${st.name} has no field \`${field}\``, { kind: 'field', name: field, struct: st.name });
  const idx = fi.index;
  const isArr = fi.t.k === 'array';
  const gone = (h: LocalStruct, f: Frame): never => f.t.bug(`use of ${h.name} after its function returned`);
  const load = (h: unknown, f: Frame): Value => {
    if (h instanceof LocalStruct && !isArr) {
      if (h.dead) f.t.bug(`use of ${h.name} after its function returned`);
      return h.vals[idx];
    }
    return (h as StructRef).get(field, f.t);
  };
  const place: Place = {
    base,
    baseG,
    load,
    store: (h, v, f) => {
      if (h instanceof LocalStruct && fi.t.k !== 'struct' && !isArr) {
        if (h.dead) f.t.bug(`use of ${h.name} after its function returned`);
        h.vals[idx] = v;
      } else (h as StructRef).set(field, v, f.t);
    },
    addr: (h, f) => (h as StructRef).fieldPtr(field, f.t),
    jsBase,
    jsLoad: isArr
      ? (g, h) => `${h}.get(${g.k(field)}, f.t)`
      : (g, h) => `(${h} instanceof LocalStruct ? (${h}.dead ? ${g.k(gone)}(${h}, f) : ${h}.vals[${idx}]) : ${h}.get(${g.k(field)}, f.t))`,
    jsStore: isArr || fi.t.k === 'struct'
      ? (g, h, v) => `${h}.set(${g.k(field)}, ${v}, f.t)`
      : (g, h, v) => `(${h} instanceof LocalStruct ? (${h}.dead ? ${g.k(gone)}(${h}, f) : ${h}.vals[${idx}] = ${v}) : ${h}.set(${g.k(field)}, ${v}, f.t))`,
  };
  const js: Js = (g) => {
    const h = g.tmp();
    return `(${h} = ${jsBase(g)}, ${place.jsLoad!(g, h)})`;
  };
  if (base) {
    const b = base;
    return plainExpr(fi.t, (f) => load(b(f), f), src, line, place, js);
  }
  const g = baseG!;
  const c = genExpr(fi.t, function* (f) { return load(yield* g(f), f); }, src, line, js);
  c.place = place;
  return c;
}

function compileIndex(cx: FnCx, objE: Expr, indexE: Expr, src: string, line: number): CExpr {
  let A = compileRvalue(cx, objE);
  let I = compileRvalue(cx, indexE);
  if (A.t.k === 'int' && I.t.k === 'ptr') [A, I] = [I, A];
  if (isUnresolved(A.t) || isUnresolved(I.t)) return retype(lift2Seq(A, I, src, line), UNRESOLVED);
  if (A.t.k !== 'ptr' || I.t.k !== 'int') throw new CompileError(line, `subscript of \`${typeToString(A.t)}\` by \`${typeToString(I.t)}\` in \`${src}\``);
  const add = binaryValOp(cx, '+', A, I, src, line);
  const elemPtr = applyBinary(add, A, I, src, line);
  return derefOf(A.t.to, elemPtr, src, line);
}

function compileDeref(_cx: FnCx, P: CExpr, src: string, line: number): CExpr {
  if (isUnresolved(P.t)) return P;
  if (P.t.k !== 'ptr') throw new CompileError(line, `dereference of non-pointer \`${P.src}\` (\`${typeToString(P.t)}\`)`);
  if (P.t.to.k === 'func') return { ...P, t: P.t.to, place: null }; // (*fp)(...) is fp(...)
  if (P.t.to.k === 'void') throw new CompileError(line, `dereference of \`void *\` \`${P.src}\``);
  return derefOf(P.t.to, P, src, line);
}

/** `*p` where `p` computes a pointer to `t`. */
function derefOf(t: CType, P: CExpr, src: string, line: number): CExpr {
  const what = P.src;
  const place: Place = {
    base: P.ev,
    baseG: P.gv,
    load: (h, f) => loadPtr(f, h as Value, what),
    store: (h, v, f) => storePtr(f, h as Value, v, what),
    addr: (h) => h as Value,
    jsBase: (g) => g.e(P),
    jsLoad: (g, h) => `loadPtr(f, ${h}, ${g.k(what)})`,
    jsStore: (g, h, v) => `(storePtr(f, ${h}, ${v}, ${g.k(what)}), ${v})`,
  };
  if (t.k === 'array') {
    // pointer to array: the element array starts where the pointer points
    place.load = (h) => h as Value;
    place.jsLoad = (_g, h) => h;
  }
  const load = place.load;
  const js: Js = t.k === 'array' ? (g) => g.e(P) : (g) => `loadPtr(f, ${g.e(P)}, ${g.k(what)})`;
  const pe = P.ev;
  if (pe) return plainExpr(t, (f) => load(pe(f), f), src, line, place, js);
  const pg = P.gv!;
  const c = genExpr(t, function* (f) { return load(yield* pg(f), f); }, src, line, js);
  c.place = place;
  return c;
}

function compileAddr(cx: FnCx, arg: Expr, src: string, line: number): CExpr {
  const X = compileExpr(cx, arg);
  if (isUnresolved(X.t)) return X;
  if (X.t.k === 'func') return rvalue(X);
  const p = X.place;
  if (!p) throw new CompileError(line, `cannot take the address of \`${X.src}\``);
  if (p.localSlot !== undefined) throw new NeedCell(p.localName!);
  if (!p.addr) throw new CompileError(line, `cannot take the address of \`${X.src}\``);
  const addr = p.addr;
  const t: CType = { k: 'ptr', to: X.t };
  const js: Js = (g) => `${g.k(addr)}(${placeBaseJs(g, p)}, f)`;
  if (p.baseG) {
    const g = p.baseG;
    return genExpr(t, function* (f) { return addr(yield* g(f), f); }, src, line, js);
  }
  const b = p.base;
  return plainExpr(t, b ? (f) => addr(b(f), f) : (f) => addr(f, f), src, line, null, js);
}

// ----------------------------------------------------------------------------- casts, ?:

export function compileCast(cx: FnCx, t: CType, arg: Expr, src: string, _line: number): CExpr {
  const a = compileRvalue(cx, arg);
  if (isUnresolved(a.t)) return retype(a, t);
  const c = convert(a, t, 'cast', `cast \`${src}\``);
  return { ...c, src };
}

function compileConditional(cx: FnCx, testE: Expr, thenE: Expr, elseE: Expr, src: string, line: number): CExpr {
  const test = compileCond(cx, testE);
  let a = compileRvalue(cx, thenE);
  let b = compileRvalue(cx, elseE);
  let t: CType;
  if (isUnresolved(a.t) || isUnresolved(b.t)) t = UNRESOLVED;
  else if (a.t.k === 'int' && b.t.k === 'int') {
    t = uac(a.t, b.t);
    a = convert(a, t, 'assign', src);
    b = convert(b, t, 'assign', src);
  } else if (a.t.k === 'ptr' && b.nullConst) t = a.t;
  else if (b.t.k === 'ptr' && a.nullConst) t = b.t;
  else if (a.t.k === 'ptr' && b.t.k === 'ptr') {
    if (a.t.to.k === 'void') t = a.t;
    else if (b.t.to.k === 'void') t = b.t;
    else if (sameType(a.t.to, b.t.to)) t = a.t;
    else throw new CompileError(line, `pointer type mismatch in \`${src}\` (\`${typeToString(a.t)}\` and \`${typeToString(b.t)}\`)`);
  } else if (sameType(a.t, b.t)) t = a.t;
  else throw new CompileError(line, `type mismatch in \`${src}\` (\`${typeToString(a.t)}\` and \`${typeToString(b.t)}\`)`);
  if (test.konst !== null) return retype(test.konst ? a : b, t);
  const te = test.ev;
  const ae = a.ev;
  const be = b.ev;
  const js: Js = (g) => `(${g.cond(test)} ? ${g.e(a)} : ${g.e(b)})`;
  if (te && ae && be) return plainExpr(t, (f) => (te(f) ? ae(f) : be(f)), src, line, null, js);
  const tg = test.gv;
  const ag = a.gv;
  const bg = b.gv;
  return genExpr(t, function* (f) {
    const c = tg ? yield* tg(f) : te!(f);
    if (c) return ag ? yield* ag(f) : ae!(f);
    return bg ? yield* bg(f) : be!(f);
  }, src, line, js);
}

function compileCompoundLiteral(cx: FnCx, t: CType, e: Extract<Expr, { k: 'compoundLit' }>): CExpr {
  if (t.k !== 'struct' && t.k !== 'array') {
    if (e.init.k === 'list' && e.init.items.length === 1 && e.init.items[0]!.designators.length === 0 && e.init.items[0]!.value.k === 'expr') {
      return compileCast(cx, t, e.init.items[0]!.value.e, e.src, e.line);
    }
    throw new CompileError(e.line, `unsupported compound literal \`${e.src}\``);
  }
  const types = cx.ps.types;
  const filler = compileInitFiller(cx, t, e.init, e.line);
  const bytes = storageBytes(t, types);
  const make = (f: Frame): unknown => newValue(t, types, f.m.allocate(bytes), `(compound literal ${typeToString(t)})`, 'zero');
  const out = (o: unknown): Value => (o instanceof ArrayRegion ? new Ptr(o, 0) : (o as Value));
  // A struct compound literal is an lvalue (C11 6.5.2.5p4): `&(struct x){ ... }` points at it.
  const place = (base: Place['base'], baseG: Place['baseG']): Place | null => t.k !== 'struct' ? null : {
    base,
    baseG,
    load: (h) => h as Value,
    store: (_h, _v, f) => f.t.bug(`assignment to the compound literal \`${e.src}\``),
    addr: (h) => (h as StructRef).self,
  };
  if (!filler.gv) {
    const fe = filler.ev!;
    const ev = (f: Frame): Value => { const o = make(f); fe(o, f); return out(o); };
    return plainExpr(t, ev, e.src, e.line, place(ev, null));
  }
  const fg = filler.gv;
  const gv = function* (f: Frame): Generator<Blocked, Value, void> { const o = make(f); yield* fg(o, f); return out(o); };
  const c = genExpr(t, gv, e.src, e.line);
  c.place = place(null, gv);
  return c;
}
