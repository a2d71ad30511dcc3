// Statements. Each statement becomes a closure returning a completion code (NORMAL, BREAK,
// CONTINUE, RETURN, GOTO); a statement that contains a blocking call becomes a generator.
// Statement lists, goto and function bodies are in compile-block.ts.

import { UNINIT, type CType, type SourceLoc, type Value } from './api.js';
import type { Expr, Stmt } from './ast.js';
import { CompileError, convert, genExpr, plainExpr, siteAt, uninitRead, type CExpr } from './cexpr.js';
import { compileCond, compileRvalue, constValue } from './compile-expr.js';
import { macroLoop, macroStatements } from './compile-call.js';
import { compileInitFiller, type Filler } from './compile-init.js';
import type { Cond } from './compile-ops.js';
import { UNRESOLVED, promote, typeToString } from './ctypes.js';
import { converter } from './ints.js';
import { CellRegion, LocalStruct, newValue, storageBytes } from './memory.js';
import {
  BREAK, CONTINUE, GOTO, NORMAL, RETURN, tick, type Frame, type GenEv, type LoopSite, type SFn, type SGen,
} from './runtime.js';
import type { FnCx, Local } from './fn-context.js';
import { blockLabels, compileBlock, runner } from './compile-block.js';
import type { Gen, Js } from './jsgen.js';

export interface CStmt {
  ev: SFn | null;
  gv: SGen | null;
  /**
   * For an expression statement whose expression is a generator (a blocking call): that
   * generator and the statement's position. Block runners tick and `yield*` it directly
   * (completion NORMAL), saving a generator per call; other consumers use `gv`.
   */
  gx?: GenEv;
  loc?: SourceLoc;
  /** The same as JavaScript statements (jsgen.ts): native control flow instead of completions. */
  js?: Js;
}

const PLAIN_NORMAL: CStmt = { ev: () => NORMAL, gv: null, js: () => '' };

// ----------------------------------------------------------------------------- statements

export function compileStmt(cx: FnCx, s: Stmt): CStmt {
  const saved = cx.loc;
  cx.loc = cx.locAt(s.line);
  try {
    return compileStmtInner(cx, s);
  } catch (e) {
    if (e instanceof CompileError) {
      cx.errors.push(e);
      return PLAIN_NORMAL;
    }
    throw e;
  } finally {
    cx.loc = saved;
  }
}

function exprStmt(cx: FnCx, c: CExpr): CStmt {
  const loc = cx.loc;
  const e = c.ev;
  const js: Js = (gen) => `${gen.tick(loc)}${gen.e(c)};\n`;
  if (e) return { ev: (f) => { tick(f, loc); e(f); return NORMAL; }, gv: null, js };
  const g = c.gv!;
  return { ev: null, gv: function* (f) { tick(f, loc); yield* g(f); return NORMAL; }, gx: g, loc, js };
}

/** The call whose value an expression statement discards: `f(x);`, `(f(x));`, `(void)f(x);`. */
function discardedCall(cx: FnCx, e: Expr): Expr | null {
  for (;;) {
    if (e.k === 'paren') e = e.arg;
    else if (e.k === 'cast' && cx.ps.resolveType(e.type.spec, e.type.decl, e.line, cx).t.k === 'void') e = e.arg;
    else return e.k === 'call' ? e : null;
  }
}

