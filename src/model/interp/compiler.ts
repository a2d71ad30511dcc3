// The program compiler: preprocess every source, parse and lower it, declare everything at file
// scope (types, enums, prototypes, globals, functions), bind the runtime's builtins by their C
// prototypes, then compile function bodies to closures. Which functions become generators is a
// fixpoint: a function is compiled plain first and becomes a generator when its body turns out to
// contain a call that may block (a blocking builtin, a function pointer, or such a function);
// its callers are then compiled again. Last, each function's closures are replaced by one
// generated JavaScript function (jsgen.ts) that does the same.

import { Ptr, type Builtin, type BuiltinTable, type CType, type Opaque, type Value } from './api.js';
import type { Declarator, Expr, FunctionDef, Init, Stmt, TopDecl, TypeName, TypeSpec } from './ast.js';
import { CompileError, convert, type UnknownName } from './cexpr.js';
import { compileFunctionBody } from './compile-block.js';
import { compileRvalue, constValue } from './compile-expr.js';
import { INT, primType, sameType, TypeTable, typeToString, type FuncType } from './ctypes.js';
import { FnCx, NeedCell, type GlobalInfo, type ProgramScope } from './fn-context.js';
import { ADDR, ArrayRegion, FunctionRegion } from './memory.js';
import { Lowerer, LowerError, clip } from './lower.js';
import { Preprocessor, type ConfigSet, type MacroDef, type PpDiagnostic } from './preprocess.js';
import type { BuiltinTarget, FnCode, MissingTarget } from './runtime.js';
import { withTree } from './ts-parser.js';
import { compileInitFiller, type Filler } from './compile-init.js';
import { cachedUnit, collectLabels, fragmentCache, keepUnit, relocate, remember, returnChecker, syntaxErrors } from './compiler-support.js';
import { Gen } from './jsgen.js';

export interface CompileOptions {
  /** Model sources (`.c` and `.h`), by model path ("mm/rmap.c", "include/linux/mm.h"). */
  sources: { path: string; text: string }[];
  /** The runtime's builtins, each with its C prototype. */
  builtins?: BuiltinTable;
  /** Kernel config: CONFIG_X defined (as 1) when listed or true. */
  config?: ConfigSet;
  /** Typedef names whose values belong to the runtime (besides `#pragma lkml opaque`), with sizes. */
  opaqueTypes?: string[] | Record<string, number>;
  /** The runtime's zero value of an opaque type (a zero-initialised `pte_t` field). */
  opaqueZero?: (typeName: string) => Opaque;
  /** More identifiers that expand to nothing (annotations tree-sitter cannot parse). */
  emptyMacros?: string[];
  /** Compile every call as a generator (measurement switch; slower). */
  forceGenerators?: boolean;
  /**
   * Generate a JavaScript function per model function (jsgen.ts; default true). False runs the
   * closure tree the compiler builds anyway: the reference the generated code is tested against.
   */
  codegen?: boolean;
}

export interface Diagnostic {
  severity: 'error' | 'warning' | 'note';
  file: string;
  line: number;
  function?: string;
  message: string;
  /** The undeclared name an error is about, when it is about one. */
  unknown?: UnknownName;
  /** The function (or macro) a call's arguments do not fit, when the error is about one. */
  callee?: string;
}

export interface UnresolvedCall {
  name: string;
  file: string;
  line: number;
  function: string;
}

export interface GlobalDecl {
  info: GlobalInfo;
  init: Init | null;
  isStatic: boolean;
  extern: boolean;
  /** Compiled initialiser (set after functions are compiled). */
  filler: Filler | null;
  value: ((f: import('./runtime.js').Frame) => Value) | null;
}

