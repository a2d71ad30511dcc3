// Entry point of the `lkml-replay` command. Each command lives in its own file under commands/
// and loads its heavy modules (mailparser, tree-sitter, the model) only when it runs, so that
// `--help` and start-up stay fast.
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { exitCodes, UsageError, InputError } from './errors.js';

const program = new Command();
program
  .name('lkml-replay')
  .description(
    'Replay patch variants from Linux kernel mailing-list threads through an executable model of the kernel code they touch, and report behavioural differences.',
  )
  .option('--debug', 'show stack traces for internal errors')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const debug = program.opts<{ debug?: boolean }>().debug === true;
  if (err instanceof UsageError || err instanceof InputError) {
    process.stderr.write(`lkml-replay: ${err.message}\n`);
    process.exitCode = exitCodes.badInput;
    return;
  }
  process.stderr.write(`lkml-replay: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
  process.exitCode = exitCodes.internal;
});
