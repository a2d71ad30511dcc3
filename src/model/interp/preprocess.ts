// The preprocessor subset. It works on text before tree-sitter sees it, and never moves a line:
// directive lines, inactive #if branches and annotation macros that expand to nothing are
// replaced by spaces (newlines kept), so every line and column of the parsed text is the line
// and column of the model source a hunk refers to.
//
// Macros with a body are NOT expanded here: the compiler expands them where they are used
// (object-like: the body as a typed expression; function-like: argument texts substituted into
// the body, parsed as an expression or as statements). This keeps the source text intact for the
// hunk mapper and lets type arguments (`min_t(unsigned long, ...)`) through.
//
// Model: a "unity build". Sources are processed in the order given; a header is processed once,
// at its first #include (or at its place in the list). Conditionals see the macros defined so
// far; macro uses in code see the final table.

import { lex, lineAt, splitArgs, type Tok } from './lex.js';
import { IfParser } from './pp-if.js';

export interface MacroDef {
  name: string;
  /** null for object-like macros. */
  params: string[] | null;
  variadic: boolean;
  body: string;
  file: string;
  line: number;
}

export interface PpDiagnostic {
  severity: 'error' | 'warning' | 'note';
  file: string;
  line: number;
  message: string;
}

export interface PpUnit {
  path: string;
  /** Same length and line structure as the source, directives/inactive code blanked. */
  text: string;
}

export type ConfigSet = Record<string, boolean | number | string> | string[];

/**
 * Annotations that expand to nothing in the kernel and that tree-sitter cannot parse as C.
 * Object-like ones are blanked where they appear; function-like ones with their argument list.
 */
const EMPTY_ANNOTATIONS = [
  '__always_inline', '__inline', '__init', '__exit', '__user', '__rcu', '__iomem', '__percpu',
  '__must_check', '__maybe_unused', '__always_unused', '__read_mostly', '__cold', '__weak',
  'noinline', 'notrace', '__force', '__ref', '__sched', '__visible', 'asmlinkage', '__latent_entropy',
  '__randomize_layout', '__packed', '__aligned_largest', 'fallthrough', '__private', '__safe',
];
const EMPTY_FN_ANNOTATIONS = [
  '__acquires', '__releases', '__must_hold', '__acquire', '__release', '__cond_lock_hint',
  'EXPORT_SYMBOL', 'EXPORT_SYMBOL_GPL', 'MODULE_LICENSE', 'MODULE_AUTHOR', 'MODULE_DESCRIPTION',
  '__aligned', '__section', '__attribute__',
];

const ANNOTATION_SET = new Set(EMPTY_ANNOTATIONS);

/**
 * A macro body without the object-like annotations that expand to nothing (`(__force rmap_t)0`):
 * the body is parsed where the macro is used, after the text's own annotations were blanked.
 */
function withoutAnnotations(body: string): string {
  const toks = lex(body).filter((t) => t.kind === 'id' && ANNOTATION_SET.has(t.text));
  if (!toks.length) return body;
  let out = '';
  let at = 0;
  for (const t of toks) {
    out += body.slice(at, t.start) + ' '.repeat(t.end - t.start);
    at = t.end;
  }
  return out + body.slice(at);
}

function configMacros(config: ConfigSet | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!config) return out;
  if (Array.isArray(config)) {
    for (const c of config) out.set(c, '1');
    return out;
  }
  for (const [k, v] of Object.entries(config)) {
    if (v === false) continue;
    out.set(k, v === true ? '1' : String(v));
  }
  return out;
}

export class Preprocessor {
  readonly macros = new Map<string, MacroDef>();
  /** `#pragma lkml opaque NAME [SIZE]`: typedef names whose values belong to the runtime. */
  readonly opaque = new Map<string, number>();
  readonly units: PpUnit[] = [];
  readonly diagnostics: PpDiagnostic[] = [];
  /**
   * Uses of loop-header macros (`anon_vma_interval_tree_foreach(...) { body }`), which C parsers
   * cannot read: the use is replaced in the text by `for(;__lkml_L<n>;)` of the same length and
   * recorded here under that marker; the compiler expands the macro and puts the body back.
   */
  readonly loopUses = new Map<string, { macro: string; args: string; file: string; line: number }>();
  /**
   * Type arguments of calls (`container_of(p, struct svm_notifier, notifier)`) that the C
   * grammar cannot read as expressions are replaced by a same-length identifier `__T<n>___`;
   * restoreTypes() puts the type text back when a macro or intrinsic reads its arguments.
   */
  readonly typeArgs = new Map<string, string>();
  private readonly done = new Set<string>();
  private readonly active = new Set<string>();

