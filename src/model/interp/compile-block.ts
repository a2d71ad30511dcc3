// Statement lists and function bodies. A block's statements run by index, so that goto can
// jump forward and backward to any label of an enclosing block (a backward jump is a loop head:
// step, hook); a switch body is one such list entered at its case's index; a function body is
// one, with frame setup and its return value, as a single closure or a single generator.

import { UNINIT, type Blocked, type Value } from './api.js';
import type { FunctionDef, Stmt } from './ast.js';
import type { FuncType } from './ctypes.js';
import { CellRegion, LocalStruct, newValue, storageBytes } from './memory.js';
import { GOTO, NORMAL, RETURN, bug, stackAddr, tick, type Frame, type LoopSite, type SFn } from './runtime.js';
import type { FnCx, Local } from './fn-context.js';
import { declaratorName } from './lower.js';
import { compileStmt, type CStmt } from './compile-stmt.js';
import type { Gen } from './jsgen.js';

// ----------------------------------------------------------------------------- functions

export interface CompiledBody {
  run: ((f: Frame) => Value) | null;
  runGen: ((f: Frame) => Generator<Blocked, Value, void>) | null;
  /** The body as JavaScript statements (jsgen.ts): frame setup, statements, falling off the end. */
  emit: (g: Gen) => string;
}

/** Compile a function body with its parameters declared; errors are collected in cx.errors. */
export function compileFunctionBody(cx: FnCx, def: FunctionDef, type: FuncType): CompiledBody {
  const params = paramNames(def);
  const nParams = type.params.length;
  for (let i = 0; i < nParams; i++) {
    const name = params[i] ?? `__param${i}`;
    cx.declare(name, type.params[i]!, def.line);
  }
  cx.loc = cx.locAt(def.bodyLine);
  cx.pushScope();
  const labels = blockLabels(def.body);
  cx.blockLabels.push(labels);
  const block = compileItems(cx, def.body);
  cx.blockLabels.pop();
  cx.popScope();
  const owned: Local[] = cx.ownedLocals();
  const types = cx.ps.types;
  const fname = def.name;
  // frame setup: owned storage for struct/array locals and address-taken scalars, params wrapped
  const names = owned.map((l) => `local ${l.name} in ${fname}`);
  const init = owned.length === 0 ? null : (f: Frame) => {
    for (let i = 0; i < owned.length; i++) {
      const l = owned[i]!;
      const addr = stackAddr(f, l.off);
      const name = names[i]!;
      const passed = l.slot < nParams ? f.v[l.slot] : UNINIT;
      if (l.kind === 'cell') f.v[l.slot] = new CellRegion(name, l.t, storageBytes(l.t, types), addr, passed) as unknown as Value;
      else {
        const o = newValue(l.t, types, addr, name, 'uninit');
        if (l.slot < nParams && o instanceof LocalStruct) o.copyFrom(passed as LocalStruct, f.t);
        f.v[l.slot] = o as Value;
      }
    }
  };
  // C11 6.9.1p12: reaching the closing brace of a non-void function is undefined only if the
  // caller uses the value; a caller that discards it gets an indeterminate one (never read)
  const end = cx.locAt(def.endLine);
  const missing = `control reaches end of non-void function ${fname}() (${cx.file}:${def.endLine}) and the caller uses its value`;
  const fallOff: FallOff = type.ret.k === 'void' ? () => undefined : (f) => {
    if (f.discard) return UNINIT;
    f.loc = end;
    return bug(f, missing);
  };
  const r = runner(block.items, block.labelAt, block.labelSite, { init, fallOff });
  const emit = (g: Gen): string =>
    (init ? `${g.k(init)}(f);\n` : '') +
    g.items(block.items, block.labelAt, block.labelSite) +
    (type.ret.k === 'void' ? 'return undefined;\n' : `return ${g.k(fallOff)}(f);\n`);
  return { run: r.fnPlain, runGen: r.fnGen, emit };
}

function paramNames(def: FunctionDef): (string | null)[] {
  // the function declarator nearest the name carries the parameters
  let d = def.decl;
  let params: (string | null)[] = [];
  for (;;) {
    if (d.k === 'func') {
      if (d.of.k === 'name') {
        params = d.params.map((p) => declaratorName(p.decl));
        break;
      }
      d = d.of;
    } else if (d.k === 'ptr' || d.k === 'array') d = d.of;
    else break;
  }
  return params;
}

// ----------------------------------------------------------------------------- blocks

/** Labels that are direct statements of a block (through label chains). */
export function blockLabels(stmts: Stmt[]): Set<string> {
  const out = new Set<string>();
  for (let s of stmts) {
    while (s.k === 'label') {
      out.add(s.label);
      s = s.body;
    }
  }
  return out;
}

interface Items {
  items: CStmt[];
  labelAt: Map<string, number> | null;
  labelSite: LoopSite[];
}

