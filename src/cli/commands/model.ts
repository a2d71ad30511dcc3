// `lkml-replay model`: what the kernel model is made of -- the modelled functions (model C and
// TypeScript primitives) with the kernel text each was read from, the bases and the bundled
// scenarios.
import { Option, type Command } from 'commander';
import { baseOption } from '../base-flag.js';

export function registerModel(program: Command): void {
  program
    .command('model')
    .description('list the kernel model: modelled functions (file, name, lines, the kernel version or posting each was read from; model C or TypeScript primitive), bases and scenarios')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .addOption(baseOption('the base whose functions are listed', 'v5.14'))
    .action(async (opts: { format: string; base: string }) => {
      const { describeModel, modelText } = await import('../../model/scenario/describe.js');
      const d = await describeModel(opts.base);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(d, null, 2) + '\n' : modelText(d));
    });
}
