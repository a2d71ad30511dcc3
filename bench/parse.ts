// The parsing section: our full parse of the generated corpus against `git mailsplit --mboxrd`
// (which only splits) and against git's own patch extraction, `git mailsplit` then
// `git mailinfo` per message (timed on a subset and scaled to the corpus). Each of ours runs
// in a child process (lib/bench/parse-child.mjs) so its peak RSS is its own; git's peak RSS
// comes from /usr/bin/time when it is there.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchSectionRunner } from './context.js';
import { summarise, type BenchFigure, type BenchRatio } from './types.js';
import { writeCorpus, type CorpusStats } from './corpus.js';

const SEED = 20210610;
const TIME = '/usr/bin/time';

interface Run {
  ms: number;
  messages: number;
  bytes: number;
  /** null: not measurable here (no /usr/bin/time for git). */
  maxRssMB: number | null;
}

/** The corpus file for a size, generated once into bench/out/ (same seed, same bytes). */
async function corpusFile(ctx: BenchContext, opts: { messages?: number; bytes?: number }, tag: string): Promise<{ file: string; stats: CorpusStats }> {
  const file = join(ctx.outDir, `corpus-${tag}-${SEED}.mbox`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) return { file, stats: JSON.parse(readFileSync(meta, 'utf8')) as CorpusStats };
  ctx.log(`generating ${file}`);
  const stats = await writeCorpus(file, { seed: SEED, ...opts });
  writeFileSync(meta, JSON.stringify(stats, null, 2));
  return { file, stats };
}

