// Calls and macro expansion. A call resolves, in this order, to: an intrinsic kernel macro
// (intrinsics.ts) unless the runtime's builtin table overrides it; a function-like macro of the
// model headers (expanded where it is used); a local/global function pointer; a model C
// function; a runtime builtin; otherwise a trap that ends the run with `error` naming the
// function (listed in Program.unresolvedCalls). Never a silent no-op.

import type { Value } from './api.js';
import type { Expr, Stmt } from './ast.js';
import { CompileError, convert, evalAll, genExpr, plainExpr, retype, type CExpr } from './cexpr.js';
import { compileCast, compileExpr, compileRvalue, rvalue } from './compile-expr.js';
import { UNRESOLVED, isUnresolved } from './compile-ops.js';
import { typeToString, type FuncType } from './ctypes.js';
import type { Gen, Js } from './jsgen.js';
import type { FnCx } from './fn-context.js';
import { INTRINSICS } from './intrinsics.js';
import { lex, splitArgs } from './lex.js';
import { expandFunctionMacro, type MacroDef } from './preprocess.js';
import {
  Frame, callBuiltinGen, callBuiltinPlain, invokeTarget, popFrame, pushFrame, targetOf, type BuiltinTarget, type CallTarget, type FnCode,
} from './runtime.js';

export function compileCall(cx: FnCx, e: Extract<Expr, { k: 'call' }>): CExpr {
  const callee = e.callee;
  // the statement's own call (`f(x);`): read before the arguments compile (they may hold calls)
  const discard = cx.discardedCall === e;
  if (discard) cx.discardedCall = null;
  // `(pgoff_t)(x)`: tree-sitter reads a cast to a typedef name as a call
  if (callee.k === 'paren' && callee.arg.k === 'ident' && cx.isTypeName(callee.arg.name) && e.args?.length === 1) {
    const t = cx.ps.types.typedefs.get(callee.arg.name)!;
    return compileCast(cx, t, e.args[0]!, e.src, e.line);
  }
  if (callee.k === 'ident') {
    const name = callee.name;
    const shadowed = cx.lookup(name) !== undefined;
    const intrinsic = INTRINSICS[name];
    if (intrinsic && !shadowed && !cx.ps.builtin(name)) return intrinsic(cx, e);
    const mac = cx.ps.macros.get(name);
    if (mac && mac.params !== null && !cx.expanding.includes(name)) return expandMacroExpr(cx, mac, e);
    if (!shadowed && !cx.ps.global(name, cx.file) && !(mac && mac.params === null && !cx.expanding.includes(name))) {
      const fn = cx.ps.lookupFunction(name, cx.file);
      if (fn) return callModel(cx, fn, argsOf(cx, e, name), e, discard);
      const b = cx.ps.builtin(name);
      if (b) return callBuiltin(cx, b, argsOf(cx, e, name), e);
      return unresolvedCall(cx, name, cx.ps.prototype(name) as FuncType | undefined, e);
    }
  }
  const C = rvalue(compileExpr(cx, callee));
  if (isUnresolved(C.t)) return retype(C, UNRESOLVED);
  const args = argsOf(cx, e, C.src);
  const tgt = C.target;
  if (tgt?.kind === 'model') return callModel(cx, tgt.fn, args, e, discard);
  if (tgt?.kind === 'builtin') return callBuiltin(cx, tgt, args, e);
  if (tgt?.kind === 'missing') return unresolvedCall(cx, tgt.name, C.t.k === 'ptr' && C.t.to.k === 'func' ? C.t.to : undefined, e);
  if (C.t.k !== 'ptr' || C.t.to.k !== 'func') throw new CompileError(e.line, `called object \`${C.src}\` is not a function (\`${typeToString(C.t)}\`)`);
  return callPointer(cx, C, C.t.to, args, e, discard);
}

function argsOf(cx: FnCx, e: Extract<Expr, { k: 'call' }>, name: string): CExpr[] {
  if (!e.args) throw new CompileError(e.line, `cannot parse the arguments of ${name}(${e.raw.text.replace(/\s+/g, ' ').trim()})`);
  return e.args.map((a) => compileRvalue(cx, a));
}

function convertArgs(ft: FuncType, args: CExpr[], name: string, line: number): CExpr[] {
  const n = ft.params.length;
  if (args.length < n || (!ft.variadic && args.length > n)) {
    throw new CompileError(line, `${name}() takes ${n}${ft.variadic ? ' or more' : ''} argument${n === 1 ? '' : 's'}, ${args.length} given`, undefined, name);
  }
  return args.map((a, i) => (i < n ? convert(a, ft.params[i]!, 'arg', `argument ${i + 1} of ${name}()`) : a));
}

