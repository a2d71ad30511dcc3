// Variants applied to the model sources as unified diffs (jsdiff), then executed: Peter Xu's
// split_huge_pmd_address() proposal, the 2025 nouveau unlock fix (livelock detection), an unknown
// function (verdict error), and determinism of Outcomes.
import { describe, expect, test } from 'vitest';
import { compileBase, runScenario } from '../../src/model/scenario/run.js';
import { issuer } from '../../src/model/scenario/issuer.js';
import { compiled, scenario } from './helpers.js';

describe("Peter's split_huge_pmd_address() in page_make_device_exclusive_one (v10)", () => {
  test('nouveau-atomic-small deadlocks, and the trace shows why', async () => {
    const c = await compiled('v10', 'peter-split');
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'full' });
    expect([o.verdict, o.retries]).toEqual(['deadlock', 1]);
    expect(o.detail).toMatch(/main waits for page lock of pfn 0x[0-9a-f]+ held by main \(itself\)/);
    // first cause: an unconditional CLEAR from __split_huge_pmd via split_huge_pmd_address, owner
    // never set, over the whole 2 MiB window; nouveau's interval notifier does not filter it
    const clear = o.notifiers[0]!;
    expect(clear.event).toBe('CLEAR');
    expect(clear.owner).toBe('unset');
    expect(issuer(clear.stack)).toBe('__split_huge_pmd (from split_huge_pmd_address in page_make_device_exclusive_one)');
    expect([clear.start, clear.end]).toEqual(['0x7f0000000000', '0x7f0000200000']);
    expect(clear.subscribers).toEqual([
      { name: 'nouveau_svm_range_invalidate', action: 'seq-bumped' },
      { name: 'nouveau_svmm_invalidate_range_start', action: 'called' },
    ]);
    // ... then the owner-tagged EXCLUSIVE is filtered, mmu_interval_read_retry() returns true
    expect(o.notifiers[1]).toMatchObject({ event: 'EXCLUSIVE', owner: 'nouveau (drm->dev)' });
    const iRetry = o.trace.findIndex((e) => e.t === 'return' && e.fn === 'mmu_interval_read_retry' && e.value === '1');
    expect(iRetry).toBeGreaterThan(0);
    const retry = o.trace.find((e) => e.t === 'retry');
    expect(retry).toMatchObject({ fn: 'nouveau_atomic_range_fault', pass: 2 });
    expect((retry as { why: string }).why).toContain('CLEAR from __split_huge_pmd (from split_huge_pmd_address in page_make_device_exclusive_one) (owner unset)');
    // pass 2: GUP finds the device-exclusive entry of pass 1, faults without ALLOW_RETRY and
    // sleeps on the page lock its own thread holds
    const after = o.trace.slice(iRetry);
    expect(after.find((e) => e.t === 'fault')).toMatchObject({ kind: 'write remote no-retry', fn: 'faultin_page' });
    expect(after.some((e) => e.t === 'call' && e.fn === 'remove_device_exclusive_entry')).toBe(true);
    expect(after.find((e) => e.t === 'lock' && e.op === 'block')).toMatchObject({ fn: 'remove_device_exclusive_entry' });
  });

  test('hmm-exclusive fails with -ENOENT: the 2 MiB CLEARs erase mirror entries of earlier chunks', async () => {
    const o = runScenario(await compiled('v10', 'peter-split'), scenario('hmm-exclusive'), { trace: 'none' });
    expect([o.verdict, o.result]).toEqual(['completed', -2]);
    expect(o.final.asserts.failed).toEqual(['HMM_DMIRROR_EXCLUSIVE returned -2, expected 0']);
    expect(o.notifiers.filter((n) => n.event === 'CLEAR').length).toBe(1024);
  });

  test('hmm-exclusive-thp keeps the baseline -EBUSY', async () => {
    const o = runScenario(await compiled('v10', 'peter-split'), scenario('hmm-exclusive-thp'), { trace: 'none' });
    expect([o.verdict, o.result]).toEqual(['completed', -16]);
  });
});

