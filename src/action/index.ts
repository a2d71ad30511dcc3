// The Action's entry (bundled to dist/index.js by scripts/build-action.mjs).
import * as core from '@actions/core';
import { runAction } from './main.js';

runAction().catch((err: unknown) => {
  // runAction reports its own failures; this is a bug in lkml-replay. Never print the token.
  const token = core.getInput('github-token');
  const message = err instanceof Error ? err.message : String(err);
  core.setFailed(`lkml-replay internal error: ${token ? message.split(token).join('***') : message}`);
});