function compileStmtInner(cx: FnCx, s: Stmt): CStmt {
  const loc = cx.loc;
  switch (s.k) {
    case 'expr': {
      // A macro that expands to declarations only (`DEFINE_FOLIO_VMA_WALK(pvmw, ...);`) declares
      // them in the enclosing scope, as the textual expansion does; any other statement macro
      // is a block of its own.
      const expanded = macroStatements(cx, s.e, (stmts) => compileBlock(cx, stmts, !stmts.every((st) => st.k === 'decl')));
      if (expanded) return expanded;
      cx.discardedCall = discardedCall(cx, s.e);
      try {
        return exprStmt(cx, compileRvalue(cx, s.e));
      } finally {
        cx.discardedCall = null;
      }
    }
    case 'empty':
      return { ev: (f) => (tick(f, loc), NORMAL), gv: null, js: (g) => g.tick(loc) };
    case 'block':
      return compileBlock(cx, s.body, true);
    case 'decl':
      return compileDecl(cx, s);
    case 'typedef':
      for (const n of s.names) cx.ps.types.typedefs.set(n.name, cx.ps.resolveType(s.spec, n.decl, s.line, cx).t);
      return PLAIN_NORMAL;
    case 'if':
      return compileIf(cx, s);
    case 'for': {
      if (!s.init && !s.update && s.test?.k === 'ident' && s.test.name.startsWith('__lkml_L')) {
        const m = macroLoop(cx, s.test.name, s.body, (st) => compileStmtInner(cx, st));
        if (m) return m;
      }
      return compileLoop(cx, s);
    }
    case 'while':
    case 'do':
      return compileLoop(cx, s);
    case 'switch':
      return compileSwitch(cx, s);
    case 'case':
      throw new CompileError(s.line, '`case` outside the body of a switch');
    case 'break':
      if (cx.breakDepth === 0) throw new CompileError(s.line, '`break` outside a loop or switch');
      return { ev: (f) => (tick(f, loc), BREAK), gv: null, js: (g) => `${g.tick(loc)}break ${g.breaks[g.breaks.length - 1]};\n` };
    case 'continue':
      if (cx.loopDepth === 0) throw new CompileError(s.line, '`continue` outside a loop');
      return { ev: (f) => (tick(f, loc), CONTINUE), gv: null, js: (g) => `${g.tick(loc)}break ${g.conts[g.conts.length - 1]};\n` };
    case 'return':
      return compileReturn(cx, s.e, s.line);
    case 'goto': {
      const label = s.label;
      if (!cx.blockLabels.some((b) => b.has(label))) {
        const why = cx.allLabels.has(label) ? `goto into a nested block (label \`${label}\`) is not supported` : `goto to unknown label \`${label}\``;
        throw new CompileError(s.line, why);
      }
      return { ev: (f) => { tick(f, loc); f.label = label; return GOTO; }, gv: null, js: (g) => g.tick(loc) + g.goto(label) };
    }
    case 'label':
      // a label that is not directly in a block (`if (x) out: y;`): a goto cannot reach it
      return compileStmt(cx, s.body);
  }
}

function compileReturn(cx: FnCx, e: Expr | null, line: number): CStmt {
  const loc = cx.loc;
  const ret = cx.returnType;
  if (!e) {
    if (ret.k !== 'void') throw new CompileError(line, `\`return;\` in function returning \`${typeToString(ret)}\``);
    return { ev: (f) => (tick(f, loc), RETURN), gv: null, js: (g) => `${g.tick(loc)}return f.ret;\n` };
  }
  let c = compileRvalue(cx, e);
  if (ret.k === 'void') {
    if (c.t.k !== 'void') throw new CompileError(line, `return with a value in void function ${cx.fnName}()`);
  } else c = convert(c, ret, 'return', `return value of ${cx.fnName}()`);
  if (ret.k === 'struct') {
    // a struct returned by value must outlive the frame it was built in: copy it out
    const types = cx.ps.types;
    const bytes = storageBytes(ret, types);
    const name = `struct returned by ${cx.fnName}()`;
    const inner = c;
    const copy = (v: Value, f: Frame): Value => {
      const o = newValue(ret, types, f.m.allocate(bytes), name, 'uninit') as LocalStruct;
      o.copyFrom(v as LocalStruct, f.t);
      return o;
    };
    const js: Js = (g) => `${g.k(copy)}(${g.e(inner)}, f)`;
    c = inner.ev ? { ...inner, ev: (f) => copy(inner.ev!(f), f), js } : { ...inner, gv: function* (f) { return copy(yield* inner.gv!(f), f); }, js };
  }
  const value = c;
  const js: Js = (g) => `${g.tick(loc)}return f.ret = ${g.e(value)};\n`;
  const ev = c.ev;
  if (ev) return { ev: (f) => { tick(f, loc); f.ret = ev(f); return RETURN; }, gv: null, js };
  const g = c.gv!;
  return { ev: null, gv: function* (f) { tick(f, loc); f.ret = yield* g(f); return RETURN; }, js };
}

