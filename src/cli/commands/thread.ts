// `lkml-replay thread <inputs...> [--format text|json]`: parse threads and show the reply tree.
// The parser, mailparser and the renderers are imported inside the action, so `--help` and
// every other command start without loading them.
import type { Command } from 'commander';
import { exitCodes, InputError, UsageError, reportUnreadMessages } from '../errors.js';

interface ThreadOptions {
  format: string;
  mboxrd?: boolean;
}

export function registerThread(program: Command): void {
  program
    .command('thread')
    .description('parse mail threads (mbox, .mbox.gz, maildir, .eml, .patch/.diff, web-archive text; - for stdin) and show the reply tree with quote authors, diffs and trailers')
    .argument('<inputs...>', 'files or maildir folders; - reads standard input')
    .option('--format <format>', 'text or json', 'text')
    .option('--mboxrd', 'treat mbox inputs as mboxrd (unescape >From lines); default: only lore\'s "From mboxrd@z" files and *.mboxrd')
    .action(async (inputs: string[], opts: ThreadOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        throw new UsageError(`--format must be text or json, not "${opts.format}"`);
      }
      const [{ parseThread }, { UnreadableInput }] = await Promise.all([
        import('../../thread/parse-thread.js'),
        import('../../thread/input-error.js'),
      ]);
      let parse;
      try {
        parse = await parseThread(inputs, opts.mboxrd ? { mboxrd: true } : {});
      } catch (err) {
        if (err instanceof UnreadableInput) throw new InputError(err.file, err.problem);
        throw err;
      }
      const render =
        opts.format === 'json'
          ? (await import('../../report/thread-json.js')).threadJson
          : (await import('../../report/thread-text.js')).threadText;
      process.stdout.write(render(parse));
      // What was read is printed above; each message that was not gets a line, and exit 2.
      if (reportUnreadMessages(parse.errors)) process.exitCode = exitCodes.badInput;
    });
}
