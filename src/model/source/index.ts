// The model sources as data: for each base (bases.ts), every `.c`/`.h` by its kernel path
// ("mm/rmap.c", "include/linux/mm.h"). A release base is the tree src/model/source/<name>/; a
// posting base is <name>.patch over the base it names, applied with jsdiff exactly as a variant's
// hunks are applied later.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch, parsePatch } from 'diff';
import { BASE_SPECS, BASES, baseSpec, type BaseSpec } from './bases.js';

export { BASES, BASE_SPECS, baseSpec, postedMail, type BaseSpec } from './bases.js';

export interface ModelSource {
  /** Kernel path, e.g. "mm/rmap.c". */
  path: string;
  text: string;
}

export interface BaseInfo {
  name: string;
  spec: BaseSpec;
  description: string;
  /** A posting's unified diff over `spec.over` ('' for a release). */
  patch: string;
}

/** The oldest release tree: where sourceDir() recognises the model sources. */
const MARKER = join(BASE_SPECS.find((b) => b.kind === 'release')!.name, 'mm', 'rmap.c');

/**
 * Directory of the model sources: this directory when it holds them (src/ under vitest), else
 * the package's src/model/source found by walking up from here (lib/ after a build, or a bundle).
 */
export function sourceDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, MARKER))) return here;
  for (let d = here, i = 0; i < 8; i++, d = dirname(d)) {
    const p = join(d, 'src', 'model', 'source');
    if (existsSync(join(p, MARKER))) return p;
  }
  return resolve(here, '..', '..', '..', 'src', 'model', 'source');
}

function walk(dir: string, root: string, out: ModelSource[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, root, out);
    else if (name.endsWith('.c') || name.endsWith('.h')) out.push({ path: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
  }
}

const trees = new Map<string, ModelSource[]>();

/** A release tree's sources, headers first, then .c files, each sorted by path. */
function treeSources(name: string): ModelSource[] {
  let t = trees.get(name);
  if (!t) {
    const root = join(sourceDir(), name);
    const all: ModelSource[] = [];
    walk(root, root, all);
    t = [...all.filter((s) => s.path.endsWith('.h')), ...all.filter((s) => s.path.endsWith('.c'))];
    trees.set(name, t);
  }
  return t.map((s) => ({ ...s }));
}

export function baseInfo(name: string): BaseInfo {
  const spec = baseSpec(name);
  if (!spec) throw new PatchError(null, `unknown base ${JSON.stringify(name)} (bases: ${BASES.join(', ')})`);
  const patch = spec.kind === 'posting' ? readFileSync(join(sourceDir(), `${spec.name}.patch`), 'utf8') : '';
  return { name: spec.name, spec, description: spec.summary, patch };
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

/** The model sources of a base (without extra patches). */
function baseSources(info: BaseInfo): ModelSource[] {
  if (info.spec.kind === 'release') return treeSources(info.name);
  return applyModelPatch(baseSources(baseInfo(info.spec.over!)), info.patch, `base ${info.name}`);
}

/** The model sources of a base, plus extra patches (a variant's hunks) applied in order. */
export function loadBase(name: string, extraPatches: { name: string; patch: string }[] = []): { base: BaseInfo; sources: ModelSource[] } {
  const base = baseInfo(name);
  let sources = baseSources(base);
  for (const p of extraPatches) sources = applyModelPatch(sources, p.patch, p.name);
  return { base, sources };
}

/** Every kernel path some base models, sorted: what "a file the model has" means. */
export function modelFiles(): string[] {
  const paths = new Set<string>();
  for (const b of BASE_SPECS) if (b.kind === 'release') for (const s of treeSources(b.name)) paths.add(s.path);
  return [...paths].sort();
}
