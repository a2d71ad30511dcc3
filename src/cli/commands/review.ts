// `lkml-replay review [inputs...]`: replay every variant of a thread through the kernel model and
// report what behaves differently. With no inputs it reviews the bundled seed thread. The parser,
// the mapper, the model and the renderers are imported inside the action, so `--help` stays fast.
import { Option, type Command } from 'commander';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCodes, InputError, UsageError } from '../../util/errors.js';
import { reportUnreadMessages } from '../unread-messages.js';
import { addBudgetOptions, budgetOverrides, type BudgetCliOptions } from '../budget-flags.js';
import { addExploreOptions, exploreRequest, type ExploreCliOptions } from '../explore-flags.js';
import { chosenScenarios } from '../scenario-flags.js';
import { writeChunks } from '../../util/write-chunks.js';
import { LORE_URL_HELP, resolveThreadInputs, type LoreCliOptions } from '../thread-inputs.js';
import { stepLog } from '../step-log.js';
import { baseOption } from '../base-flag.js';

interface ReviewCliOptions extends BudgetCliOptions, LoreCliOptions, ExploreCliOptions {
  base?: string;
  scenario?: string[];
  scenarioFile?: string[];
  format: 'text' | 'markdown' | 'json' | 'mail';
  failOn: string;
  partial?: boolean;
  jobs?: string;
  shard?: string;
  quiet?: boolean;
  verbose?: boolean;
  export?: string;
  cache: boolean;
}

