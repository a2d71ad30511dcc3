// tree-sitter-c syntax tree -> our AST (ast.ts). Purely syntactic: no types, no scopes. Syntax
// the subset does not cover becomes a `bad` node (turned into a precise compile error later) or a
// SyntaxProblem, never a crash. A call whose argument list does not parse as expressions (type
// arguments: `container_of(p, struct foo, member)`) keeps `args: null` and its raw text.

import type { TSNode } from './ts-parser.js';
import type {
  Declarator, Designator, EnumItem, Expr, FieldDecl, FunctionDef, Init, ParamDecl, Stmt,
  SyntaxProblem, TopDecl, TypeName, TypeSpec, VarDecl,
} from './ast.js';

export class Lowerer {
  readonly problems: SyntaxProblem[] = [];

  /** `lineBase` is added to tree rows (fragments are parsed inside a wrapper). */
  constructor(
    readonly file: string,
    readonly lineBase = 1,
  ) {}

  line(n: TSNode): number {
    return n.startPosition.row + this.lineBase;
  }

  private problem(n: TSNode, what: string): void {
    this.problems.push({ line: this.line(n), message: what });
  }

  private bad(n: TSNode, what: string): Expr {
    this.problem(n, what);
    return { k: 'bad', message: what, line: this.line(n), src: clip(n.text) };
  }

  // ------------------------------------------------------------------------- top level

  translationUnit(root: TSNode): TopDecl[] {
    const out: TopDecl[] = [];
    for (const c of named(root)) this.topLevel(c, out);
    return out;
  }

  /** The declarations one top-level node contributes (a caller can isolate broken ones). */
  translationUnitItem(n: TSNode): TopDecl[] {
    const out: TopDecl[] = [];
    this.topLevel(n, out);
    return out;
  }

  private topLevel(n: TSNode, out: TopDecl[]): void {
    switch (n.type) {
      case 'function_definition':
        out.push({ k: 'function', def: this.functionDef(n) });
        return;
      case 'declaration': {
        const d = this.declaration(n);
        out.push({ k: 'decl', storage: d.storage, spec: d.spec, decls: d.decls, line: this.line(n), file: this.file });
        return;
      }
      case 'type_definition': {
        const t = this.typedef(n);
        out.push({ k: 'typedef', spec: t.spec, names: t.names, line: this.line(n), file: this.file });
        return;
      }
      case 'struct_specifier':
      case 'union_specifier':
      case 'enum_specifier':
        out.push({ k: 'decl', storage: [], spec: this.typeSpec(n), decls: [], line: this.line(n), file: this.file });
        return;
      case 'expression_statement':
        if (named(n).length === 0) return; // a stray `;` (e.g. after a blanked EXPORT_SYMBOL)
        this.problem(n, `statement outside a function: ${clip(n.text)}`);
        return;
      case 'comment':
        return;
      case 'preproc_include':
      case 'preproc_def':
      case 'preproc_function_def':
      case 'preproc_call':
        return; // only seen when a caller parses un-preprocessed text
      case 'preproc_if':
      case 'preproc_ifdef':
      case 'preproc_else':
      case 'preproc_elif':
        for (const c of named(n)) if (c.type !== 'identifier' && !/^preproc_(defined|arg)$/.test(c.type)) this.topLevel(c, out);
        return;
      default:
        this.problem(n, n.type === 'ERROR' ? `syntax error: ${clip(n.text)}` : `unsupported top-level ${n.type}: ${clip(n.text)}`);
    }
  }

  functionDef(n: TSNode): FunctionDef {
    const declNode = field(n, 'declarator');
    const decl = this.declarator(declNode);
    const body = field(n, 'body');
    return {
      name: declaratorName(decl) ?? '<anonymous>',
      storage: storage(n),
      spec: this.typeSpec(field(n, 'type')),
      decl,
      body: this.blockItems(body),
      file: this.file,
      line: this.line(n),
      endLine: n.endPosition.row + this.lineBase,
      bodyLine: this.line(body),
    };
  }

  private declaration(n: TSNode): { storage: string[]; spec: TypeSpec; decls: VarDecl[] } {
    const spec = this.typeSpec(field(n, 'type'));
    const decls: VarDecl[] = [];
    for (const d of n.childrenForFieldName('declarator')) {
      if (!d) continue;
      if (d.type === 'init_declarator') {
        const inner = this.declarator(field(d, 'declarator'));
        decls.push({
          name: declaratorName(inner) ?? '<anonymous>',
          type: { spec, decl: inner },
          init: this.init(field(d, 'value')),
          line: this.line(d),
        });
      } else {
        const inner = this.declarator(d);
        decls.push({ name: declaratorName(inner) ?? '<anonymous>', type: { spec, decl: inner }, init: null, line: this.line(d) });
      }
    }
    return { storage: storage(n), spec, decls };
  }

