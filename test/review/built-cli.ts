// Runs `node bin/lkml-replay.js ...` on the compiled lib/, as a user does. `npm test` builds
// first; a plain `npx vitest run` rebuilds lib/ here when any source is newer than it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}

let built = false;
function ensureBuilt(): void {
  if (built) return;
  const probe = join(ROOT, 'lib/cli/commands/review.js');
  if (!existsSync(probe) || statSync(probe).mtimeMs < newest(join(ROOT, 'src'))) {
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; the tests show what matters.
    }
  }
  built = true;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function cli(args: string[], opts: { cwd?: string } = {}): CliRun {
  ensureBuilt();
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/lkml-replay.js'), ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/**
 * As cli(), without blocking this process: for runs that talk to a server the test itself holds
 * (a loopback lore), which a synchronous child would wait on forever.
 */
export async function cliAsync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliRun> {
  ensureBuilt();
  const { spawn } = await import('node:child_process');
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/lkml-replay.js'), ...args], { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(opts.input ?? '');
  const code = await new Promise<number | null>((res) => child.on('close', res));
  return { code, stdout, stderr, ms: Date.now() - t0 };
}
