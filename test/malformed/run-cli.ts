// The built CLI in a working directory of the test's choosing, with extra environment variables.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, ROOT, type Run } from '../thread/built-cli.js';

export function runCli(args: string[], opts: { cwd: string; env?: Record<string, string> }): Run {
  ensureBuilt();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/lkml-replay.js'), ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A hang fails the test (spawnSync kills the child) instead of the whole suite.
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** stderr as lines, without the trailing newline's empty one. */
export function lines(stderr: string): string[] {
  return stderr === '' ? [] : stderr.replace(/\n$/, '').split('\n');
}
