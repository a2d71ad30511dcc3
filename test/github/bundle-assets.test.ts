// The Action bundle on a GitHub runner has no node_modules: it must find the tree-sitter wasm
// beside itself and the model sources and scenarios in the repository checkout it runs from.
// This builds a bundle of the model's own lookups with the Action's build script and runs it
// from such a checkout.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { buildAction } from '../../scripts/build-action.mjs';

const root = join(import.meta.dirname, '../..');
let checkout: string | undefined;

/**
 * A temporary directory from which node cannot resolve web-tree-sitter (no node_modules in any
 * parent), like a runner's checkout of the Action. The system temp dir may not qualify (a
 * node_modules symlink in /tmp, say), so /var/tmp is tried too.
 */
function isolatedTempBase(): string {
  for (const base of [tmpdir(), '/var/tmp']) {
    const paths = createRequire(join(base, 'x', 'index.js')).resolve.paths('web-tree-sitter') ?? [];
    if (existsSync(base) && !paths.some((p) => existsSync(join(p, 'web-tree-sitter')))) return base;
  }
  throw new Error('no temporary directory without a node_modules above it');
}

afterAll(async () => {
  if (checkout) await rm(checkout, { recursive: true, force: true });
});

it('finds the wasm beside the bundle and the model sources and scenarios of its checkout', async () => {
  checkout = await mkdtemp(join(isolatedTempBase(), 'lkml-replay-action-checkout-'));
  await mkdir(join(checkout, 'src/model'), { recursive: true });
  await cp(join(root, 'src/model/source'), join(checkout, 'src/model/source'), { recursive: true });
  await cp(join(root, 'fixtures/scenarios'), join(checkout, 'fixtures/scenarios'), { recursive: true });
  const dist = join(checkout, 'dist');
  await buildAction({ dist, entry: join(import.meta.dirname, 'fixtures/bundle-assets-entry.ts') });

  const { stdout } = await promisify(execFile)(process.execPath, [join(dist, 'index.js')], { cwd: checkout, env: { PATH: process.env.PATH ?? '' } });
  const found = JSON.parse(stdout) as { sourceDir: string; sources: string[]; v10: number; scenarios: number; wasm: { runtime: string; grammar: string }; parsed: string };
  expect(found.wasm).toEqual({ runtime: join(dist, 'tree-sitter.wasm'), grammar: join(dist, 'tree-sitter-c.wasm') });
  expect(found.parsed).toBe('translation_unit');
  expect(found.sourceDir).toBe(join(checkout, 'src/model/source'));
  expect(found.sources).toContain('mm/rmap.c');
  expect(found.v10).toBeGreaterThan(0);
  expect(found.scenarios).toBe((await readdir(join(root, 'fixtures/scenarios'))).filter((f) => /\.ya?ml$/.test(f)).length);
});
