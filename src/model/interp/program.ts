// The compiled program as the rest of lkml-replay sees it: what is in it (functions with their
// line ranges, structs, macros, diagnostics, unresolved calls) and how to run it.

import { Ptr, type AddressSpace, type CType } from './api.js';
import { ProgramCompiler, type CompileOptions, type Diagnostic, type UnresolvedCall } from './compiler.js';
import { typeToString, type StructLayout } from './ctypes.js';
import { Machine, type MachineOptions, type RunResult, type ThreadSpec } from './machine.js';
import { LocalStruct } from './memory.js';
import type { MacroDef } from './preprocess.js';
import { loadCParser } from './ts-parser.js';

export interface FunctionInfo {
  name: string;
  file: string;
  /** First and last line of the definition (1-based, inclusive). */
  line: number;
  endLine: number;
  isStatic: boolean;
  signature: string;
  /** Compiled as a generator: it may block (directly, through callees or a function pointer). */
  mayBlock: boolean;
  /** Why it does not compile (calling it ends a run with `error`), or null. */
  error: string | null;
}

export interface RunOptions extends MachineOptions {
  threads: ThreadSpec[];
}

export class Program {
  /** @internal */
  constructor(readonly compiler: ProgramCompiler) {}

  get functions(): FunctionInfo[] {
    return this.compiler.fns.map((f) => ({
      name: f.name,
      file: f.file,
      line: f.line,
      endLine: f.endLine,
      isStatic: f.isStatic,
      signature: typeToString(f.type).replace('(', `${f.name}(`),
      mayBlock: f.mayBlock,
      error: f.trap,
    }));
  }

  /** Everything the preprocessor and compiler said, in source order. */
  get diagnostics(): Diagnostic[] {
    return this.compiler.allDiagnostics().sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  }

  get errors(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'error');
  }

  /** Calls to functions the model has neither as C nor as a builtin (each traps when reached). */
  get unresolvedCalls(): UnresolvedCall[] {
    return this.compiler.unresolvedCalls();
  }

  get structs(): ReadonlyMap<string, StructLayout> {
    return this.compiler.types.structs;
  }

  get typedefs(): ReadonlyMap<string, CType> {
    return this.compiler.types.typedefs;
  }

  get macros(): ReadonlyMap<string, MacroDef> {
    return this.compiler.macros;
  }

  get enums(): ReadonlyMap<string, { value: number }> {
    return this.compiler.types.enumConsts;
  }

  /** Names of the builtins the runtime supplied (bound by prototype). */
  get builtins(): string[] {
    return [...this.compiler.builtinTargets.keys()];
  }

  /** A machine for one run: set up runtime state through `machine.ctx`/`machine.mem`, then `run`. */
  machine(opts: MachineOptions = {}): Machine {
    return new Machine(this.compiler, opts);
  }

  run(opts: RunOptions): RunResult {
    return this.machine(opts).run(opts.threads);
  }

  /** A zero-filled struct object of a type the model headers define, registered in `mem`. */
  newStruct(name: string, mem: AddressSpace, label = `struct ${name}`): LocalStruct {
    const layout = this.compiler.types.layoutOf(name);
    if (!layout || !layout.complete) throw new Error(`struct ${name} is not defined by the model headers`);
    const o = new LocalStruct(layout, mem.allocate(Math.max(1, layout.size)), label, 'zero');
    mem.register(o.self.region);
    return o;
  }

  /** Pointer to a model function or builtin (for function-pointer fields set from TypeScript). */
  functionPtr(name: string): Ptr {
    const f = this.compiler.lookupFunction(name, '');
    if (f) return new Ptr(f.region, 0);
    const b = this.compiler.builtin(name);
    if (b) return new Ptr(b.region, 0);
    throw new Error(`no function ${name}`);
  }

  /** The type a C type name denotes here (`struct page *`, `pte_t`, `unsigned long`). */
  typeOf(text: string): CType {
    const tn = this.compiler.parseTypeText(text, 0, '<typeOf>');
    if (!tn) throw new Error(`not a type: ${text}`);
    return this.compiler.resolveType(tn.spec, tn.decl, 0, null).t;
  }
}

/** Compile model sources (see index.ts for the whole API). Never throws for bad C: see errors. */
export async function compileProgram(opts: CompileOptions): Promise<Program> {
  await loadCParser();
  return compileProgramSync(opts);
}

/** Same, once `loadCParser()` has finished. */
export function compileProgramSync(opts: CompileOptions): Program {
  const pc = new ProgramCompiler(opts);
  pc.compile();
  return new Program(pc);
}

