// The Action's inputs (action.yml), read and checked once.
import * as core from '@actions/core';
import { FAIL_ON, type FailOn } from '../replay/fail-on.js';

export const DEFAULT_PATHS = ['**/*.patch', '**/*.mbox', '**/*.eml'];

export interface ActionInputs {
  token: string;
  /** Globs of thread files to review; `!glob` excludes. */
  paths: string[];
  base: string | undefined;
  scenarios: string | undefined;
  failOn: FailOn;
  comment: boolean;
  checkRun: boolean;
}

/** Reads the inputs; throws an Error naming the input that is wrong. */
export function readActionInputs(input: (name: string) => string = (name) => core.getInput(name)): ActionInputs {
  const paths = input('paths')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const failOn = input('fail-on') || 'regression';
  if (!FAIL_ON.includes(failOn as FailOn)) {
    throw new Error(`input fail-on: ${JSON.stringify(failOn)} is not one of ${FAIL_ON.join(', ')}`);
  }
  return {
    token: input('github-token'),
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    base: input('base') || undefined,
    scenarios: input('scenarios') || undefined,
    failOn: failOn as FailOn,
    comment: booleanInput(input, 'comment', true),
    checkRun: booleanInput(input, 'check-run', true),
  };
}

/** YAML 1.2 core-schema booleans, as @actions/core reads them; empty means the default. */
function booleanInput(input: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = input(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new Error(`input ${name}: ${JSON.stringify(value)} is not true or false`);
}
