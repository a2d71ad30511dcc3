// `lkml-replay model`: what the kernel model is made of -- the modelled functions (model C and
// TypeScript primitives), the bases and the bundled scenarios.
import type { Command } from 'commander';
import { UsageError } from '../../util/errors.js';

export function registerModel(program: Command): void {
  program
    .command('model')
    .description('list the kernel model: modelled functions (file, name, lines; model C or TypeScript primitive), bases and scenarios')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts: { format: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not "${opts.format}"`);
      const { describeModel, modelText } = await import('../../model/scenario/describe.js');
      const d = await describeModel();
      process.stdout.write(opts.format === 'json' ? JSON.stringify(d, null, 2) + '\n' : modelText(d));
    });
}
