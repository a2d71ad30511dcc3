// What an install precomputes (scripts/precompute.mjs, npm's `prepare`): every bundled scenario
// run on every base, where baseline-cache.ts reads baselines, the outline of every base's model
// files, where outline-cache.ts reads them, and every base's compile facts, where
// compile-facts-cache.ts reads them. A file already there under its name is current
// (the name is a digest of all it depends on) and is not made again; files of older code are
// removed.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCParser } from '../model/interp/ts-parser.js';
import { outlineFileName, writeOutline } from '../model/interp/outline-cache.js';
import { outlineTranslationUnit } from '../model/interp/source-outline.js';
import { loadBundledScenarios } from '../model/scenario/load.js';
import { compileBase, runScenario, type CompiledBase } from '../model/scenario/run.js';
import type { Scenario } from '../model/scenario/types.js';
import { MODEL_CONFIG } from '../model/source/config.js';
import { BASE_SPECS, baseInfo, loadBase } from '../model/source/index.js';
import { baselineName, keepBaseline } from './baseline-cache.js';
import { factsOfCompile, sourcesDigest } from '../map/compile-check.js';
import { compileFactsFileName, writeCompileFacts } from '../map/compile-facts-cache.js';

const ALL_BASES = BASE_SPECS.map((b) => b.name);

/** Writes the baselines of `scenarios` on `bases` into `dir`; returns how many it ran. */
export async function precomputeBaselines(dir: string, bases: readonly string[] = ALL_BASES, scenarios: readonly Scenario[] = loadBundledScenarios()): Promise<number> {
  const wanted = new Set<string>();
  let ran = 0;
  const present = new Set(listing(dir));
  for (const name of bases) {
    const of = { kernel: baseInfo(name).spec.kernel, config: MODEL_CONFIG, sources: loadBase(name).sources };
    let compiled: CompiledBase | null = null;
    for (const scenario of scenarios) {
      const file = baselineName(of, scenario);
      if (!file) continue;
      wanted.add(file);
      if (present.has(file)) continue;
      compiled ??= await compileBase(name);
      keepBaseline(of, scenario, runScenario(compiled, scenario, { trace: 'full' }), dir);
      ran++;
    }
  }
  removeAllBut(dir, wanted);
  return ran;
}

/** Writes the outline of every model file of `bases` into `dir`; returns how many it made. */
export async function precomputeOutlines(dir: string, bases: readonly string[] = ALL_BASES): Promise<number> {
  await loadCParser();
  const wanted = new Set<string>();
  let made = 0;
  const present = new Set(listing(dir));
  for (const name of bases) {
    for (const s of loadBase(name).sources) {
      const file = outlineFileName(s.text);
      if (!file || wanted.has(file)) continue;
      wanted.add(file);
      if (present.has(file)) continue;
      writeOutline(dir, s.text, outlineTranslationUnit(s.text));
      made++;
    }
  }
  removeAllBut(dir, wanted);
  return made;
}

/** Writes the compile facts of every base in `bases` (its own sources) into `dir`; returns how many it made. */
export async function precomputeCompileFacts(dir: string, bases: readonly string[] = ALL_BASES): Promise<number> {
  await loadCParser();
  const wanted = new Set<string>();
  let made = 0;
  const present = new Set(listing(dir));
  for (const name of bases) {
    const kernel = baseInfo(name).spec.kernel;
    const sources = loadBase(name).sources;
    const digest = sourcesDigest(sources);
    const file = compileFactsFileName(kernel, digest);
    if (!file || wanted.has(file)) continue;
    wanted.add(file);
    if (present.has(file)) continue;
    writeCompileFacts(dir, kernel, digest, factsOfCompile(kernel, sources));
    made++;
  }
  removeAllBut(dir, wanted);
  return made;
}

function removeAllBut(dir: string, wanted: Set<string>): void {
  for (const f of listing(dir)) if (!wanted.has(f)) rmSync(join(dir, f), { force: true });
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