  private typedef(n: TSNode): { spec: TypeSpec; names: { name: string; decl: Declarator }[] } {
    const spec = this.typeSpec(field(n, 'type'));
    const names: { name: string; decl: Declarator }[] = [];
    for (const d of n.childrenForFieldName('declarator')) {
      if (!d) continue;
      const decl = this.declarator(d);
      names.push({ name: declaratorName(decl) ?? '<anonymous>', decl });
    }
    return { spec, names };
  }

  // ------------------------------------------------------------------------- types

  typeSpec(n: TSNode): TypeSpec {
    switch (n.type) {
      case 'primitive_type':
        return { k: 'prim', words: [n.text] };
      case 'sized_type_specifier': {
        // `unsigned long int`, `long long`, `unsigned` ... : keep the words in order
        const words = n.text.split(/\s+/).filter((w) => w !== 'const' && w !== 'volatile');
        return { k: 'prim', words };
      }
      case 'type_identifier':
        return { k: 'name', name: n.text };
      case 'struct_specifier':
      case 'union_specifier': {
        const body = n.childForFieldName('body');
        return {
          k: 'struct',
          union: n.type === 'union_specifier',
          name: n.childForFieldName('name')?.text ?? null,
          fields: body ? this.fields(body) : null,
          line: this.line(n),
        };
      }
      case 'enum_specifier': {
        const body = n.childForFieldName('body');
        let items: EnumItem[] | null = null;
        if (body) {
          items = [];
          for (const e of named(body)) {
            if (e.type !== 'enumerator') continue;
            const v = e.childForFieldName('value');
            items.push({ name: field(e, 'name').text, value: v ? this.expr(v) : null, line: this.line(e) });
          }
        }
        return { k: 'enum', name: n.childForFieldName('name')?.text ?? null, items, line: this.line(n) };
      }
      case 'macro_type_specifier':
        this.problem(n, `unsupported type syntax: ${clip(n.text)}`);
        return { k: 'prim', words: ['int'] };
      default:
        this.problem(n, `unsupported type ${n.type}: ${clip(n.text)}`);
        return { k: 'prim', words: ['int'] };
    }
  }

  private fields(list: TSNode): FieldDecl[] {
    const out: FieldDecl[] = [];
    for (const f of named(list)) {
      if (f.type === 'comment') continue;
      if (f.type !== 'field_declaration') {
        this.problem(f, `unsupported in struct body: ${clip(f.text)}`);
        continue;
      }
      const spec = this.typeSpec(field(f, 'type'));
      const bitsNode = named(f).find((c) => c.type === 'bitfield_clause');
      const bits = bitsNode && named(bitsNode)[0] ? this.expr(named(bitsNode)[0]!) : null;
      const decls = f.childrenForFieldName('declarator').filter((d): d is TSNode => d !== null);
      if (decls.length === 0) out.push({ spec, decl: null, bits, line: this.line(f) });
      for (const d of decls) out.push({ spec, decl: this.declarator(d), bits, line: this.line(f) });
    }
    return out;
  }

