// A model thread: its frames and stack, and the ExecCtx builtins and hooks see; plus the
// read-only view of a frame's locals the loop-head hook gets.

import { Ptr, UNINIT, type AddressSpace, type Blocked, type CType, type HazardKind, type SourceLoc, type ThreadRef, type TraceEvent, type Value, type Waitable } from './api.js';
import { converter } from './ints.js';
import type { LocalsView, Machine, Verdict } from './machine.js';
import { ADDR, ArrayRegion, CellRegion, formatValue } from './memory.js';
import { invokeTarget, type CallTarget, type FnCode, type Frame, type ThreadCore } from './runtime.js';

export class Thread implements ThreadCore {
  readonly thread: ThreadRef;
  readonly frames: Frame[] = [];
  sp = 0;
  readonly stackBase: bigint;
  gen: Generator<Blocked, Value, void> | null = null;
  state: 'runnable' | 'blocked' | 'done' = 'runnable';
  value: Value = undefined;
  blockedOn: Waitable | null = null;

  constructor(
    readonly m: Machine,
    readonly id: number,
    readonly name: string,
  ) {
    this.thread = { id, name };
    this.stackBase = ADDR.stacks + BigInt(id) * ADDR.stackStride;
  }

  get mem(): AddressSpace {
    return this.m.mem;
  }
  get steps(): number {
    return this.m.steps;
  }
  stack(): string[] {
    return this.frames.map((f) => f.fn.name);
  }
  loc(): SourceLoc {
    const top = this.frames[this.frames.length - 1];
    return top ? top.loc : { file: '<runtime>', line: 0, function: '<runtime>' };
  }
  hazard(kind: HazardKind, detail: string): void {
    this.m.addHazard(this, kind, detail);
  }
  trace(ev: TraceEvent): void {
    this.m.pushTrace(ev);
  }
  bug(message: string): never {
    throw this.m.end('bug', message, this);
  }
  notModelled(what: string): never {
    throw this.m.end('error', what, this);
  }
  endRun(verdict: Verdict, detail: string): never {
    throw this.m.end(verdict, detail, this);
  }
  setVerdict(verdict: Verdict, detail: string): void {
    this.m.marked = { verdict, detail };
  }
  *call(fn: string | Ptr, args: Value[]): Generator<Blocked, Value, void> {
    const tgt = this.m.resolveTarget(fn, this);
    const ft = tgt.kind === 'model' ? tgt.fn.type : tgt.kind === 'builtin' ? tgt.type : null;
    if (ft && (args.length < ft.params.length || (!ft.variadic && args.length > ft.params.length))) {
      return this.notModelled(`${typeof fn === 'string' ? fn : formatValue(fn)}() takes ${ft.params.length} argument(s), ${args.length} given`);
    }
    const r = yield* invokeTarget(this, tgt, coerceArgs(tgt, args));
    // The runtime computes with what it gets: an indeterminate int or pointer ends the run here,
    // as a C-level fault, rather than as a JavaScript TypeError inside the runtime.
    if (r === UNINIT && tgt.kind === 'model' && (tgt.fn.type.ret.k === 'int' || tgt.fn.type.ret.k === 'ptr')) {
      const f = tgt.fn;
      return this.bug(`${f.name}() (${f.file}:${f.line}) returns an uninitialised value, and its caller in the runtime uses it`);
    }
    return r;
  }
  preemptPoint(op: string, args: readonly unknown[]): Blocked | null {
    return this.m.preempting ? this.m.preemptAt(this, op, args, false) : null;
  }
  callSync(fn: string | Ptr, args: Value[]): Value {
    const it = this.call(fn, args);
    const step = it.next();
    if (!step.done) return this.notModelled(`${typeof fn === 'string' ? fn : 'function pointer'} blocked inside callSync`);
    return step.value;
  }
}

function coerceArgs(tgt: CallTarget, args: Value[]): Value[] {
  const params = tgt.kind === 'model' ? tgt.fn.type.params : tgt.kind === 'builtin' ? tgt.type.params : [];
  return args.map((v, i) => (params[i] ? coerceValue(v, params[i]!) : v));
}

/**
 * TypeScript callers may pass 5 for an `unsigned long`. A value TypeScript made (a fault injector's -EFAULT, false, NULL) in the representation of C
 * type `t`: integers converted (number up to 32 bits, bigint for 64), booleans as 0/1.
 */
export function coerceValue(v: Value, t: CType): Value {
  if (t.k !== 'int' || v === UNINIT) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return converterOf(t)(v);
  if (typeof v === 'boolean') return converterOf(t)(v ? 1 : 0);
  return v;
}

const converters = new WeakMap<CType, (v: number | bigint) => number | bigint>();
function converterOf(t: Extract<CType, { k: 'int' }>): (v: number | bigint) => number | bigint {
  let c = converters.get(t);
  if (!c) converters.set(t, (c = converter(t)));
  return c;
}

/** The locals of a frame, for the loop-head hook. */
/** Unique local names of a function (a shadowed name gets `#2`), computed once per function. */
const localTables = new WeakMap<(string | null)[], { names: string[]; slots: number[]; bySlot: Map<string, number> }>();
function localTable(fn: FnCode): { names: string[]; slots: number[]; bySlot: Map<string, number> } {
  let t = localTables.get(fn.localNames);
  if (t) return t;
  const seen = new Map<string, number>();
  t = { names: [], slots: [], bySlot: new Map() };
  fn.localNames.forEach((n, slot) => {
    if (n === null) return;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    const name = k === 1 ? n : `${n}#${k}`;
    t!.names.push(name);
    t!.slots.push(slot);
    t!.bySlot.set(name, slot);
  });
  localTables.set(fn.localNames, t);
  return t;
}

function localValue(v: unknown): Value {
  if (v instanceof CellRegion) return v.value;
  if (v instanceof ArrayRegion) return new Ptr(v, 0);
  return v as Value;
}

/** The locals of a frame for the loop-head hook: declared so far (not-yet-reached ones skipped). */
export class FrameView implements LocalsView {
  private readonly t: { names: string[]; slots: number[]; bySlot: Map<string, number> };
  constructor(private readonly f: Frame) {
    this.t = localTable(f.fn);
  }
  get function(): string {
    return this.f.fn.name;
  }
  get names(): string[] {
    return this.t.names.filter((_n, i) => this.f.v[this.t.slots[i]!] !== undefined);
  }
  get(name: string): Value | undefined {
    const s = this.t.bySlot.get(name);
    if (s === undefined || this.f.v[s] === undefined) return undefined;
    return localValue(this.f.v[s]);
  }
  values(): Value[] {
    const out: Value[] = [];
    const { slots } = this.t;
    const v = this.f.v;
    for (let i = 0; i < slots.length; i++) {
      const x = v[slots[i]!];
      if (x !== undefined) out.push(localValue(x));
    }
    return out;
  }
  entries(): [string, Value][] {
    const out: [string, Value][] = [];
    const { names, slots } = this.t;
    const v = this.f.v;
    for (let i = 0; i < names.length; i++) {
      const x = v[slots[i]!];
      if (x !== undefined) out.push([names[i]!, localValue(x)]);
    }
    return out;
  }
}

