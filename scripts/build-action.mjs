#!/usr/bin/env node
// Builds the GitHub Action: one ESM bundle (esbuild; ncc breaks web-tree-sitter) at
// dist/index.js, with the tree-sitter wasm files beside it. dist/ is committed; CI rebuilds it
// and fails on any diff.
//
//   node scripts/build-action.mjs                   (npm run build:action) from the working tree
//   node scripts/build-action.mjs --from-git-head   from the committed sources only: in a checkout
//                                                   shared with work in progress, this is the dist/
//                                                   that matches HEAD (what CI's check-dist builds)
//
// Finding files at run time. ts-parser.ts looks for the wasm beside the bundle itself. Other
// modules find their data relative to their own file as laid out in lib/ (lib/model/source/
// index.js looks for ../../../src/model/source, lib/model/scenario/load.js for
// ../../../fixtures/scenarios). dist/ sits at the same depth as lib/, so in the bundle each of
// those modules gets the import.meta.url it would have in lib/, with dist/ for lib/ (see
// LIB_LAYOUT_MODULES). The Action always runs from a full checkout of this repository at one
// commit, so those lookups find the model sources and scenarios of that same commit, and dist/
// does not carry a second copy of them that could drift.
import { build } from 'esbuild';
import { chmod, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Modules (under src/) whose own-location lookups assume the lib/ layout. */
const LIB_LAYOUT_MODULES = ['model/source/index.ts', 'model/scenario/load.ts'];

function libLayoutPlugin(base) {
  return {
    name: 'lkml-replay-lib-layout',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const rel = relative(join(base, 'src'), args.path).split(sep).join('/');
        if (!LIB_LAYOUT_MODULES.includes(rel)) return undefined;
        const text = await readFile(args.path, 'utf8');
        const libUrl = `new URL(${JSON.stringify(rel.replace(/\.ts$/, '.js'))}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', libUrl), loader: 'ts' };
      });
    },
  };
}

/** The esbuild options of the Action bundle; the tests bundle their own entries with them too. */
export function actionBuildOptions(entry, outfile, base = root) {
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
    plugins: [libLayoutPlugin(base)],
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    absWorkingDir: base,
    // A --from-git-head build links node_modules; keep module paths (and so the bundle) as in a normal build.
    preserveSymlinks: true,
  };
}

/** Files copied beside the bundle: [from (package path), to (name in dist/)]. */
const ASSETS = [
  ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
  ['tree-sitter-c/tree-sitter-c.wasm', 'tree-sitter-c.wasm'],
];

/** Builds `entry` (default: the Action) into `dist` with its assets. */
export async function buildAction({ dist = join(root, 'dist'), entry = join(root, 'src/action/index.ts'), base = root } = {}) {
  // Built aside and swapped in, so that a failed build leaves the old dist/ as it was.
  const next = `${dist}.next-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  try {
    await build(actionBuildOptions(entry, join(next, 'index.js'), base));
    // The replay's worker threads load run-worker.js beside the bundle (src/replay/worker-pool.ts);
    // without it the Action would replay every scenario on its main thread.
    await build(actionBuildOptions(join(base, 'src/replay/run-worker.ts'), join(next, 'run-worker.js'), base));
    const require = createRequire(join(root, 'package.json'));
    for (const [from, to] of ASSETS) {
      await cp(require.resolve(from), join(next, to));
      await chmod(join(next, to), 0o644); // the same mode whatever the package shipped
    }
    // dist/index.js is ESM wherever dist/ is copied to.
    await writeFile(join(next, 'package.json'), '{\n  "type": "module"\n}\n');
    await rm(dist, { recursive: true, force: true });
    await rename(next, dist);
  } finally {
    await rm(next, { recursive: true, force: true });
  }
}

/** Builds dist/ from `git archive HEAD` (with this checkout's node_modules linked in). */
export async function buildActionFromGitHead() {
  const tree = mkdtempSync(join(tmpdir(), 'lkml-replay-head-'));
  try {
    execFileSync('sh', ['-c', 'git archive HEAD | tar -x -C "$1"', 'sh', tree], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    await buildAction({ base: tree, dist: join(root, 'dist'), entry: join(tree, 'src/action/index.ts') });
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--from-git-head')) await buildActionFromGitHead();
  else await buildAction();
}
