// The replay section: how fast the interpreter runs model code, how many scenario runs a second
// the nouveau and the 1,024-page hmm scenarios give, and what `review` costs a new user on the
// seed thread from process start to exit, with how much of that is start-up (node, loading the
// modules, the wasm C grammar, compiling the model). Worker threads are compared with running
// everything in one thread on the whole v10 thread fixture.
//
// Everything measured is the built lib/ (what `lkml-replay` runs): the in-process figures import
// it at run time, the wall times spawn bin/lkml-replay.js, and start-up pieces are timed in a
// fresh child process each repetition (the grammar and the model are loaded once per process).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, BenchSectionRunner } from './context.js';
import { summarise, type BenchFigure, type BenchRatio, type BenchSection } from './types.js';

type RunModule = typeof import('../src/model/scenario/run.js');
type LoadModule = typeof import('../src/model/scenario/load.js');
type Scenario = import('../src/model/scenario/types.js').Scenario;

const NOUVEAU = ['nouveau-atomic-small', 'nouveau-atomic-thp-head', 'nouveau-atomic-thp-tail'];
/** Every hmm scenario maps a 4 MiB buffer: 1,024 pages (the -thp one as two huge pages). */
const HMM = ['hmm-exclusive', 'hmm-exclusive-cow', 'hmm-exclusive-mprotect', 'hmm-exclusive-thp'];
const V10_THREAD = 'fixtures/threads/v10-07-device-exclusive.mbox';

interface ReplayBenchOptions {
  root: string;
  reps: number;
  log?: (m: string) => void;
}