  constructor(
    private readonly sources: Map<string, string>,
    config?: ConfigSet,
    extraEmpty: string[] = [],
  ) {
    for (const [name, body] of configMacros(config)) {
      this.macros.set(name, { name, params: null, variadic: false, body, file: '<config>', line: 0 });
    }
    for (const name of [...EMPTY_ANNOTATIONS, ...extraEmpty]) {
      this.macros.set(name, { name, params: null, variadic: false, body: '', file: '<builtin>', line: 0 });
    }
    for (const name of EMPTY_FN_ANNOTATIONS) {
      this.macros.set(name, { name, params: [], variadic: true, body: '', file: '<builtin>', line: 0 });
    }
  }

  /** Process every source in order (headers first where included). */
  run(order: string[] = [...this.sources.keys()]): PpUnit[] {
    for (const p of order) this.file(p);
    return this.units;
  }

  resolveInclude(name: string, from: string, system: boolean): string | null {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const cands = system ? [`include/${name}`, name] : [dir ? `${dir}/${name}` : name, `include/${name}`, name];
    for (const c of cands) if (this.sources.has(c)) return c;
    return null;
  }

  private file(path: string): void {
    if (this.done.has(path)) return;
    if (this.active.has(path)) return; // include cycle: the guard would stop it too
    const text = this.sources.get(path);
    if (text === undefined) return;
    this.active.add(path);
    const out = this.directives(path, text);
    this.active.delete(path);
    this.done.add(path);
    this.units.push({ path, text: this.rewriteUses(path, out) });
  }

  // ------------------------------------------------------------------------- directives

  private directives(path: string, text: string): string {
    const lines = text.split('\n');
    const out: string[] = [];
    // conditional stack: is this branch active, did an earlier branch win, was the parent active
    const conds: { on: boolean; taken: boolean; parent: boolean; line: number }[] = [];
    const isOn = () => (conds.length === 0 ? true : conds[conds.length - 1]!.on);
    let inComment = false;
    for (let i = 0; i < lines.length; i++) {
      const lineText = lines[i]!;
      const directive = !inComment && /^\s*#/.test(lineText);
      if (!directive) {
        out.push(isOn() ? lineText : blank(lineText));
        inComment = commentStateAfter(lineText, inComment);
        continue;
      }
      // join continuation lines
      let full = lineText;
      const first = i;
      out.push(blank(lineText));
      while (/\\\s*$/.test(full.split('\n').pop()!) && i + 1 < lines.length) {
        i++;
        full = full.replace(/\\\s*$/, '') + '\n' + lines[i]!;
        out.push(blank(lines[i]!));
      }
      const lineNo = first + 1;
      const body = stripComments(full).replace(/\n/g, ' ').trim().slice(1).trim();
      const m = /^(\w+)\s*(.*)$/s.exec(body);
      const kw = m ? m[1]! : '';
      const rest = m ? m[2]!.trim() : '';
      const at = { file: path, line: lineNo };
      switch (kw) {
        case 'ifdef':
        case 'ifndef': {
          const parent = isOn();
          const def = this.macros.has(rest.split(/\s/)[0]!);
          const on = parent && (kw === 'ifdef' ? def : !def);
          conds.push({ on, taken: on, parent, line: lineNo });
          break;
        }
        case 'if': {
          const parent = isOn();
          const on = parent && this.evalIf(rest, at);
          conds.push({ on, taken: on, parent, line: lineNo });
          break;
        }
        case 'elif': {
          const c = conds[conds.length - 1];
          if (!c) {
            this.diag('error', at, '#elif without #if');
            break;
          }
          const on = c.parent && !c.taken && this.evalIf(rest, at);
          c.on = on;
          c.taken ||= on;
          break;
        }
        case 'else': {
          const c = conds[conds.length - 1];
          if (!c) {
            this.diag('error', at, '#else without #if');
            break;
          }
          c.on = c.parent && !c.taken;
          c.taken = true;
          break;
        }
        case 'endif':
          if (!conds.pop()) this.diag('error', at, '#endif without #if');
          break;
        default:
          if (isOn()) this.activeDirective(kw, rest, at);
      }
      inComment = false; // a directive line cannot leave a comment open in the subset
    }
    for (const c of conds) this.diag('error', { file: path, line: c.line }, 'unterminated #if');
    return out.join('\n');
  }

