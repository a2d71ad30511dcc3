// Every function of a release tree carries the kernel's statements for that release: its tokens
// (comments and layout aside) have the digest of the kernel definition it was read from, or a
// recorded digest of its own with the reasons it differs. Harness functions are marked as such.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initMapper } from '../../src/map/index.js';
import { indexFile } from '../../src/map/model-index.js';
import { functionTokens, tokenDigest } from '../../src/map/token-digest.js';
import { BASE_SPECS, sourceDir } from '../../src/model/source/index.js';
import { readFrom } from '../../src/model/source/read-from.js';

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.[ch]$/.test(n)) out.push(p);
  }
  return out;
}

beforeAll(async () => {
  await initMapper();
});

for (const spec of BASE_SPECS.filter((b) => b.kind === 'release')) {
  describe(`${spec.name}: each model function against the kernel text it was read from`, () => {
    it('every function is recorded; its tokens are the kernel\'s or differ for recorded reasons', () => {
      const rf = readFrom(spec.name);
      expect(rf, `src/model/source/${spec.name}/read-from.json`).not.toBeNull();
      expect(rf!.release).toBe(spec.name);
      const tree = join(sourceDir(), spec.name);
      const problems: string[] = [];
      let kernelSame = 0;
      for (const f of walk(tree)) {
        const path = relative(tree, f);
        const idx = indexFile(path, readFileSync(f, 'utf8'));
        for (const fn of idx.functions) {
          const e = rf!.functions[path]?.[fn.name];
          if (!e) {
            problems.push(`${path} ${fn.name}: not recorded`);
            continue;
          }
          if (e.harness) {
            if (!e.standsFor?.trim()) problems.push(`${path} ${fn.name}: a harness function that does not say what it stands for`);
            if (e.kernel || e.model) problems.push(`${path} ${fn.name}: marked harness but recorded against kernel text`);
            continue;
          }
          const model = tokenDigest(functionTokens(idx, fn));
          if (e.model === undefined) {
            if (e.kernel !== model) problems.push(`${path} ${fn.name}: tokens differ from the kernel's (${model} vs ${e.kernel})`);
            else kernelSame++;
          } else {
            if (e.model !== model) problems.push(`${path} ${fn.name}: tokens changed since recorded (${model} vs ${e.model})`);
            if (!e.deviations?.length || e.deviations.some((d) => d === 'UNEXPLAINED' || !d.trim())) problems.push(`${path} ${fn.name}: differs from the kernel without a reason`);
          }
        }
        // nothing recorded that the file no longer defines
        for (const name of Object.keys(rf!.functions[path] ?? {})) if (!idx.functions.some((fn) => fn.name === name)) problems.push(`${path} ${name}: recorded but not defined`);
      }
      expect(problems).toEqual([]);
      expect(kernelSame).toBeGreaterThan(0);
    });
  });
}
