// JavaScript generation: each model function becomes one JavaScript function (a generator only
// when it may block), made once per compile with `new Function`, instead of a tree of closures
// walked per statement. The closure compiler stays the reference: every compiled node keeps its
// closure, and nodes that can also say what they do as JavaScript source carry a `js` emitter
// (CExpr.js, Cond.js, CStmt.js, Place.jsLoad ...). A node without one runs its closure from the
// generated code; a function with such a node keeps its locals in the frame (`f.v[i]`, where
// closures read them), one without keeps them in JavaScript variables and writes them to the
// frame only where the runtime can look (loop-head hooks). Statement ticks, loop heads, hooks and
// the order of evaluation are the closures', so step counts, budgets and traces are the same.

import { Ptr, UNINIT, type SourceLoc, type Value } from './api.js';
import { LocalStruct } from './memory.js';
import type { CExpr } from './cexpr.js';
import type { Cond } from './compile-ops.js';
import type { CStmt } from './compile-stmt.js';
import * as rt from './runtime.js';
import type { LoopSite } from './runtime.js';

/** Emits a JavaScript expression, statement list or boolean, given the generator context. */
export type Js = (g: Gen) => string;

/** An enclosing statement list with labels: where a goto to one of them jumps. */
interface LabelBlock {
  /** JavaScript label of the `for (;;)` that dispatches on `pc`. */
  label: string;
  pc: string;
  labelAt: Map<string, number>;
  sites: LoopSite[];
  /** Index of the item being emitted (a goto from inside it to an index <= this is backward). */
  cur: number;
}

/** Names the generated code has in scope besides its constants (RUNTIME, below). */
const RT_NAMES = ['U', 'Ptr', 'LocalStruct', 'Frame', 'pushFrame', 'popFrame', 'loadPtr', 'storePtr', 'ptrEquals', 'ptrToInt', 'callBuiltinGen', 'callBuiltinPlain', 'invokeTarget', 'targetOf', 'isIterator'] as const;

export class Gen {
  private readonly consts: unknown[] = [];
  private readonly constIds = new Map<unknown, number>();
  private nTmp = 0;
  private nLabel = 0;
  /** Nodes that ran as closures (each may read or write locals through the frame). */
  fallbacks = 0;
  /** Enclosing break targets (JavaScript labels), innermost last. */
  readonly breaks: string[] = [];
  /** Enclosing continue targets: the label of the block whose end is the loop's update. */
  readonly conts: string[] = [];
  readonly blocks: LabelBlock[] = [];

  constructor(
    /** Emitting a generator function (`yield*` is allowed). */
    readonly gen: boolean,
    /** Plain locals live in JavaScript variables `v<slot>` (false: in `f.v[slot]`). */
    readonly vars: boolean,
    /** Slots of plain (not address-taken, not aggregate) locals, parameters included. */
    readonly plainSlots: readonly number[],
  ) {}

