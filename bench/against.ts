// `--against <ref>`: a given commit built beside the working tree, so the goals section can time
// both in the same run. The commit's files come from `git archive` into a temporary folder (no
// worktree is registered, nothing in the repository changes); its node_modules are this tree's
// when the lockfiles are the same, else `npm ci`; then its own `npm run prepare` (its build, and
// whatever else an install makes, such as precomputed baselines).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OtherTree {
  /** The ref as given, and the commit it names. */
  ref: string;
  commit: string;
  root: string;
  /** Removes the folder. */
  dispose(): void;
}

export function buildOther(root: string, ref: string, log: (m: string) => void): OtherTree {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = mkdtempSync(join(tmpdir(), `lkml-replay-bench-${commit.slice(0, 7)}-`));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    log(`--against ${ref}: ${commit.slice(0, 12)} into ${dir}`);
    execFileSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const lock = (d: string) => (existsSync(join(d, 'package-lock.json')) ? readFileSync(join(d, 'package-lock.json'), 'utf8') : null);
    if (lock(dir) !== null && lock(dir) === lock(root) && existsSync(join(root, 'node_modules'))) {
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    } else {
      log(`--against ${ref}: its lockfile differs, npm ci`);
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    log(`--against ${ref}: npm run prepare`);
    execFileSync('npm', ['run', 'prepare', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    return { ref, commit, root: dir, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}