  private activeDirective(kw: string, rest: string, at: { file: string; line: number }): void {
    switch (kw) {
      case 'include': {
        const m = /^([<"])([^>"]+)[>"]/.exec(rest);
        if (!m) {
          this.diag('warning', at, `cannot read #include ${rest}`);
          return;
        }
        const target = this.resolveInclude(m[2]!, at.file, m[1] === '<');
        if (target) this.file(target);
        else if (m[1] === '"') this.diag('note', at, `#include "${m[2]}" is not among the model sources; ignored`);
        return;
      }
      case 'define': {
        const m = /^(\w+)(\()?/.exec(rest);
        if (!m) {
          this.diag('error', at, `bad #define ${rest}`);
          return;
        }
        const name = m[1]!;
        if (m[2]) {
          const close = rest.indexOf(')');
          const plist = rest.slice(name.length + 1, close).split(',').map((s) => s.trim()).filter((s) => s !== '');
          const variadic = plist.length > 0 && plist[plist.length - 1]!.endsWith('...');
          const params = plist.map((p) => (p === '...' ? '__VA_ARGS__' : p.replace(/\.\.\.$/, '')));
          this.macros.set(name, { name, params, variadic, body: withoutAnnotations(rest.slice(close + 1).trim()), ...at });
        } else {
          this.macros.set(name, { name, params: null, variadic: false, body: withoutAnnotations(rest.slice(name.length).trim()), ...at });
        }
        return;
      }
      case 'undef':
        this.macros.delete(rest.split(/\s/)[0]!);
        return;
      case 'pragma': {
        const m = /^lkml\s+opaque\s+(\w+)(?:\s+(\d+))?/.exec(rest);
        if (m) this.opaque.set(m[1]!, m[2] ? Number(m[2]) : 8);
        return;
      }
      case 'error':
        this.diag('error', at, `#error ${rest}`);
        return;
      case 'warning':
        this.diag('warning', at, `#warning ${rest}`);
        return;
      case 'line':
      case '':
        return;
      default:
        this.diag('warning', at, `ignored directive #${kw}`);
    }
  }

  private diag(severity: PpDiagnostic['severity'], at: { file: string; line: number }, message: string): void {
    this.diagnostics.push({ severity, file: at.file, line: at.line, message });
  }

  // ------------------------------------------------------------------------- #if expressions

  private evalIf(text: string, at: { file: string; line: number }): boolean {
    try {
      const toks = this.expandForIf(lex(text), new Set());
      const p = new IfParser(toks);
      const v = p.ternary();
      if (!p.done()) throw new Error(`unexpected ${p.peek()}`);
      return v !== 0n;
    } catch (e) {
      this.diag('error', at, `cannot evaluate #if ${text}: ${(e as Error).message}`);
      return false;
    }
  }

  /** `defined X`, IS_ENABLED(X), macros -> their values, other identifiers -> 0. */
  private expandForIf(toks: Tok[], hide: Set<string>): string[] {
    const out: string[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.kind !== 'id') {
        out.push(t.kind === 'num' ? t.text.replace(/[uUlL]+$/, '') : t.text);
        continue;
      }
      const isDefinedOp = t.text === 'defined' || t.text === 'IS_ENABLED' || t.text === 'IS_BUILTIN' || t.text === 'IS_REACHABLE';
      if (isDefinedOp) {
        let name: string | undefined;
        if (toks[i + 1]?.text === '(') {
          name = toks[i + 2]?.text;
          if (toks[i + 3]?.text !== ')') throw new Error(`expected ) after ${t.text}(${name ?? ''}`);
          i += 3;
        } else {
          name = toks[i + 1]?.text;
          i += 1;
        }
        out.push(name !== undefined && this.macros.has(name) && (t.text === 'defined' || this.macros.get(name)!.body !== '0') ? '1' : '0');
        continue;
      }
      const def = this.macros.get(t.text);
      if (!def || hide.has(t.text)) {
        out.push('0');
        continue;
      }
      const inner = new Set(hide).add(t.text);
      if (def.params === null) {
        out.push(...this.expandForIf(lex(def.body), inner));
        continue;
      }
      if (toks[i + 1]?.text !== '(') {
        out.push('0');
        continue;
      }
      // gather the argument text up to the matching parenthesis
      let depth = 0;
      let j = i + 1;
      for (; j < toks.length; j++) {
        if (toks[j]!.text === '(') depth++;
        else if (toks[j]!.text === ')' && --depth === 0) break;
      }
      const argText = toks.slice(i + 2, j).map((x) => x.text).join(' ');
      out.push(...this.expandForIf(lex(expandFunctionMacro(def, splitArgs(argText).map((a) => a.text))), inner));
      i = j;
    }
    return out;
  }

  // ------------------------------------------------------------------------- annotations

  /** A function-like macro whose body is a statement header (`for (...)`) needing a body after it. */
  private isLoopHeader(def: MacroDef): boolean {
    if (def.params === null || def.body === '') return false;
    const toks = lex(def.body);
    return ['for', 'while', 'if', 'switch'].includes(toks[0]?.text ?? '') && toks[toks.length - 1]?.text === ')';
  }

  /**
   * For pure syntax (the outline): only the use rewriting of `rewriteUses`, on raw text with its
   * directives kept, and with loop-header macros recognised without their definitions: inside a
   * function body, `name(...)` followed by `{` or by a statement is never C, so it is one.
   */
  rewriteForOutline(path: string, text: string): string {
    return this.rewriteUses(path, text, true);
  }

  /**
   * Blank identifiers whose macro expands to nothing (with their argument list if function-like),
   * replace uses of loop-header macros by a same-length `for(;__lkml_L<n>;)` marker, and type
   * arguments of calls by a same-length `__T<n>` identifier. Lines and columns never move.
   */
  private rewriteUses(path: string, text: string, guessLoops = false): string {
    const all = lex(text);
    // tokens on directive lines do not count (the outline keeps directives in the text)
    const directive = guessLoops ? directiveLines(text) : null;
    const lineStarts: number[] = [];
    if (directive) {
      lineStarts.push(0);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    const toks = directive ? all.filter((t) => !directive.has(lineOf(lineStarts, t.start))) : all;
    let depth = 0;
    let chars: string[] | null = null;
    const put = (from: number, to: number, marker: string) => {
      chars ??= text.split('');
      for (let k = from; k < to; k++) if (chars[k] !== '\n') chars[k] = k - from < marker.length ? marker[k - from]! : marker.startsWith('__T') ? '_' : ' ';
    };
    const matching = (open: number): number => {
      let depth = 0;
      for (let j = open; j < toks.length; j++) {
        if (toks[j]!.text === '(') depth++;
        else if (toks[j]!.text === ')' && --depth === 0) return j;
      }
      return -1;
    };
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.text === '{') depth++;
      else if (t.text === '}') depth--;
      if (t.kind !== 'id') continue;
      const call = toks[i + 1]?.text === '(';
      const close = call ? matching(i + 1) : -1;
      let def = this.macros.get(t.text);
      // only macro uses take types (a declarator `f(struct page *p)` looks like a call too)
      if (close >= 0 && ((def && def.params !== null) || TYPE_TAKING.has(t.text))) this.typeArguments(toks, i + 1, close, text, put);
      if (!def && guessLoops && depth > 0 && close >= 0 && !C_KEYWORDS.has(t.text) && startsStatement(toks[close + 1])) {
        def = { name: t.text, params: [], variadic: true, body: 'for (;;)', file: '<guessed>', line: 0 };
      }
      if (!def) continue;
      const loop = this.isLoopHeader(def);
      if (def.body !== '' && !loop) continue;
      if (def.params !== null && close < 0) continue;
      const end = def.params !== null ? toks[close]!.end : t.end;
      if (loop) {
        const marker = `for(;__lkml_L${this.loopUses.size};)`;
        const firstLine = text.indexOf('\n', t.start);
        if ((firstLine < 0 || firstLine >= end ? end : firstLine) - t.start < marker.length) continue; // too short to rewrite
        this.loopUses.set(`__lkml_L${this.loopUses.size}`, {
          macro: def.name,
          args: text.slice(toks[i + 1]!.end, toks[close]!.start),
          file: path,
          line: lineAt(text, t.start),
        });
        put(t.start, end, marker);
        i = close;
        continue;
      }
      put(t.start, end, '');
      if (close >= 0) i = close;
    }
    return chars ? (chars as string[]).join('') : text;
  }

