// --max-steps, --max-depth, --max-memory: the run budgets of `review` and `scenarios` (README
// "Bounded replay"). Given, a flag replaces that budget in every scenario, bundled or from a file.
import type { Command } from 'commander';
import { UsageError } from '../util/errors.js';

export interface BudgetCliOptions {
  maxSteps?: string;
  maxDepth?: string;
  maxMemory?: string;
}

export function addBudgetOptions(cmd: Command): Command {
  return cmd
    .option('--max-steps <n>', 'statements one scenario run may execute (default: the scenario\'s `budget`, else 20000000)')
    .option('--max-depth <n>', 'model call depth a run may reach (default 256)')
    .option('--max-memory <size>', 'model memory a run may allocate, e.g. 64MiB (default 256MiB)');
}

/** The budgets the flags set, checked; {} when none is given. */
export async function budgetOverrides(opts: BudgetCliOptions): Promise<{ steps?: number; depth?: number; memory?: number }> {
  const { parseByteSize } = await import('../model/scenario/budget.js');
  const count = (flag: string, v: string): number => {
    const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, not "${v}"`);
    return n;
  };
  const out: { steps?: number; depth?: number; memory?: number } = {};
  if (opts.maxSteps !== undefined) out.steps = count('--max-steps', opts.maxSteps);
  if (opts.maxDepth !== undefined) out.depth = count('--max-depth', opts.maxDepth);
  if (opts.maxMemory !== undefined) {
    const m = parseByteSize(opts.maxMemory);
    if (m === null) throw new UsageError(`--max-memory must be a size such as 64MiB, 1GiB or 1048576, not "${opts.maxMemory}"`);
    out.memory = m;
  }
  return out;
}