  declarator(n: TSNode | null): Declarator {
    if (!n) return { k: 'abstract' };
    switch (n.type) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
      case 'primitive_type': // `typedef unsigned long pteval_t` never has this; `typedef int bool` might
        return { k: 'name', name: n.text };
      case 'pointer_declarator':
      case 'abstract_pointer_declarator':
        return { k: 'ptr', of: this.declarator(n.childForFieldName('declarator')) };
      case 'array_declarator':
      case 'abstract_array_declarator': {
        const size = n.childForFieldName('size');
        return {
          k: 'array',
          of: this.declarator(n.childForFieldName('declarator')),
          size: size && size.type !== '*' ? this.expr(size) : null,
        };
      }
      case 'function_declarator':
      case 'abstract_function_declarator': {
        const { params, variadic } = this.params(field(n, 'parameters'));
        return { k: 'func', of: this.declarator(n.childForFieldName('declarator')), params, variadic };
      }
      case 'parenthesized_declarator':
      case 'abstract_parenthesized_declarator':
      case 'attributed_declarator': {
        const inner = named(n).find((c) => /declarator$|identifier$/.test(c.type));
        return this.declarator(inner ?? null);
      }
      default:
        this.problem(n, `unsupported declarator ${n.type}: ${clip(n.text)}`);
        return { k: 'name', name: '<bad>' };
    }
  }

  private params(list: TSNode): { params: ParamDecl[]; variadic: boolean } {
    const params: ParamDecl[] = [];
    let variadic = false;
    for (const p of named(list)) {
      if (p.type === 'variadic_parameter') variadic = true;
      else if (p.type === 'parameter_declaration') {
        params.push({ spec: this.typeSpec(field(p, 'type')), decl: this.declarator(p.childForFieldName('declarator')), line: this.line(p) });
      } else if (p.type !== 'comment') this.problem(p, `unsupported parameter: ${clip(p.text)}`);
    }
    // `(void)` means no parameters
    if (params.length === 1 && params[0]!.decl.k === 'abstract' && params[0]!.spec.k === 'prim' && params[0]!.spec.words.join(' ') === 'void') {
      params.length = 0;
    }
    return { params, variadic };
  }

  typeName(n: TSNode): TypeName {
    // type_descriptor: type + optional abstract declarator
    return { spec: this.typeSpec(field(n, 'type')), decl: this.declarator(n.childForFieldName('declarator')) };
  }

  // ------------------------------------------------------------------------- statements

  blockItems(n: TSNode): Stmt[] {
    const out: Stmt[] = [];
    for (const c of named(n)) {
      if (c.type === 'comment') continue;
      out.push(this.stmt(c));
    }
    return out;
  }

  stmt(n: TSNode): Stmt {
    const line = this.line(n);
    const endLine = n.endPosition.row + this.lineBase;
    const at = { line, endLine };
    switch (n.type) {
      case 'compound_statement':
        return { ...at, k: 'block', body: this.blockItems(n) };
      case 'expression_statement': {
        const e = named(n).filter((c) => c.type !== 'comment')[0];
        return e ? { ...at, k: 'expr', e: this.expr(e) } : { ...at, k: 'empty' };
      }
      case 'declaration': {
        const d = this.declaration(n);
        return { ...at, k: 'decl', storage: d.storage, decls: d.decls, spec: d.spec };
      }
      case 'type_definition': {
        const t = this.typedef(n);
        return { ...at, k: 'typedef', spec: t.spec, names: t.names };
      }
      case 'struct_specifier':
      case 'union_specifier':
      case 'enum_specifier':
        return { ...at, k: 'decl', storage: [], decls: [], spec: this.typeSpec(n) };
      case 'if_statement': {
        const alt = n.childForFieldName('alternative');
        const altStmt = alt ? named(alt).filter((c) => c.type !== 'comment')[0] : undefined;
        return {
          ...at,
          k: 'if',
          test: this.cond(field(n, 'condition')),
          then: this.stmt(field(n, 'consequence')),
          else: altStmt ? this.stmt(altStmt) : null,
        };
      }
      case 'while_statement':
        return { ...at, k: 'while', test: this.cond(field(n, 'condition')), body: this.stmt(field(n, 'body')) };
      case 'do_statement':
        return { ...at, k: 'do', body: this.stmt(field(n, 'body')), test: this.cond(field(n, 'condition')) };
      case 'for_statement': {
        const init = n.childForFieldName('initializer');
        const test = n.childForFieldName('condition');
        const update = n.childForFieldName('update');
        let initStmt: Stmt | null = null;
        if (init) {
          initStmt = init.type === 'declaration'
            ? this.stmt(init)
            : { line: this.line(init), endLine: this.line(init), k: 'expr', e: this.expr(init) };
        }
        return {
          ...at,
          k: 'for',
          init: initStmt,
          test: test ? this.expr(test) : null,
          update: update ? this.expr(update) : null,
          body: this.stmt(field(n, 'body')),
        };
      }
      case 'switch_statement':
        return { ...at, k: 'switch', test: this.cond(field(n, 'condition')), body: this.stmt(field(n, 'body')) };
      case 'case_statement': {
        const value = n.childForFieldName('value');
        const body: Stmt[] = [];
        for (const c of named(n)) {
          if (value && c.id === value.id) continue;
          if (c.type === 'comment') continue;
          body.push(this.stmt(c));
        }
        return { ...at, k: 'case', value: value ? this.expr(value) : null, body };
      }
      case 'break_statement':
        return { ...at, k: 'break' };
      case 'continue_statement':
        return { ...at, k: 'continue' };
      case 'return_statement': {
        const e = named(n).filter((c) => c.type !== 'comment')[0];
        return { ...at, k: 'return', e: e ? this.expr(e) : null };
      }
      case 'goto_statement':
        return { ...at, k: 'goto', label: field(n, 'label').text };
      case 'labeled_statement': {
        const label = field(n, 'label');
        const inner = named(n).filter((c) => c.id !== label.id && c.type !== 'comment')[0];
        return { ...at, k: 'label', label: label.text, body: inner ? this.stmt(inner) : { ...at, k: 'empty' } };
      }
      case 'attributed_statement': {
        const inner = named(n).filter((c) => c.type !== 'attribute_declaration' && c.type !== 'comment')[0];
        return inner ? this.stmt(inner) : { ...at, k: 'empty' };
      }
      default: {
        const what = n.type === 'ERROR' ? `syntax error: ${clip(n.text)}` : `unsupported statement ${n.type}: ${clip(n.text)}`;
        return { ...at, k: 'expr', e: this.bad(n, what) };
      }
    }
  }

  /** The `(cond)` of if/while/do/switch. */
  private cond(n: TSNode): Expr {
    if (n.type === 'parenthesized_expression') {
      const inner = named(n).filter((c) => c.type !== 'comment')[0];
      if (inner) return this.expr(inner);
    }
    return this.expr(n);
  }

  // ------------------------------------------------------------------------- initialisers

  init(n: TSNode | null): Init | null {
    if (!n) return null;
    if (n.type !== 'initializer_list') return { k: 'expr', e: this.expr(n) };
    const items: { designators: Designator[]; value: Init }[] = [];
    for (const c of named(n)) {
      if (c.type === 'comment') continue;
      if (c.type === 'initializer_pair') {
        const designators: Designator[] = [];
        for (const d of c.childrenForFieldName('designator')) {
          if (!d) continue;
          if (d.type === 'field_designator') designators.push({ k: 'field', name: named(d)[0]!.text });
          else if (d.type === 'field_identifier') designators.push({ k: 'field', name: d.text });
          else if (d.type === 'subscript_designator') designators.push({ k: 'index', index: this.expr(named(d)[0]!) });
          else this.problem(d, `unsupported designator: ${clip(d.text)}`);
        }
        items.push({ designators, value: this.init(field(c, 'value'))! });
      } else {
        items.push({ designators: [], value: this.init(c)! });
      }
    }
    return { k: 'list', items, line: this.line(n) };
  }

  // ------------------------------------------------------------------------- expressions

  expr(n: TSNode): Expr {
    const line = this.line(n);
    const src = clip(n.text);
    const at = { line, src };
    if (n.isMissing) return this.bad(n, `syntax error: missing \`${n.type}\``);
    switch (n.type) {
      case 'number_literal':
        return { ...at, k: 'num', text: n.text };
      case 'char_literal':
        return { ...at, k: 'char', value: charValue(n.text) };
      case 'string_literal':
        return { ...at, k: 'str', value: stringValue(n.text) };
      case 'concatenated_string': {
        let s = '';
        for (const c of named(n)) {
          if (c.type === 'string_literal') s += stringValue(c.text);
          else return this.bad(c, `macro in string concatenation is not supported: ${src}`);
        }
        return { ...at, k: 'str', value: s };
      }
      case 'true':
        return { ...at, k: 'bool', value: true };
      case 'false':
        return { ...at, k: 'bool', value: false };
      case 'null':
        return { ...at, k: 'null' };
      case 'identifier':
        return { ...at, k: 'ident', name: n.text };
      case 'parenthesized_expression': {
        const inner = named(n).filter((c) => c.type !== 'comment')[0];
        if (!inner) return this.bad(n, 'empty parentheses');
        if (inner.type === 'compound_statement') return { ...at, k: 'stmtExpr', body: this.blockItems(inner) };
        return { ...at, k: 'paren', arg: this.expr(inner) };
      }
      case 'unary_expression':
        return { ...at, k: 'unary', op: field(n, 'operator').text as '-', arg: this.expr(field(n, 'argument')) };
      case 'pointer_expression': {
        const op = field(n, 'operator').text;
        const arg = this.expr(field(n, 'argument'));
        return op === '&' ? { ...at, k: 'addr', arg } : { ...at, k: 'deref', arg };
      }
      case 'binary_expression':
        return { ...at, k: 'binary', op: field(n, 'operator').text, left: this.expr(field(n, 'left')), right: this.expr(field(n, 'right')) };
      case 'assignment_expression':
        return { ...at, k: 'assign', op: field(n, 'operator').text, left: this.expr(field(n, 'left')), right: this.expr(field(n, 'right')) };
      case 'update_expression': {
        const opNode = field(n, 'operator');
        const arg = field(n, 'argument');
        return { ...at, k: 'update', op: opNode.text as '++', prefix: opNode.startIndex < arg.startIndex, arg: this.expr(arg) };
      }
      case 'call_expression': {
        const argList = field(n, 'arguments');
        const raw = { text: argList.text.slice(1, -1), line: this.line(argList) };
        const kids = named(argList).filter((c) => c.type !== 'comment');
        const broken = argList.hasError || kids.some((c) => c.type === 'compound_statement' || c.type === 'preproc_defined');
        return {
          ...at,
          k: 'call',
          callee: this.expr(field(n, 'function')),
          args: broken ? null : kids.map((c) => this.expr(c)),
          raw,
        };
      }
      case 'field_expression':
        return { ...at, k: 'field', obj: this.expr(field(n, 'argument')), field: field(n, 'field').text, arrow: field(n, 'operator').text === '->' };
      case 'subscript_expression':
        return { ...at, k: 'index', obj: this.expr(field(n, 'argument')), index: this.expr(field(n, 'index')) };
      case 'cast_expression':
        return { ...at, k: 'cast', type: this.typeName(field(n, 'type')), arg: this.expr(field(n, 'value')) };
      case 'conditional_expression': {
        const test = this.expr(field(n, 'condition'));
        const cons = n.childForFieldName('consequence');
        // GNU `a ?: b` keeps the test as the value (evaluated twice here: harmless for the subset)
        return { ...at, k: 'cond', test, then: cons ? this.expr(cons) : test, else: this.expr(field(n, 'alternative')) };
      }
      case 'comma_expression':
        return { ...at, k: 'comma', left: this.expr(field(n, 'left')), right: this.expr(field(n, 'right')) };
      case 'sizeof_expression': {
        const t = n.childForFieldName('type');
        if (t) return { ...at, k: 'sizeofType', type: this.typeName(t) };
        return { ...at, k: 'sizeofExpr', arg: this.expr(field(n, 'value')) };
      }
      case 'offsetof_expression':
        return { ...at, k: 'offsetof', type: this.typeName(field(n, 'type')), field: field(n, 'member').text };
      case 'compound_literal_expression':
        return { ...at, k: 'compoundLit', type: this.typeName(field(n, 'type')), init: this.init(field(n, 'value'))! };
      case 'extension_expression':
        return this.expr(named(n)[0]!);
      default:
        return this.bad(n, n.type === 'ERROR' ? `syntax error: ${src}` : `unsupported expression ${n.type}: ${src}`);
    }
  }
}