function compileIf(cx: FnCx, s: Extract<Stmt, { k: 'if' }>): CStmt {
  const loc = cx.loc;
  const test = compileCond(cx, s.test);
  const then = compileStmt(cx, s.then);
  const els = s.else ? compileStmt(cx, s.else) : null;
  if (test.konst !== null) {
    const taken = test.konst ? then : els;
    if (!taken) return { ev: (f) => (tick(f, loc), NORMAL), gv: null, js: (g) => g.tick(loc) };
    const js: Js = (g) => g.tick(loc) + g.s(taken);
    const te = taken.ev;
    if (te) return { ev: (f) => (tick(f, loc), te(f)), gv: null, js };
    const tg = taken.gv!;
    return { ev: null, gv: function* (f) { tick(f, loc); return yield* tg(f); }, js };
  }
  const js: Js = (g) => `${g.tick(loc)}if (${g.cond(test)}) {\n${g.s(then)}}${els ? ` else {\n${g.s(els)}}` : ''}\n`;
  const ce = test.ev;
  const a = then.ev;
  const b = els ? els.ev : () => NORMAL;
  if (ce && a && b) return { ev: (f) => { tick(f, loc); return ce(f) ? a(f) : b(f); }, gv: null, js };
  const cg = test.gv;
  const ag = then.gv;
  const bg = els ? els.gv : null;
  return {
    ev: null,
    gv: function* (f) {
      tick(f, loc);
      const c = cg ? yield* cg(f) : ce!(f);
      if (c) return ag ? yield* ag(f) : a!(f);
      return bg ? yield* bg(f) : b!(f);
    },
    js,
  };
}

function compileLoop(cx: FnCx, s: Extract<Stmt, { k: 'while' | 'do' | 'for' }>): CStmt {
  const loc = cx.loc;
  const site: LoopSite = { id: `${cx.file}:${s.line}`, loc, kind: s.k };
  cx.pushScope();
  try {
    let init: CStmt | null = null;
    let test: Cond | null = null;
    let update: CExpr | null = null;
    if (s.k === 'for') {
      if (s.init) init = compileStmt(cx, s.init);
      if (s.test) test = compileCond(cx, s.test);
      if (s.update) update = compileRvalue(cx, s.update);
    } else test = compileCond(cx, s.test);
    cx.loopDepth++;
    cx.breakDepth++;
    const body = compileStmt(cx, s.body);
    cx.loopDepth--;
    cx.breakDepth--;
    const isDo = s.k === 'do';
    const allPlain = !init?.gv && !test?.gv && !update?.gv && !body.gv;
    const js: Js = (g) => {
      const brk = g.label('l');
      const cont = g.label('c');
      let out = init ? g.s(init) : '';
      out += `${brk}: for (;;) {\n${g.tick(loc)}${g.loopHead(site)}`;
      if (test && !isDo && test.konst !== true) out += `if (!${g.cond(test)}) break ${brk};\n`;
      g.breaks.push(brk);
      g.conts.push(cont);
      out += `${cont}: {\n${g.s(body)}}\n`;
      g.breaks.pop();
      g.conts.pop();
      if (update) out += `${g.e(update)};\n`;
      if (test && isDo) out += `if (!${g.cond(test)}) break ${brk};\n`;
      return out + '}\n';
    };
    if (allPlain) {
      const ie = init?.ev ?? null;
      const te = test?.konst === true ? null : test?.ev ?? null;
      const ue = update?.ev ?? null;
      const be = body.ev!;
      return {
        ev: (f) => {
          if (ie) ie(f);
          for (;;) {
            tick(f, loc);
            if (f.m.loopHooked) f.m.loopHead(f, site);
            if (!isDo && te && !te(f)) return NORMAL;
            const c = be(f);
            if (c === BREAK) return NORMAL;
            if (c !== NORMAL && c !== CONTINUE) return c;
            if (ue) ue(f);
            if (isDo && te && !te(f)) return NORMAL;
          }
        },
        gv: null,
        js,
      };
    }
    return {
      ev: null,
      gv: function* (f) {
        if (init) {
          if (init.gv) yield* init.gv(f);
          else init.ev!(f);
        }
        for (;;) {
          tick(f, loc);
          if (f.m.loopHooked) f.m.loopHead(f, site);
          if (test && !isDo && test.konst !== true) {
            const ok = test.gv ? yield* test.gv(f) : test.ev!(f);
            if (!ok) return NORMAL;
          }
          const c = body.gv ? yield* body.gv(f) : body.ev!(f);
          if (c === BREAK) return NORMAL;
          if (c !== NORMAL && c !== CONTINUE) return c;
          if (update) {
            if (update.gv) yield* update.gv(f);
            else update.ev!(f);
          }
          if (test && isDo) {
            const ok = test.gv ? yield* test.gv(f) : test.ev!(f);
            if (!ok) return NORMAL;
          }
        }
      },
      js,
    };
  } finally {
    cx.popScope();
  }
}

