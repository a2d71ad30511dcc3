// Temp directories for tests: each call makes a fresh one in the test run's own folder (made and
// removed by the global setup, cache-home.ts), so none is left behind. A per-file afterAll here
// would not do: the suite runs with isolate: false, so this module is loaded once per worker for
// many files, and its workers are ended without their exit handlers.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the test run's temp folder (else the system's) whose name starts with `prefix`. */
export function tempDir(prefix: string): string {
  const root = process.env.LKML_REPLAY_TEST_TMP ?? tmpdir();
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}
