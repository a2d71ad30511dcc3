// End-of-run checks: a variant that forgets to unlock, to put, or to drop a mapcount is caught
// when the run completes, with the page and the function that last touched it.
import { describe, expect, test } from 'vitest';
import { compileBase, runScenario } from '../../src/model/scenario/run.js';
import { parseScenario } from '../../src/model/scenario/load.js';
import { scenario } from './helpers.js';

const NO_UNLOCK = `--- a/drivers/gpu/drm/nouveau/nouveau_svm.c
+++ b/drivers/gpu/drm/nouveau/nouveau_svm.c
@@ -280,5 +280,4 @@
 	mutex_unlock(&svmm->mutex);
 
-	unlock_page(page);
 	put_page(page);
 
`;
const NO_PUT = `--- a/drivers/gpu/drm/nouveau/nouveau_svm.c
+++ b/drivers/gpu/drm/nouveau/nouveau_svm.c
@@ -282,3 +282,2 @@
 	unlock_page(page);
-	put_page(page);
 
`;
const NO_REMOVE_RMAP = `--- a/mm/rmap.c
+++ b/mm/rmap.c
@@ -267,3 +267,2 @@
 		 */
-		page_remove_rmap(subpage, false);
 	}
`;

describe('end-of-run checks', () => {
  test('a page left locked: page-left-locked, and the CPU write that follows blocks on it', async () => {
    const c = await compileBase('v5.14', [{ name: 'no-unlock', patch: NO_UNLOCK }]);
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' });
    // the user store sleeps (killable) on the page lock nobody will release
    expect(o.verdict).toBe('deadlock');
    expect(o.detail).toMatch(/main waits for page lock of pfn 0x[0-9a-f]+ held by main \(itself\)/);
    // without the CPU write the run completes and the check names the page and who locked it
    const only = parseScenario(
      `name: gpu-only
setup:
  - mmap: { name: buf, size: 4KiB, prot: rw }
  - write: { at: buf, value: index }
  - nouveau-init: { device: nouveau }
steps:
  - gpu-atomic-fault: { at: buf }
`,
      'gpu-only.yaml',
    );
    const o2 = runScenario(c, only, { trace: 'none' });
    expect([o2.verdict, o2.result]).toEqual(['completed', 0]);
    // at the GPU fault's return already, naming who took the lock; then at the end of the run
    expect(o2.hazards.map((h) => [h.kind, h.function])).toEqual([['lock-held-at-exit', 'make_device_exclusive_range'], ['page-left-locked', 'nouveau_atomic_range_fault']]);
    expect(o2.hazards[0]!.detail).toMatch(/^page lock of pfn 0x[0-9a-f]+, taken in make_device_exclusive_range\(\), is still held by main when nouveau_svm_fault_model\(\) returns$/);
    expect(o2.hazards[1]!.detail).toMatch(/^pfn 0x[0-9a-f]+ is still locked by main at the end of the run$/);
  });

  test('a reference not put: refcount-leak naming the page and the last function that touched it', async () => {
    const c = await compileBase('v5.14', [{ name: 'no-put', patch: NO_PUT }]);
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' });
    expect(o.verdict).toBe('completed');
    // the GPU fault returns with GUP's reference still taken; the end of the run finds it too
    expect(o.hazards.map((h) => [h.kind, h.function])).toEqual([['reference-leaked', 'follow_page_pte'], ['refcount-leak', 'remove_device_exclusive_entry']]);
    expect(o.hazards[0]!.detail).toMatch(/^pfn 0x[0-9a-f]+ keeps 1 reference\(s\) more than its mappings hold when nouveau_svm_fault_model\(\) returns \(last taken in follow_page_pte\(\)\)$/);
    expect(o.hazards[1]!.detail).toMatch(/^pfn 0x[0-9a-f]+: _refcount 2, but only 1 mapping\(s\)\/device-exclusive entries hold references$/);
  });

  test('a mapcount not dropped: the entry is made but the page still counts a mapping', async () => {
    const c = await compileBase('v5.14', [{ name: 'no-remove-rmap', patch: NO_REMOVE_RMAP }]);
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' });
    // page_make_device_exclusive() sees page_mapcount() != 0 and fails: -EINVAL
    expect([o.verdict, o.result]).toEqual(['completed', -22]);
    expect(o.hazards.map((h) => h.kind)).toEqual(['mapcount-mismatch']);
    expect(o.hazards[0]!.detail).toMatch(/_mapcount says 2 pte mapping\(s\), the page tables have 1/);
  });

  test('the required scenarios leave no hazards behind on either base (apart from v10 thp-tail)', async () => {
    for (const base of ['v5.14', 'v10']) {
      const c = await compileBase(base);
      for (const n of ['nouveau-atomic-small', 'hmm-exclusive-cow', 'hmm-exclusive-thp']) {
        expect(runScenario(c, scenario(n), { trace: 'none' }).hazards).toEqual([]);
      }
    }
  });

  test('v6.1: a writable pte of a page fork shares is writable-shared-page (what PG_anon_exclusive keeps mprotect from doing)', async () => {
    const forkThenMprotect = parseScenario(
      `name: fork-then-mprotect
setup:
  - mmap: { name: buf, size: 8KiB, prot: rw }
  - write: { at: buf, value: index }
steps:
  - fork: { child: child, expect: 0 }
  - mprotect: { at: buf, prot: r, expect: 0 }
  - mprotect: { at: buf, prot: rw, expect: 0 }
`,
      'fork-then-mprotect.yaml',
    );
    // v6.1 as released: the shared (no longer exclusive) pages stay write-protected
    const base = runScenario(await compileBase('v6.1'), forkThenMprotect, { trace: 'none' });
    expect([base.verdict, base.result, base.hazards]).toEqual(['completed', 0, []]);
    expect(base.final.processes[0]!.ptes).toEqual([expect.stringMatching(/\(2 ptes\): present RD pfn/)]);
    // mprotect that only asks for a dirty pte makes them writable in the parent while the child maps them
    const DIRTY_ONLY = `--- a/mm/mprotect.c
+++ b/mm/mprotect.c
@@ -153,4 +153,4 @@
 			if ((cp_flags & MM_CP_TRY_CHANGE_WRITABLE) &&
 			    !pte_write(ptent) &&
-			    can_change_pte_writable(vma, addr, ptent))
+			    pte_dirty(ptent))
 				ptent = pte_mkwrite(ptent);
`;
    const o = runScenario(await compileBase('v6.1', [{ name: 'dirty-only', patch: DIRTY_ONLY }]), forkThenMprotect, { trace: 'none' });
    expect([o.verdict, o.result]).toEqual(['completed', 0]);
    expect(o.hazards.map((h) => h.kind)).toEqual(['writable-shared-page', 'writable-shared-page']);
    expect(o.hazards[0]!.detail).toMatch(/^pfn 0x[0-9a-f]+ is mapped writable at 0x7f0000000000 in mm 1 but is not PageAnonExclusive$/);
  });
});