// ----------------------------------------------------------------------------- call shapes

/** Arguments evaluated in order into temporaries; returns the assignments and the names. */
function argsJs(g: Gen, conv: CExpr[]): { set: string; names: string[] } {
  let set = '';
  const names: string[] = [];
  for (const c of conv) {
    const x = g.tmp();
    set += `${x} = ${g.e(c)}, `;
    names.push(x);
  }
  return { set, names };
}

function callModel(cx: FnCx, fn: FnCode, args: CExpr[], e: Expr, discard: boolean): CExpr {
  cx.callees.add(fn);
  const ft = fn.type;
  const conv = convertArgs(ft, args, fn.name, e.line);
  const all = evalAll(conv);
  const fill = all.ev;
  // a new frame, the arguments straight into its slots, push, run, pop (run or runGen is final
  // when the code is generated: after the may-block fixpoint)
  const js: Js = (g) => {
    const n = g.tmp();
    const r = g.tmp();
    const k = g.k(fn);
    let out = `(${n} = new Frame(${k}, f.t), ${discard ? `${n}.discard = true, ` : ''}`;
    conv.forEach((c, i) => (out += `${n}.v[${i}] = ${g.e(c)}, `));
    const run = fn.run !== null ? `${k}.run(${n})` : `(yield* ${k}.runGen(${n}))`;
    return out + `pushFrame(${n}), ${r} = ${run}, popFrame(${n}, ${r}), ${r})`;
  };
  if (fill && !fn.mayBlock && !cx.ps.forceGen) {
    const ev = conv.map((c) => c.ev!);
    const [a0, a1, a2] = ev;
    const n = ev.length;
    // arguments straight into the callee's slots for the common arities
    const put: (f: Frame, v: Value[]) => void =
      n === 0 ? () => undefined
      : n === 1 ? (f, v) => { v[0] = a0!(f); }
      : n === 2 ? (f, v) => { v[0] = a0!(f); v[1] = a1!(f); }
      : n === 3 ? (f, v) => { v[0] = a0!(f); v[1] = a1!(f); v[2] = a2!(f); }
      : fill;
    return plainExpr(ft.ret, (f) => {
      const nf = new Frame(fn, f.t);
      nf.discard = discard;
      put(f, nf.v);
      pushFrame(nf);
      const r = fn.run!(nf);
      popFrame(nf, r);
      return r;
    }, e.src, e.line, null, js);
  }
  const fillG = all.gv;
  return genExpr(ft.ret, function* (f) {
    const nf = new Frame(fn, f.t);
    nf.discard = discard;
    if (fill) fill(f, nf.v);
    else yield* fillG!(f, nf.v);
    pushFrame(nf);
    const r = fn.run !== null ? fn.run(nf) : yield* fn.runGen!(nf);
    popFrame(nf, r);
    return r;
  }, e.src, e.line, js);
}

function callBuiltin(cx: FnCx, b: BuiltinTarget, args: CExpr[], e: Expr): CExpr {
  const ft = b.type;
  const conv = convertArgs(ft, args, b.name, e.line);
  const n = conv.length;
  const all = evalAll(conv);
  const fill = all.ev;
  if (fill && !b.blocking && !cx.ps.forceGen) {
    const general = (f: Frame): Value => {
      const vals: Value[] = new Array(n);
      fill(f, vals);
      return callBuiltinPlain(f.t, b, vals);
    };
    // common arities without an argument array (hooks on: the general path reports the call)
    const fn = b.b.fn;
    const check = b.checkRet;
    const ev = conv.map((c) => c.ev!);
    const [a0, a1, a2] = ev;
    let fast: ((f: Frame) => Value) | null = null;
    if (n === 0) fast = (f) => (f.m.builtinHooked ? general(f) : check(fn(f.t), f.t));
    else if (n === 1) fast = (f) => (f.m.builtinHooked ? general(f) : check(fn(f.t, a0!(f)), f.t));
    else if (n === 2) fast = (f) => (f.m.builtinHooked ? general(f) : check(fn(f.t, a0!(f), a1!(f)), f.t));
    else if (n === 3) fast = (f) => (f.m.builtinHooked ? general(f) : check(fn(f.t, a0!(f), a1!(f), a2!(f)), f.t));
    // arguments first, then the call: reported (hooks) or straight
    const js: Js = (g) => {
      const a = argsJs(g, conv);
      const list = a.names.join(', ');
      const kb = g.k(b);
      const direct = `${g.k(check)}(${g.k(fn)}(f.t${a.names.map((x) => `, ${x}`).join('')}), f.t)`;
      if (fast === null) return `(${a.set}callBuiltinPlain(f.t, ${kb}, [${list}]))`;
      return `(${a.set}m.builtinHooked ? callBuiltinPlain(f.t, ${kb}, [${list}]) : ${direct})`;
    };
    return plainExpr(ft.ret, fast ?? general, e.src, e.line, null, js);
  }
  const fillG = all.gv;
  // unhooked: the builtin straight, its generator (if it returns one) delegated to; hooked:
  // callBuiltinGen, which reports the call
  const js: Js = (g) => {
    const a = argsJs(g, conv);
    const r = g.tmp();
    const direct = `${r} = ${g.k(b.b.fn)}(f.t${a.names.map((x) => `, ${x}`).join('')}), isIterator(${r}) ? (${r} = yield* ${r}) : 0, ${g.k(b.checkRet)}(${r}, f.t)`;
    return `(${a.set}m.builtinHooked ? (yield* callBuiltinGen(f.t, ${g.k(b)}, [${a.names.join(', ')}])) : (${direct}))`;
  };
  return genExpr(ft.ret, function* (f) {
    const vals: Value[] = new Array(n);
    if (fill) fill(f, vals);
    else yield* fillG!(f, vals);
    return yield* callBuiltinGen(f.t, b, vals);
  }, e.src, e.line, js);
}

