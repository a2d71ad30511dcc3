// The library API the replay stage uses: compile a base (model sources with the base's patch and
// any variant patches applied) once, then run scenarios on it, each run in a fresh kernel and a
// fresh interpreter Machine, giving an Outcome. No wall clock and no randomness anywhere: the same
// compiled base and scenario give a byte-identical Outcome.

import { createHash } from 'node:crypto';
import { type Blocked, type ExecCtx, type Hazard, type TraceEvent, type Value } from '../interp/api.js';
import { compileProgramSync, DefaultAddressSpace, loadCParser, type Diagnostic, type LoopHead, type Program, type RunResult } from '../interp/index.js';
import { kernelBuiltins, OPAQUE_TYPES } from '../kernel/builtins/index.js';
import { Kernel } from '../kernel/state.js';
import { endOfRunChecks, pageUses } from '../kernel/checks.js';
import { quietLocks } from '../kernel/locks.js';
import { LivelockDetector, type LoopVisit } from '../kernel/livelock.js';
import { structAt } from '../kernel/object.js';
import { mergeTsDepths } from '../kernel/ts-frames.js';
import { Pmd, Pte, PgProt, SwpEntry, UpperEntry } from '../kernel/mm/pgtable-types.js';
import { loadBase, type BaseInfo, type ModelSource } from '../source/index.js';
import { MODEL_CONFIG } from '../source/config.js';
import { ScenarioEnv, runEntry } from './steps.js';
import { finalState } from './final.js';
import { issuer } from './issuer.js';
import { budgetsOf, DEFAULT_SCENARIO_BUDGETS } from './budget.js';
import { FaultPlan } from './fault-plan.js';
import { ScheduleControl, type SchedulePlan } from './schedule.js';
import { BUILTIN_POINTS } from '../kernel/interleave.js';
import type { BuiltinTable } from '../interp/api.js';
import type { Explored, Outcome, Scenario, Verdict } from './types.js';

export interface CompiledBase {
  base: BaseInfo;
  /** Names of the extra patches applied (a variant), in order. */
  patches: string[];
  sources: ModelSource[];
  program: Program;
  diagnostics: Diagnostic[];
  /** Kernel config the sources were compiled with. */
  config: string[];
}


function opaqueZero(name: string) {
  switch (name) {
    case 'pte_t':
      return Pte.NONE;
    case 'pmd_t':
      return Pmd.NONE;
    case 'pud_t':
      return new UpperEntry('pud_t', false, 0);
    case 'pgd_t':
    case 'p4d_t':
      return new UpperEntry('pgd_t', false, 0);
    case 'swp_entry_t':
      return new SwpEntry('swap', 0n);
    default:
      return new PgProt(false, false, false);
  }
}

/** Compile the model sources of a base, with extra unified-diff patches (a variant) applied. */
export async function compileBase(name: string, extraPatches: { name: string; patch: string }[] = []): Promise<CompiledBase> {
  await loadCParser();
  const { base, sources } = loadBase(name, extraPatches);
  return compileSources(base, sources, extraPatches.map((p) => p.name));
}

/**
 * Compile model sources. `reuse`: take the Program from a small cache keyed by the sources'
 * content, compiling only on a miss. The hunk mapper compiles each spliced variant to check it
 * (src/map/compile-check.ts) and the replay compiles the same sources to run them; a Program is
 * not changed by a run (each run makes its own Machine and kernel), so both can share one.
 */
export function compileSources(base: BaseInfo, sources: ModelSource[], patches: string[] = [], opts: { reuse?: boolean; codegen?: boolean } = {}): CompiledBase {
  const kernel = base.spec.kernel;
  const program = opts.reuse && opts.codegen !== false ? modelProgram(kernel, sources) : compileModel(kernel, sources, opts.codegen);
  return { base, patches, sources, program, diagnostics: program.diagnostics, config: MODEL_CONFIG };
}

/** `codegen: false` runs the compiler's closures instead of generated JavaScript (the reference, for tests). */
function compileModel(kernel: string, sources: ModelSource[], codegen?: boolean): Program {
  return compileProgramSync({ sources, builtins: kernelBuiltins(kernel), opaqueTypes: OPAQUE_TYPES, opaqueZero, config: MODEL_CONFIG, codegen });
}

