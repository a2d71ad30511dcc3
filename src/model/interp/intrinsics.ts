// Kernel macros the interpreter implements itself ("intrinsics"): they take types as arguments,
// evaluate an argument once, or end the run (BUG). A runtime builtin of the same name overrides
// an intrinsic; a header macro of the same name does not (the intrinsic carries the semantics
// the verdicts depend on). The VM_BUG_ON / VM_WARN family is compiled out, as in the kernel,
// unless CONFIG_DEBUG_VM is in the config (VM_BUG_ON_PGFLAGS: CONFIG_DEBUG_VM_PGFLAGS).

import { Ptr, UNINIT, type CType, type StructRef, type Value } from './api.js';
import type { Expr } from './ast.js';
import { CompileError, constExpr, convert, genExpr, lift1, lift2, plainExpr, retype, siteAt, uninitRead, type CExpr } from './cexpr.js';
import { compileAssign, compileCond, compileExpr, compileRvalue, rvalue } from './compile-expr.js';
import { condOf, condToExpr, type Cond } from './compile-ops.js';
import { BOOL, INT, LONG, SIZE_T, VOID, VOID_PTR, sameType, typeToString, uac } from './ctypes.js';
import type { FnCx } from './fn-context.js';
import { lex, splitArgs } from './lex.js';
import { fieldOwner, formatValue } from './memory.js';
import { bug, ptrToInt, type Frame } from './runtime.js';
import type { Gen, Js } from './jsgen.js';

/** `undefined` as an expression that does nothing (a compiled-out macro). */
function nothing(src: string, line: number): CExpr {
  return plainExpr(VOID, () => undefined, src, line, null, () => 'undefined');
}

type CallExpr = Extract<Expr, { k: 'call' }>;
export type Intrinsic = (cx: FnCx, e: CallExpr) => CExpr;

const MAX_ERRNO = 4095n;
const ERR_START = (1n << 64n) - MAX_ERRNO;

function args(cx: FnCx, e: CallExpr, name: string, min: number, max = min): CExpr[] {
  const list: Expr[] = e.args ?? rawArgs(cx, e).map((a) => exprFromText(cx, a, e.line));
  if (list.length < min || list.length > max) {
    throw new CompileError(e.line, `${name}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, ${list.length} given`);
  }
  return list.map((a) => compileRvalue(cx, a));
}

function rawArgs(cx: FnCx, e: CallExpr): string[] {
  const raw = cx.ps.restoreTypes(e.raw.text);
  if (lex(raw).length === 0) return [];
  return splitArgs(raw).map((a) => lex(a.text).map((t) => t.text).join(' '));
}

function exprFromText(cx: FnCx, text: string, line: number): Expr {
  const stmts = cx.ps.parseFragment(text, line, cx.file);
  if (stmts.length !== 1 || stmts[0]!.k !== 'expr') throw new CompileError(line, `expected an expression, got \`${text}\``);
  return stmts[0].e;
}

function typeFromText(cx: FnCx, text: string, line: number): CType {
  const tn = cx.ps.parseTypeText(text, line, cx.file);
  if (!tn) throw new CompileError(line, `expected a type, got \`${text}\``);
  return cx.ps.resolveType(tn.spec, tn.decl, line, cx).t;
}

function voidOf(c: Cond | null, act: (f: Frame) => void, src: string, line: number, actJs: (g: Gen) => string): CExpr {
  if (!c) return plainExpr(VOID, (f) => (act(f), undefined), src, line, null, (g) => `(${actJs(g)}, undefined)`);
  const js: Js = (g) => `(${g.cond(c)} ? ${actJs(g)} : undefined, undefined)`;
  const ce = c.ev;
  if (ce) return plainExpr(VOID, (f) => (ce(f) ? act(f) : undefined, undefined), src, line, null, js);
  const cg = c.gv!;
  return genExpr(VOID, function* (f) {
    if (yield* cg(f)) act(f);
    return undefined;
  }, src, line, js);
}

// ----------------------------------------------------------------------------- BUG / WARN

