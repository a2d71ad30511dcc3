// Running a compiled program: a Machine holds one run's state (globals, memory, threads, hazards,
// trace, budgets, hooks) and a deterministic scheduler. Threads run round robin in the order
// given and switch only when one blocks (a blocking builtin yields a Blocked) or finishes. When
// no thread can go on and some are blocked, the run ends with `deadlock` and the wait chain.
// No wall clock, no randomness: the same program and inputs give the same run.

import { Ptr, type AddressSpace, type Blocked, type CType, type ExecCtx, type Hazard, type HazardKind, type SourceLoc, type ThreadRef, type TraceEvent, type Value, type Waitable } from './api.js';
import type { ProgramCompiler } from './compiler.js';
import { ADDR, ArrayRegion, CellRegion, DefaultAddressSpace, FunctionRegion, LocalStruct, formatValue, newValue, storageBytes, wildPtr, zeroScalar } from './memory.js';
import { Thread, FrameView, coerceValue } from './thread.js';
import { Frame, RunEnd, type BuiltinTarget, type CallTarget, type FnCode, type LoopSite, type MachineCore, type Site, type StackEntry, type ThreadCore } from './runtime.js';

export interface Budgets {
  /** Statements executed (loop iterations and backward gotos count too). */
  steps: number;
  /** Model call depth per thread. */
  callDepth: number;
  /** Bytes of model locals per thread stack. */
  stackBytes: number;
  /** Bytes allocated through the AddressSpace during the run (runtime objects included). */
  memoryBytes: number;
  /** Regions registered in the AddressSpace during the run. */
  regions: number;
}

export const DEFAULT_BUDGETS: Budgets = {
  steps: 10_000_000,
  callDepth: 256,
  stackBytes: 1 << 20,
  memoryBytes: 256 << 20,
  regions: 1_000_000,
};

/** Read-only view of a frame's locals for the loop-head hook (values are not copied). */
export interface LocalsView {
  readonly function: string;
  /** Names of the locals declared so far, parameters first (a shadowed name gets `#2`). */
  readonly names: readonly string[];
  get(name: string): Value | undefined;
  entries(): [string, Value][];
  /** The values of entries(), in the same order. */
  values(): Value[];
}

export interface LoopHead {
  /** Stable id: `file:line` of the loop statement, or of the label a backward goto jumps to. */
  id: string;
  kind: 'for' | 'while' | 'do' | 'goto';
  loc: SourceLoc;
  thread: string;
  locals: LocalsView;
  /** Other threads that could run now (runnable, or blocked on something ready): none means alone. */
  othersRunnable: string[];
}

/** A LoopHead: what the hook does not read is not computed (locals view, other threads). */
class LoopHeadAt implements LoopHead {
  readonly id: string;
  readonly kind: LoopSite['kind'];
  readonly loc: SourceLoc;
  readonly thread: string;
  private view: FrameView | null = null;
  constructor(
    private readonly f: Frame,
    site: LoopSite,
    private readonly threads: readonly Thread[],
  ) {
    this.id = site.id;
    this.kind = site.kind;
    this.loc = site.loc;
    this.thread = f.t.thread.name;
  }
  get locals(): LocalsView {
    return (this.view ??= new FrameView(this.f));
  }
  get othersRunnable(): string[] {
    const me = this.f.t;
    return this.threads.filter((t) => t !== me && (t.state === 'runnable' || (t.state === 'blocked' && t.blockedOn!.ready()))).map((t) => t.name);
  }
}

/** Steps between memory-budget checks. */
const POLL_EVERY = 1 << 16;

export interface RunHooks {
  /** Every model function and builtin call (cheap when absent). */
  onCall?(ctx: ExecCtx, fn: string, kind: 'model' | 'builtin', args: readonly Value[]): void;
  onReturn?(ctx: ExecCtx, fn: string, kind: 'model' | 'builtin', value: Value): void;
  /** Head of every loop iteration and every backward goto. May end the run or set a verdict. */
  onLoopHead?(ctx: ExecCtx, head: LoopHead): void;
  /** Called every `every` steps. */
  onSteps?: { every: number; fn(steps: number, ctx: ExecCtx | null): void };
  onHazard?(h: Hazard): void;
  onTrace?(ev: TraceEvent): void;
}