/**
 * The program schedule exploration runs: the same sources with the builtins that are preemption
 * points (kernel/interleave.ts) declared blocking, so that their callers compile to generators
 * that can pause there. Compiled on first use, once per program.
 */
function scheduleProgram(compiled: CompiledBase): Program {
  let p = schedulePrograms.get(compiled.program);
  if (!p) {
    const table: BuiltinTable = { ...kernelBuiltins(compiled.base.spec.kernel) };
    for (const name of Object.keys(BUILTIN_POINTS)) if (table[name]) table[name] = { ...table[name]!, blocking: true };
    p = compileProgramSync({ sources: compiled.sources, builtins: table, opaqueTypes: OPAQUE_TYPES, opaqueZero, config: MODEL_CONFIG });
    schedulePrograms.set(compiled.program, p);
  }
  return p;
}

const schedulePrograms = new WeakMap<Program, Program>();

/** Only the last few are kept: a review asks for a variant's program right after mapping it. */
const PROGRAMS_KEPT = 4;
const programs = new Map<string, Program>();

const paramCache = new WeakMap<Program, Map<string, number>>();

/** Each model C function's parameter count, from its signature ("int f(int, char *)" -> 2). */
function paramCounts(program: Program): Map<string, number> {
  let m = paramCache.get(program);
  if (!m) {
    m = new Map();
    for (const f of program.functions) {
      const inner = f.signature.slice(f.signature.indexOf('(') + 1, f.signature.lastIndexOf(')')).trim();
      let n = inner === '' || inner === 'void' ? 0 : 1;
      let depth = 0;
      for (const ch of inner) {
        if (ch === '(') depth++;
        else if (ch === ')') depth--;
        else if (ch === ',' && depth === 0) n++;
      }
      m.set(f.name, n);
    }
    paramCache.set(program, m);
  }
  return m;
}

/** The compiled program of `sources` under kernel release `kernel`'s primitives, from the cache. */
export function modelProgram(kernel: string, sources: ModelSource[]): Program {
  const h = createHash('sha1').update(kernel).update('\u0000');
  for (const s of sources) h.update(s.path).update('\u0000').update(s.text).update('\u0000');
  const key = h.digest('hex');
  let program = programs.get(key);
  if (program) {
    programs.delete(key); // most recently used last
  } else {
    program = compileModel(kernel, sources);
    if (programs.size >= PROGRAMS_KEPT) programs.delete(programs.keys().next().value!);
  }
  programs.set(key, program);
  return program;
}

export interface RunOptions {
  /**
   * What goes into Outcome.trace: `full` (model calls and returns too), `events` (notifiers,
   * locks, faults, retries, hazards, notes), `none`. Default `full`.
   */
  trace?: 'full' | 'events' | 'none';
  /** Cap on trace events kept (later call/return events are dropped; others kept). */
  traceLimit?: number;
  /** Override the scenario's step budget. */
  budget?: number;
  /** Loop-head livelock detection (default on; off only to measure its cost). */
  livelock?: boolean;
  /** Fault exploration: list the failure points the run reaches, or fail the one named by its id. */
  faults?: { record: true } | { fail: string };
  /** Schedule exploration: the choices to make (schedule.ts); the run's schedule is in Outcome.explore. */
  schedule?: SchedulePlan;
  /** Model functions whose calls Outcome.explore.reached lists (those a variant changes). */
  watch?: readonly string[];
}

const RETRY_FNS = new Set(['mmu_interval_read_retry', 'mmu_interval_check_retry']);

/** A thread of a run driven by TypeScript (scenario steps, or a test's own code). */
export interface RunThread {
  name: string;
  body: (ctx: ExecCtx, env: ScenarioEnv, k: Kernel) => Generator<Blocked, Value, void>;
}

export interface RawRun {
  res: RunResult;
  k: Kernel;
  env: ScenarioEnv;
  retries: number;
  detector: LivelockDetector;
  trace: TraceEvent[];
  /** Call/return events not kept because the trace already had `traceLimit` events. */
  droppedCalls: number;
}

/**
 * Events a run's trace may hold (call/return events past `traceLimit` are not even kept): beyond
 * this the run ends with `budget` (memory). A loop of calls or lock operations would otherwise
 * grow the trace by gigabytes before the step budget ends it.
 */
const MAX_TRACE_EVENTS = 2_000_000;

