// Compile spliced model sources with the interpreter, as the replay stage will, to find the calls
// the model cannot resolve and the code it cannot compile. Results are cached by the sources'
// content, so the base is compiled once however many variants are mapped onto it, and a bundled
// base's own facts are read from those precomputed at install when the CLI asks (compile-facts-cache.ts).
import { createHash } from 'node:crypto';
import type { Diagnostic, UnresolvedCall } from '../model/interp/compiler.js';
import { modelProgram } from '../model/scenario/run.js';
import type { ModelSource } from '../model/source/index.js';
import { precomputedCompileFacts } from './compile-facts-cache.js';

export interface CompileFacts {
  unresolved: UnresolvedCall[];
  errors: Diagnostic[];
}

const CACHE_LIMIT = 32;
const cache = new Map<string, CompileFacts>();

export function sourcesDigest(sources: ModelSource[]): string {
  const h = createHash('sha1');
  for (const s of sources) h.update(s.path).update('\u0000').update(s.text).update('\u0000');
  return h.digest('hex');
}

/** `kernel`: the release whose runtime primitives the sources are compiled against. */
export function compileFacts(kernel: string, sources: ModelSource[]): CompileFacts {
  const digest = sourcesDigest(sources);
  const key = `${kernel}\u0000${digest}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const facts = precomputedCompileFacts(kernel, digest) ?? factsOfCompile(kernel, sources);
  cache.set(key, facts);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return facts;
}

/** The facts of a compile, uncached. */
export function factsOfCompile(kernel: string, sources: ModelSource[]): CompileFacts {
  // reuse: the replay runs these very sources next and takes the program from the model's cache.
  const program = modelProgram(kernel, sources);
  return { unresolved: program.unresolvedCalls, errors: program.errors };
}

/** Unresolved calls of `variant` beyond those the base already has (counted per name and function). */
export function newUnresolved(base: CompileFacts, variant: CompileFacts): UnresolvedCall[] {
  return beyond(base.unresolved, variant.unresolved, (u) => `${u.name}\u0000${u.function}`);
}

/** Compile errors of `variant` that the base does not have (per file, function and message). */
export function newErrors(base: CompileFacts, variant: CompileFacts): Diagnostic[] {
  return beyond(base.errors, variant.errors, (d) => `${d.file}\u0000${d.function ?? ''}\u0000${d.message.replace(/:\d+/g, '')}`);
}

function beyond<T>(base: T[], variant: T[], key: (x: T) => string): T[] {
  const count = new Map<string, number>();
  for (const b of base) count.set(key(b), (count.get(key(b)) ?? 0) + 1);
  const out: T[] = [];
  for (const v of variant) {
    const k = key(v);
    const c = count.get(k) ?? 0;
    if (c > 0) count.set(k, c - 1);
    else out.push(v);
  }
  return out;
}
