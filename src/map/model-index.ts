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

export interface BaseIndex {
  name: string;
  sources: ModelSource[];
  files: Map<string, FileIndex>;
  /** Model C function name → where it is defined. */
  definitions: Map<string, { path: string; fn: IndexedFunction }[]>;
  /** Names of the runtime's TypeScript primitives (kernelBuiltins(kernel)). */
  builtins: Set<string>;
  kernel: string;
}

const baseCache = new WeakMap<ModelSource[], BaseIndex>();

export function indexBase(name: string, kernel: string, sources: ModelSource[]): BaseIndex {
  const hit = baseCache.get(sources);
  if (hit && hit.name === name && hit.kernel === kernel) return hit;
  const files = new Map<string, FileIndex>();
  const definitions = new Map<string, { path: string; fn: IndexedFunction }[]>();
  for (const s of sources) {
    const f = indexFile(s.path, s.text);
    files.set(s.path, f);
    for (const fn of f.functions) {
      const list = definitions.get(fn.name) ?? [];
      list.push({ path: s.path, fn });
      definitions.set(fn.name, list);
    }
  }
  const idx: BaseIndex = { name, sources, files, definitions, builtins: new Set(Object.keys(kernelBuiltins(kernel))), kernel };
  baseCache.set(sources, idx);
  return idx;
}