/**
 * Calls offered to a fault injector before they run (MachineOptions.intercept). Only the named
 * functions are offered; with no intercept every call takes its usual path, at no cost.
 */
export interface CallIntercept {
  /** Model functions and builtins whose calls are offered. */
  names: ReadonlySet<string>;
  /**
   * Before a call of one of them, with its arguments in the parameters' representations. May
   * rewrite `args` in place (the call then runs with them: a smaller request), or return
   * `{ value }`: the call does not run and returns `value` (converted to the return type).
   */
  call(ctx: ExecCtx, fn: string, kind: 'model' | 'builtin', args: Value[]): { value: Value } | null;
}

/**
 * Where a schedule explorer may switch threads (MachineOptions.preempt): before a call of one of
 * the named builtins, and where runtime code asks (ExecCtx.preemptPoint). A builtin pauses only
 * where the program calls it on a generator path: the explorer compiles the program with these
 * builtins declared blocking.
 */
export interface PreemptHook {
  names: ReadonlySet<string>;
  /**
   * Before operation `op` (a builtin's name, or what runtime code names) with `args`: true pauses
   * the thread here, and the scheduler then chooses who runs. `others` lists the threads that
   * could run instead (computed when called).
   */
  at(ctx: ExecCtx, op: string, args: readonly unknown[], others: () => ThreadRef[]): boolean;
}

export interface MachineOptions {
  /** The AddressSpace runtime objects live in; default a fresh DefaultAddressSpace. */
  mem?: AddressSpace;
  budgets?: Partial<Budgets>;
  hooks?: RunHooks;
  /** Record `call`/`return` trace events for model functions. */
  traceCalls?: boolean;
  /**
   * Which calls onCall/onReturn see: builtins too (default true) and only these function names
   * (default all). Narrow scopes keep hooked runs fast (builtin calls take a shortcut when unhooked).
   */
  callHookScope?: { builtins?: boolean; names?: string[] };
  /** Rethrow JS exceptions from builtins (debugging) instead of ending with `error`. */
  rethrowInternalErrors?: boolean;
  /**
   * Choose the next thread when one blocks or finishes. `candidates` are the threads that can
   * run, in round-robin order starting after `previous`; the default takes the first. A scenario
   * that wants a particular interleaving returns another one (deterministically).
   */
  scheduler?: (candidates: ThreadRef[], previous: ThreadRef | null, blockedOn: readonly (Waitable | null)[]) => ThreadRef;
  /** Fault injection: calls of the named functions are offered before they run. */
  intercept?: CallIntercept;
  /** Preemption points for a schedule explorer. */
  preempt?: PreemptHook;
}

/** What a thread paused at a preemption point waits on: nothing (it can go on at once). */
const PREEMPTED: Blocked = { blockedOn: { name: 'preemption point', holder: () => null, ready: () => true } };

export type Verdict = 'completed' | 'deadlock' | 'livelock' | 'bug' | 'budget' | 'error' | (string & {});

export type ThreadEntry = string | Ptr | ((ctx: ExecCtx) => Generator<Blocked, Value, void> | Value);

export interface ThreadSpec {
  name: string;
  /** A model function or builtin by name, a function pointer, or TypeScript driving the thread. */
  entry: ThreadEntry;
  args?: Value[];
}

export interface WaitLink {
  thread: string;
  waitsFor: string;
  /** The thread that must act first (the holder), or null when nobody holds it. */
  holder: string | null;
}

export interface ThreadResult {
  name: string;
  state: 'done' | 'blocked' | 'runnable';
  value: Value;
  blockedOn?: string;
}

