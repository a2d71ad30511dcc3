// The generated JavaScript (src/model/interp/jsgen.ts) against the compiler's closures, its
// reference: every bundled scenario on every base gives the same Outcome, byte for byte, with
// the full trace; and every model function is generated, with its locals in JavaScript variables.
import { describe, expect, test } from 'vitest';
import { compileSources, runScenario } from '../../src/model/scenario/run.js';
import { loadBase, BASES } from '../../src/model/source/index.js';
import { loadCParser } from '../../src/model/interp/index.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';

const scenarios = loadBundledScenarios();

for (const name of BASES) {
  describe(`base ${name}`, () => {
    test('generated code and closures give the same outcomes', async () => {
      await loadCParser();
      const { base, sources } = loadBase(name);
      const generated = compileSources(base, sources);
      const closures = compileSources(base, sources, [], { codegen: false });
      const pc = generated.program.compiler;
      expect(pc.codegenFailures).toEqual([]);
      expect(pc.codegenInFrame).toEqual([]);
      expect(pc.fns.every((f) => (f.run ?? f.runGen)!.name.startsWith('c_'))).toBe(true);
      for (const s of scenarios) {
        const a = JSON.stringify(runScenario(generated, s, { trace: 'full' }));
        const b = JSON.stringify(runScenario(closures, s, { trace: 'full' }));
        expect(a === b, s.name).toBe(true);
      }
    });
  });
}
