// Interpreter throughput (a script, not a test: no timing assertions anywhere).
//   npx esbuild test/interp/bench.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=lib/model/interp/bench.mjs && node lib/model/interp/bench.mjs
// (lib/model/interp so that the model sources and scenarios are found as from a build)
// Prints statements/s for plain closures, for the same code forced into generators, and for
// a blocking-builtin loop; and, when the model runtime is present, scenario runs/s.

import { Machine, compileProgram, type Program } from '../../src/model/interp/index.js';
import { FakeRuntime, HEADER } from './fake-runtime.js';

const SRC = `
struct walk { struct page *page; unsigned long address; unsigned long *pte; int flags; };
static int check(struct walk *w, unsigned long end) {
  if (w->address >= end) return 0;
  w->address += PAGE_SIZE;
  return 1;
}
long arith(long n) {
  long s = 0, i;
  for (i = 0; i < n; i++) s += (i & 7) * 3 - 1;
  return s;
}
long walk_pages(long n) {
  struct walk w = { .page = pfn_to_page(0), .address = 0x7f0000000000UL };
  unsigned long end = w.address + n * PAGE_SIZE;
  long found = 0;
  while (check(&w, end)) {
    struct page *page = pfn_to_page((w.address >> PAGE_SHIFT) & 1023);
    if (page_to_pfn(page) != 0 && page->_refcount > 0)
      found++;
  }
  return found;
}
struct mutex m;
long locked(long n) {
  long i, s = 0;
  for (i = 0; i < n; i++) { mutex_lock(&m); s += i; mutex_unlock(&m); }
  return s;
}
`;

function measure(p: Program, rt: FakeRuntime, entry: string, n: bigint): { steps: number; ms: number } {
  let best = Infinity;
  let steps = 0;
  for (let k = 0; k < 5; k++) {
    rt.reset();
    const t0 = performance.now();
    const r = p.run({ mem: rt.mem, budgets: { steps: 1e9 }, threads: [{ name: 'b', entry, args: [n] }] });
    const ms = performance.now() - t0;
    if (r.verdict !== 'completed') throw new Error(`${entry}: ${r.verdict} ${r.detail}`);
    steps = r.steps;
    best = Math.min(best, ms);
  }
  return { steps, ms: best };
}

async function main(): Promise<void> {
  const rt = new FakeRuntime();
  const sources = [{ path: 'include/test.h', text: HEADER }, { path: 'b.c', text: `#include "test.h"\n${SRC}` }];
  const plain = await compileProgram({ sources, builtins: rt.builtins() });
  const gen = await compileProgram({ sources, builtins: rt.builtins(), forceGenerators: true });
  for (const [entry, n] of [['arith', 300000n], ['walk_pages', 100000n], ['locked', 100000n]] as const) {
    for (const [label, p] of [['plain/auto', plain], ['all-generators', gen]] as const) {
      const { steps, ms } = measure(p, rt, entry, n);
      console.log(`${entry.padEnd(11)} ${label.padEnd(15)} ${String(steps).padStart(8)} statements in ${ms.toFixed(1).padStart(7)} ms = ${(steps / ms / 1000).toFixed(2)} M statements/s`);
    }
  }
  try {
    // count statements of the runtime's runs by watching Machine.run
    let steps = 0;
    const orig = Machine.prototype.run;
    Machine.prototype.run = function (this: Machine, specs) {
      const r = orig.call(this, specs);
      steps = r.steps;
      return r;
    };
    const run = await import('../../src/model/scenario/run.js');
    const load = await import('../../src/model/scenario/load.js');
    const t0 = performance.now();
    const base = await run.compileBase('v5.14');
    console.log(`model compile (v5.14 base): ${(performance.now() - t0).toFixed(0)} ms`);
    for (const sc of load.loadBundledScenarios()) {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t1 = performance.now();
        run.runScenario(base, sc, { trace: 'none' });
        best = Math.min(best, performance.now() - t1);
      }
      console.log(`scenario ${sc.name.padEnd(26)} ${String(steps).padStart(8)} statements ${best.toFixed(1).padStart(7)} ms/run = ${(1000 / best).toFixed(1).padStart(6)} runs/s, ${(steps / best / 1000).toFixed(2)} M statements/s`);
    }
  } catch (e) {
    console.log(`(model scenarios not measured: ${(e as Error).message.split('\n')[0]})`);
  }
}

await main();