function compileSwitch(cx: FnCx, s: Extract<Stmt, { k: 'switch' }>): CStmt {
  const loc = cx.loc;
  const test0 = compileRvalue(cx, s.test);
  if (test0.t.k !== 'int') throw new CompileError(s.line, `switch on \`${typeToString(test0.t)}\``);
  const t = promote(test0.t);
  const test = convert(test0, t, 'assign', 'switch');
  const conv = converter(t);
  // flatten: case bodies become one statement list; case values index into it
  const flat: Stmt[] = [];
  const cases: { value: Expr | null; at: number; line: number }[] = [];
  const body = s.body.k === 'block' ? s.body.body : [s.body];
  const walk = (list: Stmt[]) => {
    for (const st of list) {
      if (st.k === 'case') {
        cases.push({ value: st.value, at: flat.length, line: st.line });
        walk(st.body);
      } else flat.push(st);
    }
  };
  walk(body);
  const table = new Map<Value, number>();
  let dflt = -1;
  for (const c of cases) {
    if (c.value === null) {
      if (dflt >= 0) throw new CompileError(c.line, 'two `default` labels in one switch');
      dflt = c.at;
      continue;
    }
    const { v, t: vt } = constValue(cx, c.value, 'case label');
    if (vt.k !== 'int') throw new CompileError(c.line, 'case label is not an integer');
    const key = conv(v as number | bigint);
    if (table.has(key)) throw new CompileError(c.line, `duplicate case value ${String(key)}`);
    table.set(key, c.at);
  }
  cx.pushScope();
  cx.breakDepth++;
  const labels = blockLabels(flat);
  cx.blockLabels.push(labels);
  let run: ReturnType<typeof runner>;
  const items: CStmt[] = [];
  const labelAt = new Map<string, number>();
  const labelSite: LoopSite[] = [];
  try {
    for (let st of flat) {
      while (st.k === 'label') {
        labelAt.set(st.label, items.length);
        labelSite[items.length] = { id: `${cx.file}:${st.line}`, loc: cx.locAt(st.line), kind: 'goto' };
        st = st.body;
      }
      items.push(compileStmt(cx, st));
    }
    // case indices refer to flat[]; labels do not add items, so they coincide
    run = runner(items, labelAt.size ? labelAt : null, labelSite);
  } finally {
    cx.blockLabels.pop();
    cx.breakDepth--;
    cx.popScope();
  }
  const site = siteAt(loc, test0.src);
  const pick = (v: Value, f: Frame): number => {
    if (v === UNINIT) {
      uninitRead(f, site, test0.src);
      return dflt;
    }
    const i = table.get(v);
    return i === undefined ? dflt : i;
  };
  const js: Js = (g) => {
    const i = g.tmp();
    let out = `${g.tick(loc)}${i} = ${g.k(pick)}(${g.e(test)}, f);\nif (${i} >= 0) {\n`;
    const brk = g.label('s');
    g.breaks.push(brk);
    out += g.items(items, labelAt.size ? labelAt : null, labelSite, i, brk);
    g.breaks.pop();
    return out + '}\n';
  };
  const te = test.ev;
  const fe = run.from.ev;
  if (te && fe) {
    return {
      ev: (f) => {
        tick(f, loc);
        const i = pick(te(f), f);
        if (i < 0) return NORMAL;
        const c = fe(f, i);
        return c === BREAK ? NORMAL : c;
      },
      gv: null,
      js,
    };
  }
  const tg = test.gv;
  const fg = run.from.gv;
  return {
    ev: null,
    gv: function* (f) {
      tick(f, loc);
      const i = pick(tg ? yield* tg(f) : te!(f), f);
      if (i < 0) return NORMAL;
      const c = fg ? yield* fg(f, i) : fe!(f, i);
      return c === BREAK ? NORMAL : c;
    },
    js,
  };
}

