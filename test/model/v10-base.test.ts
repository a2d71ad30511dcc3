// The v10 base is the posting: where its code differs from v5.14 the runs show the posted code
// running, and the one place the baseline tables differ comes from the posted
// page_make_device_exclusive() (no PageTail() skip).
import { describe, expect, test } from 'vitest';
import { runScenario } from '../../src/model/scenario/run.js';
import type { Outcome } from '../../src/model/scenario/types.js';
import { compiled, scenario } from './helpers.js';

const calls = (o: Outcome) => o.trace.filter((e) => e.t === 'call') as { fn: string; args?: string[] }[];

/** The functions called directly by `fn` (depth one below it), in order. */
function callees(o: Outcome, fn: string): string[] {
  const out: string[] = [];
  let depth = -1;
  for (const e of o.trace) {
    if (e.t === 'call' && depth < 0 && e.fn === fn) depth = e.depth;
    else if (e.t === 'call' && depth >= 0 && e.depth === depth + 1) out.push(e.fn);
    else if (e.t === 'return' && depth >= 0 && e.depth === depth && e.fn === fn) break;
  }
  return out;
}

describe('v10 runs the posted code', () => {
  test("nouveau-atomic-thp-tail: v10's page_make_device_exclusive() hands the tail page to rmap_walk(); v5.14's refuses it", async () => {
    const v10 = runScenario(await compiled('v10'), scenario('nouveau-atomic-thp-tail'), { trace: 'full' });
    const v514 = runScenario(await compiled('v5.14'), scenario('nouveau-atomic-thp-tail'), { trace: 'full' });
    // (primitives such as PageTail() are not traced as calls: only model C is)
    expect(callees(v10, 'page_make_device_exclusive')).toEqual(['rmap_walk']);
    expect(callees(v514, 'page_make_device_exclusive')).toEqual([]);
    // the walk reads the tail's ->mapping and finds no anon_vma: nothing is made exclusive
    expect(v10.hazards.map((h) => [h.kind, ...(h.stack ?? []).slice(-5)])).toEqual([
      ['tail-mapping-read', 'page_make_device_exclusive', 'rmap_walk', 'rmap_walk_anon', 'rmap_walk_anon_lock', 'page_lock_anon_vma_read'],
    ]);
    expect(v514.hazards).toEqual([]);
    expect(calls(v10).some((c) => c.fn === 'page_make_device_exclusive_one')).toBe(false);
    for (const o of [v10, v514]) expect([o.verdict, o.result]).toEqual(['completed', -22]);
  });

  test('hmm-exclusive-cow: fork calls the posted one-vma copy_nonpresent_pte() on v10, the two-vma one on v5.14', async () => {
    for (const [base, n] of [['v10', 7], ['v5.14', 8]] as const) {
      const o = runScenario(await compiled(base), scenario('hmm-exclusive-cow'), { trace: 'full' });
      const c = calls(o).filter((e) => e.fn === 'copy_nonpresent_pte');
      expect(c.length).toBe(1024);
      expect(c.every((e) => e.args?.length === n)).toBe(true);
      expect([o.verdict, o.result]).toEqual(['completed', 0]);
    }
  });

  test("nouveau-atomic-small: v10's fault carries the posted client->super lines around the PFNMAP ioctl and completes as on v5.14", async () => {
    const v10 = runScenario(await compiled('v10'), scenario('nouveau-atomic-small'), { trace: 'events' });
    const fn = (await compiled('v10')).sources.find((s) => s.path === 'drivers/gpu/drm/nouveau/nouveau_svm.c')!.text;
    expect(fn).toMatch(/client->super = true;\n\tret = nvif_object_ioctl\(/);
    expect((await compiled('v5.14')).sources.find((s) => s.path === 'drivers/gpu/drm/nouveau/nouveau_svm.c')!.text).not.toMatch(/->super/);
    expect([v10.verdict, v10.result, v10.retries]).toEqual(['completed', 0, 0]);
  });
});
