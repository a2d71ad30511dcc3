// What the mapper knows about the model sources of a base: per file its tokens, token-level
// statements and tree-sitter function outline; across files which function lives where. A file
// is indexed once per distinct text (cached by text), so the many variants of a long thread
// reuse the base's parse.
import { outlineTranslationUnit, type FunctionOutline } from '../model/interp/source-outline.js';
import { kernelBuiltins } from '../model/kernel/builtins/index.js';
import type { ModelSource } from '../model/source/index.js';
import { groupStatements, type TokStatement } from './statements.js';
import { inactiveLines } from './config-regions.js';
import { MODEL_CONFIG } from '../model/source/config.js';
import { tokenizeText, type TokenizedText } from './tokens.js';

export interface IndexedFunction extends FunctionOutline {
  /** Token indices [first, end) of the whole definition (signature and body). */
  tokFirst: number;
  tokEnd: number;
}

export interface FileIndex extends TokenizedText {
  path: string;
  text: string;
  functions: IndexedFunction[];
  statements: TokStatement[];
  syntaxErrors: { line: number; message: string }[];
}

const FILE_CACHE_LIMIT = 256;
const fileCache = new Map<string, FileIndex>();

/** Index of one model file (C parser must be loaded: `initOutline()`). */
export function indexFile(path: string, text: string): FileIndex {
  const key = `${path}\u0000${text}`;
  const hit = fileCache.get(key);
  if (hit) {
    // refresh its place in the LRU order
    fileCache.delete(key);
    fileCache.set(key, hit);
    return hit;
  }
  const tt = tokenizeText(text);
  const outline = outlineTranslationUnit(text);
  const tokAtLine = (line: number, end: boolean): number => {
    const lt = tt.lineToks[Math.min(tt.lineToks.length, Math.max(1, line)) - 1]!;
    return end ? lt.end : lt.first;
  };
  // A definition the model's configuration compiles out (a header's stubs for a kernel without
  // THP) is no model function: it is never run, and hunks are not searched for in it by name.
  const off = /^\s*#\s*(if|else)/m.test(text) ? inactiveLines(text, MODEL_CONFIG) : null;
  const functions = outline.functions
    .filter((f) => !off?.[f.startLine])
    .map((f) => ({ ...f, tokFirst: tokAtLine(f.startLine, false), tokEnd: tokAtLine(f.endLine, true) }));
  const idx: FileIndex = { path, text, ...tt, functions, statements: groupStatements(tt.toks), syntaxErrors: outline.syntaxErrors };
  fileCache.set(key, idx);
  if (fileCache.size > FILE_CACHE_LIMIT) fileCache.delete(fileCache.keys().next().value!);
  return idx;
}

/** The innermost function containing a 1-based line, or null (file level). */
export function functionAtLine(f: FileIndex, line: number): IndexedFunction | null {
  let best: IndexedFunction | null = null;
  for (const fn of f.functions) if (line >= fn.startLine && line <= fn.endLine && (!best || fn.startLine >= best.startLine)) best = fn;
  return best;
}

/**
 * What the mapper knows of one base. Files are indexed when first asked for and a function's
 * definitions looked for only in the files whose text names it before a parenthesis (any
 * definition does): a diff touching one file of a base pays for that file alone.
 */
export class BaseIndex {
  /** Names of the runtime's TypeScript primitives (kernelBuiltins(kernel)). */
  readonly builtins: Set<string>;
  private readonly texts: Map<string, string>;
  private readonly files = new Map<string, FileIndex>();
  private readonly definitions = new Map<string, { path: string; fn: IndexedFunction }[]>();

  constructor(
    readonly name: string,
    readonly kernel: string,
    readonly sources: ModelSource[],
  ) {
    this.texts = new Map(sources.map((s) => [s.path, s.text]));
    this.builtins = new Set(Object.keys(kernelBuiltins(kernel)));
  }

  /** The base's text of a file, or undefined when it has no such file. */
  textOf(path: string): string | undefined {
    return this.texts.get(path);
  }

  /** The index of one of the base's files, or undefined when the base has no such file. */
  file(path: string): FileIndex | undefined {
    let f = this.files.get(path);
    if (!f) {
      const text = this.texts.get(path);
      if (text === undefined) return undefined;
      this.files.set(path, (f = indexFile(path, text)));
    }
    return f;
  }

  /** Where the base defines a model function (compiled-out definitions are none), in source order. */
  definitionsOf(name: string): readonly { path: string; fn: IndexedFunction }[] {
    let list = this.definitions.get(name);
    if (!list) {
      const named = new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\s*\\(`);
      list = [];
      for (const s of this.sources) {
        if (!named.test(s.text)) continue;
        for (const fn of this.file(s.path)!.functions) if (fn.name === name) list.push({ path: s.path, fn });
      }
      this.definitions.set(name, list);
    }
    return list;
  }
}

const baseCache = new WeakMap<ModelSource[], BaseIndex>();

export function indexBase(name: string, kernel: string, sources: ModelSource[]): BaseIndex {
  const hit = baseCache.get(sources);
  if (hit && hit.name === name && hit.kernel === kernel) return hit;
  const idx = new BaseIndex(name, kernel, sources);
  baseCache.set(sources, idx);
  return idx;
}
