// Entry point of the `lkml-replay` command. Each command lives in its own file under commands/
// and loads its heavy modules (mailparser, tree-sitter, the model) only when it runs, so that
// `--help` and start-up stay fast.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { visibleControls } from '../report/escape.js';
import { exitCodes, UsageError, InputError } from '../util/errors.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command();
program
  .name('lkml-replay')
  .version(pkg.version)
  .description(
    'Replay patch variants from Linux kernel mailing-list threads through an executable model of the kernel code they touch, and report behavioural differences.',
  )
  .option('--debug', 'show stack traces for internal errors')
  // A usage error is one line like every other bad input, with where to read the usage, and
  // exits 2 (commander's own default is 1, which `review --fail-on` uses). Set before the
  // commands are added so they inherit it.
  .configureOutput({ outputError: (message, write) => write(`lkml-replay: ${usageLine(message)}\n`) })
  .exitOverride();

registerCommands(program);

/** `error: unknown option '--x'` -> `unknown option '--x' (see: lkml-replay review --help)`. */
function usageLine(message: string): string {
  const text = message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim();
  const names = new Set(program.commands.map((c) => c.name()));
  const sub = process.argv.slice(2).find((a) => names.has(a));
  return visibleControls(`${text} (see: lkml-replay ${sub ? `${sub} ` : ''}--help)`);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // commander has already printed its message (and the help, for usage errors).
    process.exitCode = err.exitCode === 0 ? exitCodes.ok : exitCodes.badInput;
    return;
  }
  const debug = program.opts<{ debug?: boolean }>().debug === true;
  if (err instanceof UsageError || err instanceof InputError) {
    // the message names an input (a path, a maildir entry): one line, no terminal escapes
    process.stderr.write(`lkml-replay: ${visibleControls(err.message)}\n`);
    if (debug && err.stack) process.stderr.write(err.stack + '\n');
    process.exitCode = exitCodes.badInput;
    return;
  }
  process.stderr.write(`lkml-replay: internal error: ${visibleControls(err instanceof Error ? err.message : String(err))}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
  process.exitCode = exitCodes.internal;
});
