#!/usr/bin/env node
// Builds the GitHub Action: one ESM bundle (esbuild; ncc breaks web-tree-sitter) at
// dist/index.js, with the tree-sitter wasm files (and the model's C sources, once the model
// reads them from disk) beside it. dist/ is committed; CI rebuilds it and fails on any diff.
//
//   node scripts/build-action.mjs          (npm run build:action)
import { build } from 'esbuild';
import { chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The esbuild options of the Action bundle; the tests bundle their own entries with them too. */
export function actionBuildOptions(entry, outfile) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Node 20 APIs and syntax only: the same bundle runs here (Node 20) and on GitHub (node24).
    target: 'node20',
    // Some bundled CommonJS code calls require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __lkmlReplayCreateRequire } from 'node:module';\nconst require = __lkmlReplayCreateRequire(import.meta.url);",
    },
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    absWorkingDir: root,
  };
}

/** Files copied beside the bundle: [from (package path), to (name in dist/)]. */
const ASSETS = [
  ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
  ['tree-sitter-c/tree-sitter-c.wasm', 'tree-sitter-c.wasm'],
];

export async function buildAction(dist = join(root, 'dist')) {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await build(actionBuildOptions(join(root, 'src/action/index.ts'), join(dist, 'index.js')));
  const require = createRequire(join(root, 'package.json'));
  for (const [from, to] of ASSETS) {
    await cp(require.resolve(from), join(dist, to));
    await chmod(join(dist, to), 0o644); // the same mode whatever the package shipped
  }
  // dist/index.js is ESM wherever dist/ is copied to.
  await writeFile(join(dist, 'package.json'), '{\n  "type": "module"\n}\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildAction();
}