async function replaySection(opts: ReplayBenchOptions): Promise<BenchSection> {
  const log = opts.log ?? (() => undefined);
  const lib = (p: string) => pathToFileURL(join(opts.root, 'lib', p)).href;
  if (!existsSync(join(opts.root, 'lib', 'model', 'scenario', 'run.js'))) throw new Error('lib/ is not built: run `npm run build` first');
  const run = (await import(lib('model/scenario/run.js'))) as RunModule;
  const load = (await import(lib('model/scenario/load.js'))) as LoadModule;
  const all = load.loadBundledScenarios();
  const pick = (names: string[]): Scenario[] => names.map((n) => all.find((s) => s.name === n) ?? fail(`no bundled scenario ${n}`));
  const compiled = await run.compileBase('v10');
  const figures: BenchFigure[] = [];
  const ratios: BenchRatio[] = [];

  // Interpreter speed: statements (the interpreter's step count) per second of a long run.
  log('replay: interpreted statements per second');
  for (const [name, trace] of [['hmm-exclusive', 'none'], ['hmm-exclusive', 'full'], ['nouveau-atomic-thp-head', 'none']] as const) {
    const [s] = pick([name]);
    run.runScenario(compiled, s!, { trace }); // warm the JIT
    const samples: number[] = [];
    let steps = 0;
    for (let i = 0; i < opts.reps; i++) {
      const t0 = performance.now();
      const o = run.runScenario(compiled, s!, { trace });
      const ms = performance.now() - t0;
      steps = o.final.steps;
      samples.push(steps / (ms / 1000));
    }
    figures.push(summarise(`interpreted statements, ${name} (trace ${trace})`, 'statements/s', samples, `${steps.toLocaleString('en-US')} statements a run${trace === 'full' ? '; full trace, as review runs it' : ''}`));
  }

  // Scenario runs per second, as review runs them (full trace), on one compiled base.
  log('replay: scenario runs per second');
  for (const [label, names] of [['nouveau scenarios', NOUVEAU], ['hmm scenarios (1,024 pages)', HMM]] as const) {
    const scenarios = pick([...names]);
    for (const s of scenarios) run.runScenario(compiled, s, { trace: 'full' });
    const samples: number[] = [];
    for (let i = 0; i < opts.reps; i++) {
      const t0 = performance.now();
      for (const s of scenarios) run.runScenario(compiled, s, { trace: 'full' });
      samples.push(scenarios.length / ((performance.now() - t0) / 1000));
    }
    figures.push(summarise(`${label} runs`, 'runs/s', samples, `${names.join(', ')}; base v10, trace full, one thread`));
  }

  // Start-up pieces, each in a fresh process: node itself, loading review's modules, the wasm
  // C grammar, compiling the model (base v10) cold.
  log('replay: start-up pieces');
  const pieces = { node: [] as number[], modules: [] as number[], grammar: [] as number[], compile: [] as number[] };
  for (let i = 0; i < opts.reps; i++) {
    pieces.node.push(wall(opts.root, ['-e', '']).ms);
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', startupProbe(opts.root)], { cwd: opts.root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`start-up probe failed: ${r.stderr}`);
    const t = JSON.parse(r.stdout.trim()) as { modules: number; grammar: number; compile: number };
    pieces.modules.push(t.modules);
    pieces.grammar.push(t.grammar);
    pieces.compile.push(t.compile);
  }
  figures.push(summarise('start-up: node process (empty script)', 's', pieces.node.map((ms) => ms / 1000)));
  figures.push(summarise('start-up: loading review modules', 's', pieces.modules.map((ms) => ms / 1000), 'parser, mapper, model, replay, renderers from lib/'));
  figures.push(summarise('start-up: wasm C grammar load', 's', pieces.grammar.map((ms) => ms / 1000), 'web-tree-sitter runtime + tree-sitter-c'));
  figures.push(summarise('start-up: model compile (v10, cold)', 's', pieces.compile.map((ms) => ms / 1000), 'the mapper and the replay share this program'));

  // `review` as a new user runs it: process start to exit, on the seed thread (`npm start`).
  log('replay: review wall times');
  const cli = join(opts.root, 'bin', 'lkml-replay.js');
  const reviewWall = (args: string[]): number[] => {
    const out: number[] = [];
    for (let i = 0; i < opts.reps; i++) out.push(wall(opts.root, [cli, 'review', ...args]).ms / 1000);
    return out;
  };
  const seed = reviewWall([]);
  const seedOne = reviewWall(['--jobs', '1']);
  figures.push(summarise('review seed thread, process start to exit', 's', seed, 'default --jobs (the cores); 1 variant x 7 scenarios'));
  figures.push(summarise('review seed thread, --jobs 1', 's', seedOne, 'all runs in the main thread'));
  const median = (xs: number[]) => summarise('', '', xs).median;
  const startup = median(pieces.node) / 1000 + median(pieces.modules) / 1000 + median(pieces.grammar) / 1000 + median(pieces.compile) / 1000;
  ratios.push({ name: 'start-up share of review seed', value: startup / median(seed), note: 'node + modules + grammar + model compile (medians) / review wall (median); lower is better' });
  ratios.push({ name: 'review seed: --jobs 1 / default', value: median(seedOne) / median(seed), note: 'wall time, main thread only / default threads (higher: workers help)' });

  const v10One = reviewWall([V10_THREAD, '--jobs', '1']);
  const v10Two = reviewWall([V10_THREAD, '--jobs', '2']);
  figures.push(summarise('review v10 thread, --jobs 1', 's', v10One, `${V10_THREAD}, all runs in the main thread`));
  figures.push(summarise('review v10 thread, --jobs 2', 's', v10Two, 'scenarios spread over the main thread and 1 worker'));
  ratios.push({ name: 'review v10 thread: --jobs 1 / --jobs 2', value: median(v10One) / median(v10Two), note: 'wall time (higher: workers help; 2 at best on 2 free cores)' });
  return { title: 'Replay', figures, ratios, extra: { base: 'v10', nouveau: NOUVEAU, hmm: HMM } };
}

export const replayBench: BenchSectionRunner = {
  id: 'replay',
  run: (ctx: BenchContext) => replaySection({ root: ctx.root, reps: ctx.reps, log: ctx.log }),
};

function wall(cwd: string, args: string[]): { ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
  return { ms };
}

/** A child that times the start-up pieces in the order review meets them; prints JSON. */
function startupProbe(root: string): string {
  const lib = (p: string) => JSON.stringify(pathToFileURL(join(root, 'lib', p)).href);
  return `
const t0 = performance.now();
await Promise.all([${['thread/parse-thread.js', 'map/index.js', 'model/scenario/run.js', 'replay/review.js', 'report/render-text.js'].map(lib).join(', ')}].map((u) => import(u)));
const t1 = performance.now();
const { loadCParser } = await import(${lib('model/interp/ts-parser.js')});
await loadCParser();
const t2 = performance.now();
const { compileBase } = await import(${lib('model/scenario/run.js')});
await compileBase('v10');
const t3 = performance.now();
console.log(JSON.stringify({ modules: t1 - t0, grammar: t2 - t1, compile: t3 - t2 }));
`;
}

function fail(m: string): never {
  throw new Error(m);
}
