// Per-function compile state: scopes and frame slots, the current statement position, labels of
// enclosing blocks, macro expansions in progress, and what the function calls (for the may-block
// fixpoint and the unresolved-call list). Also the ProgramScope interface: what a function's
// compilation needs from the program (types, functions, builtins, globals, macros, fragments).

import type { CType, SourceLoc } from './api.js';
import type { Stmt, TypeName, TypeSpec, Declarator } from './ast.js';
import type { TypeTable } from './ctypes.js';
import type { MacroDef } from './preprocess.js';
import type { BuiltinTarget, FnCode, MissingTarget } from './runtime.js';
import { storageBytes } from './memory.js';
import { CompileError } from './cexpr.js';
import type { Ptr } from './api.js';

export interface GlobalInfo {
  name: string;
  t: CType;
  index: number;
  file: string;
  line: number;
}

export interface ProgramScope {
  readonly types: TypeTable;
  readonly macros: Map<string, MacroDef>;
  /** Config macros (CONFIG_DEBUG_VM ...) for IS_ENABLED and the VM_BUG_ON family. */
  configured(name: string): boolean;
  /** Every call compiled as a generator (measurement switch). */
  readonly forceGen: boolean;
  resolveType(spec: TypeSpec, decl: Declarator, line: number, cx: FnCx | null): { t: CType; name: string | null };
  lookupFunction(name: string, fromFile: string): FnCode | undefined;
  /** A prototype seen for a function the model does not define. */
  prototype(name: string): CType | undefined;
  builtin(name: string): BuiltinTarget | undefined;
  /** Call target for a function the model only declares: calling it ends the run with `error`. */
  missing(name: string, t: CType): MissingTarget;
  global(name: string, fromFile: string): GlobalInfo | undefined;
  parseFragment(text: string, line: number, file: string): Stmt[];
  /** Put back the type arguments the preprocessor replaced by `__T<n>` markers. */
  restoreTypes(text: string): string;
  /** A loop-header macro use the preprocessor replaced by `for(;<marker>;)`. */
  loopUse(marker: string): { def: MacroDef; args: string; line: number } | undefined;
  parseTypeText(text: string, line: number, file: string): TypeName | null;
  stringLiteral(value: string): Ptr;
}

export interface Local {
  name: string;
  t: CType;
  slot: number;
  /** plain: value in the slot; cell: a CellRegion in the slot; owned: a LocalStruct/ArrayRegion. */
  kind: 'plain' | 'cell' | 'owned';
  /** Byte offset in the frame's stack area (cell and owned). */
  off: number;
}

/** Thrown when `&x` meets a plain local: the function is compiled again with x as a cell. */
export class NeedCell {
  constructor(readonly name: string) {}
}

export class FnCx {
  private readonly scopes: Map<string, Local>[] = [new Map()];
  nSlots = 0;
  readonly localNames: (string | null)[] = [];
  readonly ownedSlots: number[] = [];
  private readonly owned: Local[] = [];
  /** Every label of the function (to tell "unknown label" from "label in a nested block"). */
  readonly allLabels = new Set<string>();
  frameBytes = 0;
  loc: SourceLoc;
  /** Macro names being expanded (a macro does not expand inside its own expansion). */
  readonly expanding: string[] = [];
  /** Labels directly inside each enclosing block, innermost last. */
  readonly blockLabels: Set<string>[] = [];
  loopDepth = 0;
  breakDepth = 0;
  readonly callees = new Set<FnCode>();
  /** Calls through a function pointer were compiled (those may block). */
  callsPointer = false;
  /** The call expression of the expression statement being compiled: its value is discarded. */
  discardedCall: object | null = null;
  readonly unresolved: { name: string; line: number }[] = [];
  readonly errors: CompileError[] = [];
  private readonly locCache = new Map<number, SourceLoc>();

  constructor(
    readonly ps: ProgramScope,
    readonly file: string,
    readonly fnName: string,
    readonly cells: Set<string>,
    readonly code: FnCode | null,
    readonly returnType: CType = { k: 'void' },
  ) {
    this.loc = this.locAt(0);
  }

  locAt(line: number): SourceLoc {
    let l = this.locCache.get(line);
    if (!l) this.locCache.set(line, (l = { file: this.file, line, function: this.fnName }));
    return l;
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }
  popScope(): void {
    this.scopes.pop();
  }

  lookup(name: string): Local | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const l = this.scopes[i]!.get(name);
      if (l) return l;
    }
    return undefined;
  }

  /** Is `name` a typedef here (not shadowed by a variable)? */
  isTypeName(name: string): boolean {
    return this.ps.types.typedefs.has(name) && !this.lookup(name);
  }

  declare(name: string, t: CType, line: number, forceKind?: Local['kind']): Local {
    const top = this.scopes[this.scopes.length - 1]!;
    if (top.has(name)) throw new CompileError(line, `redeclaration of \`${name}\``);
    if (t.k === 'void') throw new CompileError(line, `variable \`${name}\` declared void`);
    if (t.k === 'func') throw new CompileError(line, `local function declaration \`${name}\` is not supported`);
    const owned = t.k === 'struct' || t.k === 'array';
    const kind: Local['kind'] = forceKind ?? (owned ? 'owned' : this.cells.has(name) ? 'cell' : 'plain');
    if ((t.k === 'struct' && !this.ps.types.layoutOf(t.name)?.complete)) {
      throw new CompileError(line, `variable \`${name}\` has incomplete type struct ${t.name}`);
    }
    const slot = this.nSlots++;
    this.localNames[slot] = name;
    let off = 0;
    if (kind !== 'plain') {
      off = this.frameBytes;
      this.frameBytes += storageBytes(t, this.ps.types);
      this.ownedSlots.push(slot);
    }
    const l: Local = { name, t, slot, kind, off };
    if (kind !== 'plain') this.owned.push(l);
    top.set(name, l);
    return l;
  }

  /** Locals that need frame storage (structs, arrays, address-taken scalars), params included. */
  ownedLocals(): Local[] {
    return this.owned;
  }

  error(line: number, message: string): never {
    throw new CompileError(line, message);
  }
}