/** Compile a statement list, flattening labels into an index table (no scope handling). */
function compileItems(cx: FnCx, stmts: Stmt[]): Items {
  const items: CStmt[] = [];
  const labelAt = new Map<string, number>();
  const labelSite: LoopSite[] = [];
  for (let s of stmts) {
    while (s.k === 'label') {
      labelAt.set(s.label, items.length);
      labelSite[items.length] = { id: `${cx.file}:${s.line}`, loc: cx.locAt(s.line), kind: 'goto' };
      s = s.body;
    }
    items.push(compileStmt(cx, s));
  }
  return { items, labelAt: labelAt.size ? labelAt : null, labelSite };
}

/** A statement list with its labels, flattened for index-based execution. */
export function compileBlock(cx: FnCx, stmts: Stmt[], scoped: boolean): CStmt {
  if (scoped) cx.pushScope();
  cx.blockLabels.push(blockLabels(stmts));
  try {
    const b = compileItems(cx, stmts);
    return runner(b.items, b.labelAt, b.labelSite).whole;
  } finally {
    cx.blockLabels.pop();
    if (scoped) cx.popScope();
  }
}

type FallOff = (f: Frame) => Value;
type FnExit = { init: ((f: Frame) => void) | null; fallOff: FallOff };

export interface Runner {
  whole: CStmt;
  from: { ev: ((f: Frame, i: number) => number) | null; gv: ((f: Frame, i: number) => Generator<Blocked, number, void>) | null };
  /** With `fn`: the function body itself (frame setup, return value), plain or generator. */
  fnPlain: ((f: Frame) => Value) | null;
  fnGen: ((f: Frame) => Generator<Blocked, Value, void>) | null;
}

/**
 * Index-based runner over compiled statements; `from(f, i)` starts at item i (switch). With
 * `fn`, it is also the function body: one closure (or one generator) per call, no wrapper.
 */
export function runner(items: CStmt[], labelAt: Map<string, number> | null, labelSite: LoopSite[], fn?: FnExit): Runner {
  const n = items.length;
  const init = fn?.init ?? null;
  const fallOff = fn?.fallOff;
  // jump handling shared by both shapes: returns the next index, or -1 to propagate
  const jump = (f: Frame, i: number): number => {
    const j = labelAt!.get(f.label!);
    if (j === undefined) return -1;
    f.label = null;
    if (j <= i) {
      const site = labelSite[j]!;
      tick(f, site.loc);
      if (f.m.loopHooked) f.m.loopHead(f, site);
    }
    return j;
  };
  if (items.every((s) => s.gv === null)) {
    const evs = items.map((s) => s.ev!);
    let from: (f: Frame, start: number) => number;
    if (!labelAt) {
      from = n === 1
        ? (f, i) => (i === 0 ? evs[0]!(f) : NORMAL)
        : (f, start) => {
            for (let i = start; i < n; i++) {
              const c = evs[i]!(f);
              if (c !== NORMAL) return c;
            }
            return NORMAL;
          };
    } else {
      from = (f, start) => {
        let i = start;
        while (i < n) {
          const c = evs[i]!(f);
          if (c === NORMAL) i++;
          else if (c === GOTO) {
            const j = jump(f, i);
            if (j < 0) return GOTO;
            i = j;
          } else return c;
        }
        return NORMAL;
      };
    }
    const whole: SFn = n === 1 && !labelAt ? evs[0]! : (f) => from(f, 0);
    return {
      whole: { ev: whole, gv: null, js: (g) => g.items(items, labelAt, labelSite) },
      from: { ev: from, gv: null },
      fnPlain: fn ? (f) => {
        if (init) init(f);
        return whole(f) === RETURN ? f.ret : fallOff!(f);
      } : null,
      fnGen: null,
    };
  }
  const from = function* (f: Frame, start: number): Generator<Blocked, number, void> {
    let i = start;
    while (i < n) {
      const s = items[i]!;
      let c: number;
      if (s.gx) {
        tick(f, s.loc!);
        yield* s.gx(f);
        c = NORMAL;
      } else c = s.gv ? yield* s.gv(f) : s.ev!(f);
      if (c === NORMAL) i++;
      else if (c === GOTO && labelAt) {
        const j = jump(f, i);
        if (j < 0) return GOTO;
        i = j;
      } else return c;
    }
    return NORMAL;
  };
  return {
    whole: { ev: null, gv: (f) => from(f, 0), js: (g) => g.items(items, labelAt, labelSite) },
    from: { ev: null, gv: from },
    fnPlain: null,
    // the same loop again, so that a call is one generator, not two
    fnGen: fn ? function* (f: Frame): Generator<Blocked, Value, void> {
      if (init) init(f);
      let i = 0;
      while (i < n) {
        const s = items[i]!;
        let c: number;
        if (s.gx) {
          tick(f, s.loc!);
          yield* s.gx(f);
          c = NORMAL;
        } else c = s.gv ? yield* s.gv(f) : s.ev!(f);
        if (c === NORMAL) i++;
        else if (c === GOTO && labelAt) {
          const j = jump(f, i);
          if (j < 0) break;
          i = j;
        } else return c === RETURN ? f.ret : fallOff!(f);
      }
      return fallOff!(f);
    } : null,
  };
}