// ----------------------------------------------------------------------------- helpers

function named(n: TSNode): TSNode[] {
  return n.namedChildren.filter((c): c is TSNode => c !== null);
}

function field(n: TSNode, name: string): TSNode {
  const c = n.childForFieldName(name);
  if (!c) throw new LowerError(n, `missing ${name} in ${n.type}: ${clip(n.text)}`);
  return c;
}

function storage(n: TSNode): string[] {
  return named(n).filter((c) => c.type === 'storage_class_specifier').map((c) => c.text);
}

/** Thrown for trees too broken to lower (a MISSING field); callers report it as a syntax problem. */
export class LowerError extends Error {
  constructor(
    readonly node: TSNode,
    message: string,
  ) {
    super(message);
  }
}

export function declaratorName(d: Declarator): string | null {
  for (let x: Declarator = d; ; ) {
    if (x.k === 'name') return x.name;
    if (x.k === 'abstract') return null;
    x = x.of;
  }
}

export function clip(s: string, max = 120): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 3) + '...' : one;
}

const ESC: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, a: 7, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63, e: 27 };

function unescape(body: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out.push(body.charCodeAt(i));
      continue;
    }
    const d = body[++i] ?? '';
    if (d === 'x') {
      const m = /^[0-9a-fA-F]+/.exec(body.slice(i + 1))![0];
      out.push(parseInt(m, 16) & 0xff);
      i += m.length;
    } else if (/[0-7]/.test(d)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out.push(parseInt(m, 8) & 0xff);
      i += m.length - 1;
    } else out.push(ESC[d] ?? d.charCodeAt(0));
  }
  return out;
}

function charValue(text: string): number {
  const body = text.replace(/^[LuU8]*'/, '').replace(/'$/, '');
  const v = unescape(body)[0] ?? 0;
  return v > 127 ? v - 256 : v; // char is signed
}

function stringValue(text: string): string {
  const body = text.replace(/^[LuU8]*"/, '').replace(/"$/, '');
  return String.fromCharCode(...unescape(body));
}