/**
 * Run TypeScript-driven threads on a compiled base in a fresh kernel: what runScenario() does for
 * scenario steps, open for tests and other drivers. The first thread runs first; the rest wait
 * until `env.setupDone` is set (runScenario sets it after the setup steps).
 */
export function runThreads(
  compiled: CompiledBase,
  cfg: {
    thp: boolean; budget: number; maxDepth?: number; maxMemory?: number; trace?: 'full' | 'events' | 'none'; traceLimit?: number; livelock?: boolean;
    /** Fault injection and schedule control for the run (exploration); model functions whose calls `reached` collects. */
    faults?: FaultPlan; schedule?: ScheduleControl; watch?: readonly string[]; reached?: Set<string>;
  },
  threads: RunThread[],
): RawRun {
  const mem = new DefaultAddressSpace();
  const k = new Kernel(mem, { thp: cfg.thp, kernel: compiled.base.spec.kernel, modelParams: paramCounts(compiled.program) });
  k.traceCalls = (cfg.trace ?? 'full') === 'full';
  const env = new ScenarioEnv(k, cfg.thp);
  let retries = 0;
  let droppedCalls = 0;
  const passes = new Map<string, number>();
  let liveCtx: ExecCtx | null = null;
  const subSeqs = (): bigint[] => {
    const out: bigint[] = [];
    if (!liveCtx) return out;
    for (const mm of k.mms) for (const s of mm.subs?.intervals ?? []) out.push(structAt(s.ptr, liveCtx, 'sub').get('invalidate_seq', liveCtx) as bigint);
    return out;
  };
  const detector = new LivelockDetector(k, subSeqs);
  let threadsAlive = threads.length;
  // One visit record for every loop head of the run (the detector reads it during visit() only):
  // the frame's locals view and the function name are made only when the detector asks.
  let head: LoopHead | null = null;
  const visit: LoopVisit = {
    site: '',
    get function() {
      return head!.locals.function;
    },
    thread: '',
    frame: visitKey,
    locals: () => head!.locals.entries(),
    values: () => head!.locals.values(),
    alone: false,
  };
  const program = cfg.schedule ? scheduleProgram(compiled) : compiled.program;
  const machine = program.machine({
    mem,
    ...(cfg.faults ? { intercept: cfg.faults.intercept } : {}),
    ...(cfg.schedule ? { preempt: cfg.schedule.hook, scheduler: cfg.schedule.scheduler } : {}),
    budgets: {
      steps: cfg.budget,
      callDepth: cfg.maxDepth ?? DEFAULT_SCENARIO_BUDGETS.depth,
      memoryBytes: cfg.maxMemory ?? DEFAULT_SCENARIO_BUDGETS.memory,
    },
    traceCalls: (cfg.trace ?? 'full') === 'full',
    // onReturn below only looks at model functions named in RETRY_FNS (the livelock detector
    // works from loop heads): hooking nothing else keeps builtin calls on their fast path.
    callHookScope: { builtins: false, names: [...RETRY_FNS, ...(cfg.watch ?? [])] },
    hooks: {
      ...(cfg.reached ? { onCall: (_ctx: ExecCtx, fn: string) => void cfg.reached!.add(fn) } : {}),
      onTrace(ev) {
        const tr = machine.trace;
        if (cfg.traceLimit !== undefined && tr.length > cfg.traceLimit && (ev.t === 'call' || ev.t === 'return')) {
          tr.pop();
          droppedCalls++;
        } else if (tr.length > MAX_TRACE_EVENTS) {
          machine.overBudget('memory', `more than ${MAX_TRACE_EVENTS} trace events (lock, notifier, fault and other events of the run)`);
        }
      },
      onReturn(ctx, fn, kind, value) {
        if (kind !== 'model' || !RETRY_FNS.has(fn) || !value) return;
        retries++;
        const st = ctx.stack();
        const caller = st.length >= 1 ? st[st.length - 1]! : '(scenario)';
        const pass = (passes.get(ctx.thread.name) ?? 1) + 1;
        passes.set(ctx.thread.name, pass);
        const last = [...k.notifiers].reverse().find((n) => n.subscribers.some((s) => s.action === 'seq-bumped'));
        const why = last
          ? `${last.event} from ${issuer(last.stack)} (owner ${last.owner ?? 'NULL'}) over [${last.start}, ${last.end}) bumped ${last.subscribers.filter((s) => s.action === 'seq-bumped').map((s) => s.name).join(', ')}`
          : 'sequence changed';
        ctx.trace({ t: 'retry', fn: caller, pass, thread: ctx.thread.name, why });
      },
      onLoopHead: cfg.livelock === false ? undefined : (ctx, h) => {
        liveCtx = ctx;
        head = h;
        visit.site = h.id;
        visit.thread = h.thread;
        visit.frame = frameKey(ctx);
        visit.alone = threadsAlive <= 1;
        const r = detector.visit(visit);
        head = null;
        if (r === 'livelock') {
          (ctx as ExecCtx & { endRun(v: string, d: string): never }).endRun('livelock', livelockText(detector, false));
        }
      },
    },
  });
  if (cfg.schedule) {
    cfg.schedule.stop = (detail) => machine.ctx.endRun('pruned', detail);
    if ((cfg.trace ?? 'full') !== 'none') cfg.schedule.onSwitch = (point, thread, op) => machine.pushTrace({ t: 'note', text: `schedule point ${point}: ${thread} runs (${op.what})`, fn: '(schedule)' });
  }
  env.report = (h) => {
    machine.hazards.push(h);
    machine.pushTrace({ t: 'hazard', index: machine.hazards.length - 1 });
  };
  const specs = threads.map((th) => ({
    name: th.name,
    entry: function* (ctx: ExecCtx): Generator<Blocked, Value, void> {
      liveCtx = ctx;
      try {
        return yield* th.body(ctx, env, k);
      } finally {
        threadsAlive--;
      }
    },
  }));
  if ((cfg.trace ?? 'full') === 'none') quietLocks.add(machine.mem);
  const res = machine.run(specs);
  if (k.traceCalls) mergeTsDepths(machine.trace);
  return { res, k, env, retries, detector, trace: machine.trace, droppedCalls };
}

