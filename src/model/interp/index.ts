/**
 * The C-subset interpreter: runs the model's kernel C (src/model/source) over the TypeScript
 * kernel runtime (src/model/kernel). Contract types are in ./api.ts; this file is the API.
 *
 * ## Compile
 *
 * ```ts
 * const program = await compileProgram({
 *   sources: [{ path: 'include/linux/mm.h', text }, { path: 'mm/rmap.c', text }, ...],
 *   builtins,                       // BuiltinTable: { name: { proto: 'bool trylock_page(struct page *page)', fn, blocking? } }
 *   config: ['CONFIG_DEVICE_PRIVATE', 'CONFIG_TRANSPARENT_HUGEPAGE'],   // or { CONFIG_X: true|number }
 * });
 * program.errors            // Diagnostic[] {severity, file, line, function?, message}; never thrown
 * program.unresolvedCalls   // [{ name, file, line, function }]: calls to functions nobody provides
 * program.functions         // [{ name, file, line, endLine, signature, mayBlock, error }]
 * program.structs / typedefs / macros / enums / builtins
 * ```
 * Sources form one unity build in the order given; `#include "x.h"`/`<linux/x.h>` pulls in the
 * model source `dir/x.h` or `include/linux/x.h` once (others are ignored). A function that does not
 * compile becomes a trap (calling it ends the run with `error`), the rest still runs. A call to a
 * function that is neither model C nor a builtin compiles to a trap as well: verdict `error`,
 * "f() calls `foo()`, which the model does not have (file:line)".
 *
 * Headers mark runtime-owned scalar types with `#pragma lkml opaque pte_t [size]` (or
 * `opaqueTypes` in the options); their values are the runtime's `Opaque`s. Struct definitions
 * in the headers give field names/types for both model-owned structs and runtime StructRefs.
 *
 * Builtin prototypes are parsed in the program's type context; arguments are converted to the
 * parameter types (number for <=32-bit ints, bigint for 64-bit, Ptr|null for pointers) and
 * return values are checked (booleans become 0/1; a wrong representation ends the run with
 * `error` naming the builtin). A builtin that can block is a generator function (or has
 * `blocking: true`): it yields `{ blockedOn: waitable }` until it can go on. A builtin that
 * calls back into model C (notifier callbacks) must be blocking and use `yield* ctx.call(fnPtr, args)`.
 *
 * Name resolution for a call `f(...)`: intrinsic kernel macro (below) unless the builtin table
 * has `f`; function-like macro of the model headers; local/global function pointer; model C
 * function; builtin; else trap. Intrinsics: min max min3 max3 min_t max_t clamp clamp_t
 * READ_ONCE WRITE_ONCE likely unlikely __builtin_expect BUG BUG_ON WARN_ON WARN_ON_ONCE WARN
 * WARN_ONCE container_of ARRAY_SIZE IS_ERR IS_ERR_OR_NULL PTR_ERR ERR_PTR ERR_CAST IS_ENABLED
 * BUILD_BUG_ON, and (only with CONFIG_DEBUG_VM, as in the kernel) VM_BUG_ON VM_BUG_ON_PAGE
 * VM_BUG_ON_VMA VM_BUG_ON_MM VM_BUG_ON_FOLIO VM_WARN_ON VM_WARN_ON_ONCE VM_WARN_ONCE
 * (VM_BUG_ON_PGFLAGS: CONFIG_DEBUG_VM_PGFLAGS). WARN* record hazard `warn` and return the condition.
 *
 * ## Run
 *
 * ```ts
 * const m = program.machine({ mem, budgets, hooks, traceCalls });  // mem: your AddressSpace (default: new DefaultAddressSpace())
 * // set up runtime state: m.mem, m.ctx (an ExecCtx outside any thread), m.global('name'), program.newStruct(...)
 * const r = m.run([{ name: 'gpu', entry: 'nouveau_atomic_range_fault', args: [...] },
 *                  { name: 'cpu', entry: function* (ctx) { return yield* ctx.call('handle_mm_fault', [...]); } }]);
 * // or program.run({ threads, ...machineOptions })
 * r.verdict   // 'completed' | 'deadlock' | 'bug' | 'budget' | 'error' | a verdict set by the runtime ('livelock')
 * r.detail, r.thread, r.stack (outermost first: {function, file, line}), r.loc, r.value (thread 1's result),
 * r.threads [{name, state, value, blockedOn}], r.waitChain / r.blocked (deadlock: {thread, waitsFor, holder}),
 * r.budget ('steps' | 'call-depth' | 'memory'), r.steps, r.hazards, r.trace
 * ```
 * Scheduling: round robin in thread order, switching only when a thread blocks or finishes. A
 * blocked thread resumes when its Waitable is `ready()`; when none can, the run is a deadlock and
 * the wait chain follows `holder()` from the thread that blocked last (a thread waiting on a lock
 * it holds shows itself as the holder). A builtin that wants to let other threads run yields a
 * Blocked on a Waitable that is already ready. `MachineOptions.scheduler(candidates, previous)`
 * picks another interleaving when a scenario asks for one (deterministically).
 *
 * Fault injection and schedule exploration (MachineOptions.intercept, .preempt): calls of the
 * named functions, model C or builtin, are offered to `intercept.call` first, which may rewrite
 * their arguments or return a value in their place; before a call of a named builtin (on a
 * generator path) and where runtime code calls `ctx.preemptPoint(op, args)`, `preempt.at` may
 * pause the thread, and the scheduler then chooses who runs (it gets each candidate's Waitable).
 * Without them every call takes its usual path at no cost.
 *
 * Budgets (defaults in DEFAULT_BUDGETS): steps (statements, loop iterations and thread switches;
 * 10M), callDepth (256), stackBytes per thread (1 MiB), memoryBytes allocated through the
 * AddressSpace (256 MiB), regions registered (1M). Exceeding one ends the run with `budget`.
 *
 * Hooks (MachineOptions.hooks): onCall/onReturn(ctx, fn, kind, args|value) for model functions
 * and builtins (narrow them with `callHookScope: { builtins: false, names: [...] }`: unhooked
 * builtin calls take a faster path); onLoopHead(ctx, { id: 'file:line', kind, loc, thread,
 * locals, othersRunnable }) at the head of every loop iteration and every backward goto (locals:
 * read-only view of the frame's variables; othersRunnable: threads that could run now, computed
 * when read); onSteps { every, fn(steps, ctx) }; onHazard; onTrace. `traceCalls: true` records
 * call/return TraceEvents for model functions. From any ExecCtx (builtins, hooks) the runtime can end the run
 * (`ctx.endRun('livelock', detail)`) or set the verdict the run ends with if it completes and keep
 * going (`ctx.setVerdict('livelock', detail)`), e.g. after fast-forwarding its clock at a retry loop.
 *
 * ## Values and memory
 * See api.ts. Pointers are Ptr(region, index, byteOffset); `(unsigned long)p` is its address and
 * an integer cast to a pointer is looked up in the AddressSpace (`mem.ptrAt`), so pointer
 * arithmetic on the memmap and low-bit tagged pointers work; an address nothing lives at gives a
 * wild pointer whose dereference is verdict `bug`, as is a NULL or out-of-bounds dereference.
 * Struct locals are LocalStructs (StructRef); a declaration without initialiser leaves fields
 * UNINIT, `= {...}` zero-fills. Reading UNINIT in arithmetic or a comparison records hazard
 * `uninitialised-read` (once per site) and compares unequal to everything; copying it is not a read.
 * Address ranges: ADDR (heap, vmemmap suggestion, stacks, text, rodata).
 *
 * ## Parse API (hunk mapper)
 * `await initOutline()`, then `outlineTranslationUnit(text, { path?, sources?, config? })` →
 * functions with line ranges, signature and nested statement outlines (statement text is the
 * original source); `outlineStatements(fragmentText)` → statements of added lines (lines from 1);
 * both report tree-sitter syntax errors. Lines never move: annotations, type arguments of macros
 * and loop-header macro uses (`anon_vma_interval_tree_foreach(...) {`, recognised from `sources`
 * or by shape) are made parseable in place; with `config`, inactive #if branches are blanked.
 *
 * ## Generated code
 * The compiler type-checks each function into a tree of closures (the reference semantics) whose
 * nodes also say what they do as JavaScript source; once the may-block fixpoint is done, each
 * function becomes one generated JavaScript function (jsgen.ts, `new Function`), a generator only
 * when it may block, with its locals in JavaScript variables (written to the frame before a
 * loop-head hook reads them). Statement ticks, loop heads, hooks and evaluation order are the
 * closures', so step counts, budgets and traces do not depend on which runs:
 * `compileProgram({ ..., codegen: false })` runs the closures (tests compare the two). Generated
 * factories are shared by source text, so a variant's unchanged functions reuse what V8 compiled
 * for the base's.
 *
 * ## Lower level
 * `ProgramCompiler` (compiler.ts) and `Machine` (machine.ts) are what Program wraps; the kernel
 * runtime uses them directly. Files: lex, preprocess, ts-parser, lower, ast (front end); ctypes,
 * ints, cexpr, compile-ops/expr/call/init/stmt, intrinsics, fn-context, compiler (checker and
 * compiler to closures and their JavaScript), jsgen (the generated functions); runtime, memory,
 * machine (frames, values, scheduler).
 */

export * from './api.js';
export { compileProgram, compileProgramSync, Program, type FunctionInfo, type RunOptions } from './program.js';
export { ProgramCompiler, type CompileOptions, type Diagnostic, type UnresolvedCall } from './compiler.js';
export {
  Machine, DEFAULT_BUDGETS,
  type Budgets, type CallIntercept, type PreemptHook, type LocalsView, type LoopHead, type MachineOptions, type RunHooks, type RunResult, type ThreadEntry,
  type ThreadResult, type ThreadSpec, type Verdict, type WaitLink,
} from './machine.js';
export {
  ADDR, ArrayRegion, CellRegion, DefaultAddressSpace, FunctionRegion, LocalStruct, WildRegion, formatValue, hex, wildPtr,
} from './memory.js';
export { ZeroOpaque, typeToString, sameType, type StructLayout, type FieldInfo } from './ctypes.js';
export type { StackEntry } from './runtime.js';
export type { MacroDef, ConfigSet } from './preprocess.js';
export {
  initOutline, outlineTranslationUnit, outlineStatements, type FunctionOutline, type Outline, type OutlineOptions, type StatementOutline,
} from './source-outline.js';
export { loadCParser, locateWasm } from './ts-parser.js';