/** BUG_ON-like: ends the run with `bug` when the condition holds. `extra` args are shown. */
function bugOn(name: string, nCond: 0 | 1, gate: string | null): Intrinsic {
  return (cx, e) => {
    const text = cx.ps.restoreTypes(e.raw.text).replace(/\s+/g, ' ').trim();
    if (gate && !cx.ps.configured(gate)) return nothing(e.src, e.line);
    const all = args(cx, e, name, nCond, nCond + 1);
    const cond = nCond ? condOf(cx, all[0]!) : null;
    const extra = all[nCond];
    const ex = extra?.ev ?? null;
    const msg = `${name}(${text}) hit`;
    const withValue = (f: Frame, v: Value): never => bug(f, `${msg}; ${extra!.src} = ${formatValue(v)}`);
    const plain = (f: Frame): never => bug(f, msg);
    const actJs = (g: Gen) => (ex ? `${g.k(withValue)}(f, ${g.e(extra!)})` : `${g.k(plain)}(f)`);
    return voidOf(cond, (f) => bug(f, ex ? `${msg}; ${extra!.src} = ${formatValue(ex(f))}` : msg), e.src, e.line, actJs);
  };
}

/** WARN_ON-like: a `warn` hazard, execution continues; the value is the condition. */
function warnOn(name: string, once: boolean, gate: string | null): Intrinsic {
  return (cx, e) => {
    const text = cx.ps.restoreTypes(e.raw.text).replace(/\s+/g, ' ').trim();
    if (gate && !cx.ps.configured(gate)) return constExpr(INT, 0, e.src, e.line);
    const all = args(cx, e, name, 1, 99);
    const cond = condOf(cx, all[0]!);
    const site = siteAt(cx.loc, `${name}(${text})`);
    const detail = `${name}(${text}) at ${cx.file}:${e.line}`;
    const hit = (f: Frame) => f.m.hazardAt(f.t, site, 'warn', detail, once);
    const js: Js = (g) => `(${g.cond(cond)} ? (${g.k(hit)}(f), 1) : 0)`;
    const ce = cond.ev;
    if (ce) return plainExpr(INT, (f) => (ce(f) ? (hit(f), 1) : 0), e.src, e.line, null, js);
    const cg = cond.gv!;
    return genExpr(INT, function* (f) {
      if (!(yield* cg(f))) return 0;
      hit(f);
      return 1;
    }, e.src, e.line, js);
  };
}

// ----------------------------------------------------------------------------- min / max

function pick(cx: FnCx, a: CExpr, b: CExpr, t: CType, less: boolean, src: string, line: number): CExpr {
  const site = siteAt(cx.loc, src);
  return lift2(t, a, b, (x, y, f) => {
    if (x === UNINIT || y === UNINIT) {
      uninitRead(f, site, x === UNINIT ? a.src : b.src);
      return UNINIT;
    }
    if (x instanceof Ptr || y instanceof Ptr || x === null || y === null) {
      const ax = ptrToInt(x);
      const ay = ptrToInt(y);
      return (less ? ax <= ay : ax >= ay) ? x : y;
    }
    return (less ? x! <= y! : x! >= y!) ? x : y;
  }, src, line);
}

function minMax(name: string, less: boolean, typed: boolean, n: 2 | 3): Intrinsic {
  return (cx, e) => {
    let list: CExpr[];
    let t: CType;
    if (typed) {
      const raw = rawArgs(cx, e);
      if (raw.length !== n + 1) throw new CompileError(e.line, `${name}() takes ${n + 1} arguments, ${raw.length} given`);
      t = typeFromText(cx, raw[0]!, e.line);
      list = raw.slice(1).map((r) => convert(compileRvalue(cx, exprFromText(cx, r, e.line)), t, 'cast', `${name}()`));
    } else {
      list = args(cx, e, name, n);
      t = list[0]!.t;
      for (const c of list.slice(1)) {
        if (t.k === 'int' && c.t.k === 'int') t = uac(t, c.t);
        else if (!sameType(t, c.t)) throw new CompileError(e.line, `${name}() of \`${typeToString(t)}\` and \`${typeToString(c.t)}\``);
      }
      list = list.map((c) => convert(c, t, 'assign', `${name}()`));
    }
    let r = pick(cx, list[0]!, list[1]!, t, less, e.src, e.line);
    if (n === 3) r = pick(cx, r, list[2]!, t, less, e.src, e.line);
    return r;
  };
}

