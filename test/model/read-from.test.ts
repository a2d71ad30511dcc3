// Every function of a base carries the kernel's statements for the version it claims. A release
// tree's functions have the token digest of the kernel definition they were read from, or a
// recorded digest of their own with the reasons they differ; harness functions are marked, with
// what they stand for. A posting's patch changes exactly the functions its record lists, each
// with the mail it was posted in, as posted or with recorded reasons.
import { beforeAll, describe, expect, it } from 'vitest';
import { initMapper } from '../../src/map/index.js';
import { indexFile } from '../../src/map/model-index.js';
import { functionTokens, tokenDigest } from '../../src/map/token-digest.js';
import { BASE_SPECS, loadBase, postedMail, type ModelSource } from '../../src/model/source/index.js';
import { readFrom, type FnProvenance } from '../../src/model/source/read-from.js';

beforeAll(async () => {
  await initMapper();
});

function digests(sources: ModelSource[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const s of sources) {
    const idx = indexFile(s.path, s.text);
    out.set(s.path, new Map(idx.functions.map((fn) => [fn.name, tokenDigest(functionTokens(idx, fn))])));
  }
  return out;
}

/** What is wrong with one recorded function whose tokens have digest `model`. */
function check(where: string, e: FnProvenance, model: string): string[] {
  const problems: string[] = [];
  if (e.harness) {
    if (!e.standsFor?.trim()) problems.push(`${where}: a harness function that does not say what it stands for`);
    if (e.kernel || e.model) problems.push(`${where}: marked harness but recorded against kernel text`);
  } else if (e.model === undefined) {
    if (e.kernel !== model) problems.push(`${where}: tokens differ from the kernel's (${model} vs ${e.kernel})`);
  } else {
    if (e.model !== model) problems.push(`${where}: tokens changed since recorded (${model} vs ${e.model})`);
    if (!e.deviations?.length || e.deviations.some((d) => d === 'UNEXPLAINED' || !d.trim())) problems.push(`${where}: differs from the kernel without a reason`);
  }
  return problems;
}

for (const spec of BASE_SPECS.filter((b) => b.kind === 'release')) {
  describe(`${spec.name}: each model function against the kernel text it was read from`, () => {
    it("every function is recorded; its tokens are the kernel's or differ for recorded reasons", () => {
      const rf = readFrom(spec.name);
      expect(rf, `src/model/source/${spec.name}/read-from.json`).not.toBeNull();
      expect(rf!.release).toBe(spec.name);
      const problems: string[] = [];
      let kernelSame = 0;
      for (const [path, fns] of digests(loadBase(spec.name).sources)) {
        for (const [name, model] of fns) {
          const e = rf!.functions[path]?.[name];
          if (!e) problems.push(`${path} ${name}: not recorded`);
          else {
            problems.push(...check(`${path} ${name}`, e, model));
            if (!e.harness && e.model === undefined) kernelSame++;
          }
        }
        // nothing recorded that the file no longer defines
        for (const name of Object.keys(rf!.functions[path] ?? {})) if (!fns.has(name)) problems.push(`${path} ${name}: recorded but not defined`);
      }
      expect(problems).toEqual([]);
      expect(kernelSame).toBeGreaterThan(0);
    });
  });
}

for (const spec of BASE_SPECS.filter((b) => b.kind === 'posting')) {
  describe(`${spec.name}: the functions its patch changes, each against the mail that posts it`, () => {
    it('records exactly the functions that differ from the base it applies to, as posted or for recorded reasons', () => {
      const rf = readFrom(spec.name);
      expect(rf, `src/model/source/${spec.name}.read-from.json`).not.toBeNull();
      expect(rf!.release).toBe(spec.name);
      const over = digests(loadBase(spec.over!).sources);
      const problems: string[] = [];
      let changed = 0;
      for (const [path, fns] of digests(loadBase(spec.name).sources)) {
        for (const [name, model] of fns) {
          const e = rf!.functions[path]?.[name];
          if (over.get(path)?.get(name) === model) {
            if (e) problems.push(`${path} ${name}: recorded, but the patch leaves it as ${spec.over} has it`);
            continue;
          }
          changed++;
          if (!e) {
            problems.push(`${path} ${name}: changed by the patch but not recorded`);
            continue;
          }
          problems.push(...check(`${path} ${name}`, e, model));
          if (e.postedIn !== postedMail(spec, path)?.subject) problems.push(`${path} ${name}: posted in ${e.postedIn}, but ${path} comes from ${postedMail(spec, path)?.subject}`);
        }
      }
      expect(problems).toEqual([]);
      expect(changed).toBeGreaterThan(0);
    });
  });
}
