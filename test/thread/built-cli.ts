// Runs the CLI the way a user does: `node bin/lkml-replay.js ...` on the compiled lib/.
// `npm test` builds first; when lib/ is missing or older than src/ (a plain `npx vitest run`)
// this builds it once, so the test never runs stale code.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

let built = false;
export function ensureBuilt(): void {
  if (built) return;
  const main = join(ROOT, 'lib/cli/main.js');
  // Only the code the thread command runs decides (others' work in progress elsewhere does not).
  const sources = Math.max(...['cli', 'thread', 'patch', 'report', 'util'].map((d) => newest(join(ROOT, 'src', d))));
  if (!existsSync(main) || !existsSync(join(ROOT, 'lib/thread/parse-thread.js')) || statSync(main).mtimeMs < sources) {
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; the tests below show what matters.
    }
  }
  built = true;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], input?: string | Buffer): Run {
  ensureBuilt();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/lkml-replay.js'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
