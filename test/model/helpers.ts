// Shared test setup: compiled bases (compiled once per test file), scenarios by name, patches
// from test/model/fixtures, and a runner for TypeScript-driven threads.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileBase, runThreads, type CompiledBase, type RunThread } from '../../src/model/scenario/run.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import type { Scenario } from '../../src/model/scenario/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const cache = new Map<string, Promise<CompiledBase>>();

function patch(name: string): { name: string; patch: string } {
  return { name, patch: readFileSync(join(here, 'fixtures', `${name}.patch`), 'utf8') };
}

export function compiled(base: string, ...patches: string[]): Promise<CompiledBase> {
  const key = [base, ...patches].join('+');
  let c = cache.get(key);
  if (!c) {
    c = compileBase(base, patches.map(patch));
    cache.set(key, c);
  }
  return c;
}

let bundled: Scenario[] | null = null;
export function scenario(name: string): Scenario {
  bundled ??= loadBundledScenarios();
  const s = bundled.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

export function run(c: CompiledBase, thp: boolean, body: RunThread['body']) {
  return runThreads(c, { thp, budget: 5_000_000, trace: 'events' }, [{ name: 'test', body }]);
}
