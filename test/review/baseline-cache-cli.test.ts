// `review` keeps baselines in $XDG_CACHE_HOME/lkml-replay/baselines and reads them back with the
// same report; `--no-cache` neither reads nor writes them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../temp-dir.js';
import { cliAsync } from './built-cli.js';

// A step budget of its own: no baseline shipped in lib/baselines has it, so these are run and kept.
const ARGS = ['review', 'fixtures/threads/000_00c7ef2d00851f1b.txt', '--scenario', 'nouveau-atomic-small', 'hmm-exclusive-thp', '--max-steps', '19999999', '--format', 'json', '--jobs', '1'];
const kept = (home: string) => {
  try {
    return readdirSync(join(home, 'lkml-replay', 'baselines')).filter((f) => f.endsWith('.br'));
  } catch {
    return [];
  }
};

test('a review keeps its baselines and a second review reads them, with the same report', async () => {
  const home = tempDir('lkml-replay-cache-');
  const env = { ...process.env, XDG_CACHE_HOME: home };
  const first = await cliAsync(ARGS, { env });
  expect(first.code, first.stderr).toBe(0);
  expect(kept(home)).toHaveLength(2);
  const second = await cliAsync(ARGS, { env });
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toBe(first.stdout);
  expect(JSON.parse(first.stdout).summary.replayed).toBe(1);
});

test('--no-cache keeps nothing', async () => {
  const home = tempDir('lkml-replay-cache-');
  const run = await cliAsync([...ARGS, '--no-cache'], { env: { ...process.env, XDG_CACHE_HOME: home } });
  expect(run.code, run.stderr).toBe(0);
  expect(kept(home)).toEqual([]);
});
