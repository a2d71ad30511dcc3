// Folders import one way: no cycle between the top-level folders of src/ (thread -> patch ->
// map -> replay -> report -> cli/action, with model and util below), nor between the stages of
// src/thread (input -> mime -> message -> tree). Read from the sources' import lines, static and
// dynamic, type-only ones too (a type cycle is a cycle for a reader).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Folder → folders it imports, for the folders directly under `root` (files at its top are their own node). */
function folderGraph(root: string): Map<string, Map<string, string>> {
  const node = (file: string): string => relative(root, file).split('/')[0]!;
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(root)) {
    const from = node(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]!);
      if (relative(root, target).startsWith('..')) continue;
      const to = node(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      // One example import per edge, for the message.
      if (!edges.has(to)) edges.set(to, `${relative(SRC, file)} imports ${m[1]}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle's edges, as `a -> b (example)` lines: the strongly connected components with more than one folder. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const visit = (v: string): void => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      on.delete(w);
      part.push(w);
      if (w === v) break;
    }
    if (part.length > 1) {
      const inPart = new Set(part);
      out.push(part.flatMap((a) => [...(graph.get(a) ?? [])].filter(([b]) => inPart.has(b)).map(([b, why]) => `${a} -> ${b} (${why})`)));
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('folders import one way', () => {
  it('no cycle between the top-level folders of src/', () => {
    expect(cycles(folderGraph(SRC))).toEqual([]);
  });

  it('no cycle between the stages of src/thread', () => {
    expect(cycles(folderGraph(join(SRC, 'thread')))).toEqual([]);
  });

  it('src/util imports no other folder of src/', () => {
    expect([...(folderGraph(SRC).get('util')?.values() ?? [])]).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a', new Map([['b', 'a.ts imports ../b/x.js']])],
      ['b', new Map([['c', 'b.ts imports ../c/x.js']])],
      ['c', new Map([['a', 'c.ts imports ../a/x.js']])],
      ['d', new Map([['a', 'd.ts imports ../a/x.js']])],
    ]);
    expect(cycles(g).map((c) => c.length)).toEqual([3]);
  });
});