// ----------------------------------------------------------------------------- declarations

function compileDecl(cx: FnCx, s: Extract<Stmt, { k: 'decl' }>): CStmt {
  const loc = cx.loc;
  const refuse = (why: string): never => {
    for (const d of s.decls) if (!cx.lookup(d.name)) cx.declare(d.name, UNRESOLVED, d.line); // no follow-up errors
    throw new CompileError(s.line, why);
  };
  if (s.storage.includes('static')) refuse('static local variables are not supported');
  if (s.storage.includes('extern')) refuse('extern declarations inside functions are not supported');
  if (s.decls.length === 0) {
    cx.ps.resolveType(s.spec, { k: 'abstract' }, s.line, cx); // `struct foo { ... };` inside a function
    return PLAIN_NORMAL;
  }
  const parts: CStmt[] = [];
  for (const d of s.decls) {
    let t: CType;
    try {
      t = cx.ps.resolveType(d.type.spec, d.type.decl, d.line, cx).t;
      if (t.k === 'func') throw new CompileError(d.line, `local function declaration \`${d.name}\` is not supported`);
    } catch (e) {
      // declare it anyway so that its uses do not report the same mistake again
      if (e instanceof CompileError && !cx.lookup(d.name)) cx.declare(d.name, UNRESOLVED, d.line);
      throw e;
    }
    const l = cx.declare(d.name, t, d.line);
    parts.push(declInit(cx, l, d.init, d.line));
  }
  const first = parts[0]!;
  const tickFirst = (c: CStmt): CStmt => {
    const e = c.ev;
    const js: Js = (g) => g.tick(loc) + g.s(c);
    if (e) return { ev: (f) => { tick(f, loc); return e(f); }, gv: null, js };
    const g = c.gv!;
    return { ev: null, gv: function* (f) { tick(f, loc); return yield* g(f); }, js };
  };
  if (parts.length === 1) return tickFirst(first);
  return tickFirst(runner(parts, null, []).whole);
}

