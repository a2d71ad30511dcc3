// The model sources as data: every `.c`/`.h` under this directory by its kernel path
// ("mm/rmap.c", "include/linux/mm.h"), and the bases. The source tree is the v5.14 base; another
// base is a unified diff over it (bases/<name>.patch), applied with jsdiff exactly as a variant's
// hunks are applied later.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch, parsePatch } from 'diff';

export interface ModelSource {
  /** Kernel path, e.g. "mm/rmap.c". */
  path: string;
  text: string;
}

export interface BaseInfo {
  name: string;
  description: string;
  /** Unified diff over the v5.14 model sources ('' for v5.14 itself). */
  patch: string;
}

export const BASES = ['v5.14', 'v10'] as const;
type BaseName = (typeof BASES)[number];

/**
 * Directory of the model sources: this directory when it holds them (src/ under vitest), else
 * the package's src/model/source found by walking up from here (lib/ after a build, or a bundle).
 */
export function sourceDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, 'mm', 'rmap.c'))) return here;
  for (let d = here, i = 0; i < 8; i++, d = dirname(d)) {
    const p = join(d, 'src', 'model', 'source');
    if (existsSync(join(p, 'mm', 'rmap.c'))) return p;
  }
  return resolve(here, '..', '..', '..', 'src', 'model', 'source');
}

function walk(dir: string, root: string, out: ModelSource[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'bases') walk(p, root, out);
    } else if (name.endsWith('.c') || name.endsWith('.h')) {
      out.push({ path: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  }
}

let cached: ModelSource[] | null = null;

/** The v5.14 model sources, headers first, then .c files, each sorted by path. */
export function modelSources(): ModelSource[] {
  if (!cached) {
    const all: ModelSource[] = [];
    const root = sourceDir();
    walk(root, root, all);
    cached = [...all.filter((s) => s.path.endsWith('.h')), ...all.filter((s) => s.path.endsWith('.c'))];
  }
  return cached.map((s) => ({ ...s }));
}

const DESCRIPTIONS: Record<BaseName, string> = {
  'v5.14': 'merged code (Linux v5.14): PageTail() skip in page_make_device_exclusive(), `long i` and the npages < 0 check in make_device_exclusive_range()',
  v10: 'as posted in [PATCH v10 07/10] (2021-06-07): no PageTail() skip, `unsigned long i`, no npages < 0 check',
};

export function baseInfo(name: string): BaseInfo {
  if (!(BASES as readonly string[]).includes(name)) throw new PatchError(null, `unknown base ${JSON.stringify(name)} (bases: ${BASES.join(', ')})`);
  const b = name as BaseName;
  const patch = b === 'v5.14' ? '' : readFileSync(join(sourceDir(), 'bases', `${b}.patch`), 'utf8');
  return { name: b, description: DESCRIPTIONS[b], patch };
}

/** A patch (a base's, or a variant's named `patch`) that does not apply to the model sources. */
export class PatchError extends Error {
  override name = 'PatchError';
  constructor(
    readonly patch: string | null,
    readonly problem: string,
  ) {
    super(patch === null ? problem : `${patch}: ${problem}`);
  }
}

/**
 * Apply a unified diff (any number of files, `a/`/`b/` prefixes optional) to model sources.
 * Every hunk must apply (jsdiff, no fuzz); a file the diff names must exist.
 */
export function applyModelPatch(sources: ModelSource[], patch: string, what = 'patch'): ModelSource[] {
  if (!patch.trim()) return sources;
  let files: ReturnType<typeof parsePatch>;
  try {
    files = parsePatch(patch);
  } catch (err) {
    throw new PatchError(what, `not a unified diff (${(err as Error).message})`);
  }
  const out = sources.map((s) => ({ ...s }));
  for (const f of files) {
    const name = (f.newFileName && f.newFileName !== '/dev/null' ? f.newFileName : f.oldFileName ?? '').replace(/^[ab]\//, '');
    if (!name) throw new PatchError(what, 'a file section without a file name');
    const src = out.find((s) => s.path === name);
    if (!src) throw new PatchError(what, `${name} is not a model source`);
    const r = applyPatch(src.text, f);
    if (r === false) throw new PatchError(what, `does not apply to ${name}`);
    src.text = r;
  }
  return out;
}

/** The model sources of a base, plus extra patches (a variant's hunks) applied in order. */
export function loadBase(name: string, extraPatches: { name: string; patch: string }[] = []): { base: BaseInfo; sources: ModelSource[] } {
  const base = baseInfo(name);
  let sources = applyModelPatch(modelSources(), base.patch, `base ${base.name}`);
  for (const p of extraPatches) sources = applyModelPatch(sources, p.patch, p.name);
  return { base, sources };
}