export interface RunResult {
  verdict: Verdict;
  detail: string;
  /** Thread the run ended in (bug, error, budget), or the last one to block (deadlock). */
  thread?: string;
  /** Model call stack where it ended, outermost first. */
  stack?: StackEntry[];
  loc?: SourceLoc;
  /** deadlock: thread -> lock -> holder -> ... until a thread repeats or nobody holds the lock. */
  waitChain?: WaitLink[];
  /** deadlock: every blocked thread. */
  blocked?: WaitLink[];
  budget?: 'steps' | 'call-depth' | 'memory';
  threads: ThreadResult[];
  /** Return value of the first thread. */
  value: Value;
  steps: number;
  hazards: Hazard[];
  trace: TraceEvent[];
  /** JS error behind an internal `error` verdict. */
  internal?: unknown;
}

// ----------------------------------------------------------------------------- machine

export class Machine implements MachineCore {
  steps = 0;
  checkAt = 0;
  readonly budgets: Budgets;
  readonly maxDepth: number;
  readonly stackBytes: number;
  readonly loopHooked: boolean;
  readonly callHooked: boolean;
  readonly builtinHooked: boolean;
  readonly intercepting: boolean;
  readonly preempting: boolean;
  private readonly hookNames: Set<string> | null;
  /** onCall/onReturn hooks see builtin calls (the scope asks for them). */
  private readonly builtinsReported: boolean;
  readonly globals: unknown[] = [];
  /** The run's AddressSpace, exactly the object given in the options (ExecCtx.mem). */
  readonly mem: AddressSpace;
  readonly hazards: Hazard[] = [];
  readonly trace: TraceEvent[] = [];
  marked: { verdict: Verdict; detail: string } | null = null;
  /** Bytes the interpreter allocated itself (globals, compound literals). */
  allocBytes = 0;
  threadCount = 0;
  private nextPoll = 0;
  private threads: Thread[] = [];
  private current: Thread | null = null;
  private nextHook = Number.POSITIVE_INFINITY;
  private readonly onceSeen = new Map<string, Set<Site>>();
  private readonly boot: Thread;
  private initError: RunEnd | null = null;
  private ran = false;

  constructor(
    readonly program: ProgramCompiler,
    private readonly opts: MachineOptions = {},
  ) {
    this.budgets = { ...DEFAULT_BUDGETS, ...opts.budgets };
    this.maxDepth = this.budgets.callDepth;
    this.stackBytes = this.budgets.stackBytes;
    const h = opts.hooks ?? {};
    this.loopHooked = !!h.onLoopHead;
    const hooks = !!(h.onCall || h.onReturn);
    this.callHooked = hooks || !!opts.traceCalls;
    this.builtinsReported = hooks && opts.callHookScope?.builtins !== false;
    this.intercepting = !!opts.intercept && opts.intercept.names.size > 0;
    this.preempting = !!opts.preempt;
    // an injector or an explorer sees builtin calls on the general path (callBuiltinPlain/Gen)
    this.builtinHooked = (hooks && opts.callHookScope?.builtins !== false) || this.intercepting || this.preempting;
    this.hookNames = opts.callHookScope?.names ? new Set(opts.callHookScope.names) : null;
    if (h.onSteps) this.nextHook = h.onSteps.every;
    this.mem = opts.mem ?? new DefaultAddressSpace();
    this.nextPoll = POLL_EVERY;
    this.checkAt = Math.min(this.budgets.steps + 1, this.nextHook, this.nextPoll);
    this.boot = new Thread(this, 0, '<init>');
    for (const fn of program.fns) this.mem.register(fn.region);
    for (const b of program.builtinTargets.values()) this.mem.register(b.region);
    for (const m of program.missingTargets.values()) this.mem.register(m.region);
    for (const s of program.strings.values()) this.mem.register(s.region);
    this.initGlobals();
  }

  /** The runtime's context before the run (creating objects, calling model code to set up). */
  get ctx(): ExecCtx {
    return this.boot;
  }

  /** Address of a global variable (to read or set it from TypeScript). */
  global(name: string): Ptr {
    const g = this.program.global(name, '');
    if (!g) throw new Error(`no global ${name}`);
    const o = this.globals[g.index];
    if (o instanceof LocalStruct) return o.self;
    return new Ptr(o as CellRegion | ArrayRegion, 0);
  }