export class ProgramCompiler implements ProgramScope {
  readonly types: TypeTable;
  readonly macros: Map<string, MacroDef>;
  readonly forceGen: boolean;
  readonly diagnostics: Diagnostic[] = [];
  readonly fns: FnCode[] = [];
  readonly defs = new Map<FnCode, FunctionDef>();
  readonly globals: GlobalDecl[] = [];
  readonly builtinTargets = new Map<string, BuiltinTarget>();
  readonly strings = new Map<string, Ptr>();
  readonly missingTargets = new Map<string, MissingTarget>();
  /** Per function: errors and unresolved calls of its latest compilation. */
  readonly fnErrors = new Map<FnCode, Diagnostic[]>();
  readonly fnUnresolved = new Map<FnCode, UnresolvedCall[]>();
  private readonly fnsByName = new Map<string, FnCode[]>();
  private readonly protos = new Map<string, FuncType>();
  /** Where each name's first prototype is, to name it when a definition disagrees. */
  private readonly protoAt = new Map<string, { file: string; line: number }>();
  private readonly globalsByName = new Map<string, GlobalDecl[]>();
  private readonly config: Set<string>;
  private readonly fragments = new Map<string, Stmt[]>();
  private readonly problems: { file: string; line: number; message: string }[] = [];
  private readonly cells = new Map<FnCode, Set<string>>();
  /** The latest compiled body of each function that compiles, for code generation. */
  private readonly bodies = new Map<FnCode, (g: Gen) => string>();
  /** Functions whose JavaScript could not be generated (they run as closures; a bug if any). */
  readonly codegenFailures: { fn: string; error: string }[] = [];
  /** Functions generated with their locals in the frame (some part ran as a closure). */
  readonly codegenInFrame: string[] = [];
  private readonly callers = new Map<FnCode, Set<FnCode>>();
  private nextText = ADDR.text;
  private nextRodata = ADDR.rodata;
  private anon = 0;

  constructor(private readonly opts: CompileOptions) {
    this.types = new TypeTable(opts.opaqueZero);
    this.forceGen = !!opts.forceGenerators;
    const sources = new Map(opts.sources.map((s) => [s.path, s.text]));
    const pp = new Preprocessor(sources, opts.config, opts.emptyMacros);
    this.pp = pp;
    this.macros = pp.macros;
    this.config = new Set([...pp.macros.values()].filter((m) => m.file === '<config>' && m.body !== '0').map((m) => m.name));
  }
  private readonly pp: Preprocessor;

  configured(name: string): boolean {
    return this.config.has(name);
  }

  // ------------------------------------------------------------------------- the pipeline

  compile(): void {
    const units = this.pp.run(this.opts.sources.map((s) => s.path));
    for (const d of this.pp.diagnostics) this.diag(d);
    for (const [name, size] of this.pp.opaque) this.declareOpaque(name, size);
    const extra = this.opts.opaqueTypes;
    if (Array.isArray(extra)) for (const n of extra) this.declareOpaque(n, 8);
    else if (extra) for (const [n, s] of Object.entries(extra)) this.declareOpaque(n, s);
    const tops: TopDecl[][] = units.map((u) => this.parseUnit(u.path, u.text));
    tops.forEach((list) => list.forEach((d) => this.guard(d.k === 'function' ? d.def.file : d.file, d.k === 'function' ? d.def.line : d.line, () => this.declareTop(d))));
    for (const [name, b] of Object.entries(this.opts.builtins ?? {})) this.guard('<builtins>', 0, () => this.bindBuiltin(name, b));
    this.checkPrototypes();
    this.compileFunctions();
    for (const g of this.globals) this.guard(g.info.file, g.info.line, () => this.compileGlobalInit(g));
  }

