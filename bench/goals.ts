// The goals section: what a reviewer waits for, timed as they run it, for this tree and (with
// `--against <ref>`) for another commit built beside it, turn about in the same run so that a
// busy machine slows both alike. Process start to exit of `review` on the seed thread, on a patch
// nothing in the model covers and on the v10 thread fixture, as after an install and with
// --no-cache (wall, and user+system CPU and peak RSS from /usr/bin/time when it is there);
// scenario runs per second and interpreted statements per second (lib/bench/replay-child.mjs,
// one process per repetition); a first run on a freshly compiled program, as a review's runs
// are. Ratios say how much faster this tree is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BenchContext, BenchSectionRunner } from './context.js';
import { summarise, type BenchFigure, type BenchRatio, type BenchSection } from './types.js';

const TIME = '/usr/bin/time';

interface Tree {
  label: string;
  root: string;
}

/**
 * The reviews timed, each with its goal (process start to exit, seconds), each with an empty
 * cache directory: what a review costs right after an install (whose precomputed baselines a
 * tree with them reads), and with `--no-cache` (every baseline run; a tree without the flag
 * runs them all anyway and is timed without it).
 */
const REVIEWS: { id: string; args: string[]; goal: number; noCache?: true; what: string }[] = [
  { id: 'seed', args: ['review'], goal: 1.0, what: 'review of the seed thread (`npm start`)' },
  { id: 'seed-no-cache', args: ['review'], goal: 1.0, noCache: true, what: 'review of the seed thread, --no-cache' },
  { id: 'unmodelled', args: ['review', 'fixtures/patches/review-unmodelled-function.patch'], goal: 0.5, what: 'review with nothing replayable (a patch to a function the model does not have)' },
  { id: 'v10', args: ['review', 'fixtures/threads/v10-07-device-exclusive.mbox'], goal: 1.5, what: 'review of the v10 thread fixture' },
  { id: 'v10-no-cache', args: ['review', 'fixtures/threads/v10-07-device-exclusive.mbox'], goal: 1.5, noCache: true, what: 'review of the v10 thread fixture, --no-cache' },
];

interface ProcessRun {
  wall: number;
  cpu: number | null;
  rssMB: number | null;
}

