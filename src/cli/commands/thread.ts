// `lkml-replay thread <inputs...> [--format text|json]`: parse threads and show the reply tree.
// The parser, mailparser and the renderers are imported inside the action, so `--help` and
// every other command start without loading them.
import { Option, type Command } from 'commander';
import { exitCodes, InputError } from '../../util/errors.js';
import { reportUnreadMessages } from '../unread-messages.js';
import { writeChunks } from '../../util/write-chunks.js';
import { LORE_URL_HELP, resolveThreadInputs, type LoreCliOptions } from '../thread-inputs.js';

interface ThreadOptions extends LoreCliOptions {
  format: 'text' | 'json';
  mboxrd?: boolean;
}

export function registerThread(program: Command): void {
  program
    .command('thread')
    .description('parse mail threads (mbox, .mbox.gz, maildir, .eml, .patch/.diff, web-archive text; - for stdin) and show the reply tree with quote authors, diffs and trailers')
    .argument('<inputs...>', 'files or maildir folders, Message-IDs or lore links (fetched); - reads standard input')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--mboxrd', 'treat mbox inputs as mboxrd (unescape >From lines); default: only lore\'s "From mboxrd@z" files and *.mboxrd')
    .option('--lore-url <url>', LORE_URL_HELP)
    .action(async (given: string[], opts: ThreadOptions) => {
      const [{ parseThread }, { UnreadableInput }] = await Promise.all([
        import('../../thread/parse-thread.js'),
        import('../../thread/input/input-error.js'),
      ]);
      // Every message is made, used and dropped: a small young generation (4 MB), and an old generation
      // that grows by 10% rather than doubling, collect that garbage before it piles up (peak RSS
      // on a 250 MB mbox: 222 MB with a 1 MB semi-space alone, about 190 MB with both; README "Performance").
      const v8 = await import('node:v8');
      v8.setFlagsFromString('--max-semi-space-size=4');
      v8.setFlagsFromString('--heap-growing-percent=10');
      const inputs = await resolveThreadInputs(given, opts, (line) => process.stderr.write(`lkml-replay: ${line}\n`), 'thread');
      let parse;
      try {
        // The output prints each diff's text, not its per-line array (memory on big mboxes).
        const onProgress = (await import('../progress.js')).progressBar({ format: opts.format });
        parse = await parseThread(inputs, { ...(opts.mboxrd ? { mboxrd: true } : {}), hunkLines: false, ...(onProgress ? { onProgress } : {}) });
      } catch (err) {
        if (err instanceof UnreadableInput) throw new InputError(err.file, err.problem);
        throw err;
      }
      if (opts.format === 'json') await writeChunks((await import('../../report/thread-json.js')).threadJsonChunks(parse));
      else await writeChunks((await import('../../report/thread-text.js')).threadTextLines(parse));
      // What was read is printed above; each message that was not gets a line, and exit 2.
      if (reportUnreadMessages(parse.errors)) process.exitCode = exitCodes.badInput;
    });
}