  private diag(d: PpDiagnostic | Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** Run a declaration step; a CompileError becomes a diagnostic. */
  private guard(file: string, line: number, run: () => void): void {
    try {
      run();
    } catch (e) {
      if (e instanceof CompileError) this.diag({ severity: 'error', file, line: e.line || line, message: e.message, ...(e.unknown ? { unknown: e.unknown } : {}), ...(e.callee ? { callee: e.callee } : {}) });
      else if (e instanceof NeedCell) this.diag({ severity: 'error', file, line, message: `cannot take the address of \`${e.name}\` here` });
      else throw e;
    }
  }

  private parseUnit(path: string, text: string): TopDecl[] {
    const key = `${path}\0${text}`;
    let hit = cachedUnit(key);
    if (!hit) {
      hit = withTree(text, (tree) => {
        const lw = new Lowerer(path);
        const out: TopDecl[] = [];
        for (const c of tree.rootNode.namedChildren) {
          if (!c) continue;
          try {
            out.push(...lw.translationUnitItem(c));
          } catch (e) {
            if (e instanceof LowerError) lw.problems.push({ line: e.node.startPosition.row + 1, message: `syntax error: ${e.message}` });
            else throw e;
          }
        }
        return { tops: out, problems: [...lw.problems, ...syntaxErrors(tree.rootNode, 1)] };
      });
      keepUnit(key, hit, `${path}\0${this.opts.sources.find((s) => s.path === path)?.text ?? text}`);
    }
    for (const p of hit.problems) this.problems.push({ file: path, ...p });
    return hit.tops;
  }

  // ------------------------------------------------------------------------- file scope

  private declareOpaque(name: string, size: number): void {
    this.types.typedefs.set(name, this.types.opaque(name));
    this.types.opaqueSizes.set(name, size);
  }

  private declareTop(d: TopDecl): void {
    if (d.k === 'typedef') {
      for (const n of d.names) {
        const { t } = this.resolveType(d.spec, n.decl, d.line, null);
        const prev = this.types.typedefs.get(n.name);
        if (prev?.k === 'opaque') continue; // `#pragma lkml opaque` wins over the faithful typedef
        this.types.typedefs.set(n.name, t);
      }
      if (d.names.length === 0) this.resolveType(d.spec, { k: 'abstract' }, d.line, null);
      return;
    }
    if (d.k === 'function') {
      this.declareFunction(d.def);
      return;
    }
    if (d.decls.length === 0) {
      this.resolveType(d.spec, { k: 'abstract' }, d.line, null);
      return;
    }
    for (const v of d.decls) {
      const { t } = this.resolveType(v.type.spec, v.type.decl, v.line, null);
      if (t.k === 'func') {
        if (!this.protos.has(v.name)) {
          this.protos.set(v.name, t);
          this.protoAt.set(v.name, { file: d.file, line: v.line });
        }
        continue;
      }
      this.declareGlobal(v.name, t, v.init, d.storage, d.file, v.line);
    }
  }

  /** A definition whose type is not its prototype's, as a C compiler refuses it ("conflicting types"). */
  private checkPrototypes(): void {
    for (const f of this.fns) {
      const proto = this.protos.get(f.name);
      const at = this.protoAt.get(f.name);
      if (f.isStatic || !proto || !at || sameType(proto, f.type)) continue;
      this.diag({ severity: 'error', file: f.file, line: f.line, function: f.name, message: `conflicting types for ${f.name}() (its prototype at ${at.file}:${at.line} is \`${typeToString(proto)}\`)`, callee: f.name });
    }
  }

  private declareFunction(def: FunctionDef): void {
    const { t } = this.resolveType(def.spec, def.decl, def.line, null);
    if (t.k !== 'func') throw new CompileError(def.line, `${def.name} is not a function`);
    const isStatic = def.storage.includes('static');
    const same = this.fnsByName.get(def.name) ?? [];
    const clash = same.find((f) => !isStatic && !f.isStatic);
    if (clash) throw new CompileError(def.line, `${def.name}() is defined twice (also at ${clash.file}:${clash.line})`);
    const base = this.nextText;
    this.nextText += 64n;
    const code: FnCode = {
      name: def.name,
      file: def.file,
      line: def.line,
      endLine: def.endLine,
      isStatic,
      type: t,
      loc: { file: def.file, line: def.line, function: def.name },
      nSlots: 0,
      localNames: [],
      ownedSlots: [],
      frameBytes: 0,
      mayBlock: this.forceGen,
      run: null,
      runGen: null,
      trap: null,
      region: null as unknown as FunctionRegion,
    };
    code.region = new FunctionRegion(def.name, t, base, { kind: 'model', fn: code });
    same.push(code);
    this.fnsByName.set(def.name, same);
    this.fns.push(code);
    this.defs.set(code, def);
  }

  private declareGlobal(name: string, t: CType, init: Init | null, storage: string[], file: string, line: number): void {
    const isStatic = storage.includes('static');
    const extern = storage.includes('extern');
    const list = this.globalsByName.get(name) ?? [];
    const prev = list.find((g) => g.isStatic === isStatic && (!isStatic || g.info.file === file));
    if (prev) {
      // tentative definitions and extern declarations merge; a second initialiser is an error
      if (init && prev.init) throw new CompileError(line, `\`${name}\` is defined twice (also at ${prev.info.file}:${prev.info.line})`);
      if (init) {
        prev.init = init;
        prev.extern = false;
      }
      return;
    }
    if (t.k === 'struct' && !this.types.layoutOf(t.name)?.complete) throw new CompileError(line, `\`${name}\` has incomplete type struct ${t.name}`);
    const g: GlobalDecl = { info: { name, t, index: this.globals.length, file, line }, init, isStatic, extern: extern && !init, filler: null, value: null };
    this.globals.push(g);
    list.push(g);
    this.globalsByName.set(name, list);
  }

  // ------------------------------------------------------------------------- types

  resolveType(spec: TypeSpec, decl: Declarator, line: number, cx: FnCx | null): { t: CType; name: string | null } {
    return this.applyDecl(this.specType(spec, line, cx), decl, line, cx);
  }

  private constCx(cx: FnCx | null): FnCx {
    return cx ?? new FnCx(this, '<file scope>', '<file scope>', new Set(), null);
  }

  private specType(spec: TypeSpec, line: number, cx: FnCx | null): CType {
    switch (spec.k) {
      case 'prim': {
        const t = primType(spec.words);
        if (!t) throw new CompileError(line, `unsupported type \`${spec.words.join(' ')}\``);
        return t;
      }
      case 'name': {
        const t = this.types.typedefs.get(spec.name);
        if (!t) throw new CompileError(line, `unknown type name \`${spec.name}\``, { kind: 'type', name: spec.name });
        return t;
      }
      case 'struct': {
        const name = spec.name ?? `<anonymous ${spec.union ? 'union' : 'struct'} #${++this.anon}>`;
        if (spec.fields) {
          const members: { name: string | null; t: CType }[] = [];
          for (const f of spec.fields) {
            if (!f.decl) {
              members.push({ name: null, t: this.specType(f.spec, f.line, cx) });
              continue;
            }
            const r = this.applyDecl(this.specType(f.spec, f.line, cx), f.decl, f.line, cx);
            members.push({ name: r.name, t: r.t });
          }
          this.types.defineStruct(name, spec.union, members, cx?.file ?? '', spec.line);
        } else this.types.declareStruct(name, spec.union, cx?.file ?? '', spec.line);
        return this.types.structType(name);
      }
      case 'enum': {
        const t: CType = { k: 'int', bits: 32, signed: true, name: spec.name ? `enum ${spec.name}` : 'enum' };
        if (spec.items) {
          let next = 0;
          const c = this.constCx(cx);
          for (const it of spec.items) {
            if (it.value) next = Number(constValue(c, it.value, `value of ${it.name}`).v);
            this.types.enumConsts.set(it.name, { value: next, t: INT, file: c.file, line: it.line });
            next++;
          }
        }
        return t;
      }
    }
  }

  private applyDecl(base: CType, d: Declarator, line: number, cx: FnCx | null): { t: CType; name: string | null } {
    switch (d.k) {
      case 'name':
        return { t: base, name: d.name };
      case 'abstract':
        return { t: base, name: null };
      case 'ptr':
        return this.applyDecl({ k: 'ptr', to: base }, d.of, line, cx);
      case 'array': {
        let len = 0;
        if (d.size) len = Number(constValue(this.constCx(cx), d.size, 'array size').v);
        return this.applyDecl({ k: 'array', of: base, len }, d.of, line, cx);
      }
      case 'func': {
        const params = d.params.map((p) => {
          const t = this.resolveType(p.spec, p.decl, p.line, cx).t;
          if (t.k === 'array') return { k: 'ptr', to: t.of } as CType;
          if (t.k === 'func') return { k: 'ptr', to: t } as CType;
          return t;
        });
        return this.applyDecl({ k: 'func', ret: base, params, variadic: d.variadic }, d.of, line, cx);
      }
    }
  }

  // ------------------------------------------------------------------------- lookups

  lookupFunction(name: string, fromFile: string): FnCode | undefined {
    const list = this.fnsByName.get(name);
    if (!list) return undefined;
    return list.find((f) => f.isStatic && f.file === fromFile) ?? list.find((f) => !f.isStatic) ?? list[0];
  }

  prototype(name: string): CType | undefined {
    return this.protos.get(name);
  }

  builtin(name: string): BuiltinTarget | undefined {
    return this.builtinTargets.get(name);
  }

  global(name: string, fromFile: string): GlobalInfo | undefined {
    const list = this.globalsByName.get(name);
    if (!list) return undefined;
    return (list.find((g) => g.isStatic && g.info.file === fromFile) ?? list.find((g) => !g.isStatic) ?? list[0])!.info;
  }

  missing(name: string, t: CType): MissingTarget {
    let m = this.missingTargets.get(name);
    if (!m) {
      const base = this.nextText;
      this.nextText += 64n;
      m = { kind: 'missing', name, region: null as unknown as FunctionRegion };
      m.region = new FunctionRegion(name, t, base, m);
      this.missingTargets.set(name, m);
    }
    return m;
  }

  stringLiteral(value: string): Ptr {
    let p = this.strings.get(value);
    if (!p) {
      const vals: Value[] = [...value].map((c) => c.charCodeAt(0));
      vals.push(0);
      const r = new ArrayRegion(`string "${clip(value, 40)}"`, { k: 'int', bits: 8, signed: true, name: 'char' }, 1, this.nextRodata, vals, true);
      this.nextRodata += BigInt(vals.length + 15) & ~15n;
      p = new Ptr(r, 0);
      this.strings.set(value, p);
    }
    return p;
  }

  // ------------------------------------------------------------------------- fragments

  parseFragment(text: string, line: number, file: string): Stmt[] {
    const key = `${file}\0${line}\0${text}`;
    const hit = this.fragments.get(key);
    if (hit) return hit;
    const one = text.replace(/\\\n/g, ' ').replace(/\n/g, ' ');
    // lowered once per text (at line 0) for every compile of the process, then moved to `line`
    let base = fragmentCache.get(one);
    if (!base) {
      base = withTree(`void __lkml_fragment(void) { ${one} ; }`, (tree) => {
        const fn = tree.rootNode.namedChildren.find((c) => c?.type === 'function_definition');
        const body = fn?.childForFieldName('body');
        if (!fn || !body) return { error: 'cannot parse' };
        const lw = new Lowerer('<fragment>', 0);
        let out: Stmt[];
        try {
          out = lw.blockItems(body);
        } catch (e) {
          if (e instanceof LowerError) return { error: e.message };
          throw e;
        }
        const errs = [...lw.problems, ...syntaxErrors(body, 0)];
        if (errs.length) return { error: errs[0]!.message };
        while (out.length && out[out.length - 1]!.k === 'empty') out.pop();
        return { stmts: out };
      });
      remember(fragmentCache, one, base);
    }
    if ('error' in base) throw new CompileError(line, `cannot parse \`${clip(text)}\`: ${base.error}`);
    const stmts = relocate(base.stmts, line);
    this.fragments.set(key, stmts);
    return stmts;
  }

  restoreTypes(text: string): string {
    return this.pp.restoreTypes(text);
  }

  loopUse(marker: string): { def: MacroDef; args: string; line: number } | undefined {
    const u = this.pp.loopUses.get(marker);
    if (!u) return undefined;
    const def = this.macros.get(u.macro);
    return def ? { def, args: u.args, line: u.line } : undefined;
  }

  parseTypeText(text: string, line: number, file: string): TypeName | null {
    let stmts: Stmt[];
    try {
      stmts = this.parseFragment(`${text} __lkml_t`, line, file);
    } catch {
      return null;
    }
    const s = stmts[0];
    if (stmts.length !== 1 || !s || s.k !== 'decl' || s.decls.length !== 1 || s.decls[0]!.name !== '__lkml_t') return null;
    return s.decls[0]!.type;
  }

  // ------------------------------------------------------------------------- builtins

  private bindBuiltin(name: string, b: Builtin): void {
    const stmts = this.parseFragment(b.proto.trim().replace(/;$/, ''), 0, '<builtins>');
    const s = stmts[0];
    if (!s || s.k !== 'decl' || s.decls.length !== 1) throw new CompileError(0, `builtin ${name}: cannot read prototype \`${b.proto}\``);
    const d = s.decls[0]!;
    if (d.name !== name) throw new CompileError(0, `builtin ${name}: prototype names \`${d.name}\``);
    const { t } = this.resolveType(d.type.spec, d.type.decl, 0, null);
    if (t.k !== 'func') throw new CompileError(0, `builtin ${name}: prototype \`${b.proto}\` is not a function`);
    const proto = this.protos.get(name);
    if (proto && typeToString(proto) !== typeToString(t)) {
      this.diag({ severity: 'warning', file: '<builtins>', line: 0, message: `builtin ${name}: prototype \`${typeToString(t)}\` differs from the header's \`${typeToString(proto)}\`` });
    }
    if (this.fnsByName.has(name)) {
      this.diag({ severity: 'note', file: '<builtins>', line: 0, message: `builtin ${name} is shadowed by the model's C definition` });
    }
    const isGenFn = b.fn.constructor?.name === 'GeneratorFunction';
    const base = this.nextText;
    this.nextText += 64n;
    const target: BuiltinTarget = {
      kind: 'builtin',
      name,
      b,
      type: t,
      blocking: !!b.blocking || isGenFn,
      region: null as unknown as FunctionRegion,
      checkRet: returnChecker(name, t.ret),
    };
    target.region = new FunctionRegion(name, t, base, target);
    this.builtinTargets.set(name, target);
  }

  // ------------------------------------------------------------------------- bodies

  private compileFunctions(): void {
    for (const fn of this.fns) this.compileOne(fn);
    for (let round = 0; ; round++) {
      const newly = this.fns.filter((f) => !f.mayBlock && f.run === null);
      if (newly.length === 0) break;
      const again = new Set<FnCode>();
      for (const f of newly) {
        f.mayBlock = true;
        for (const c of this.callers.get(f) ?? []) again.add(c);
      }
      for (const f of again) this.compileOne(f);
      if (round > this.fns.length + 2) throw new Error('may-block fixpoint did not converge');
    }
    if (this.opts.codegen !== false) for (const fn of this.fns) this.generate(fn);
  }

  /**
   * Replace a function's closure tree by generated JavaScript (jsgen.ts), once its shape (plain
   * or generator) and its callees' are final. Locals go into JavaScript variables unless some
   * part of the body runs as a closure (which reads them from the frame).
   */
  private generate(fn: FnCode): void {
    const emit = this.bodies.get(fn);
    if (!emit || fn.trap !== null) return;
    const owned = new Set(fn.ownedSlots);
    const plain: number[] = [];
    for (let s = 0; s < fn.nSlots; s++) if (!owned.has(s)) plain.push(s);
    const isGen = fn.runGen !== null;
    try {
      for (const vars of [true, false]) {
        const g = new Gen(isGen, vars, plain);
        g.setParams(fn.type.params.length);
        const body = emit(g);
        if (vars && g.fallbacks > 0) continue;
        if (!vars) this.codegenInFrame.push(fn.name);
        const run = g.build<FnCode['run'] & FnCode['runGen']>(fn.name, body);
        if (isGen) fn.runGen = run;
        else fn.run = run;
        return;
      }
    } catch (e) {
      this.codegenFailures.push({ fn: fn.name, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private compileOne(fn: FnCode): void {
    const def = this.defs.get(fn)!;
    const cells = this.cells.get(fn) ?? new Set<string>();
    this.cells.set(fn, cells);
    let cx: FnCx;
    let body: ReturnType<typeof compileFunctionBody> | null = null;
    for (;;) {
      cx = new FnCx(this, def.file, def.name, cells, fn, fn.type.ret);
      for (const l of collectLabels(def.body)) cx.allLabels.add(l);
      try {
        body = compileFunctionBody(cx, def, fn.type);
      } catch (e) {
        if (e instanceof NeedCell) {
          if (cells.has(e.name)) throw new Error(`internal: ${e.name} already a cell`);
          cells.add(e.name);
          continue;
        }
        if (e instanceof CompileError) cx.errors.push(e);
        else throw e;
      }
      break;
    }
    fn.nSlots = cx.nSlots;
    fn.localNames = cx.localNames;
    fn.ownedSlots = cx.ownedSlots;
    fn.frameBytes = cx.frameBytes;
    for (const callee of cx.callees) {
      const set = this.callers.get(callee) ?? new Set();
      set.add(fn);
      this.callers.set(callee, set);
    }
    const errors: Diagnostic[] = cx.errors.map((e) => ({ severity: 'error', file: def.file, line: e.line, function: def.name, message: e.message, ...(e.unknown ? { unknown: e.unknown } : {}), ...(e.callee ? { callee: e.callee } : {}) }));
    for (const p of this.problems) {
      if (p.file === def.file && p.line >= def.line && p.line <= def.endLine && !errors.some((x) => x.line === p.line)) {
        errors.push({ severity: 'error', file: p.file, line: p.line, function: def.name, message: p.message });
      }
    }
    errors.sort((a, b) => a.line - b.line);
    this.fnErrors.set(fn, errors);
    this.fnUnresolved.set(fn, cx.unresolved.map((u) => ({ name: u.name, file: def.file, line: u.line, function: def.name })));
    if (errors.length || !body) {
      this.bodies.delete(fn);
      const first = errors[0];
      const msg = `${def.name}() does not compile: ${first ? `${first.file}:${first.line}: ${first.message}` : 'unknown error'}`;
      fn.trap = msg;
      fn.run = (f) => f.t.notModelled(msg);
      fn.runGen = null;
      return;
    }
    fn.trap = null;
    fn.run = body.run;
    fn.runGen = body.runGen;
    this.bodies.set(fn, body.emit);
  }

  private compileGlobalInit(g: GlobalDecl): void {
    if (!g.init) return;
    const cx = new FnCx(this, g.info.file, `<initialiser of ${g.info.name}>`, new Set(), null);
    const t = g.info.t;
    if (t.k === 'struct' || t.k === 'array') {
      const filler = compileInitFiller(cx, t, g.init, g.info.line);
      if (filler.gv) throw new CompileError(g.info.line, `initialiser of ${g.info.name} calls something that may block`);
      g.filler = filler;
      return;
    }
    let e = g.init;
    while (e.k === 'list') {
      if (e.items.length !== 1) throw new CompileError(g.info.line, `braced initialiser for scalar \`${g.info.name}\``);
      e = e.items[0]!.value;
    }
    const c = convert(compileRvalue(cx, e.e as Expr), t, 'init', `initialiser of \`${g.info.name}\``);
    if (!c.ev) throw new CompileError(g.info.line, `initialiser of ${g.info.name} calls something that may block`);
    g.value = c.ev;
  }

  /** Diagnostics of the latest compilation, function errors included, in file/line order. */
  allDiagnostics(): Diagnostic[] {
    const out = [...this.diagnostics];
    for (const p of this.problems) {
      const inFn = this.fns.some((f) => f.file === p.file && p.line >= f.line && p.line <= f.endLine);
      if (!inFn) out.push({ severity: 'error', file: p.file, line: p.line, message: p.message });
    }
    for (const list of this.fnErrors.values()) out.push(...list);
    return out;
  }

  unresolvedCalls(): UnresolvedCall[] {
    const out: UnresolvedCall[] = [];
    for (const f of this.fns) out.push(...(this.fnUnresolved.get(f) ?? []));
    return out;
  }
}