  private initGlobals(): void {
    const types = this.program.types;
    const decls = this.program.globals;
    for (const g of decls) {
      const t = g.info.t;
      const base = this.allocate(storageBytes(t, types));
      const name = `global ${g.info.name}`;
      if (t.k === 'struct' || t.k === 'array') {
        const o = newValue(t, types, base, name, 'zero');
        this.globals[g.info.index] = o;
        this.mem.register(o instanceof LocalStruct ? o.self.region : (o as ArrayRegion));
      } else {
        const c = new CellRegion(name, t, storageBytes(t, types), base, zeroScalar(t, types));
        this.globals[g.info.index] = c;
        this.mem.register(c);
      }
    }
    const init = this.bootFrame();
    try {
      for (const g of decls) {
        if (g.filler) g.filler.ev!(this.globals[g.info.index], init);
        else if (g.value) (this.globals[g.info.index] as CellRegion).value = g.value(init);
      }
    } catch (e) {
      if (e instanceof RunEnd) this.initError = e;
      else throw e;
    }
  }

  private bootFrame(): Frame {
    const fn: FnCode = {
      name: '<init>', file: '<init>', line: 0, endLine: 0, isStatic: true, type: { k: 'func', ret: { k: 'void' }, params: [], variadic: false },
      loc: { file: '<init>', line: 0, function: '<init>' }, nSlots: 0, localNames: [], ownedSlots: [], frameBytes: 0, mayBlock: false,
      run: null, runGen: null, trap: null, region: null as never,
    };
    return new Frame(fn, this.boot);
  }

  // ------------------------------------------------------------------------- MachineCore

  checkpoint(f: Frame): void {
    if (this.steps > this.budgets.steps) {
      this.overBudget('steps', `step budget of ${this.budgets.steps} statements exhausted in ${f.fn.name}() at ${f.loc.file}:${f.loc.line}`);
    }
    const h = this.opts.hooks?.onSteps;
    if (h && this.steps >= this.nextHook) {
      this.nextHook += Math.max(1, h.every);
      h.fn(this.steps, f.t);
    }
    if (this.steps >= this.nextPoll) {
      this.nextPoll += POLL_EVERY;
      this.checkMemory();
    }
    this.checkAt = Math.min(this.budgets.steps + 1, this.nextHook, this.nextPoll);
  }

  /** Memory budget: what the interpreter allocated plus what a DefaultAddressSpace reports. */
  private checkMemory(): void {
    const d = this.mem instanceof DefaultAddressSpace ? this.mem : null;
    const bytes = this.allocBytes + (d ? d.allocatedBytes : 0);
    if (bytes > this.budgets.memoryBytes) this.overBudget('memory', `more than ${this.budgets.memoryBytes} bytes of model memory`);
    if (d && d.regions().length > this.budgets.regions) this.overBudget('memory', `more than ${this.budgets.regions} regions`);
  }

  ptrAt(addr: bigint, elem: CType): Ptr {
    const a = BigInt.asUintN(64, addr);
    if (a >= ADDR.stacks && a < ADDR.stacks + ADDR.stackStride * BigInt(this.threadCount + 1)) return this.stackPtr(a) ?? wildPtr(a);
    return this.mem.ptrAt(a, elem);
  }

  allocate(bytes: number): bigint {
    this.allocBytes += bytes;
    if (this.allocBytes > this.budgets.memoryBytes) this.checkMemory();
    return this.mem.allocate(bytes);
  }

  loopHead(f: Frame, site: LoopSite): void {
    this.opts.hooks!.onLoopHead!(f.t, new LoopHeadAt(f, site, this.threads));
  }

  onCallFrame(t: ThreadCore, nf: Frame): void {
    const name = nf.fn.name;
    const n = nf.fn.type.params.length;
    if (this.opts.traceCalls) {
      const args: string[] = new Array(n);
      for (let i = 0; i < n; i++) args[i] = formatValue(nf.v[i]);
      this.pushTrace({ t: 'call', fn: name, depth: t.frames.length, thread: t.thread.name, args });
    }
    // the arguments as an array only for a hook that gets them
    if (this.hookNames && !this.hookNames.has(name)) return;
    if (this.opts.hooks?.onCall) this.opts.hooks.onCall(t, name, 'model', nf.v.slice(0, n));
  }