function declInit(cx: FnCx, l: Local, init: import('./ast.js').Init | null, line: number): CStmt {
  const s = l.slot;
  if (l.kind === 'owned') {
    if (!init) return { ev: (f) => { reinit(f.v[s], 'uninit'); return NORMAL; }, gv: null, js: (g) => `${g.k(reinit)}(f.v[${s}], 'uninit');\n` };
    const filler = compileInitFiller(cx, l.t, init, line);
    const js: Js = (g) => (filler.js ? filler.js(g, `f.v[${s}]`) : fillerCall(g, filler, `f.v[${s}]`));
    const fe = filler.ev;
    if (fe) return { ev: (f) => { fe(f.v[s], f); return NORMAL; }, gv: null, js };
    const fg = filler.gv!;
    return { ev: null, gv: function* (f) { yield* fg(f.v[s], f); return NORMAL; }, js };
  }
  let value: CExpr | null = null;
  if (init) {
    let e = init;
    while (e.k === 'list') {
      if (e.items.length !== 1) throw new CompileError(line, `braced initialiser for scalar \`${l.name}\``);
      e = e.items[0]!.value;
    }
    value = convert(compileRvalue(cx, e.e), l.t, 'init', `initialiser of \`${l.name}\``);
  }
  const set =
    l.kind === 'cell'
      ? (f: Frame, v: Value) => {
          (f.v[s] as unknown as CellRegion).value = v;
        }
      : (f: Frame, v: Value) => {
          f.v[s] = v;
        };
  const into = (g: Gen, v: string) => (l.kind === 'cell' ? `f.v[${s}].value = ${v};\n` : `${g.local(s)} = ${v};\n`);
  if (!value) return { ev: (f) => { set(f, UNINIT); return NORMAL; }, gv: null, js: (g) => into(g, 'U') };
  const val = value;
  const js: Js = (g) => into(g, g.e(val));
  const ve = value.ev;
  if (ve) {
    if (l.kind === 'plain') return { ev: (f) => { f.v[s] = ve(f); return NORMAL; }, gv: null, js };
    return { ev: (f) => { set(f, ve(f)); return NORMAL; }, gv: null, js };
  }
  const vg = value.gv!;
  return { ev: null, gv: function* (f) { set(f, yield* vg(f)); return NORMAL; }, js };
}

/** A filler without an emitter: its closure on the object (it may read locals from the frame). */
function fillerCall(g: Gen, filler: Filler, o: string): string {
  g.fallbacks++;
  return filler.ev ? `${g.k(filler.ev)}(${o}, f);\n` : `yield* ${g.k(filler.gv)}(${o}, f);\n`;
}

function reinit(o: unknown, mode: 'zero' | 'uninit'): void {
  if (o instanceof LocalStruct) o.fill(mode);
  else if (o !== null && typeof o === 'object' && 'vals' in o) {
    const r = o as { vals: Value[] };
    for (let i = 0; i < r.vals.length; i++) {
      const v = r.vals[i];
      if (v instanceof LocalStruct) v.fill(mode);
      else r.vals[i] = UNINIT;
    }
  }
}

// ----------------------------------------------------------------------------- ({ ... })

/** GNU statement expression: the value of its last expression statement. */
export function compileStmtExpr(cx: FnCx, body: Stmt[], src: string, line: number): CExpr {
  cx.pushScope();
  try {
    const last = body[body.length - 1];
    const lead = last && last.k === 'expr' ? body.slice(0, -1) : body;
    const block = compileBlock(cx, lead, false);
    const value: CExpr | null = last && last.k === 'expr' ? compileRvalue(cx, last.e) : null;
    const t: CType = value ? value.t : { k: 'void' };
    const check = (c: number, f: Frame) => {
      if (c !== NORMAL) f.t.notModelled(`control flow leaving a statement expression at ${cx.file}:${line}`);
    };
    const be = block.ev;
    const ve = value ? value.ev : () => undefined;
    if (be && ve) return plainExpr(t, (f) => { check(be(f), f); return ve(f); }, src, line);
    const bg = block.gv;
    const vg = value ? value.gv : null;
    return genExpr(t, function* (f) {
      check(bg ? yield* bg(f) : be!(f), f);
      return vg ? yield* vg(f) : ve!(f);
    }, src, line);
  } finally {
    cx.popScope();
  }
}

