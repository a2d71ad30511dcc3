// `npm run bench`: runs the benchmark sections in order, prints one table and writes
// bench/results.json (figures with median/min/max over repetitions, ratios, and the machine).
//   npm run bench                    full run (20,000-message corpus)
//   npm run bench -- --quick         small corpus, 3 repetitions
//   npm run bench -- --big           also the 1 GB streaming run (peak RSS)
//   npm run bench -- --archive FILE  also review that mbox (a list archive) once per tree (goals)
//   npm run bench -- --reps 7 --only parse
//   npm run bench -- --against HEAD~1 [--only goals]   also build that commit and time both
//                                                       (goals section), printing the ratios
// It runs as an esbuild bundle in lib/bench/ (see package.json), beside the built lib/, so
// modules that find data relative to their own file (model sources, scenarios) find it.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, BenchSectionRunner } from './context.js';
import type { BenchSection } from './types.js';
import { parseSection } from './parse.js';
import { replayBench } from './replay.js';
import { goalsBench } from './goals.js';
import { buildOther, type OtherTree } from './against.js';
import { exploreBench } from './explore.js';

/** The sections, in the order they run and print. Add a section here (one line). */
export const SECTIONS: BenchSectionRunner[] = [goalsBench, parseSection, replayBench, exploreBench];

function findRoot(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)), i = 0; i < 6; i++, d = dirname(d)) {
    try {
      const pkg = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'lkml-replay') return d;
    } catch {
      // not here; go up
    }
  }
  return process.cwd();
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function machine(): Record<string, string | number> {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    // not Linux
  }
  return { cpu, nproc: cpus().length, node: process.version, platform: `${process.platform}-${process.arch}` };
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString('en-US');
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

export function table(sections: BenchSection[]): string {
  const rows: string[][] = [];
  for (const s of sections) {
    rows.push([`## ${s.title}`, '', '', '', '', '']);
    for (const f of s.figures) rows.push([f.name, fmt(f.median), `${fmt(f.min)}..${fmt(f.max)}`, f.unit, String(f.reps), f.note ?? '']);
    for (const r of s.ratios) rows.push([r.name, fmt(r.value), '', '×', '', r.note]);
  }
  const head = ['figure', 'median', 'min..max', 'unit', 'reps', 'note'];
  const all = [head, ...rows];
  const width = head.map((_, c) => Math.max(...all.filter((r) => !r[0]!.startsWith('## ')).map((r) => r[c]!.length)));
  const line = (r: string[]): string =>
    r[0]!.startsWith('## ') ? r[0]! : r.map((x, c) => (c === 0 || c >= 3 ? x.padEnd(width[c]!) : x.padStart(width[c]!))).join('  ').trimEnd();
  return all.map(line).join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const root = findRoot();
  const ctx: BenchContext = {
    quick,
    big: args.includes('--big'),
    ...(argValue(args, '--archive') ? { archive: resolve(argValue(args, '--archive')!) } : {}),
    reps: Number(argValue(args, '--reps') ?? (quick ? 3 : 5)),
    root,
    outDir: join(root, 'bench', 'out'),
    log: (m) => process.stderr.write(`bench: ${m}\n`),
  };
  mkdirSync(ctx.outDir, { recursive: true });
  const only = argValue(args, '--only');
  const againstRef = argValue(args, '--against');
  let other: OtherTree | null = null;
  if (againstRef) {
    other = buildOther(root, againstRef, ctx.log);
    ctx.against = { ref: againstRef, commit: other.commit, root: other.root };
  }
  const done: BenchSection[] = [];
  try {
    for (const s of SECTIONS) {
      if (only && s.id !== only) continue;
      ctx.log(`section ${s.id}`);
      done.push(await s.run(ctx));
    }
  } finally {
    other?.dispose();
  }
  process.stdout.write(table(done));
  const out = resolve(argValue(args, '--out') ?? join(root, 'bench', quick ? 'out/results-quick.json' : 'results.json'));
  const doc = { date: new Date().toISOString(), machine: machine(), settings: { quick, big: ctx.big, reps: ctx.reps, against: ctx.against ? { ref: ctx.against.ref, commit: ctx.against.commit } : null }, sections: done };
  writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
  ctx.log(`wrote ${out}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
