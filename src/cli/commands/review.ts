// `lkml-replay review [inputs...]`: replay every variant of a thread through the kernel model and
// report what behaves differently. With no inputs it reviews the bundled seed thread. The parser,
// the mapper, the model and the renderers are imported inside the action, so `--help` stays fast.
import { Option, type Command } from 'commander';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCodes, InputError, UsageError } from '../../util/errors.js';
import { reportUnreadMessages } from '../unread-messages.js';
import { addBudgetOptions, budgetOverrides, type BudgetCliOptions } from '../budget-flags.js';
import { chosenScenarios } from '../scenario-flags.js';
import { writeChunks } from '../../util/write-chunks.js';
import { FAIL_ON, type FailOn } from '../../replay/fail-on.js';

interface ReviewCliOptions extends BudgetCliOptions {
  base?: string;
  scenario?: string[];
  scenarioFile?: string[];
  format: 'text' | 'markdown' | 'json';
  failOn: FailOn;
  partial?: boolean;
  jobs?: string;
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
    .argument('[inputs...]', 'mbox, .mbox.gz, maildir, .eml, .patch/.diff or web-archive text files; - reads standard input')
    .option('--base <name>', 'model base to replay on (default: the thread\'s subject version when the model has it, else v5.14)')
    .option('--scenario <name...>', 'bundled scenarios to run (default: all)')
    .option('--scenario-file <file...>', 'scenario YAML files to run (instead of / besides --scenario)')
    .addOption(new Option('--format <format>', 'text, markdown or json').choices(['text', 'markdown', 'json']).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when met: never, difference or regression').choices(FAIL_ON).default('never'))
    .option('--partial', 'replay the placed hunks of a variant even when some hunk could not be placed (flagged)')
    .option('--jobs <n>', 'threads for the scenario runs: the main one plus n-1 workers (1: main only; default: $LKML_REPLAY_JOBS, else the cores from 32 runs (variants + base, times scenarios) up)');
  addBudgetOptions(cmd).action(async (inputs: string[], opts: ReviewCliOptions) => {
      if (opts.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(opts.jobs)) throw new UsageError(`--jobs must be a whole number from 1 to 999, not "${opts.jobs}"`);
      const budgets = await budgetOverrides(opts);
      const [{ BASES }, { review, REVIEW_PARSE }, { failOnMet }, { UnreadableInput }] = await Promise.all([
        import('../../model/source/index.js'),
        import('../../replay/review.js'),
        import('../../replay/fail-on.js'),
        import('../../thread/input/input-error.js'),
      ]);
      if (opts.base !== undefined && !(BASES as readonly string[]).includes(opts.base)) {
        throw new UsageError(`--base must be one of ${BASES.join(', ')}, not "${opts.base}"`);
      }
      const scenarios = await chosenScenarios(opts);
      let result;
      try {
        const { withBudgets } = await import('../../model/scenario/budget.js');
        const reviewInputs = inputs.length ? inputs : [seedThread()];
        // On a big input messages and variants are made, used and dropped one at a time: a small
        // young generation and an old one that grows by 10% collect that garbage before it piles
        // up (as `thread`). On a thread-sized input they only slow the replay (seed: ~0.5 s).
        if ((await inputBytes(reviewInputs)) >= BIG_INPUT_BYTES) {
          const v8 = await import('node:v8');
          v8.setFlagsFromString('--max-semi-space-size=4');
          v8.setFlagsFromString('--heap-growing-percent=10');
        }
        // Parsed here, as review() would, so that a big input shows the progress bar on a terminal.
        const onProgress = (await import('../progress.js')).progressBar({ format: opts.format });
        const parse = await (await import('../../thread/parse-thread.js')).parseThread(reviewInputs, { ...REVIEW_PARSE, ...(onProgress ? { onProgress } : {}) });
        result = await review({ inputs: reviewInputs, parse, base: opts.base, scenarios: withBudgets(scenarios, budgets), partial: !!opts.partial, jobs: opts.jobs === undefined ? undefined : Number(opts.jobs) });
      } catch (err) {
        if (err instanceof UnreadableInput) throw new InputError(err.file, err.problem);
        throw err;
      }
      if (opts.format === 'json') {
        await writeChunks((await import('../../report/review-json-chunks.js')).reviewJsonChunks(result));
      } else {
        const render = opts.format === 'markdown' ? (await import('../../report/render-markdown.js')).renderMarkdown : (await import('../../report/render-text.js')).renderText;
        process.stdout.write(render(result));
      }
      if (failOnMet(result, opts.failOn)) process.exitCode = exitCodes.failOn;
      // Unread messages are bad input: exit 2 wins over --fail-on's 1.
      if (reportUnreadMessages(result.thread.errors)) process.exitCode = exitCodes.badInput;
    });
}

/** From this much input (files and folders' entries; stdin counts as big) review tunes the GC for memory. */
const BIG_INPUT_BYTES = 16 * 1024 * 1024;

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
