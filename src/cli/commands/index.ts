// One file per command; this list is the only place that knows them all.
import type { Command } from 'commander';

export function registerCommands(program: Command): void {
  void program;
}
