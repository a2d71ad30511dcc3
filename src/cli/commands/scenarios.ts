// `lkml-replay scenarios`: run scenarios on a base of the kernel model and print their outcomes.
// The interpreter, the model sources and the runtime are imported inside the action.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parseDiffText } from '../../patch/index.js';
import { InputError, UsageError } from '../../util/errors.js';
import { addBudgetOptions, budgetOverrides, type BudgetCliOptions } from '../budget-flags.js';

interface ScenariosOptions extends BudgetCliOptions {
  base: string;
  scenario?: string[];
  scenarioFile?: string[];
  patch?: string[];
  format: string;
  details?: boolean;
  trace: string;
}

export function registerScenarios(program: Command): void {
  const cmd = program
    .command('scenarios')
    .description('run scenarios (fixtures/scenarios, or your own YAML files) through the kernel model on a base and report each outcome')
    .option('--base <base>', 'model base: v5.14 (merged code) or v10 (as posted)', 'v5.14')
    .option('--scenario <name...>', 'bundled scenarios to run (default: all)')
    .option('--scenario-file <file...>', 'scenario YAML files to run (instead of / besides --scenario)')
    .option('--patch <file...>', 'unified diffs applied over the base before compiling (a variant)')
    .option('--format <format>', 'text or json', 'text')
    .option('--details', 'text: show detail, notifier traffic and hazards under each line')
    .option('--trace <level>', 'json: trace events to include: full, events or none', 'full');
  addBudgetOptions(cmd).action(async (opts: ScenariosOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not "${opts.format}"`);
      if (!['full', 'events', 'none'].includes(opts.trace)) throw new UsageError(`--trace must be full, events or none, not "${opts.trace}"`);
      const budgets = await budgetOverrides(opts);
      const [{ BASES }, load, run, render] = await Promise.all([
        import('../../model/source/index.js'),
        import('../../model/scenario/load.js'),
        import('../../model/scenario/run.js'),
        import('../../model/scenario/render.js'),
      ]);
      if (!(BASES as readonly string[]).includes(opts.base)) throw new UsageError(`--base must be one of ${BASES.join(', ')}, not "${opts.base}"`);
      let scenarios;
      try {
        const bundled = load.loadBundledScenarios();
        scenarios = [];
        for (const name of opts.scenario ?? []) {
          const s = bundled.find((b) => b.name === name);
          if (!s) throw new UsageError(`no bundled scenario "${name}" (scenarios: ${bundled.map((b) => b.name).join(', ')})`);
          scenarios.push(s);
        }
        for (const f of opts.scenarioFile ?? []) scenarios.push(load.loadScenarioFile(f));
        if (!opts.scenario && !opts.scenarioFile) scenarios = bundled;
      } catch (err) {
        if (err instanceof load.ScenarioError) throw new InputError(err.message.split(':')[0] ?? 'scenario', err.message.split(': ').slice(1).join(': '));
        throw err;
      }
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
        if (err instanceof Error && err.name === 'PatchError') {
          // PatchError messages start with the name of the patch (or base) that failed.
          const failed = patches.find((p) => err.message.startsWith(`${p.name}: `));
          if (failed) throw new InputError(failed.name, err.message.slice(failed.name.length + 2));
          throw new InputError(opts.base, err.message);
        }
        throw err;
      }
      for (const d of compiled.diagnostics.filter((x) => x.severity === 'error')) {
        process.stderr.write(`lkml-replay: warning: model source ${d.file}:${d.line}: ${d.message}\n`);
      }
      const { withBudgets } = await import('../../model/scenario/budget.js');
      const outcomes = withBudgets(scenarios, budgets).map((s) => run.runScenario(compiled, s, { trace: opts.format === 'json' ? (opts.trace as 'full') : 'events' }));
      process.stdout.write(opts.format === 'json' ? JSON.stringify(outcomes, null, 2) + '\n' : render.outcomesText(outcomes, !!opts.details));
    });
}