function clamp(typed: boolean): Intrinsic {
  return (cx, e) => {
    let list: CExpr[];
    let t: CType;
    if (typed) {
      const raw = rawArgs(cx, e);
      if (raw.length !== 4) throw new CompileError(e.line, `clamp_t() takes 4 arguments, ${raw.length} given`);
      t = typeFromText(cx, raw[0]!, e.line);
      list = raw.slice(1).map((r) => convert(compileRvalue(cx, exprFromText(cx, r, e.line)), t, 'cast', 'clamp_t()'));
    } else {
      list = args(cx, e, 'clamp', 3);
      t = list[0]!.t;
      list = list.map((c) => convert(c, t, 'assign', 'clamp()'));
    }
    return pick(cx, pick(cx, list[0]!, list[1]!, t, false, e.src, e.line), list[2]!, t, true, e.src, e.line);
  };
}

// ----------------------------------------------------------------------------- pointers

function containerOf(cx: FnCx, e: CallExpr): CExpr {
  const raw = rawArgs(cx, e);
  if (raw.length !== 3) throw new CompileError(e.line, `container_of() takes 3 arguments, ${raw.length} given`);
  const P = rvalue(compileExpr(cx, exprFromText(cx, raw[0]!, e.line)));
  if (P.t.k !== 'ptr') throw new CompileError(e.line, `container_of() of non-pointer \`${P.src}\``);
  const T = typeFromText(cx, raw[1]!, e.line);
  if (T.k !== 'struct') throw new CompileError(e.line, `container_of() type \`${typeToString(T)}\` is not a struct`);
  const path = raw[2]!.replace(/\s+/g, '').split('.');
  const o = cx.ps.types.offsetof(T.name, path);
  if (!o) throw new CompileError(e.line, `struct ${T.name} has no member \`${raw[2]}\``);
  const member = path.length === 1 ? path[0]! : null;
  const off = BigInt(o.offset);
  const t: CType = { k: 'ptr', to: T };
  return lift1(t, P, (p, f) => {
    if (p === UNINIT) return UNINIT;
    if (p instanceof Ptr && p.byteOffset === 0 && member) {
      // an embedded object knows its container (model structs and runtime StructRefs alike)
      const r = p.region;
      const owner = fieldOwner(r);
      if (owner && owner.field === member && owner.obj.structName === T.name) return owner.obj.self;
      if (r.elemType.k === 'struct' && p.index >= 0 && p.index < r.length) {
        const inner = r.load(p.index, f.t) as StructRef;
        const c = inner?.container;
        if (c && c.field === member && c.obj.structName === T.name) return c.obj.self;
      }
    }
    const addr = BigInt.asUintN(64, ptrToInt(p) - off);
    return f.m.ptrAt(addr, T);
  }, e.src, e.line, false);
}

function isErr(orNull: boolean): Intrinsic {
  return (cx, e) => {
    const [p] = args(cx, e, orNull ? 'IS_ERR_OR_NULL' : 'IS_ERR', 1);
    if (p!.t.k !== 'ptr') throw new CompileError(e.line, `IS_ERR() of non-pointer \`${p!.src}\``);
    return lift1(BOOL, p!, (v) => (v === null ? (orNull ? 1 : 0) : v === UNINIT ? UNINIT : ptrToInt(v) >= ERR_START ? 1 : 0), e.src, e.line);
  };
}

// ----------------------------------------------------------------------------- table