  /** Replace keyword-led arguments (`struct x`, `unsigned long`) of the call at toks[open..close]. */
  private typeArguments(toks: Tok[], open: number, close: number, text: string, put: (a: number, b: number, m: string) => void): void {
    let depth = 0;
    let argStart = open + 1;
    for (let j = open + 1; j <= close; j++) {
      const x = toks[j]!.text;
      if (x === '(' || x === '[' || x === '{') depth++;
      else if ((x === ')' || x === ']' || x === '}') && j !== close) depth--;
      if ((x === ',' && depth === 0) || j === close) {
        const first = toks[argStart];
        if (first && argStart < j && TYPE_WORDS.has(first.text)) {
          const from = first.start;
          const to = toks[j - 1]!.end;
          const original = text.slice(from, to);
          const marker = `__T${this.typeArgs.size}`;
          if (!original.includes('\n') && to - from >= marker.length + 1) {
            this.typeArgs.set(marker, original);
            put(from, to, marker);
          }
        }
        argStart = j + 1;
      }
    }
  }

  /** Text with `__T<n>___` type markers replaced by the type they stand for. */
  restoreTypes(text: string): string {
    if (!text.includes('__T')) return text;
    return text.replace(/\b__T(\d+)_*\b/g, (m, n: string) => this.typeArgs.get(`__T${n}`) ?? m);
  }
}

