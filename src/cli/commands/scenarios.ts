// `lkml-replay scenarios`: run scenarios on a base of the kernel model and print their outcomes.
// The interpreter, the model sources and the runtime are imported inside the action.
import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parseDiffText } from '../../patch/index.js';
import { InputError } from '../../util/errors.js';
import { baseOption } from '../base-flag.js';
import { addBudgetOptions, budgetOverrides, type BudgetCliOptions } from '../budget-flags.js';
import { chosenScenarios } from '../scenario-flags.js';

interface ScenariosOptions extends BudgetCliOptions {
  base: string;
  scenario?: string[];
  scenarioFile?: string[];
  patch?: string[];
  format: 'text' | 'json';
  details?: boolean;
  trace: 'full' | 'events' | 'none';
}

export function registerScenarios(program: Command): void {
  const cmd = program
    .command('scenarios')
    .description('run scenarios (fixtures/scenarios, or your own YAML files) through the kernel model on a base and report each outcome')
    .addOption(baseOption('model base to run on', 'v5.14'))
    .option('--scenario <name...>', 'bundled scenarios to run (default: all)')
    .option('--scenario-file <file...>', 'scenario YAML files to run (instead of / besides --scenario)')
    .option('--patch <file...>', 'unified diffs applied over the base before compiling (a variant)')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--details', 'text: show detail, notifier traffic and hazards under each line')
    .addOption(new Option('--trace <level>', 'json: trace events to include: full, events or none').choices(['full', 'events', 'none']).default('full'));
  addBudgetOptions(cmd).action(async (opts: ScenariosOptions) => {
      const budgets = await budgetOverrides(opts);
      const [{ PatchError }, run, render] = await Promise.all([
        import('../../model/source/index.js'),
        import('../../model/scenario/run.js'),
        import('../../model/scenario/render.js'),
      ]);
      const scenarios = await chosenScenarios(opts);
      const patches = (opts.patch ?? []).map((f) => {
        let text: string;
        try {
          text = readFileSync(f, 'utf8');
        } catch (e) {
          throw new InputError(f, `cannot read (${(e as Error).message})`);
        }
        // Read as review reads a .patch (format-patch mail or bare diff, mangling repaired), so a
        // mail's signature or a web-archive copy applies the same here as there.
        const found = parseDiffText(text, 'patch');
        if (!found) throw new InputError(f, 'no unified diff found');
        if (found.repairs.length > 0) process.stderr.write(`lkml-replay: note: ${f}: ${found.repairs.length} repair(s) made to read the diff\n`);
        return { name: f, patch: found.text };
      });
      let compiled;
      try {
        compiled = await run.compileBase(opts.base, patches);
      } catch (err) {
        if (err instanceof PatchError) {
          const failed = patches.find((p) => p.name === err.patch);
          if (failed) throw new InputError(failed.name, err.problem);
          throw new InputError(opts.base, err.message);
        }
        throw err;
      }
      for (const d of compiled.diagnostics.filter((x) => x.severity === 'error')) {
        process.stderr.write(`lkml-replay: warning: model source ${d.file}:${d.line}: ${d.message}\n`);
      }
      const { withBudgets } = await import('../../model/scenario/budget.js');
      const outcomes = withBudgets(scenarios, budgets).map((s) => run.runScenario(compiled, s, { trace: opts.format === 'json' ? opts.trace : 'events' }));
      process.stdout.write(opts.format === 'json' ? JSON.stringify(outcomes, null, 2) + '\n' : render.outcomesText(outcomes, !!opts.details));
    });
}
