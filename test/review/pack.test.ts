// What a user installs: `npm pack`, then `npm install -g` of the tarball into a fresh prefix,
// gives `lkml-replay` on PATH, and its `review` (no inputs: the bundled seed thread) runs the
// main job from any directory. Slow (a pack with its build, an install): one test.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cli, ROOT } from './built-cli.js';
import { tempDir } from '../temp-dir.js';

test('npm pack + npm install -g: lkml-replay on PATH reviews the seed thread', () => {
  const dir = tempDir('lkml-pack-');
  const quiet = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
  // lib/ as the tests build it (cli() rebuilds a stale one); no `prepare` here, whose build would
  // rewrite lib/ under the other test files' running CLIs.
  expect(cli(['--version']).code).toBe(0);
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], { ...quiet, cwd: ROOT });
  const [tarball] = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
  expect(tarball).toMatch(/^lkml-replay-\d+\.\d+\.\d+\.tgz$/);
  const prefix = join(dir, 'prefix');
  // The dependencies come from npm's cache when `npm ci` has filled it (as in CI).
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(dir, tarball!)], { ...quiet, cwd: dir });
  const env = { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}` };
  const out = execFileSync('lkml-replay', ['review', '-q'], { ...quiet, cwd: dir, env });
  expect(out).toBe(
    'V1 Peter Xu: regression in hmm-exclusive-cow, hmm-exclusive-mprotect, hmm-exclusive, nouveau-atomic-small; differs in hmm-exclusive-thp, nouveau-atomic-thp-head (of 7 scenarios on v10)\n',
  );
  expect(execFileSync('lkml-replay', ['--version'], { ...quiet, cwd: dir, env }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
}, 600_000);