export const INTRINSICS: Record<string, Intrinsic> = {
  likely: (cx, e) => condToExpr(compileCond(cx, e.args?.[0] ?? exprFromText(cx, rawArgs(cx, e)[0] ?? '', e.line)), e.src, e.line),
  unlikely: (cx, e) => condToExpr(compileCond(cx, e.args?.[0] ?? exprFromText(cx, rawArgs(cx, e)[0] ?? '', e.line)), e.src, e.line),
  __builtin_expect: (cx, e) => args(cx, e, '__builtin_expect', 2)[0]!,
  READ_ONCE: (cx, e) => ({ ...args(cx, e, 'READ_ONCE', 1)[0]!, src: e.src, place: null }),
  WRITE_ONCE: (cx, e) => {
    const a = e.args;
    if (!a || a.length !== 2) throw new CompileError(e.line, 'WRITE_ONCE() takes 2 arguments');
    return retype(compileAssign(cx, '=', a[0]!, a[1]!, e.src, e.line), VOID);
  },
  min: minMax('min', true, false, 2),
  max: minMax('max', false, false, 2),
  min3: minMax('min3', true, false, 3),
  max3: minMax('max3', false, false, 3),
  min_t: minMax('min_t', true, true, 2),
  max_t: minMax('max_t', false, true, 2),
  clamp: clamp(false),
  clamp_t: clamp(true),
  BUG: bugOn('BUG', 0, null),
  BUG_ON: bugOn('BUG_ON', 1, null),
  VM_BUG_ON: bugOn('VM_BUG_ON', 1, 'CONFIG_DEBUG_VM'),
  VM_BUG_ON_PAGE: bugOn('VM_BUG_ON_PAGE', 1, 'CONFIG_DEBUG_VM'),
  VM_BUG_ON_FOLIO: bugOn('VM_BUG_ON_FOLIO', 1, 'CONFIG_DEBUG_VM'),
  VM_BUG_ON_VMA: bugOn('VM_BUG_ON_VMA', 1, 'CONFIG_DEBUG_VM'),
  VM_BUG_ON_MM: bugOn('VM_BUG_ON_MM', 1, 'CONFIG_DEBUG_VM'),
  VM_BUG_ON_PGFLAGS: bugOn('VM_BUG_ON_PGFLAGS', 1, 'CONFIG_DEBUG_VM_PGFLAGS'),
  WARN_ON: warnOn('WARN_ON', false, null),
  WARN_ON_ONCE: warnOn('WARN_ON_ONCE', true, null),
  WARN: warnOn('WARN', false, null),
  WARN_ONCE: warnOn('WARN_ONCE', true, null),
  VM_WARN_ON: warnOn('VM_WARN_ON', false, 'CONFIG_DEBUG_VM'),
  VM_WARN_ON_ONCE: warnOn('VM_WARN_ON_ONCE', true, 'CONFIG_DEBUG_VM'),
  VM_WARN_ONCE: warnOn('VM_WARN_ONCE', true, 'CONFIG_DEBUG_VM'),
  VM_WARN_ON_ONCE_PAGE: warnOn('VM_WARN_ON_ONCE_PAGE', true, 'CONFIG_DEBUG_VM'),
  BUILD_BUG_ON: (_cx, e) => nothing(e.src, e.line),
  BUILD_BUG_ON_INVALID: (_cx, e) => nothing(e.src, e.line),
  VM_WARN_ON_FOLIO: warnOn('VM_WARN_ON_FOLIO', false, 'CONFIG_DEBUG_VM'),
  VM_WARN_ON_ONCE_FOLIO: warnOn('VM_WARN_ON_ONCE_FOLIO', true, 'CONFIG_DEBUG_VM'),
  container_of: containerOf,
  ARRAY_SIZE: (cx, e) => {
    const a = e.args?.[0];
    if (!a || e.args!.length !== 1) throw new CompileError(e.line, 'ARRAY_SIZE() takes 1 argument');
    const c = compileExpr(cx, a);
    if (c.t.k !== 'array') throw new CompileError(e.line, `ARRAY_SIZE() of non-array \`${c.src}\` (\`${typeToString(c.t)}\`)`);
    return constExpr(SIZE_T, BigInt(c.t.len), e.src, e.line);
  },
  IS_ERR: isErr(false),
  IS_ERR_OR_NULL: isErr(true),
  PTR_ERR: (cx, e) => {
    const [p] = args(cx, e, 'PTR_ERR', 1);
    return lift1(LONG, p!, (v) => (v === UNINIT ? UNINIT : BigInt.asIntN(64, ptrToInt(v))), e.src, e.line);
  },
  ERR_PTR: (cx, e) => {
    const [x] = args(cx, e, 'ERR_PTR', 1);
    const v = convert(x!, LONG, 'assign', 'ERR_PTR()');
    return lift1(VOID_PTR, v, (n, f) => (n === UNINIT ? UNINIT : n === 0n ? null : f.m.ptrAt(BigInt.asUintN(64, n as bigint), VOID)), e.src, e.line, false);
  },
  ERR_CAST: (cx, e) => retype(args(cx, e, 'ERR_CAST', 1)[0]!, VOID_PTR),
  IS_ENABLED: (cx, e) => constExpr(INT, cx.ps.configured(rawArgs(cx, e)[0] ?? '') ? 1 : 0, e.src, e.line),
};
