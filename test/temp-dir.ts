// Temp directories for tests: each call makes a fresh one, and all of them are removed when the
// test process exits. The suite runs files with isolate: false (vitest.config.ts), so this module
// is loaded once per worker process for many files: a file-level afterAll here would be
// registered with the first file only, and every later file's directories would be left behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh directory under the system temp folder whose name starts with `prefix`. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}