/** Through a function pointer: the target is known only at run time, so it may block. */
function callPointer(cx: FnCx, C: CExpr, ft: FuncType, args: CExpr[], e: Expr, discard: boolean): CExpr {
  cx.callsPointer = true;
  const conv = convertArgs(ft, args, `(*${C.src})`, e.line);
  const n = conv.length;
  const all = evalAll(conv);
  const what = C.src;
  const ce = C.ev;
  const cg = C.gv;
  const fill = all.ev;
  const fillG = all.gv;
  // a model function called in place (invokeTarget's first case, without its generator)
  const js: Js = (g) => {
    const tg = g.tmp();
    const fn = g.tmp();
    const n = g.tmp();
    const r = g.tmp();
    const a = argsJs(g, conv);
    const fill = a.names.map((x, i) => `${i} < ${fn}.type.params.length ? ${n}.v[${i}] = ${x} : 0, `).join('');
    const model =
      `${fn} = ${tg}.fn, ${n} = new Frame(${fn}, f.t), ${discard ? `${n}.discard = true, ` : ''}${fill}pushFrame(${n}), ` +
      `${r} = ${fn}.run !== null ? ${fn}.run(${n}) : (yield* ${fn}.runGen(${n})), popFrame(${n}, ${r}), ${r}`;
    return `(${tg} = targetOf(f, ${g.e(C)}, ${g.k(what)}), ${a.set}${tg}.kind === 'model' ? (${model}) : (yield* invokeTarget(f.t, ${tg}, [${a.names.join(', ')}], ${discard})))`;
  };
  return genExpr(ft.ret, function* (f) {
    const p = ce ? ce(f) : yield* cg!(f);
    const tgt: CallTarget = targetOf(f, p, what);
    const vals: Value[] = new Array(n);
    if (fill) fill(f, vals);
    else yield* fillG!(f, vals);
    return yield* invokeTarget(f.t, tgt, vals, discard);
  }, e.src, e.line, js);
}

function unresolvedCall(cx: FnCx, name: string, proto: FuncType | undefined, e: Extract<Expr, { k: 'call' }>): CExpr {
  if (e.args) for (const a of e.args) compileRvalue(cx, a); // still type-check the arguments
  cx.unresolved.push({ name, line: e.line });
  const msg = `${cx.fnName}() calls \`${name}()\`, which the model does not have (${cx.file}:${e.line})`;
  return plainExpr(proto?.k === 'func' ? proto.ret : UNRESOLVED, (f) => f.t.notModelled(msg), e.src, e.line, null, (g) => `f.t.notModelled(${g.k(msg)})`);
}

// ----------------------------------------------------------------------------- macros

function inExpansion<T>(cx: FnCx, mac: MacroDef, run: () => T): T {
  cx.expanding.push(mac.name);
  try {
    return run();
  } catch (err) {
    if (err instanceof CompileError && !err.message.includes('(in expansion of macro')) {
      err.message += ` (in expansion of macro ${mac.name} from ${mac.file}:${mac.line})`;
    }
    throw err;
  } finally {
    cx.expanding.pop();
  }
}