  onCall(t: ThreadCore, name: string, kind: 'model' | 'builtin', args: Value[]): void {
    if (this.opts.traceCalls && kind === 'model') {
      this.pushTrace({ t: 'call', fn: name, depth: t.frames.length, thread: t.thread.name, args: args.map((a) => formatValue(a)) });
    }
    if (kind === 'builtin' && !this.builtinsReported) return;
    if (this.hookNames && !this.hookNames.has(name)) return;
    this.opts.hooks?.onCall?.(t, name, kind, args);
  }

  onReturn(t: ThreadCore, name: string, kind: 'model' | 'builtin', value: Value): void {
    if (this.opts.traceCalls && kind === 'model') {
      this.pushTrace({ t: 'return', fn: name, depth: t.frames.length + 1, thread: t.thread.name, value: formatValue(value) });
    }
    if (kind === 'builtin' && !this.builtinsReported) return;
    if (this.hookNames && !this.hookNames.has(name)) return;
    this.opts.hooks?.onReturn?.(t, name, kind, value);
  }

  hazardAt(t: ThreadCore, site: Site, kind: string, detail: string, once: boolean): void {
    if (once) {
      let seen = this.onceSeen.get(kind);
      if (!seen) this.onceSeen.set(kind, (seen = new Set()));
      if (seen.has(site)) return;
      seen.add(site);
    }
    this.addHazard(t, kind, detail, site.loc);
  }

  addHazard(t: ThreadCore, kind: HazardKind, detail: string, loc?: SourceLoc): void {
    const at = loc ?? t.loc();
    const h: Hazard = { kind, function: at.function, detail, stack: t.stack(), loc: at };
    this.hazards.push(h);
    this.pushTrace({ t: 'hazard', index: this.hazards.length - 1 });
    this.opts.hooks?.onHazard?.(h);
  }

  pushTrace(ev: TraceEvent): void {
    this.trace.push(ev);
    this.opts.hooks?.onTrace?.(ev);
  }

  overBudget(which: 'steps' | 'call-depth' | 'memory', detail: string): never {
    throw this.end('budget', detail, this.current ?? this.boot, { budget: which });
  }

  end(verdict: Verdict, detail: string, t: ThreadCore, extra: Record<string, unknown> = {}): RunEnd {
    const stack: StackEntry[] = t.frames.map((f) => ({ function: f.fn.name, file: f.fn.file, line: f.loc.line }));
    return new RunEnd(verdict, detail, t.thread.name, stack, extra);
  }

  /** Pointer to a model local on some thread's stack (int -> pointer casts of stack addresses). */
  stackPtr(addr: bigint): Ptr | null {
    for (const t of [this.boot, ...this.threads]) {
      if (addr < t.stackBase || addr >= t.stackBase + ADDR.stackStride) continue;
      for (const f of t.frames) {
        for (const s of f.fn.ownedSlots) {
          const o = f.v[s] as unknown;
          const region = o instanceof LocalStruct ? o.self.region : (o as CellRegion | ArrayRegion | undefined);
          if (!region) continue;
          const end = region.base + BigInt(region.length * region.elemSize);
          if (addr >= region.base && addr < end) {
            const rel = addr - region.base;
            return new Ptr(region, Number(rel / BigInt(region.elemSize)), Number(rel % BigInt(region.elemSize)));
          }
        }
      }
    }
    return null;
  }

  resolveTarget(fn: string | Ptr, t: ThreadCore): CallTarget {
    if (typeof fn !== 'string') {
      if (fn instanceof Ptr && fn.region instanceof FunctionRegion && fn.index === 0 && fn.byteOffset === 0) return fn.region.target as CallTarget;
      return t.notModelled(`call through ${formatValue(fn)}, which is not a function`);
    }
    let tgt = this.byName.get(fn);
    if (!tgt) {
      const code = this.program.lookupFunction(fn, '');
      const b = code ? undefined : this.program.builtin(fn);
      if (!code && !b) return t.notModelled(`calls \`${fn}()\`, which the model does not have`);
      this.byName.set(fn, (tgt = code ? { kind: 'model', fn: code } : b!));
    }
    return tgt;
  }

