// The `--base` option of every command that takes one: its choices are the bases the model has
// (BASE_SPECS), so a new base needs no change here and a wrong name is refused by commander.
import { Option } from 'commander';
import { BASE_SPECS } from '../model/source/bases.js';

export function baseOption(description: string, fallback?: string): Option {
  const o = new Option('--base <name>', description).choices(BASE_SPECS.map((b) => b.name));
  return fallback === undefined ? o : o.default(fallback);
}
