// The Action's inputs (action.yml), read and checked once.
import * as core from '@actions/core';
import { parseByteSize } from '../model/scenario/budget.js';
import { FAIL_ON, parseFailOn, type FailOn } from '../replay/fail-on.js';

export const DEFAULT_PATHS = ['**/*.patch', '**/*.mbox', '**/*.eml'];

/** `review` (the default): review the pull request. `post`: post a github-report made by an untrusted run (the fork recipe). */
type ActionMode = 'review' | 'post';

export interface ActionInputs {
  mode: ActionMode;
  token: string;
  /** Globs of thread files to review; `!glob` excludes. */
  paths: string[];
  base: string | undefined;
  scenarios: string | undefined;
  failOn: FailOn[];
  partial: boolean;
  budgets: { steps?: number; depth?: number; memory?: number };
  comment: boolean;
  checkRun: boolean;
  /** mode post: the github-report file to post. */
  report: string;
  /** mode post: the pull request, when not the one the report names. */
  pullRequest: number | undefined;
}

/** Reads the inputs; throws an Error naming the input that is wrong. */
export function readActionInputs(input: (name: string) => string = (name) => core.getInput(name)): ActionInputs {
  const paths = input('paths')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const failOnText = input('fail-on') || 'regression';
  const failOn = parseFailOn(failOnText);
  if (!failOn) throw new Error(`input fail-on: ${JSON.stringify(failOnText)} is not one of ${FAIL_ON.join(', ')} (or several of them, with commas)`);
  const mode = input('mode') || 'review';
  if (mode !== 'review' && mode !== 'post') throw new Error(`input mode: ${JSON.stringify(mode)} is not review or post`);
  const pr = input('pull-request');
  if (pr !== '' && !/^[1-9][0-9]{0,9}$/.test(pr)) throw new Error(`input pull-request: ${JSON.stringify(pr)} is not a pull request number`);
  return {
    mode,
    token: input('github-token'),
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    base: input('base') || undefined,
    scenarios: input('scenarios') || undefined,
    failOn,
    partial: booleanInput(input, 'partial', false),
    budgets: budgetInputs(input),
    comment: booleanInput(input, 'comment', true),
    checkRun: booleanInput(input, 'check-run', true),
    report: input('report') || 'github-report.json',
    pullRequest: pr === '' ? undefined : Number(pr),
  };
}

/** `max-steps`, `max-depth` (positive integers) and `max-memory` (a size such as 64MiB); empty: the scenario's own. */
function budgetInputs(input: (name: string) => string): ActionInputs['budgets'] {
  const out: ActionInputs['budgets'] = {};
  const count = (name: string): number | undefined => {
    const v = input(name).trim();
    if (v === '') return undefined;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`input ${name}: ${JSON.stringify(v)} is not a positive integer`);
    return n;
  };
  const steps = count('max-steps');
  const depth = count('max-depth');
  if (steps !== undefined) out.steps = steps;
  if (depth !== undefined) out.depth = depth;
  const memory = input('max-memory').trim();
  if (memory !== '') {
    const m = parseByteSize(memory);
    if (m === null) throw new Error(`input max-memory: ${JSON.stringify(memory)} is not a size such as 64MiB`);
    out.memory = m;
  }
  return out;
}

/** YAML 1.2 core-schema booleans, as @actions/core reads them; empty means the default. */
function booleanInput(input: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = input(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new Error(`input ${name}: ${JSON.stringify(value)} is not true or false`);
}
