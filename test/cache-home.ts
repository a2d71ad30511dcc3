// Global setup: CLI processes the tests start keep their baselines (src/replay/baseline-cache.ts)
// in a cache directory of this test run, and tests make their temp directories (temp-dir.ts) in
// a folder of it; all of it is removed at the run's end, never in the user's own.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'lkml-replay-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  process.env.LKML_REPLAY_TEST_TMP = join(dir, 'tmp');
  mkdirSync(process.env.LKML_REPLAY_TEST_TMP);
  return () => rmSync(dir, { recursive: true, force: true });
}