  /** Call targets by name, for ExecCtx.call from the runtime (the program does not change). */
  private readonly byName = new Map<string, CallTarget>();

  // ------------------------------------------------------------------------- faults, preemption

  interceptBuiltin(t: ThreadCore, b: BuiltinTarget, vals: Value[]): { value: Value } | null {
    const ic = this.opts.intercept!;
    if (!ic.names.has(b.name)) return null;
    const x = ic.call(t, b.name, 'builtin', vals);
    for (let i = 0; i < vals.length && i < b.type.params.length; i++) vals[i] = coerceValue(vals[i], b.type.params[i]!);
    return x && { value: coerceValue(x.value, b.type.ret) };
  }

  preemptAt(t: ThreadCore, op: string, args: readonly unknown[], builtin: boolean): Blocked | null {
    const p = this.opts.preempt!;
    if (builtin && !p.names.has(op)) return null;
    return p.at(t, op, args, () => this.others(t)) ? PREEMPTED : null;
  }

  /** Threads other than `t` that could run now. */
  private others(t: ThreadCore): ThreadRef[] {
    return this.threads.filter((x) => x !== t && (x.state === 'runnable' || (x.state === 'blocked' && x.blockedOn!.ready()))).map((x) => x.thread);
  }

  /**
   * An intercepted model function is offered its call before its body runs: its FnCode's entry
   * points are wrapped for this run and put back after it (a Machine runs to the end in one go,
   * so no other run of the program sees them).
   */
  private wrapIntercepted(): () => void {
    const ic = this.opts.intercept;
    if (!ic || !this.intercepting) return () => undefined;
    const undo: (() => void)[] = [];
    for (const fn of this.program.fns) {
      if (!ic.names.has(fn.name) || fn.trap !== null) continue;
      const { run, runGen } = fn;
      const offer = (nf: Frame): { value: Value } | null => {
        const params = fn.type.params;
        const args = nf.v.slice(0, params.length);
        const x = ic.call(nf.t, fn.name, 'model', args);
        for (let i = 0; i < params.length; i++) nf.v[i] = coerceValue(args[i], params[i]!);
        return x && { value: coerceValue(x.value, fn.type.ret) };
      };
      if (run) fn.run = (nf) => {
        const x = offer(nf);
        return x ? x.value : run(nf);
      };
      if (runGen) fn.runGen = function* (nf) {
        const x = offer(nf);
        return x ? x.value : yield* runGen(nf);
      };
      undo.push(() => {
        fn.run = run;
        fn.runGen = runGen;
      });
    }
    return () => undo.forEach((u) => u());
  }

  // ------------------------------------------------------------------------- scheduler

  run(specs: ThreadSpec[]): RunResult {
    if (this.ran) throw new Error('a Machine runs once; make a new one');
    this.ran = true;
    if (this.initError) return this.result(this.initError, null);
    this.threads = specs.map((s, i) => new Thread(this, i + 1, s.name));
    this.threadCount = this.threads.length;
    let lastBlocked: Thread | null = null;
    let cur = 0;
    const unwrap = this.wrapIntercepted();
    try {
      this.threads.forEach((t, i) => (t.gen = this.entryGen(t, specs[i]!)));
      let previous: ThreadRef | null = null;
      for (;;) {
        const i = this.pick(cur, previous);
        if (i < 0) break;
        previous = this.threads[i]!.thread;
        const t = this.threads[i]!;
        this.current = t;
        t.state = 'runnable';
        t.blockedOn = null;
        // resuming a thread is a step: a thread that keeps yielding cannot run forever
        if (++this.steps > this.budgets.steps) this.overBudget('steps', `step budget of ${this.budgets.steps} exhausted while switching threads`);
        const r = t.gen!.next();
        if (r.done) {
          t.state = 'done';
          t.value = r.value;
        } else {
          t.state = 'blocked';
          t.blockedOn = r.value.blockedOn;
          lastBlocked = t;
        }
        cur = (i + 1) % this.threads.length;
      }
    } catch (e) {
      if (e instanceof RunEnd) return this.result(e, null);
      if (this.opts.rethrowInternalErrors) throw e;
      const t = this.current ?? this.boot;
      const err = e instanceof Error ? e : new Error(String(e));
      return this.result(this.end('error', `internal error: ${err.message}`, t), err);
    } finally {
      this.current = null;
      unwrap();
    }
    const stuck = this.threads.filter((t) => t.state === 'blocked');
    if (stuck.length === 0) {
      const v = this.marked?.verdict ?? 'completed';
      return this.result(new RunEnd(v, this.marked?.detail ?? '', null, []), null);
    }
    return this.deadlock(lastBlocked ?? stuck[0]!, stuck);
  }

