// One file per command; this list is the only place that knows them all.
import type { Command } from 'commander';
import { registerThread } from './thread.js';
import { registerGithub } from './github.js';
import { registerScenarios } from './scenarios.js';
import { registerModel } from './model.js';
import { registerReview } from './review.js';
import { registerMerge } from './merge.js';

export function registerCommands(program: Command): void {
  registerThread(program);
  registerGithub(program);
  registerScenarios(program);
  registerModel(program);
  registerReview(program);
  registerMerge(program);
}
