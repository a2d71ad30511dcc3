// What compiled closures run on: frames, completion codes, the run-ending exception, and the
// small helpers every closure uses (step ticks, pointer loads/stores, truthiness). The Machine
// (machine.ts) implements MachineCore/ThreadCore; compiled code sees only these interfaces.

import { Ptr, UNINIT, type Blocked, type Builtin, type ExecCtx, type SourceLoc, type Value } from './api.js';
import type { FuncType } from './ctypes.js';
import { ArrayRegion, FunctionRegion, LocalStruct, killRegion } from './memory.js';

// Statement completions (numbers, not an enum, so closures compare small ints).
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export const GOTO = 4;

export type Ev = (f: Frame) => Value;
export type GenEv = (f: Frame) => Generator<Blocked, Value, void>;
export type SFn = (f: Frame) => number;
export type SGen = (f: Frame) => Generator<Blocked, number, void>;

/** A compiled model function: what a direct call or a function pointer reaches. */
export interface FnCode {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
  readonly isStatic: boolean;
  type: FuncType;
  loc: SourceLoc;
  nSlots: number;
  /** Slot -> local name (parameters first), for loop-head views. */
  localNames: (string | null)[];
  /** Slots holding interpreter-owned storage (structs, arrays, address-taken scalars). */
  ownedSlots: number[];
  frameBytes: number;
  /** Compiled to a generator (it may block); set by the may-block fixpoint. */
  mayBlock: boolean;
  run: ((f: Frame) => Value) | null;
  runGen: ((f: Frame) => Generator<Blocked, Value, void>) | null;
  /** Non-null when the function failed to compile: calling it ends the run with `error`. */
  trap: string | null;
  region: FunctionRegion;
}

export interface BuiltinTarget {
  kind: 'builtin';
  name: string;
  b: Builtin;
  type: FuncType;
  blocking: boolean;
  region: FunctionRegion;
  /** Checks a returned value against the prototype; returns it (bools coerced) or throws. */
  checkRet: (v: unknown, t: ThreadCore) => Value;
}

/** A function the model only has a prototype for (or nothing): calling it ends the run with `error`. */
export interface MissingTarget {
  kind: 'missing';
  name: string;
  region: FunctionRegion;
}

export type CallTarget = { kind: 'model'; fn: FnCode } | BuiltinTarget | MissingTarget;

/** Where a loop head or backward goto is, for the loop-head hook. */
export interface LoopSite {
  /** Stable id: `file:line` of the loop statement or label. */
  id: string;
  loc: SourceLoc;
  kind: 'for' | 'while' | 'do' | 'goto';
}

/** A place in model code where something is recorded at most once per run (WARN_ONCE, hazards). */
export interface Site {
  loc: SourceLoc;
  what: string;
}

export interface MachineCore {
  steps: number;
  /** checkpoint() runs when `steps` reaches this (budget, periodic step hook). */
  checkAt: number;
  checkpoint(f: Frame): void;
  readonly loopHooked: boolean;
  loopHead(f: Frame, site: LoopSite): void;
  /** Model calls are reported (hooks or call tracing). */
  readonly callHooked: boolean;
  /** Builtin calls are reported. */
  readonly builtinHooked: boolean;
  /** A fault injector is offered some calls (MachineOptions.intercept). */
  readonly intercepting: boolean;
  interceptBuiltin(t: ThreadCore, b: BuiltinTarget, vals: Value[]): { value: Value } | null;
  /** A schedule explorer may pause threads before some calls (MachineOptions.preempt). */
  readonly preempting: boolean;
  preemptAt(t: ThreadCore, op: string, args: readonly unknown[], builtin: boolean): Blocked | null;
  onCall(t: ThreadCore, name: string, kind: 'model' | 'builtin', args: Value[]): void;
  /** onCall for a model function whose arguments are in the new frame's first slots. */
  onCallFrame(t: ThreadCore, nf: Frame): void;
  onReturn(t: ThreadCore, name: string, kind: 'model' | 'builtin', value: Value): void;
  readonly maxDepth: number;
  readonly stackBytes: number;
  /** Global variables: each a Region (CellRegion, ArrayRegion) or a LocalStruct. */
  readonly globals: unknown[];
  hazardAt(t: ThreadCore, site: Site, kind: string, detail: string, once: boolean): void;
  /** Integer -> pointer: model stacks first, then the run's AddressSpace (wild if nothing there). */
  ptrAt(addr: bigint, elem: import('./api.js').CType): Ptr;
  /** Model memory for interpreter-made objects (compound literals), counted against the budget. */
  allocate(bytes: number): bigint;
  overBudget(which: 'steps' | 'call-depth' | 'memory', detail: string): never;
}