export function runScenario(compiled: CompiledBase, scenario: Scenario, opts: RunOptions = {}): Outcome {
  const traceMode = opts.trace ?? 'full';
  const traceLimit = opts.traceLimit ?? 200_000;
  let seen: ScenarioEnv | null = null;
  const setupDone = () => seen?.setupDone === true;
  const threads: RunThread[] = scenario.threads.map((th, ti) => ({
    name: th.name,
    body: function* (ctx, env) {
      seen = env;
      if (ti === 0) {
        for (const s of scenario.setup) if (!(yield* runEntry(ctx, env, s))) return undefined;
        env.setupDone = true;
      } else {
        while (!env.setupDone) yield { blockedOn: env.setupGate };
      }
      for (const s of th.steps) if (!(yield* runEntry(ctx, env, s))) return undefined;
      return undefined;
    },
  }));
  const b = budgetsOf(scenario);
  const faults = opts.faults ? new FaultPlan(compiled.base.spec.kernel, 'fail' in opts.faults ? opts.faults.fail : null) : undefined;
  // the threads after the first wait for the setup: not a choice until it is done
  const gate = (t: string) => t === scenario.threads[0]?.name || setupDone();
  const schedule = opts.schedule ? new ScheduleControl(opts.schedule, new Set(Object.keys(BUILTIN_POINTS)), gate) : undefined;
  const reached = opts.watch ? new Set<string>() : undefined;
  const raw = runThreads(compiled, { thp: scenario.thp, budget: opts.budget ?? b.steps, maxDepth: b.depth, maxMemory: b.memory, trace: traceMode, traceLimit, livelock: opts.livelock !== false, faults, schedule, watch: opts.watch, reached }, threads);
  const out = buildOutcome(compiled, scenario, raw.k, raw.env, raw.res, raw.detector, raw.retries, raw.trace, traceMode, traceLimit, raw.droppedCalls);
  if (faults || schedule || reached) {
    const explore: Explored = {};
    if (reached) explore.reached = [...reached].filter((f) => opts.watch!.includes(f)).sort();
    if (faults && opts.faults && 'record' in opts.faults) explore.failurePoints = faults.points();
    else if (faults) explore.fault = faults.injected();
    if (schedule) explore.schedule = schedule.log();
    out.explore = explore;
  }
  return out;
}

const visitKey = {};

/** A stable identity for the innermost model frame of a thread (a new call is a new frame). */
function frameKey(ctx: ExecCtx): object {
  const frames = (ctx as unknown as { frames?: object[] }).frames;
  return frames && frames.length ? frames[frames.length - 1]! : (ctx as object);
}

