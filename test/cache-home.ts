// Global setup: CLI processes the tests start keep their baselines (src/replay/baseline-cache.ts)
// in a cache directory of this test run, removed at its end, never in the user's own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'lkml-replay-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