describe('livelock', () => {
  test("with the 2025 nouveau unlock fix, Peter's variant livelocks until the 1000 ms timeout: -EBUSY", async () => {
    const c = await compiled('v10', 'peter-split', 'nouveau-unlock-fix-2025');
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'events' });
    expect(o.verdict).toBe('livelock');
    expect(o.result).toBe(-16);
    expect(o.detail).toMatch(/^nouveau_atomic_range_fault\(\) at drivers\/gpu\/drm\/nouveau\/nouveau_svm\.c:\d+ .*timeout branch/);
    expect(o.retries).toBeGreaterThanOrEqual(2);
    // each pass: restore (EXCLUSIVE owner NULL, unfiltered) and split CLEAR both bump the seq
    const pass2 = o.notifiers.slice(2, 5).map((n) => `${n.event}:${n.owner}`);
    expect(pass2).toEqual(['EXCLUSIVE:null', 'CLEAR:unset', 'EXCLUSIVE:nouveau (drm->dev)']);
    expect(o.hazards).toEqual([]);
  });

  test('the fix alone livelocks on a real THP (notes §4.4): every pass restores its own entry', async () => {
    const c = await compiled('v10', 'nouveau-unlock-fix-2025');
    const o = runScenario(c, scenario('nouveau-atomic-thp-head'), { trace: 'events' });
    // pass 1: the GUP split CLEAR bumps the seq; pass 2 on: GUP meets the device-exclusive entry of
    // the pass before, restores it through the fault path (EXCLUSIVE, owner NULL: not filtered,
    // bumps the seq), makes it exclusive again, and retries -- until the timeout.
    expect([o.verdict, o.result]).toEqual(['livelock', -16]);
    expect(o.notifiers.slice(2, 4).map((n) => `${n.event}:${n.owner}:${issuer(n.stack).split(' ')[0]}`)).toEqual([
      'EXCLUSIVE:null:remove_device_exclusive_entry',
      'EXCLUSIVE:nouveau (drm->dev):page_make_device_exclusive_one',
    ]);
  });

  test('no livelock is claimed where loops make progress (baseline small fault, 1,024-page hmm run)', async () => {
    const c = await compiled('v10', 'nouveau-unlock-fix-2025');
    expect(runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' }).verdict).toBe('completed');
    expect(runScenario(await compiled('v10'), scenario('hmm-exclusive'), { trace: 'none' }).verdict).toBe('completed');
  });
});

describe('model hygiene', () => {
  test('a call to a function the model does not have ends the run with verdict error naming it', async () => {
    const patch = `--- a/mm/rmap.c
+++ b/mm/rmap.c
@@ -301,4 +301,5 @@
 		return false;
 
+	frobnicate_page(page);
 	rmap_walk(page, &rwc);
 
`;
    const c = await compileBase('v5.14', [{ name: 'frob', patch }]);
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' });
    expect(o.verdict).toBe('error');
    expect(o.detail).toContain('frobnicate_page');
  });

  test('outcomes are byte-identical across runs and compilations', async () => {
    const a = JSON.stringify(runScenario(await compiled('v10'), scenario('nouveau-atomic-thp-head')));
    const b = JSON.stringify(runScenario(await compiled('v10'), scenario('nouveau-atomic-thp-head')));
    const c = JSON.stringify(runScenario(await compileBase('v10'), scenario('nouveau-atomic-thp-head')));
    expect(b).toBe(a);
    expect(c).toBe(a);
    const h1 = JSON.stringify(runScenario(await compiled('v5.14'), scenario('hmm-exclusive-cow'), { trace: 'events' }));
    const h2 = JSON.stringify(runScenario(await compiled('v5.14'), scenario('hmm-exclusive-cow'), { trace: 'events' }));
    expect(h2).toBe(h1);
  });
});
