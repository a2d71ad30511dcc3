// `lkml-replay model`: what the kernel model is made of -- the modelled functions (model C and
// TypeScript primitives) with the kernel text each was read from, the bases and the bundled
// scenarios.
import type { Command } from 'commander';
import { UsageError } from '../../util/errors.js';

export function registerModel(program: Command): void {
  program
    .command('model')
    .description('list the kernel model: modelled functions (file, name, lines, the kernel version or posting each was read from; model C or TypeScript primitive), bases and scenarios')
    .option('--format <format>', 'text or json', 'text')
    .option('--base <name>', 'the base whose functions are listed', 'v5.14')
    .action(async (opts: { format: string; base: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not "${opts.format}"`);
      const { BASES } = await import('../../model/source/index.js');
      if (!BASES.includes(opts.base)) throw new UsageError(`--base must be one of ${BASES.join(', ')}, not "${opts.base}"`);
      const { describeModel, modelText } = await import('../../model/scenario/describe.js');
      const d = await describeModel(opts.base);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(d, null, 2) + '\n' : modelText(d));
    });
}
