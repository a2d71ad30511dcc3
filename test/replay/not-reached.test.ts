// A scenario whose base run never calls a function the variant changes is not run: the variant's
// run would be the base's step for step. What the review reports for it is exactly what running
// it gives; calling any changed function, or a change outside functions, runs it.
import { beforeAll, expect, test } from 'vitest';
import { initOutline } from '../../src/model/interp/source-outline.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import type { Scenario } from '../../src/model/scenario/types.js';
import { loadBase } from '../../src/model/source/index.js';
import { changedFunctions } from '../../src/replay/changed-functions.js';
import { actorMap, type Actor } from '../../src/replay/interactions.js';
import { InProcessRunner, type CompileUnit } from '../../src/replay/run-all.js';
import { replayScenario } from '../../src/replay/replay-scenario.js';
import { initMapper } from '../../src/map/index.js';

let tail: Scenario;
let actors: Map<string, Actor>;
const base: CompileUnit = { key: 'base', base: 'v10', sources: null, label: '' };

beforeAll(async () => {
  tail = loadBundledScenarios().find((s) => s.name === 'nouveau-atomic-thp-tail')!;
  await initOutline();
  await initMapper();
  actors = actorMap(loadBase('v10').sources);
});

/** v10 with page_make_device_exclusive_one()'s PTE walk changed (never reached on a THP tail page: the rmap walk stops at the anon_vma lock). */
function edited(): CompileUnit {
  const sources = loadBase('v10').sources.map((s) =>
    s.path === 'mm/rmap.c' ? { ...s, text: s.text.replace('\t\tif (!pte_present(*pvmw.pte)) {', '\t\tif (!pte_present(*pvmw.pte) || !pvmw.pte) {') } : s,
  );
  return { key: 'V1', base: 'v10', sources, label: 'V1' };
}

test('the changed functions: one function edited; a macro edit says nothing can be decided', () => {
  const v10 = loadBase('v10').sources;
  expect(changedFunctions(v10, edited().sources!)).toEqual(['page_make_device_exclusive_one']);
  const macro = v10.map((s) => (s.path === 'include/linux/mm.h' ? { ...s, text: s.text.replace(/#define PAGE_SHIFT\s+12/, '#define PAGE_SHIFT 13') } : s));
  expect(macro.some((s, i) => s.text !== v10[i]!.text)).toBe(true);
  expect(changedFunctions(v10, macro)).toBeNull();
});

test('not reached: not run, and the same outcome a run gives', async () => {
  const runner = new InProcessRunner();
  const run = (job: Parameters<InProcessRunner['run']>[0]) => runner.run(job);
  const unit = edited();
  const skipped = await replayScenario(run, { scenario: tail, base, variants: [{ ...unit, changed: changedFunctions(loadBase('v10').sources, unit.sources!) }] }, actors);
  const ran = await replayScenario(run, { scenario: tail, base, variants: [unit] }, actors);
  expect(skipped.variants[0]!.reached).toBe(false);
  expect(ran.variants[0]!.reached).toBe(true);
  const { reached: _a, ...s } = skipped.variants[0]!;
  const { reached: _b, ...r } = ran.variants[0]!;
  expect(JSON.stringify(s)).toBe(JSON.stringify(r));
  // a variant whose changed function the base's run does call is run
  const called = await replayScenario(run, { scenario: tail, base, variants: [{ ...unit, changed: ['page_lock_anon_vma_read'] }] }, actors);
  expect(called.variants[0]!.reached).toBe(true);
}, 120_000);