function childParse(ctx: BenchContext, mode: string, file: string): Run {
  const child = join(ctx.root, 'lib', 'bench', 'parse-child.mjs');
  const args = [child, mode, file];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

/** Runs a command, timing it here and taking its peak RSS from /usr/bin/time -f %M when present. */
function timed(
  cmd: string,
  args: string[],
  opts: { input?: Buffer; cwd?: string; allowFail?: boolean; stdoutTo?: string } = {},
): { ms: number; maxRssMB: number | null; stdout: Buffer; ok: boolean } {
  const useTime = existsSync(TIME);
  const out = opts.stdoutTo === undefined ? null : openSync(opts.stdoutTo, 'w');
  const spawnOpts = { input: opts.input, cwd: opts.cwd, maxBuffer: 1 << 28, ...(out === null ? {} : { stdio: ['pipe', out, 'pipe'] as ('pipe' | number)[] }) };
  const t0 = performance.now();
  const r = useTime ? spawnSync(TIME, ['-f', '%M', cmd, ...args], spawnOpts) : spawnSync(cmd, args, spawnOpts);
  const ms = performance.now() - t0;
  if (out !== null) closeSync(out);
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString()}`);
  let maxRssMB: number | null = null;
  if (useTime) {
    const kb = Number(r.stderr.toString().trim().split('\n').pop());
    if (Number.isFinite(kb)) maxRssMB = kb / 1024;
  }
  return { ms, maxRssMB, stdout: r.stdout ?? Buffer.alloc(0), ok: r.status === 0 };
}

function gitMailsplit(file: string, dir: string): Run & { count: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t = timed('git', ['mailsplit', '--mboxrd', `-o${dir}`, file]);
  const count = Number(t.stdout.toString().trim());
  return { ms: t.ms, maxRssMB: t.maxRssMB, messages: count, bytes: statSync(file).size, count };
}

/** `git mailinfo` on each of the first `n` split messages; time and the largest peak RSS. */
function gitMailinfo(dir: string, n: number): { ms: number; maxRssMB: number | null; messages: number; failed: number } {
  const names = readdirSync(dir).filter((x) => /^\d+$/.test(x)).sort().slice(0, n);
  const msg = join(dir, 'msg.out');
  const patch = join(dir, 'patch.out');
  let ms = 0;
  let rss: number | null = null;
  let failed = 0;
  for (const name of names) {
    // A failed mailinfo (this git's iconv cannot convert some charsets) still did the work; counted.
    const t = timed('git', ['mailinfo', msg, patch], { input: readFileSync(join(dir, name)), allowFail: true });
    if (!t.ok) failed++;
    ms += t.ms;
    if (t.maxRssMB !== null) rss = Math.max(rss ?? 0, t.maxRssMB);
  }
  return { ms, maxRssMB: rss, messages: names.length, failed };
}

function figures(name: string, runs: Run[], bytes: number, note?: string): BenchFigure[] {
  const f = [
    summarise(`${name}: wall`, 's', runs.map((r) => r.ms / 1000), note),
    summarise(`${name}: messages/s`, 'msgs/s', runs.map((r) => r.messages / (r.ms / 1000))),
    summarise(`${name}: MB/s`, 'MB/s', runs.map((r) => bytes / 1e6 / (r.ms / 1000))),
  ];
  const rss = runs.map((r) => r.maxRssMB).filter((x): x is number => x !== null);
  f.push(rss.length ? summarise(`${name}: peak RSS`, 'MB', rss) : { name: `${name}: peak RSS`, unit: 'MB', median: NaN, min: NaN, max: NaN, reps: 0, note: 'n/a (no /usr/bin/time)' });
  return f;
}

const median = (xs: number[]): number => summarise('', '', xs).median;

export const parseSection: BenchSectionRunner = {
  id: 'parse',
  async run(ctx) {
    const size = ctx.quick ? { messages: 2000 } : { messages: 20000 };
    const { file, stats } = await corpusFile(ctx, size, ctx.quick ? 'quick' : 'default');
    const bytes = statSync(file).size;
    // git's split files go to memory when the machine has /dev/shm, so disk speed does not count
    // against git (our parse writes nothing).
    const scratch = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/lkml-replay-bench-') : ctx.outDir;
    const splitDir = join(scratch, 'mailsplit');
    const figs: BenchFigure[] = [];
    const ratios: BenchRatio[] = [];
    ctx.log(`corpus ${file}: ${stats.messages} messages, ${(bytes / 1e6).toFixed(1)} MB`);

    const ours: Run[] = [];
    const inMemory: Run[] = [];
    const split: Run[] = [];
    const git: Run[] = [];
    const floor: Run[] = [];
    // Interleaved repetitions, so drift on a shared machine hits each alike.
    for (let i = 0; i < ctx.reps; i++) {
      ctx.log(`parse rep ${i + 1}/${ctx.reps}`);
      split.push(childParse(ctx, 'split', file));
      ours.push(childParse(ctx, 'full', file));
      inMemory.push(childParse(ctx, 'full-memory', file));
      git.push(gitMailsplit(file, splitDir));
      floor.push(childParse(ctx, 'mailparser', file));
    }
    const subset = Math.min(ctx.quick ? 200 : 500, stats.messages);
    ctx.log(`git mailinfo on ${subset} messages`);
    const info = gitMailinfo(splitDir, subset);
    const scale = stats.messages / info.messages;
    const mailinfoRun: Run = { ms: median(git.map((g) => g.ms)) + info.ms * scale, messages: stats.messages, bytes, maxRssMB: info.maxRssMB };
    rmSync(splitDir, { recursive: true, force: true });
    if (scratch !== ctx.outDir) rmSync(scratch, { recursive: true, force: true });

    figs.push(...figures('ours, full parse', ours, bytes, 'split, headers, MIME decode, threading, quote layers, diffs; message parts spilled to a temporary file, as the CLI does on this size'));
    figs.push(...figures('ours, full parse, in-memory store', inMemory, bytes, 'the same parse with every message kept in memory'));
    figs.push(...figures('ours, splitter only', split, bytes));
    const floorMs = median(floor.map((r) => r.ms));
    figs.push(
      summarise('mailparser alone, on the messages it decodes', 's', floor.map((r) => r.ms / 1000), `${floor[0]?.messages ?? 0} of ${stats.messages} messages need MIME decoding (QP, base64, multipart, charsets); decoding only, no split`),
    );
    figs.push(...figures('git mailsplit --mboxrd (split only)', git, bytes, scratch === ctx.outDir ? 'split files on disk' : 'split files in /dev/shm'));
    figs.push(
      ...figures('git mailsplit + mailinfo', [mailinfoRun], bytes, `mailinfo timed on ${info.messages} messages, scaled ×${scale.toFixed(1)}, plus the median mailsplit${info.failed ? `; ${info.failed} exited non-zero (charset conversion)` : ''}`),
    );
    const ourMs = median(ours.map((r) => r.ms));
    ratios.push({ name: 'full parse vs git mailsplit --mboxrd', value: median(git.map((r) => r.ms)) / ourMs, note: 'throughput ours / git mailsplit (split only); > 1: our full parse is faster than git only splitting' });
    ratios.push({ name: 'full parse vs git mailsplit + mailinfo', value: mailinfoRun.ms / ourMs, note: 'throughput ours / git mailsplit then mailinfo per message' });
    ratios.push({
      name: 'ceiling: git mailsplit --mboxrd vs mailparser alone',
      value: median(git.map((r) => r.ms)) / floorMs,
      note: 'the best full-parse ratio vs git mailsplit while mailparser decodes the MIME messages on one thread',
    });
    ratios.push({ name: 'our splitter vs git mailsplit --mboxrd', value: median(git.map((r) => r.ms)) / median(split.map((r) => r.ms)), note: 'throughput, both only split' });
    const extra: Record<string, unknown> = { corpus: { ...stats, file: file.slice(ctx.root.length + 1) } };
    if (ctx.big) {
      const big = await bigRun(ctx);
      figs.push(...big.figures);
      extra['big'] = big.extra;
    }
    return { title: 'Parsing (generated LKML-like corpus)', figures: figs, ratios, extra };
  },
};

/**
 * `--big`: the streaming run. `lkml-replay thread` (the CLI as a user runs it) on a
 * 1 GB mbox, output to /dev/null, once per format; and git mailsplit on the same file.
 */
async function bigRun(ctx: BenchContext): Promise<{ figures: BenchFigure[]; extra: Record<string, unknown> }> {
  const { file, stats } = await corpusFile(ctx, { bytes: 1e9 }, 'big');
  const bytes = statSync(file).size;
  const figs: BenchFigure[] = [];
  const cli = join(ctx.root, 'bin', 'lkml-replay.js');
  for (const format of ['json', 'text']) {
    ctx.log(`big: lkml-replay thread --format ${format} on ${(bytes / 1e9).toFixed(2)} GB`);
    const t = timed(process.execPath, [cli, 'thread', '--format', format, file], { stdoutTo: '/dev/null' });
    const run: Run = { ms: t.ms, messages: stats.messages, bytes, maxRssMB: t.maxRssMB };
    figs.push(...figures(`1 GB mbox, lkml-replay thread --format ${format}`, [run], bytes, 'the CLI, output to /dev/null'));
  }
  ctx.log('big: git mailsplit --mboxrd');
  const splitDir = join(ctx.outDir, 'mailsplit-big');
  const g = gitMailsplit(file, splitDir);
  rmSync(splitDir, { recursive: true, force: true });
  figs.push(...figures('1 GB mbox, git mailsplit --mboxrd', [g], bytes));
  return { figures: figs, extra: { corpus: { ...stats, file: file.slice(ctx.root.length + 1) } } };
}
