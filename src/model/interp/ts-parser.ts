// Loading the real C parser: web-tree-sitter (the runtime, its own tree-sitter.wasm) plus the
// tree-sitter-c grammar's wasm. Initialised once per process and cached.
//
// The wasm files are found from the installed packages (createRequire(import.meta.url).resolve),
// or, when this code runs from an esbuild bundle (dist/index.js) that ships the wasm files beside
// itself, from the bundle's own directory. Both paths are tried in that order.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Language, type Tree } from 'web-tree-sitter';

export type { Node as TSNode } from 'web-tree-sitter';

/** Where the two wasm files live; exported for `lkml-replay model` and for bundling scripts. */
export function locateWasm(): { runtime: string; grammar: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  const find = (pkgPath: string, file: string): string => {
    const tried: string[] = [];
    try {
      const p = createRequire(import.meta.url).resolve(pkgPath);
      if (existsSync(p)) return p;
      tried.push(p);
    } catch (e) {
      tried.push(`${pkgPath} (${(e as Error).message.split('\n')[0]})`);
    }
    for (const dir of [here, join(here, '..'), join(here, 'wasm')]) {
      const p = join(dir, file);
      if (existsSync(p)) return p;
      tried.push(p);
    }
    throw new Error(`cannot find ${file}; tried: ${tried.join(', ')}`);
  };
  return {
    runtime: find('web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'),
    grammar: find('tree-sitter-c/tree-sitter-c.wasm', 'tree-sitter-c.wasm'),
  };
}

let loading: Promise<Parser> | null = null;
let ready: Parser | null = null;

/** The shared C parser (async the first time only). */
export function loadCParser(): Promise<Parser> {
  if (ready) return Promise.resolve(ready);
  if (!loading) {
    loading = (async () => {
      const wasm = locateWasm();
      await Parser.init({ locateFile: () => wasm.runtime });
      const lang = await Language.load(wasm.grammar);
      const p = new Parser();
      p.setLanguage(lang);
      ready = p;
      return p;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The parser if `loadCParser()` already finished; throws otherwise (sync entry points use it). */
export function cParserSync(): Parser {
  if (!ready) throw new Error('C parser not initialised: await loadCParser() first');
  return ready;
}

/** Parse, hand the tree to `use`, and free the tree's wasm memory afterwards. */
export function withTree<T>(text: string, use: (tree: Tree) => T): T {
  const tree = cParserSync().parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