/** Normalised argument texts: comments dropped, one line. */
function macroArgs(cx: FnCx, raw0: string): string[] {
  const raw = cx.ps.restoreTypes(raw0);
  if (lex(raw).length === 0) return [];
  return splitArgs(raw).map((a) => lex(a.text).map((t) => t.text).join(' '));
}

function expansionOf(cx: FnCx, mac: MacroDef, e: Extract<Expr, { k: 'call' }>): Stmt[] {
  const args = macroArgs(cx, e.raw.text);
  const n = mac.params!.length;
  const ok = mac.variadic ? args.length >= n - 1 : args.length === n || (n === 0 && args.length === 0);
  if (!ok) throw new CompileError(e.line, `macro ${mac.name} takes ${n} argument${n === 1 ? '' : 's'}, ${args.length} given`, undefined, mac.name);
  return cx.ps.parseFragment(expandFunctionMacro(mac, args), e.line, cx.file);
}

function expandMacroExpr(cx: FnCx, mac: MacroDef, e: Extract<Expr, { k: 'call' }>): CExpr {
  return inExpansion(cx, mac, () => {
    const stmts = expansionOf(cx, mac, e);
    if (stmts.length === 1 && stmts[0]!.k === 'expr') return { ...compileExpr(cx, stmts[0].e), src: e.src, line: e.line };
    throw new CompileError(e.line, `macro ${mac.name} expands to statements and is used as a value`);
  });
}

export function expandObjectMacro(cx: FnCx, mac: MacroDef, src: string, line: number): CExpr {
  return inExpansion(cx, mac, () => {
    if (mac.body.trim() === '') throw new CompileError(line, `macro ${mac.name} expands to nothing and is used as a value`);
    const stmts = cx.ps.parseFragment(mac.body, line, cx.file);
    if (stmts.length === 1 && stmts[0]!.k === 'expr') return { ...compileExpr(cx, stmts[0].e), src, line };
    throw new CompileError(line, `macro ${mac.name} does not expand to an expression`);
  });
}

/**
 * An expression statement that invokes a statement macro (`split_huge_pmd(vma, pmd, addr);` whose
 * body is `do { ... } while (0)`): compiles its statements with `compile`. Null when the
 * statement is not such a macro use (or the macro is an expression: compileCall handles it).
 */
export function macroStatements<T>(cx: FnCx, e: Expr, compile: (stmts: Stmt[]) => T): T | null {
  if (e.k !== 'call' || e.callee.k !== 'ident') return null;
  const name = e.callee.name;
  if (cx.lookup(name)) return null;
  if (INTRINSICS[name] && !cx.ps.builtin(name)) return null;
  const mac = cx.ps.macros.get(name);
  if (!mac || mac.params === null || cx.expanding.includes(name)) return null;
  return inExpansion(cx, mac, () => {
    const stmts = expansionOf(cx, mac, e);
    if (stmts.length === 1 && stmts[0]!.k === 'expr') return null;
    return compile(stmts);
  });
}

/**
 * `anon_vma_interval_tree_foreach(avc, root, s, e) body`: the preprocessor left a
 * `for(;<marker>;)` in its place; expand the macro, put `body` where the expansion's statement
 * header needs one, and compile the result.
 */
export function macroLoop<T>(cx: FnCx, marker: string, body: Stmt, compile: (s: Stmt) => T): T | null {
  const use = cx.ps.loopUse(marker);
  if (!use) return null;
  const mac = use.def;
  return inExpansion(cx, mac, () => {
    const args = macroArgs(cx, use.args);
    const text = `${expandFunctionMacro(mac, args)} __lkml_body();`;
    const stmts = cx.ps.parseFragment(text, use.line, cx.file);
    if (stmts.length !== 1) throw new CompileError(use.line, `macro ${mac.name} does not expand to one statement header`);
    let placed = 0;
    const put = (s: Stmt): Stmt => {
      switch (s.k) {
        case 'expr':
          if (s.e.k === 'call' && s.e.callee.k === 'ident' && s.e.callee.name === '__lkml_body') {
            placed++;
            return body;
          }
          return s;
        case 'if':
          return { ...s, then: put(s.then), else: s.else ? put(s.else) : null };
        case 'while':
        case 'do':
        case 'for':
        case 'switch':
          return { ...s, body: put(s.body) };
        case 'label':
          return { ...s, body: put(s.body) };
        case 'block':
          return { ...s, body: s.body.map(put) };
        default:
          return s;
      }
    };
    const stmt = put(stmts[0]!);
    if (placed !== 1) throw new CompileError(use.line, `macro ${mac.name} does not take a loop body`);
    return compile(stmt);
  });
}