/** The bundled seed thread (fixtures/ at the package root), shown relative to the working directory. */
function seedThread(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const abs = resolve(here, '..', '..', '..', 'fixtures', 'threads', '000_00c7ef2d00851f1b.txt');
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

export function registerReview(program: Command): void {
  const cmd = program
    .command('review')
    .description('replay every proposed variant (each distinct diff) of a thread through the kernel model over the scenarios and report the behavioural differences with their first cause; no inputs: the bundled seed thread')
    .argument('[inputs...]', 'mbox, .mbox.gz, maildir, .eml, .patch/.diff or web-archive text files, Message-IDs or lore links (fetched); - reads standard input')
    .addOption(baseOption('model base to replay on (default: the release a base-commit: line names, else the base the hunks match exactly, the subject\'s version first, else the closest, else the newest at the message\'s date)'))
    .option('--scenario <name...>', 'bundled scenarios to run (default: all)')
    .option('--scenario-file <file...>', 'scenario YAML files to run (instead of / besides --scenario)')
    .addOption(new Option('--format <format>', 'text, markdown, json or mail (a reply to each variant\'s message, for git send-email or mutt -H)').choices(['text', 'markdown', 'json', 'mail']).default('text'))
    .option('--fail-on <levels>', 'exit 1 when met: never, difference, regression, partial (a difference of any replay, partial ones too) or unreplayed (nothing replayed); several with commas', 'never')
    .option('-q, --quiet', 'text: one line per variant')
    .option('-v, --verbose', 'say on stderr what is fetched, read, mapped and replayed, and how long it took')
    .option('--export <dir>', 'also write each variant as a patch git am applies (author and subject from the mail, the repaired hunks) into dir')
    .option('--lore-url <url>', LORE_URL_HELP)
    .option('--partial', 'replay the placed hunks of a variant even when some hunk could not be placed (flagged)')
    .option('--shard <i/n>', 'replay only share i of n of the replayable variants (JSON only); `lkml-replay merge` joins the shares into the one review')
    .option('--no-cache', 'read nothing an install precomputed or a review kept: run every baseline (a base\'s own code over a scenario), outline every model file and compile every base, and keep nothing in $XDG_CACHE_HOME/lkml-replay/baselines')
    .option('--jobs <n>', 'threads for the scenario runs: the main one plus n-1 workers (1: main only; default: $LKML_REPLAY_JOBS, else the cores from 32 runs (variants + base, times scenarios) up)');
  addExploreOptions(addBudgetOptions(cmd)).action(async (inputs: string[], opts: ReviewCliOptions) => {
      const { parseFailOn, failOnHits } = await import('../../replay/fail-on.js');
      const failOn = parseFailOn(opts.failOn);
      if (!failOn) throw new UsageError(`--fail-on must be never, difference, regression, partial or unreplayed (several with commas), not "${opts.failOn}"`);
      if (opts.quiet && opts.verbose) throw new UsageError('-q/--quiet and -v/--verbose do not go together');
      if (opts.quiet && opts.format !== 'text') throw new UsageError(`-q/--quiet is for the text format, not ${opts.format}`);
      if (opts.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(opts.jobs)) throw new UsageError(`--jobs must be a whole number from 1 to 999, not "${opts.jobs}"`);
      const shard = parseShard(opts.shard);
      if (shard && opts.format !== 'json') throw new UsageError('--shard writes a share for `lkml-replay merge`: use --format json');
      const budgets = await budgetOverrides(opts);
      const explore = await exploreRequest(opts);
      const log = stepLog(!!opts.verbose);
      const [{ review, REVIEW_PARSE }, { UnreadableInput }] = await Promise.all([
        import('../../replay/review.js'),
        import('../../thread/input/input-error.js'),
      ]);
      const scenarios = await chosenScenarios(opts, explore);
      if (opts.cache) {
        const [{ useBaselineCache }, { usePrecomputedOutlines, precomputedOutlineDir }, { usePrecomputedCompileFacts, precomputedCompileFactsDir }, { xdgCacheDir }] = await Promise.all([
          import('../../replay/baseline-cache.js'),
          import('../../model/interp/outline-cache.js'),
          import('../../map/compile-facts-cache.js'),
          import('../../util/xdg-cache.js'),
        ]);
        useBaselineCache(join(xdgCacheDir(), 'baselines'));
        usePrecomputedOutlines(precomputedOutlineDir());
        usePrecomputedCompileFacts(precomputedCompileFactsDir());
      }
      let result;
      let parse;
      try {
        const { withBudgets } = await import('../../model/scenario/budget.js');
        const reviewInputs = inputs.length ? await resolveThreadInputs(inputs, opts, (line) => log.note(line), 'review', log) : [seedThread()];
        // A big review's runs each promote a full trace that dies soon after: an old generation
        // that grows by 20% (not V8's up to 4x) collects it before it piles up. 10% and a 4 MB
        // young generation (as `thread` has) kept the nouveau archive at 744 MB but took 201 s;
        // 20% takes 172 s at 851 MB. On a thread-sized input it only slows the replay.
        const v8 = await import('node:v8');
        let lean = false;
        const leanHeap = () => {
          if (lean) return;
          lean = true;
          v8.setFlagsFromString('--heap-growing-percent=20');
        };
        if ((await inputBytes(reviewInputs)) >= BIG_INPUT_BYTES) leanHeap();
        // Parsed here, as review() would, so that a big input shows the progress bar on a terminal.
        const onProgress = (await import('../progress.js')).progressBar({ format: opts.format });
        parse = await (await import('../../thread/parse-thread.js')).parseThread(reviewInputs, { ...REVIEW_PARSE, ...(onProgress ? { onProgress } : {}) });
        log.done(`read ${reviewInputs.join(', ')}: ${parse.messages.length} message(s)`);
        if (parse.messages.length >= MANY_MESSAGES) leanHeap();
        result = await review({ inputs: reviewInputs, parse, beforeRuns: (n) => n >= MANY_REPLAYED && leanHeap(), base: opts.base, scenarios: withBudgets(scenarios, budgets), partial: !!opts.partial, jobs: opts.jobs === undefined ? undefined : Number(opts.jobs), ...(shard ? { shard } : {}), ...(explore ? { explore } : {}) });
        const s = result.summary;
        log.done(`reviewed on ${result.bases.map((b) => b.name).join(", ") || "no base"}: ${s.variants} variant(s), ${s.replayed} replayed over ${result.scenarios.length} scenario(s); ${s.differences} difference(s), ${s.regressions} regression(s)`);
      } catch (err) {
        if (err instanceof UnreadableInput) throw new InputError(err.file, err.problem);
        throw err;
      }
      const needsCarriers = opts.format === 'mail' || opts.export !== undefined;
      const carriers = needsCarriers ? (await import('../../report/carriers.js')).collectCarriers(result, parse.messages) : new Map();
      if (opts.export !== undefined) {
        const written = await (await import('../export-patches.js')).exportPatches(result, carriers, opts.export);
        log.done(`exported ${written.length} patch(es) to ${opts.export}`);
      }
      await writeReport(result, opts, carriers);
      const hits = failOnHits(result, failOn);
      if (hits.length) {
        process.exitCode = exitCodes.failOn;
        const { failOnLine } = await import('../../report/fail-on-line.js');
        process.stderr.write(`lkml-replay: ${failOnLine(hits)}\n`);
      }
      // Unread messages are bad input: exit 2 wins over --fail-on's 1.
      if (reportUnreadMessages(result.thread.errors)) process.exitCode = exitCodes.badInput;
    });
}

async function writeReport(result: import('../../replay/types.js').Review, opts: ReviewCliOptions, carriers: Map<string, import('../../report/carriers.js').Carrier>): Promise<void> {
  if (opts.format === 'json') return writeChunks((await import('../../report/review-json-chunks.js')).reviewJsonChunks(result));
  if (opts.format === 'markdown') return void process.stdout.write((await import('../../report/render-markdown.js')).renderMarkdown(result));
  if (opts.format === 'mail') return void process.stdout.write((await import('../../report/render-mail.js')).renderMail(result, carriers));
  if (opts.quiet) return void process.stdout.write((await import('../../report/render-quiet.js')).renderQuiet(result));
  const [{ renderTextChunks }, { ansi, plain, wantsColour }] = await Promise.all([import('../../report/render-text.js'), import('../../report/style.js')]);
  const out = process.stdout;
  // A terminal's own width; a pipe or a file gets 100 columns.
  const width = out.isTTY && out.columns ? Math.max(60, out.columns) : 100;
  return writeChunks(renderTextChunks(result, { width, style: wantsColour(out, process.env) ? ansi : plain }));
}

/** `2/4` as share 2 of 4; undefined when not given. */
function parseShard(spec: string | undefined): { index: number; count: number } | undefined {
  if (spec === undefined) return undefined;
  const m = /^([1-9]\d{0,3})\/([1-9]\d{0,3})$/.exec(spec);
  if (!m || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard must be i/n with 1 <= i <= n, not "${spec}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** From this much input (files and folders' entries; stdin counts as big) review tunes the GC for memory. */
const BIG_INPUT_BYTES = 16 * 1024 * 1024;
/**
 * From this many replayed variants it does so before the runs, whatever the input's size: each
 * run's full trace outlives the young generation, and with V8's default growth the old one grew
 * to several times what was alive (10 MB of an archive's mail, 87 variants replayed: 1.4 GB).
 */
const MANY_REPLAYED = 32;
/** And from this many messages, before the mapping: an archive's thousands of variants are mapped and compiled one after another. */
const MANY_MESSAGES = 200;

async function inputBytes(inputs: readonly string[]): Promise<number> {
  const { stat } = await import('node:fs/promises');
  let n = 0;
  for (const input of inputs) {
    if (input === '-') return Infinity;
    const s = await stat(input).catch(() => null);
    // A maildir counts as big: its size is not its folder's.
    if (s?.isDirectory()) return Infinity;
    n += s?.size ?? 0;
  }
  return n;
}