function livelockText(d: LivelockDetector, timedOut: boolean): string {
  const p = d.proof!;
  return `${p.function}() at ${p.site} (thread ${p.thread}) came back to the same state every ${p.period} iteration(s) of its loop: only notifier sequence numbers advanced` +
    (timedOut ? '; the model clock was moved past the timeout and the loop gave up through its own timeout branch' : '; moving the clock past any timeout did not end it');
}

function buildOutcome(
  compiled: CompiledBase,
  scenario: Scenario,
  k: Kernel,
  env: ScenarioEnv,
  res: RunResult,
  detector: LivelockDetector,
  retries: number,
  rawTrace: TraceEvent[],
  traceMode: 'full' | 'events' | 'none',
  traceLimit: number,
  droppedCalls = 0,
): Outcome {
  let verdict = res.verdict as Verdict;
  let detail = res.detail;
  const hazards: Hazard[] = [...res.hazards];
  let trace: TraceEvent[] = [];
  // A full trace within its limit is the run's own, as is: no copy of 100,000 events.
  if (traceMode === 'full' && droppedCalls === 0 && rawTrace.length <= traceLimit) trace = rawTrace;
  else if (traceMode !== 'none') {
    let dropped = 0;
    for (const ev of rawTrace) {
      const isCall = ev.t === 'call' || ev.t === 'return';
      if (isCall && (traceMode === 'events' || trace.length >= traceLimit)) {
        if (traceMode === 'full') dropped++;
        continue;
      }
      trace.push(ev);
    }
    if (traceMode === 'full') dropped += droppedCalls;
    if (dropped) trace.push({ t: 'note', text: `${dropped} call/return events beyond the first ${traceLimit} trace events were not recorded`, fn: '(runner)' });
  }
  if (verdict === 'completed' && detector.proof) {
    verdict = 'livelock';
    detail = livelockText(detector, true);
  }
  const stack = res.stack?.map((s) => `${s.function} (${s.file}:${s.line})`).join(' <- ');
  if (verdict === 'budget') detail = `${res.budget ?? 'steps'} budget: ${detail}`;
  if (verdict === 'deadlock' || verdict === 'bug' || verdict === 'error' || verdict === 'budget') {
    // A budget stack can be 256 frames of one recursion: fold repeats so the detail stays short.
    const names = res.stack?.map((s) => s.function) ?? [];
    if (stack) detail += ` [stack: ${(verdict === 'budget' ? foldRepeats(names) : names).join(' > ')} at ${res.stack![res.stack!.length - 1]!.file}:${res.stack![res.stack!.length - 1]!.line}]`;
  }
  const uses = pageUses(k);
  if (verdict === 'completed' || verdict === 'livelock') {
    const checks = endOfRunChecks(k, uses);
    for (const h of checks) {
      hazards.push(h);
      trace.push({ t: 'hazard', index: hazards.length - 1 });
    }
    const asserts = env.failed.length ? `; assert failed: ${env.failed.join('; ')}` : '';
    if (verdict === 'completed') detail = `${env.passed} assert(s) passed${asserts}`;
    else detail += asserts;
  }
  return {
    scenario: scenario.name,
    base: compiled.base.name + (compiled.patches.length ? ` + ${compiled.patches.join(' + ')}` : ''),
    verdict,
    ...(verdict === 'budget' ? { budget: res.budget ?? 'steps' } : {}),
    // A scenario call that never returned (deadlock, budget, bug, livelock without a timeout)
    // gave no result: null, unless an earlier call already gave one.
    result: env.result ?? (res.verdict === 'completed' ? 0 : null),
    retries,
    detail,
    notifiers: k.notifiers,
    hazards: hazards.map(cleanHazard),
    final: finalState(k, env, res.steps, uses),
    trace,
  };
}

/** `f > g > g > g` as `f > g ×3`. */
function foldRepeats(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; ) {
    let j = i;
    while (j < names.length && names[j] === names[i]) j++;
    out.push(j - i > 1 ? `${names[i]} ×${j - i}` : names[i]!);
    i = j;
  }
  return out;
}

function cleanHazard(h: Hazard): Hazard {
  const out: Hazard = { kind: h.kind, function: h.function, detail: h.detail };
  if (h.stack) out.stack = h.stack;
  if (h.loc) out.loc = h.loc;
  return out;
}