/** `noCache`: with `--no-cache` when the tree's review has it. `jobs`: the `--jobs` given (null: the default). */
function runCli(tree: Tree, args: string[], noCache: boolean, jobs: string | null = '1'): ProcessRun | null {
  if (!existsSync(resolve(tree.root, args[args.length - 1]!)) && args.length > 1) return null; // a fixture the tree has not got
  const useTime = existsSync(TIME);
  const flags = noCache && readFileSync(join(tree.root, 'lib', 'cli', 'commands', 'review.js'), 'utf8').includes("'--no-cache'") ? ['--no-cache'] : [];
  const cmd = [join(tree.root, 'bin', 'lkml-replay.js'), ...args, ...flags, ...(jobs === null ? [] : ['--jobs', jobs])];
  // An empty cache directory: nothing an earlier run kept is read.
  const home = mkdtempSync(join(tmpdir(), 'lkml-replay-bench-'));
  const opts = { cwd: tree.root, stdio: ['ignore', 'ignore', 'pipe'] as ('ignore' | 'pipe')[], env: { ...process.env, XDG_CACHE_HOME: home } };
  const t0 = performance.now();
  const r = useTime ? spawnSync(TIME, ['-f', 'BENCHTIME %U %S %M', process.execPath, ...cmd], opts) : spawnSync(process.execPath, cmd, opts);
  rmSync(home, { recursive: true, force: true });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${tree.label}: lkml-replay ${args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(-500)}`);
  const m = /BENCHTIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr?.toString() ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : null, rssMB: m ? Number(m[3]) / 1024 : null };
}

interface ChildResult {
  compileCold: number;
  compileWarm: number;
  firstRunMs: number;
  hmmRunsPerS: number[];
  nouveauRunsPerS: number[];
  statementsPerS: number[];
}

function replayChild(ctx: BenchContext, tree: Tree): ChildResult {
  const child = join(ctx.root, 'lib', 'bench', 'replay-child.mjs');
  const r = spawnSync(process.execPath, [child, tree.root, ctx.quick ? '2' : '3', ctx.quick ? '2' : '3'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${tree.label}: replay-child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

async function goalsSection(ctx: BenchContext): Promise<BenchSection> {
  const trees: Tree[] = [{ label: 'this tree', root: ctx.root }];
  if (ctx.against) trees.push({ label: ctx.against.ref, root: ctx.against.root });
  const figures: BenchFigure[] = [];
  const ratios: BenchRatio[] = [];
  const reviews = new Map<string, ProcessRun[]>();
  const children = new Map<string, ChildResult[]>();
  // Turn about: each repetition runs every measurement on each tree before the next repetition.
  for (let i = 0; i < ctx.reps; i++) {
    ctx.log(`goals rep ${i + 1}/${ctx.reps}`);
    for (const rv of REVIEWS) {
      for (const t of trees) {
        const run = runCli(t, rv.args, !!rv.noCache);
        if (run) reviews.set(`${rv.id}|${t.label}`, [...(reviews.get(`${rv.id}|${t.label}`) ?? []), run]);
      }
    }
    for (const t of trees) children.set(t.label, [...(children.get(t.label) ?? []), replayChild(ctx, t)]);
  }
  // A list archive takes minutes: once per tree, as a user runs it (default jobs).
  if (ctx.archive) {
    for (const t of trees) {
      ctx.log(`archive review (${basename(ctx.archive)}), ${t.label}`);
      const run = runCli(t, ['review', ctx.archive], false, null);
      if (run) reviews.set(`archive|${t.label}`, [run]);
    }
  }
  const med = (xs: number[]) => summarise('', '', xs).median;
  const speedup = (name: string, mine: number[], other: number[], higherIsBetter: boolean, note: string) => {
    if (!mine.length || !other.length) return;
    ratios.push({ name, value: higherIsBetter ? med(mine) / med(other) : med(other) / med(mine), note });
  };
  for (const rv of REVIEWS) {
    for (const t of trees) {
      const runs = reviews.get(`${rv.id}|${t.label}`) ?? [];
      if (!runs.length) continue;
      const tag = `${rv.id} review, ${t.label}`;
      figures.push(summarise(`${tag}: wall`, 's', runs.map((r) => r.wall), t === trees[0] ? `${rv.what}; goal ≤ ${rv.goal} s` : rv.what));
      const cpu = runs.map((r) => r.cpu).filter((x): x is number => x !== null);
      if (cpu.length) figures.push(summarise(`${tag}: CPU (user+system)`, 's', cpu, 'all threads: JIT compilers and GC helpers too'));
      const rss = runs.map((r) => r.rssMB).filter((x): x is number => x !== null);
      if (rss.length) figures.push(summarise(`${tag}: peak RSS`, 'MB', rss));
    }
    if (trees[1]) {
      const a = reviews.get(`${rv.id}|${trees[0]!.label}`) ?? [];
      const b = reviews.get(`${rv.id}|${trees[1].label}`) ?? [];
      speedup(`${rv.id} review wall: ${trees[1].label} / this tree`, a.map((r) => r.wall), b.map((r) => r.wall), false, 'higher: this tree is faster');
      speedup(`${rv.id} review CPU: ${trees[1].label} / this tree`, a.flatMap((r) => (r.cpu === null ? [] : [r.cpu])), b.flatMap((r) => (r.cpu === null ? [] : [r.cpu])), false, 'higher: this tree is faster');
    }
  }
  if (ctx.archive) {
    for (const t of trees) {
      const run = reviews.get(`archive|${t.label}`)?.[0];
      if (!run) continue;
      const tag = `archive review (${basename(ctx.archive)}), ${t.label}`;
      figures.push(summarise(`${tag}: wall`, 's', [run.wall], t === trees[0] ? 'default jobs; goal ≤ 180 s' : 'default jobs'));
      if (run.cpu !== null) figures.push(summarise(`${tag}: CPU (user+system)`, 's', [run.cpu]));
      if (run.rssMB !== null) figures.push(summarise(`${tag}: peak RSS`, 'MB', [run.rssMB], t === trees[0] ? 'goal ≤ 400 MB' : undefined));
    }
    if (trees[1]) {
      const [a, b] = [reviews.get(`archive|${trees[0]!.label}`) ?? [], reviews.get(`archive|${trees[1].label}`) ?? []];
      speedup(`archive review wall: ${trees[1].label} / this tree`, a.map((r) => r.wall), b.map((r) => r.wall), false, 'higher: this tree is faster');
    }
  }
  const series = (label: string, pick: (c: ChildResult) => number[]) => (children.get(label) ?? []).flatMap(pick);
  for (const t of trees) {
    const tag = t.label;
    figures.push(summarise(`hmm runs (4 scenarios, 1,024 pages, trace full), ${tag}`, 'runs/s', series(tag, (c) => c.hmmRunsPerS), 'warm, one thread, as review runs them'));
    figures.push(summarise(`nouveau runs (3 scenarios, trace full), ${tag}`, 'runs/s', series(tag, (c) => c.nouveauRunsPerS)));
    figures.push(summarise(`interpreted statements, hmm-exclusive (trace none), ${tag}`, 'statements/s', series(tag, (c) => c.statementsPerS)));
    figures.push(summarise(`first run on a fresh program (hmm-exclusive-cow, trace full), ${tag}`, 's', series(tag, (c) => [c.firstRunMs / 1000]), 'cold code, as in a review'));
    figures.push(summarise(`compile base v10 (cold, with the C grammar), ${tag}`, 's', series(tag, (c) => [c.compileCold / 1000])));
    figures.push(summarise(`compile base v5.14 (warm), ${tag}`, 's', series(tag, (c) => [c.compileWarm / 1000])));
  }
  if (trees[1]) {
    const [a, b] = [trees[0]!.label, trees[1].label];
    speedup(`hmm runs/s: this tree / ${b}`, series(a, (c) => c.hmmRunsPerS), series(b, (c) => c.hmmRunsPerS), true, 'goal ≥ 10');
    speedup(`nouveau runs/s: this tree / ${b}`, series(a, (c) => c.nouveauRunsPerS), series(b, (c) => c.nouveauRunsPerS), true, '');
    speedup(`statements/s: this tree / ${b}`, series(a, (c) => c.statementsPerS), series(b, (c) => c.statementsPerS), true, '');
    speedup(`first run: ${b} / this tree`, series(a, (c) => [c.firstRunMs]), series(b, (c) => [c.firstRunMs]), false, 'higher: this tree is faster');
  }
  return {
    title: trees[1] ? `Goals: this tree against ${ctx.against!.ref} (${ctx.against!.commit.slice(0, 12)})` : 'Goals',
    figures,
    ratios,
    extra: { against: ctx.against ? { ref: ctx.against.ref, commit: ctx.against.commit } : null, reviews: REVIEWS },
  };
}

export const goalsBench: BenchSectionRunner = {
  id: 'goals',
  run: (ctx) => goalsSection(ctx),
};
