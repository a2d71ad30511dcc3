// The three budgets that bound one scenario run (README "Bounded replay"): statements executed,
// model call depth, model memory. A run that exceeds one ends with verdict `budget`, its detail
// naming which budget and where; the next run starts fresh. Scenario files set them (`budget:`),
// the CLI's --max-steps/--max-depth/--max-memory override every scenario's.
import { DEFAULT_BUDGETS } from '../interp/machine.js';
import type { Scenario } from './types.js';

export interface ScenarioBudgets {
  /** Statements a run may execute (loop iterations, backward gotos and thread switches count). */
  steps: number;
  /** Model call depth per thread. */
  depth: number;
  /** Bytes of model memory (runtime objects, vmalloc()ed buffers, compound literals). */
  memory: number;
}

export const DEFAULT_SCENARIO_BUDGETS: ScenarioBudgets = {
  steps: 20_000_000,
  depth: DEFAULT_BUDGETS.callDepth,
  memory: DEFAULT_BUDGETS.memoryBytes,
};

/** A scenario's budgets, with the defaults for those it does not set. */
export function budgetsOf(s: Pick<Scenario, 'budget' | 'maxDepth' | 'maxMemory'>): ScenarioBudgets {
  return { steps: s.budget, depth: s.maxDepth ?? DEFAULT_SCENARIO_BUDGETS.depth, memory: s.maxMemory ?? DEFAULT_SCENARIO_BUDGETS.memory };
}

/** Scenarios with some budgets replaced (the CLI flags); the originals are not changed. */
export function withBudgets(scenarios: readonly Scenario[], over: Partial<ScenarioBudgets>): Scenario[] {
  return scenarios.map((s) => ({
    ...s,
    ...(over.steps !== undefined ? { budget: over.steps } : {}),
    ...(over.depth !== undefined ? { maxDepth: over.depth } : {}),
    ...(over.memory !== undefined ? { maxMemory: over.memory } : {}),
  }));
}

const SIZE = /^(\d+)\s*(B|KiB|MiB|GiB|K|M|G)?$/i;

/** `268435456`, `256MiB`, `64M`, `1GiB`: a byte count, or null when it is not one. */
export function parseByteSize(text: string): number | null {
  const m = SIZE.exec(text.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'B').toUpperCase()[0];
  const mul = unit === 'K' ? 1024 : unit === 'M' ? 1024 ** 2 : unit === 'G' ? 1024 ** 3 : 1;
  const n = Number(m[1]) * mul;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