export interface ThreadCore extends ExecCtx {
  readonly m: MachineCore;
  readonly frames: Frame[];
  /** Bytes of this thread's stack in use, and the stack's base address. */
  sp: number;
  readonly stackBase: bigint;
}

export class Frame {
  readonly v: Value[];
  loc: SourceLoc;
  ret: Value = undefined;
  /** Pending goto target while a GOTO completion unwinds to the block holding the label. */
  label: string | null = null;
  sp = 0;
  /** The caller discards the value (`f(x);`, `(void)f(x);`): falling off a non-void body is then no use. */
  discard = false;
  readonly m: MachineCore;
  constructor(
    readonly fn: FnCode,
    readonly t: ThreadCore,
  ) {
    this.v = new Array(fn.nSlots);
    this.loc = fn.loc;
    this.m = t.m;
  }
}

/** Ends a run. Thrown through compiled code and generators up to the scheduler. */
export class RunEnd {
  constructor(
    readonly verdict: string,
    readonly detail: string,
    readonly thread: string | null,
    readonly stack: StackEntry[],
    readonly extra: Record<string, unknown> = {},
  ) {}
}

export interface StackEntry {
  function: string;
  file: string;
  line: number;
}

// ----------------------------------------------------------------------------- helpers

/** One executed statement: position for messages, step count, budget/hook check. */
export function tick(f: Frame, loc: SourceLoc): void {
  f.loc = loc;
  const m = f.m;
  if (++m.steps >= m.checkAt) m.checkpoint(f);
}

/** Push a frame made by `new Frame` (its arguments already in its slots). */
export function pushFrame(nf: Frame): void {
  const t = nf.t;
  const fn = nf.fn;
  if (t.frames.length >= t.m.maxDepth) {
    t.frames.push(nf);
    t.m.overBudget('call-depth', `call depth ${t.m.maxDepth} exceeded calling ${fn.name}()`);
  }
  if (fn.frameBytes !== 0) {
    nf.sp = t.sp;
    t.sp += fn.frameBytes;
    if (t.sp > t.m.stackBytes) {
      t.frames.push(nf);
      t.m.overBudget('memory', `thread ${t.thread.name}: stack of ${t.m.stackBytes} bytes exhausted in ${fn.name}()`);
    }
  }
  t.frames.push(nf);
  if (t.m.callHooked) t.m.onCallFrame(t, nf);
}

export function popFrame(nf: Frame, value: Value): void {
  const t = nf.t;
  const fn = nf.fn;
  if (fn.ownedSlots.length !== 0) {
    for (const s of fn.ownedSlots) {
      const o = nf.v[s] as unknown;
      if (o instanceof LocalStruct) o.kill();
      else if (o instanceof ArrayRegion || (o !== undefined && o !== null && typeof o === 'object' && 'dead' in o)) killRegion(o as ArrayRegion);
    }
    t.sp = nf.sp;
  }
  t.frames.pop();
  if (t.m.callHooked) t.m.onReturn(t, fn.name, 'model', value);
}

/** Address of a stack object at `off` bytes into frame `f`'s area. */
export function stackAddr(f: Frame, off: number): bigint {
  return f.t.stackBase + BigInt(f.sp + off);
}

export function bug(f: Frame, message: string): never {
  return f.t.bug(message);
}

/** Load through a pointer with the checks C does not make but the kernel's oops does. */
export function loadPtr(f: Frame, p: Value, what: string): Value {
  if (p instanceof Ptr) {
    const r = p.region;
    if (p.byteOffset !== 0) return bug(f, `misaligned or tagged pointer dereference: ${what} is ${r.name}+${p.byteOffset}`);
    if (p.index < 0 || p.index >= r.length) return bug(f, `out-of-bounds access: ${what} is ${r.name}[${p.index}] (length ${r.length})`);
    return r.load(p.index, f.t);
  }
  if (p === null) return bug(f, `NULL pointer dereference: ${what}`);
  return bug(f, `dereference of an uninitialised pointer: ${what}`);
}

export function storePtr(f: Frame, p: Value, v: Value, what: string): void {
  if (p instanceof Ptr) {
    const r = p.region;
    if (p.byteOffset !== 0) bug(f, `misaligned or tagged pointer store: ${what} is ${r.name}+${p.byteOffset}`);
    if (p.index < 0 || p.index >= r.length) bug(f, `out-of-bounds store: ${what} is ${r.name}[${p.index}] (length ${r.length})`);
    r.store(p.index, v, f.t);
    return;
  }
  if (p === null) bug(f, `NULL pointer dereference (store): ${what}`);
  bug(f, `store through an uninitialised pointer: ${what}`);
}