/** Keywords that look like calls (`if (x) {`, `while (x) y;`, `sizeof(x)`). */
const C_KEYWORDS = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'do', 'else', 'case', 'goto', '_Alignof', 'typeof', '__typeof__', 'defined', '__attribute__', 'asm', '__asm__']);

/** After a call's `)`: a `{` or a word can only follow a loop-header macro use. */
function startsStatement(t: Tok | undefined): boolean {
  return t !== undefined && (t.text === '{' || t.kind === 'id');
}

function directiveLines(text: string): Set<number> {
  const out = new Set<number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*#/.test(lines[i]!)) continue;
    out.add(i + 1);
    while (/\\\s*$/.test(lines[i]!) && i + 1 < lines.length) out.add(++i + 1);
  }
  return out;
}

function lineOf(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Interpreter intrinsics with a type argument (header macros are recognised by definition). */
const TYPE_TAKING = new Set(['container_of', 'min_t', 'max_t', 'clamp_t']);

/** Words that start a type name and never an expression. */
const TYPE_WORDS = new Set(['struct', 'union', 'enum', 'unsigned', 'signed', 'int', 'long', 'short', 'char', 'bool', '_Bool', 'void', 'const', 'volatile']);

/** Substitute argument texts into a function-like macro body (`#x` and `a ## b` included). */
export function expandFunctionMacro(def: MacroDef, args: string[]): string {
  const params = def.params ?? [];
  const values = new Map<string, string>();
  params.forEach((p, i) => {
    if (p === '__VA_ARGS__' || (def.variadic && i === params.length - 1)) values.set(p, args.slice(i).join(', '));
    else values.set(p, args[i] ?? '');
  });
  const toks = lex(def.body);
  const parts: string[] = [];
  let paste = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.text === '#' && toks[i + 1]?.kind === 'id' && values.has(toks[i + 1]!.text)) {
      parts.push(JSON.stringify(values.get(toks[i + 1]!.text)!));
      i++;
      continue;
    }
    if (t.text === '##') {
      paste = true;
      continue;
    }
    const text = t.kind === 'id' && values.has(t.text) ? values.get(t.text)! : t.text;
    if (paste && parts.length > 0) parts[parts.length - 1] += text;
    else parts.push(text);
    paste = false;
  }
  // tokens joined by spaces: never glues two tokens into one, and the C parser does not mind
  return parts.join(' ');
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** Does a block comment remain open after this line (strings and // comments skipped)? */
function commentStateAfter(line: string, inComment: boolean): boolean {
  let c = inComment;
  for (let i = 0; i < line.length; i++) {
    if (c) {
      if (line[i] === '*' && line[i + 1] === '/') {
        c = false;
        i++;
      }
      continue;
    }
    const ch = line[i];
    if (ch === '/' && line[i + 1] === '/') return false;
    if (ch === '/' && line[i + 1] === '*') {
      c = true;
      i++;
    } else if (ch === '"' || ch === "'") {
      for (i++; i < line.length && line[i] !== ch; i++) if (line[i] === '\\') i++;
    }
  }
  return c;
}

function stripComments(s: string): string {
  return s.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
}
