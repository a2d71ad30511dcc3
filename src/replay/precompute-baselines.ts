// The baselines shipped with the package: every bundled scenario run on every base, written
// where baseline-cache.ts reads them (scripts/precompute-baselines.mjs, run when the package is
// installed). A file already there under its name is current (the name is a digest of all a run
// depends on) and is not run again; files of older code are removed.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledScenarios } from '../model/scenario/load.js';
import { compileBase, runScenario, type CompiledBase } from '../model/scenario/run.js';
import type { Scenario } from '../model/scenario/types.js';
import { MODEL_CONFIG } from '../model/source/config.js';
import { BASE_SPECS, baseInfo, loadBase } from '../model/source/index.js';
import { baselineName, keepBaseline } from './baseline-cache.js';

/** Writes the baselines of `scenarios` on `bases` into `dir`; returns how many it ran. */
export async function precomputeBaselines(
  dir: string,
  bases: readonly string[] = BASE_SPECS.map((b) => b.name),
  scenarios: readonly Scenario[] = loadBundledScenarios(),
): Promise<number> {
  const wanted = new Set<string>();
  let ran = 0;
  const present = new Set(listing(dir));
  for (const name of bases) {
    const of = { kernel: baseInfo(name).spec.kernel, config: MODEL_CONFIG, sources: loadBase(name).sources };
    let compiled: CompiledBase | null = null;
    for (const scenario of scenarios) {
      const file = await baselineName(of, scenario);
      wanted.add(file);
      if (present.has(file)) continue;
      compiled ??= await compileBase(name);
      await keepBaseline(of, scenario, runScenario(compiled, scenario, { trace: 'full' }), dir);
      ran++;
    }
  }
  for (const f of listing(dir)) if (!wanted.has(f)) rmSync(join(dir, f), { force: true });
  return ran;
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