  /** A compile-time constant (closure, object, bigint) the generated code refers to. */
  k(v: unknown): string {
    let i = this.constIds.get(v);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(v);
      this.constIds.set(v, i);
    }
    return `k${i}`;
  }

  /** A fresh temporary (declared at the top of the function). */
  tmp(): string {
    return `t${this.nTmp++}`;
  }

  label(prefix: string): string {
    return `${prefix}${this.nLabel++}`;
  }

  /** A plain local's storage. */
  local(slot: number): string {
    return this.vars ? `v${slot}` : `f.v[${slot}]`;
  }

  /** A literal for a constant value. */
  lit(v: Value): string {
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : v < 0 ? `(${v})` : String(v);
    if (typeof v === 'bigint') return v < 0n ? `(${v}n)` : `${v}n`;
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (v === UNINIT) return 'U';
    return this.k(v);
  }

  /** The value of an expression. */
  e(c: CExpr): string {
    if (c.konst) return this.lit(c.kv);
    if (c.js) return c.js(this);
    this.fallbacks++;
    if (c.ev) return `${this.k(c.ev)}(f)`;
    return `(yield* ${this.k(c.gv)}(f))`;
  }

  /** A condition as a JavaScript boolean. */
  cond(c: Cond): string {
    if (c.konst !== null) return c.konst ? 'true' : 'false';
    if (c.js) return c.js(this);
    this.fallbacks++;
    if (c.ev) return `${this.k(c.ev)}(f)`;
    return `(yield* ${this.k(c.gv)}(f))`;
  }

  /** Statements. A statement without an emitter runs its closure and acts on its completion. */
  s(st: CStmt): string {
    if (st.js) return st.js(this);
    this.fallbacks++;
    const c = this.tmp();
    const call = st.ev ? `${this.k(st.ev)}(f)` : `(yield* ${this.k(st.gv)}(f))`;
    return `${c} = ${call}; if (${c} !== 0) { ${this.completion(c)} }\n`;
  }

  /** Act on a completion code held in `c` (not NORMAL): break, continue, return or goto. */
  private completion(c: string): string {
    const brk = this.breaks[this.breaks.length - 1];
    const cont = this.conts[this.conts.length - 1];
    let out = '';
    if (brk) out += `if (${c} === 1) break ${brk}; `;
    if (cont) out += `if (${c} === 2) break ${cont}; `;
    out += `if (${c} === 3) return f.ret; `;
    // a goto: the innermost enclosing block with the label (as the closures' runners look)
    out += `if (${c} === 4) { switch (f.label) { `;
    const seen = new Set<string>();
    for (let b = this.blocks.length - 1; b >= 0; b--) {
      const blk = this.blocks[b]!;
      for (const [name, j] of blk.labelAt) {
        if (seen.has(name)) continue;
        seen.add(name);
        out += `case ${JSON.stringify(name)}: f.label = null; ${j <= blk.cur ? this.backJump(blk.sites[j]!) : ''}${blk.pc} = ${j}; continue ${blk.label}; `;
      }
    }
    out += '} }';
    return out;
  }

  /** A statement tick: position, step count, budget and step-hook check. */
  tick(loc: SourceLoc): string {
    return `f.loc = ${this.k(loc)}; if (++m.steps >= m.checkAt) m.checkpoint(f);\n`;
  }

  /** The loop-head hook, with the locals written back where the hook reads them. */
  loopHead(site: LoopSite): string {
    return `if (m.loopHooked) { ${this.sync()}m.loopHead(f, ${this.k(site)}); }\n`;
  }

  /** A backward jump's tick and loop head (at the label's site). */
  backJump(site: LoopSite): string {
    return this.tick(site.loc) + this.loopHead(site);
  }

  /** Write JavaScript-held locals to the frame. */
  sync(): string {
    if (!this.vars) return '';
    return this.plainSlots.map((s) => `f.v[${s}] = v${s}; `).join('');
  }

  /** `goto label`: jump to the innermost enclosing block that has it. */
  goto(name: string): string {
    for (let b = this.blocks.length - 1; b >= 0; b--) {
      const blk = this.blocks[b]!;
      const j = blk.labelAt.get(name);
      if (j === undefined) continue;
      return `${j <= blk.cur ? this.backJump(blk.sites[j]!) : ''}${blk.pc} = ${j}; continue ${blk.label};\n`;
    }
    // the compiler checked that an enclosing block has the label
    throw new Error(`internal: goto ${name} has no enclosing block`);
  }

  /**
   * Emit a statement list (a block, a switch body, a function body) with its labels. With labels
   * or a start index (a switch), the list is a `for (;;) switch (pc)` so that goto can enter it
   * anywhere; `label` names that loop when the caller needs it as a break target.
   */
  items(items: CStmt[], labelAt: Map<string, number> | null, sites: LoopSite[], start: string | null = null, label: string | null = null): string {
    if (!labelAt && start === null) return items.map((s) => this.s(s)).join('');
    const lbl = label ?? this.label('b');
    const pc = start ?? this.tmp();
    const blk: LabelBlock = { label: lbl, pc, labelAt: labelAt ?? new Map(), sites, cur: 0 };
    this.blocks.push(blk);
    let body = '';
    for (let i = 0; i < items.length; i++) {
      blk.cur = i;
      body += `case ${i}: {\n${this.s(items[i]!)}}\n`;
    }
    this.blocks.pop();
    return `${start === null ? `${pc} = 0;\n` : ''}${lbl}: for (;;) { switch (${pc}) {\n${body}} break; }\n`;
  }

  /** The function's source: `(K, R) => function`. */
  source(name: string, body: string): string {
    const params = this.vars ? this.plainSlots.map((s) => `v${s}`) : [];
    const temps = Array.from({ length: this.nTmp }, (_, i) => `t${i}`);
    const decl = [...params, ...temps];
    const consts = this.consts.map((_, i) => `k${i} = K[${i}]`);
    return (
      `"use strict";\n` +
      `const { ${RT_NAMES.join(', ')} } = R;\n` +
      (consts.length ? `const ${consts.join(', ')};\n` : '') +
      `return function${this.gen ? '*' : ''} ${jsName(name)}(f) {\n` +
      `const m = f.m;\n` +
      (decl.length ? `let ${decl.join(', ')};\n` : '') +
      (this.vars ? this.loadParams() : '') +
      body +
      `};\n`
    );
  }

  private paramCount = 0;
  /** Parameters (slots 0..n-1) arrive in the frame. */
  setParams(n: number): void {
    this.paramCount = n;
  }
  private loadParams(): string {
    return this.plainSlots.filter((s) => s < this.paramCount).map((s) => `v${s} = f.v[${s}]; `).join('') + '\n';
  }

  /**
   * Evaluate the source into the function. Factories are shared by source text: a function a
   * variant does not change has the same source in the base's and the variant's program, so
   * both get closures of one function literal, and what V8 learnt and compiled running the one
   * serves the other (constants differ per program and are passed in).
   */
  build<T>(name: string, body: string): T {
    const src = this.source(name, body);
    let factory = factories.get(src) as ((k: unknown[], r: typeof RUNTIME) => T) | undefined;
    if (!factory) {
      factory = new Function('K', 'R', src) as (k: unknown[], r: typeof RUNTIME) => T;
      if (factories.size >= MAX_FACTORIES) factories.clear();
      factories.set(src, factory);
    }
    return factory(this.consts, RUNTIME);
  }
}

/** Generated factories by source text, for the process (bounded: variants add a few each). */
const factories = new Map<string, Function>();
const MAX_FACTORIES = 4096;

/** A JavaScript identifier from a C function name (for stack traces of internal errors). */
function jsName(name: string): string {
  return `c_${name.replace(/[^A-Za-z0-9_$]/g, '_')}`;
}

const RUNTIME = {
  U: UNINIT,
  Ptr,
  LocalStruct,
  Frame: rt.Frame,
  pushFrame: rt.pushFrame,
  popFrame: rt.popFrame,
  loadPtr: rt.loadPtr,
  storePtr: rt.storePtr,
  ptrEquals: rt.ptrEquals,
  ptrToInt: rt.ptrToInt,
  callBuiltinGen: rt.callBuiltinGen,
  callBuiltinPlain: rt.callBuiltinPlain,
  invokeTarget: rt.invokeTarget,
  targetOf: rt.targetOf,
  isIterator: rt.isIterator,
};