/** The call target a function pointer value designates. */
export function targetOf(f: Frame, p: Value, what: string): CallTarget {
  if (p instanceof Ptr && p.region instanceof FunctionRegion && p.index === 0 && p.byteOffset === 0) {
    return p.region.target as CallTarget;
  }
  if (p === null) return bug(f, `call through NULL function pointer: ${what}`);
  if (p === UNINIT) return bug(f, `call through uninitialised function pointer: ${what}`);
  return bug(f, `call through a pointer that is not a function: ${what}`);
}

export function ptrEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof Ptr) {
    if (b instanceof Ptr) {
      if (a.region === b.region) return a.index === b.index && a.byteOffset === b.byteOffset;
      return a.address === b.address;
    }
    return false;
  }
  return false;
}

/** Pointer as an unsigned 64-bit address (NULL is 0). */
export function ptrToInt(p: Value): bigint {
  if (p === null) return 0n;
  return BigInt.asUintN(64, (p as Ptr).address);
}

// ----------------------------------------------------------------------------- calls

export function isIterator(r: unknown): r is Generator<Blocked, unknown, void> {
  return r !== null && typeof r === 'object' && typeof (r as { next?: unknown }).next === 'function' && typeof (r as { throw?: unknown }).throw === 'function';
}

/** fn(ctx, ...vals) without a spread for the common arities. */
function apply(b: BuiltinTarget, t: ThreadCore, v: Value[]): unknown {
  const fn = b.b.fn;
  switch (v.length) {
    case 0:
      return fn(t);
    case 1:
      return fn(t, v[0]);
    case 2:
      return fn(t, v[0], v[1]);
    case 3:
      return fn(t, v[0], v[1], v[2]);
    case 4:
      return fn(t, v[0], v[1], v[2], v[3]);
    default:
      return fn(t, ...v);
  }
}

/** Call a builtin that may block (or whose shape is unknown). */
export function* callBuiltinGen(t: ThreadCore, b: BuiltinTarget, vals: Value[]): Generator<Blocked, Value, void> {
  const hooked = t.m.builtinHooked;
  if (hooked) {
    if (t.m.preempting) {
      const p = t.m.preemptAt(t, b.name, vals, true);
      if (p) yield p;
    }
    t.m.onCall(t, b.name, 'builtin', vals);
    if (t.m.intercepting) {
      const x = t.m.interceptBuiltin(t, b, vals);
      if (x) return finishBuiltin(t, b, x.value);
    }
  }
  let r: unknown = apply(b, t, vals);
  if (isIterator(r)) r = yield* r;
  const v = b.checkRet(r, t);
  if (hooked) t.m.onReturn(t, b.name, 'builtin', v);
  return v;
}

/** Call a non-blocking builtin. A generator it returns anyway must finish without yielding. */
export function callBuiltinPlain(t: ThreadCore, b: BuiltinTarget, vals: Value[]): Value {
  const hooked = t.m.builtinHooked;
  if (hooked) {
    t.m.onCall(t, b.name, 'builtin', vals);
    if (t.m.intercepting) {
      const x = t.m.interceptBuiltin(t, b, vals);
      if (x) return finishBuiltin(t, b, x.value);
    }
  }
  let r: unknown = apply(b, t, vals);
  if (isIterator(r)) {
    const step = r.next();
    if (!step.done) return t.notModelled(`builtin ${b.name}() blocked, but it is not declared blocking`);
    r = step.value;
  }
  const v = b.checkRet(r, t);
  if (hooked) t.m.onReturn(t, b.name, 'builtin', v);
  return v;
}

/** The value an injector gave instead of calling the builtin, checked and reported as its return. */
function finishBuiltin(t: ThreadCore, b: BuiltinTarget, value: Value): Value {
  const v = b.checkRet(value, t);
  t.m.onReturn(t, b.name, 'builtin', v);
  return v;
}

/**
 * Call any target with already-converted argument values (function pointers, ExecCtx.call).
 * `discard`: the model caller ignores the value; a runtime caller always uses it.
 */
export function* invokeTarget(t: ThreadCore, tgt: CallTarget, vals: Value[], discard = false): Generator<Blocked, Value, void> {
  if (tgt.kind === 'model') {
    const fn = tgt.fn;
    const nf = new Frame(fn, t);
    nf.discard = discard;
    const n = Math.min(vals.length, fn.type.params.length);
    for (let i = 0; i < n; i++) nf.v[i] = vals[i];
    pushFrame(nf);
    const r = fn.run !== null ? fn.run(nf) : yield* fn.runGen!(nf);
    popFrame(nf, r);
    return r;
  }
  if (tgt.kind === 'builtin') return yield* callBuiltinGen(t, tgt, vals);
  return t.notModelled(`calls \`${tgt.name}()\`, which the model does not have`);
}
