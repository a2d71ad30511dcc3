// Support for the program compiler: the process-wide caches of lowered sources and fragments
// (with relocation of a fragment to its use line), syntax-error collection from tree-sitter
// trees, labels of a function, and the check of builtin return values against prototypes.

import { Ptr, UNINIT, type CType, type Value } from './api.js';
import type { Stmt, TopDecl } from './ast.js';
import { typeToString } from './ctypes.js';
import { converter } from './ints.js';
import { clip } from './lower.js';
import type { ThreadCore } from './runtime.js';
import type { TSNode } from './ts-parser.js';

/** Lowered sources and fragments, shared by every compile in the process (the AST is immutable). */
const unitCache = new Map<string, { tops: TopDecl[]; problems: { line: number; message: string }[] }>();
export const fragmentCache = new Map<string, { stmts: Stmt[] } | { error: string }>();
const CACHE_LIMIT = 20000;
/**
 * Lowered files kept, most recently used last: every base's files with room to spare. A base's
 * lowered files and program hold 10-15 MB, and a review of thousands of variants lowers a new
 * text of a file for each: kept without bound they grew with the review (and were copied to
 * every worker).
 */
const UNITS_KEPT = 256;

/** The lowered sources and fragments as plain data, for another thread to start with (see loadCaches). */
export interface LoweredCaches {
  /** Lowered file by `path\0preprocessed text`, with the `path\0text` of the source it came from. */
  units: [string, { tops: TopDecl[]; problems: { line: number; message: string }[] }, string][];
  fragments: [string, { stmts: Stmt[] } | { error: string }][];
}

/** A lowered file from the cache, made the most recently used. */
export function cachedUnit(key: string): LoweredCaches['units'][number][1] | undefined {
  const hit = unitCache.get(key);
  if (hit) {
    unitCache.delete(key);
    unitCache.set(key, hit);
  }
  return hit;
}

/** Per kept lowered file: `path\0text` of the model source it was preprocessed from. */
const unitSource = new Map<string, string>();

/** Keeps a lowered file (of model source `source`: `path\0text`), dropping the least recently used past UNITS_KEPT. */
export function keepUnit(key: string, unit: LoweredCaches['units'][number][1], source: string): void {
  unitCache.delete(key);
  if (unitCache.size >= UNITS_KEPT) {
    const oldest = unitCache.keys().next().value!;
    unitCache.delete(oldest);
    unitSource.delete(oldest);
  }
  unitCache.set(key, unit);
  unitSource.set(key, source);
}

/** `files`: only the lowered files of these sources (a worker compiles its tasks' units alone). */
export function savedCaches(files?: readonly { path: string; text: string }[]): LoweredCaches {
  const keys = files && new Set(files.map((f) => `${f.path}\0${f.text}`));
  const units: LoweredCaches['units'] = [];
  for (const [k, unit] of unitCache) {
    const source = unitSource.get(k)!;
    if (!keys || keys.has(source)) units.push([k, unit, source]);
  }
  return { units, fragments: [...fragmentCache] };
}

/** Take another thread's lowered sources: this thread's compiles of the same text parse nothing. */
export function loadCaches(c: LoweredCaches): void {
  for (const [k, v, source] of c.units) keepUnit(k, v, source);
  for (const [k, v] of c.fragments) remember(fragmentCache, k, v);
}

export function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** A copy of a fragment's AST with every `line`/`endLine` set to `line` (the macro use site). */
export function relocate<T>(x: T, line: number): T {
  if (Array.isArray(x)) return x.map((y) => relocate(y, line)) as T;
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[k] = k === 'line' || k === 'endLine' ? line : relocate(v, line);
  return out as T;
}

export function collectLabels(stmts: Stmt[]): string[] {
  const out: string[] = [];
  const walk = (s: Stmt): void => {
    switch (s.k) {
      case 'label':
        out.push(s.label);
        walk(s.body);
        break;
      case 'block':
        s.body.forEach(walk);
        break;
      case 'if':
        walk(s.then);
        if (s.else) walk(s.else);
        break;
      case 'while':
      case 'do':
      case 'for':
      case 'switch':
        walk(s.body);
        break;
      case 'case':
        s.body.forEach(walk);
        break;
      default:
    }
  };
  stmts.forEach(walk);
  return out;
}

/** ERROR and MISSING nodes outside argument lists (type arguments of macros are fine there). */
export function syntaxErrors(node: TSNode, lineBase: number): { line: number; message: string }[] {
  const out: { line: number; message: string }[] = [];
  const walk = (n: TSNode): void => {
    if (n.type === 'argument_list') return;
    if (n.isError || n.isMissing) {
      out.push({ line: n.startPosition.row + lineBase, message: n.isMissing ? `syntax error: missing \`${n.type}\`` : `syntax error near \`${clip(n.text, 60)}\`` });
      return;
    }
    if (!n.hasError && !n.isMissing) return;
    for (const c of n.children) if (c) walk(c);
  };
  walk(node);
  return out;
}

/** Check (and normalise) a builtin's return value against its prototype's type. */
export function returnChecker(name: string, t: CType): (v: unknown, th: ThreadCore) => Value {
  const bad = (v: unknown, th: ThreadCore): never =>
    th.notModelled(`builtin ${name}() returned ${v === undefined ? 'undefined' : typeof v} ${String(v)} for \`${typeToString(t)}\``);
  switch (t.k) {
    case 'void':
      return () => undefined;
    case 'int': {
      const conv = converter(t);
      return (v, th) => {
        if (typeof v === 'number' && Number.isInteger(v)) return conv(v);
        if (typeof v === 'bigint') return conv(v);
        if (typeof v === 'boolean') return conv(v ? 1 : 0);
        if (v === UNINIT) return UNINIT;
        return bad(v, th);
      };
    }
    case 'ptr':
      return (v, th) => (v === null || v instanceof Ptr || v === UNINIT ? (v as Value) : v === 0 || v === 0n ? null : bad(v, th));
    case 'struct':
      return (v, th) => (v !== null && typeof v === 'object' && 'structName' in v ? (v as Value) : bad(v, th));
    case 'opaque':
      return (v, th) => (v !== null && typeof v === 'object' && 'describe' in v ? (v as Value) : v === UNINIT ? UNINIT : bad(v, th));
    default:
      return (v) => v as Value;
  }
}