  /** Next thread at or after `from` (cyclically) that can run, or the scheduler option's choice. */
  private pick(from: number, previous: ThreadRef | null): number {
    const n = this.threads.length;
    const can: number[] = [];
    for (let k = 0; k < n; k++) {
      const i = (from + k) % n;
      const t = this.threads[i]!;
      if (t.state === 'runnable' || (t.state === 'blocked' && t.blockedOn!.ready())) {
        if (!this.opts.scheduler) return i;
        can.push(i);
      }
    }
    if (can.length === 0) return -1;
    const chosen = this.opts.scheduler!(can.map((i) => this.threads[i]!.thread), previous, can.map((i) => this.threads[i]!.blockedOn));
    const i = can.find((x) => this.threads[x]!.id === chosen.id);
    if (i === undefined) throw new Error(`scheduler chose ${chosen.name}, which cannot run now`);
    return i;
  }

  private entryGen(t: Thread, spec: ThreadSpec): Generator<Blocked, Value, void> {
    const entry = spec.entry;
    if (typeof entry === 'function') {
      return (function* () {
        const r = entry(t);
        if (r !== null && typeof r === 'object' && typeof (r as Generator).next === 'function' && typeof (r as Generator).throw === 'function') {
          return yield* r as Generator<Blocked, Value, void>;
        }
        return r as Value;
      })();
    }
    return t.call(entry, spec.args ?? []);
  }

  private deadlock(last: Thread, stuck: Thread[]): RunResult {
    const byId = new Map(this.threads.map((t) => [t.id, t]));
    const link = (t: Thread): WaitLink => {
      const w = t.blockedOn!;
      const h = w.holder();
      return { thread: t.name, waitsFor: w.name, holder: h ? h.name : null };
    };
    const chain: WaitLink[] = [];
    const seen = new Set<Thread>();
    for (let t: Thread | undefined = last; t && !seen.has(t) && t.state === 'blocked'; ) {
      seen.add(t);
      const l = link(t);
      chain.push(l);
      const h = t.blockedOn!.holder();
      t = h ? byId.get(h.id) : undefined;
    }
    const text = chain.map((l) => `${l.thread} waits for ${l.waitsFor}${l.holder ? ` held by ${l.holder === l.thread ? `${l.holder} (itself)` : l.holder}` : ' (no holder)'}`).join('; ');
    const stack: StackEntry[] = last.frames.map((f) => ({ function: f.fn.name, file: f.fn.file, line: f.loc.line }));
    const r = this.result(new RunEnd('deadlock', text, last.name, stack), null);
    r.waitChain = chain;
    r.blocked = stuck.map(link);
    return r;
  }

  private result(end: RunEnd, internal: unknown): RunResult {
    const top = end.stack[end.stack.length - 1];
    const r: RunResult = {
      verdict: end.verdict,
      detail: end.detail,
      threads: this.threads.map((t) => ({
        name: t.name,
        state: t.state,
        value: t.value,
        ...(t.blockedOn ? { blockedOn: t.blockedOn.name } : {}),
      })),
      value: this.threads[0]?.value,
      steps: this.steps,
      hazards: this.hazards,
      trace: this.trace,
    };
    if (end.thread !== null) r.thread = end.thread;
    if (end.stack.length) {
      r.stack = end.stack;
      r.loc = { file: top!.file, line: top!.line, function: top!.function };
    }
    if (end.extra.budget) r.budget = end.extra.budget as RunResult['budget'];
    if (internal) r.internal = internal;
    return r;
  }
}
