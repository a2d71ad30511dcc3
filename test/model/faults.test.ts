// Failure points: where the kernel can fail (src/model/kernel/faults.ts), reached by a run and
// failed one at a time, named so that the same point is found again; and the hazards a kernel
// entry leaves behind when it returns (lock-held-at-exit, range-not-ended, reference-leaked).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FAILURE_SITES, failureSites } from '../../src/model/kernel/faults.js';
import { BASE_SPECS } from '../../src/model/source/bases.js';
import { kernelBuiltins } from '../../src/model/kernel/builtins/index.js';
import { parsePointId } from '../../src/model/scenario/fault-plan.js';
import { compileBase, runScenario } from '../../src/model/scenario/run.js';
import { compiled, scenario } from './helpers.js';

const GUP = 'nouveau_svm_fault_model/nouveau_atomic_range_fault/make_device_exclusive_range/get_user_pages_remote#1';

/** The v5.14 model's nouveau fault with a failure check that jumps past the mmap unlock. */
const CHECK_BEFORE_UNLOCK = `--- a/drivers/gpu/drm/nouveau/nouveau_svm.c
+++ b/drivers/gpu/drm/nouveau/nouveau_svm.c
@@ -262,3 +262,5 @@
 		ret = make_device_exclusive_range(mm, start, start + PAGE_SIZE,
 					    &page, drm->dev);
+		if (ret < 0)
+			goto out;
 		mmap_read_unlock(mm);
`;

/** remove_device_exclusive_entry() that never ends its EXCLUSIVE range. */
const NO_RANGE_END = `--- a/mm/memory.c
+++ b/mm/memory.c
@@ -143,4 +143,3 @@
 	unlock_page(page);
 
-	mmu_notifier_invalidate_range_end(&range);
 	return 0;
`;

describe('the failure table', () => {
  test('every failure site is a primitive or model C function some modelled base has; later releases\' failures are theirs', async () => {
    const known = new Set<string>();
    for (const spec of BASE_SPECS) {
      const c = await compiled(spec.name);
      for (const f of c.program.functions) known.add(f.name);
      for (const b of Object.keys(kernelBuiltins(spec.kernel))) known.add(b);
    }
    expect(FAILURE_SITES.filter((s) => !known.has(s.fn)).map((s) => s.fn)).toEqual([]);
    expect(FAILURE_SITES.every((s) => s.modes.length > 0 && s.why.length > 0)).toBe(true);
    // pte_offset_map_lock() returns NULL only from 6.5; folios are 5.16's
    expect(failureSites('5.14').has('pte_offset_map_lock')).toBe(false);
    expect(failureSites('6.13').has('pte_offset_map_lock')).toBe(true);
    expect(failureSites('5.14').has('folio_trylock')).toBe(false);
    expect(failureSites('6.1').has('folio_trylock')).toBe(true);
  });

  test('docs/explore.md lists every failure site with its modes', () => {
    const doc = readFileSync(new URL('../../docs/explore.md', import.meta.url), 'utf8');
    const table = doc.split('\n').filter((l) => l.startsWith('| `'));
    for (const s of FAILURE_SITES) {
      const row = table.find((l) => l.includes(`\`${s.fn}\``));
      expect(row, s.fn).toBeDefined();
      for (const m of s.modes) expect(row, `${s.fn} ${m.id}`).toContain(`\`${m.id}\``);
    }
  });
});

describe('failure points', () => {
  test('a run records the points it reaches, in order; ids read back as they were made', async () => {
    const c = await compiled('v5.14');
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none', faults: { record: true } });
    const ids = o.explore!.failurePoints!.map((p) => p.id);
    expect(ids).toEqual([
      'nouveau_svm_fault_model/mmget_not_zero#1=false',
      'nouveau_svm_fault_model/nouveau_atomic_range_fault/mmu_interval_notifier_insert#1=enomem',
      `${GUP}=efault`,
      `${GUP}=zero`,
      'nouveau_svm_fault_model/nouveau_atomic_range_fault/make_device_exclusive_range/trylock_page#1=false',
      'nouveau_svm_fault_model/nouveau_atomic_range_fault/make_device_exclusive_range/page_make_device_exclusive/rmap_walk/rmap_walk_anon/rmap_walk_anon_lock/page_lock_anon_vma_read/down_read_trylock#1=false',
      'nouveau_svm_fault_model/nouveau_atomic_range_fault/make_device_exclusive_range/page_make_device_exclusive/rmap_walk/rmap_walk_anon/page_make_device_exclusive_one/page_vma_mapped_walk#1=false',
      'nouveau_svm_fault_model/nouveau_atomic_range_fault/mmu_interval_read_retry#1=true',
      'nouveau_svm_fault_model/nouveau_atomic_range_fault/nvif_object_ioctl#1=enomem',
    ]);
    // a one-page request cannot pin fewer than asked: no `fewer` point for it
    expect(ids.some((id) => id.endsWith('=fewer'))).toBe(false);
    for (const p of o.explore!.failurePoints!) {
      const back = parsePointId(p.id)!;
      expect(back).toEqual({ thread: p.thread, stack: p.stack, fn: p.fn, call: p.call, mode: p.mode });
    }
    expect(parsePointId('gpu:f/g#2=efault')).toEqual({ thread: 'gpu', stack: ['f'], fn: 'g', call: 2, mode: 'efault' });
    expect(parsePointId('f/g#0=efault')).toBeNull();
    expect(parsePointId('not an id')).toBeNull();
    // the plain run is not changed by recording
    expect(runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' }).final).toEqual(o.final);
  });

  test('failing one point fails that call only; a point the run never reaches fails nothing', async () => {
    const c = await compiled('v5.14');
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'events', faults: { fail: `${GUP}=efault` } });
    expect(o.explore!.fault).toMatchObject({ fired: true, point: { fn: 'get_user_pages_remote', mode: 'efault', says: 'fails with -EFAULT' } });
    // the base checks the return (ret <= 0): -EINVAL, the lock released, nothing left behind
    expect([o.verdict, o.result, o.hazards]).toEqual(['completed', -22, []]);
    const plain = runScenario(c, scenario('hmm-exclusive-thp'), { trace: 'none' });
    const missed = runScenario(c, scenario('hmm-exclusive-thp'), { trace: 'none', faults: { fail: `${GUP}=efault` } });
    expect(missed.explore!.fault).toEqual({ id: `${GUP}=efault`, fired: false, point: null });
    expect([missed.verdict, missed.result, missed.final]).toEqual([plain.verdict, plain.result, plain.final]);
  });

  test('fewer pages: GUP asked for one page less pins one page less; test_hmm then reads the slot it did not fill', async () => {
    const c = await compiled('v5.14');
    const rec = runScenario(c, scenario('hmm-exclusive'), { trace: 'none', faults: { record: true } });
    const fewer = rec.explore!.failurePoints!.find((p) => p.fn === 'get_user_pages_remote' && p.mode === 'fewer' && p.call === 1)!;
    expect(fewer.id).toBe('dmirror_model_ioctl/dmirror_exclusive/make_device_exclusive_range/get_user_pages_remote#1=fewer');
    expect(fewer.calls).toBe(16); // 1,024 pages, 64 a call
    const o = runScenario(c, scenario('hmm-exclusive'), { trace: 'none', faults: { fail: fewer.id } });
    expect(o.explore!.fault!.fired).toBe(true);
    // dmirror_atomic_map() walks the whole window whatever GUP returned: the last slot of the
    // on-stack pages[] was never written (as in the kernel's test_hmm until it mapped one page a
    // call), and tagging what it holds is a wild pointer
    expect(o.hazards.map((h) => [h.kind, h.function, h.detail])).toEqual([['uninitialised-read', 'dmirror_atomic_map', 'reads uninitialised `pages[i]` in `pages[i]`']]);
    expect(o.verdict).toBe('bug');
    expect(o.detail).toMatch(/^xa_tag_pointer of a non-pointer \[stack: dmirror_model_ioctl > dmirror_exclusive > dmirror_atomic_map/);
  });
});

describe('hazards at an entry point\'s return', () => {
  test('a failure check that jumps past mmap_read_unlock(): lock-held-at-exit under the failure only', async () => {
    const c = await compileBase('v5.14', [{ name: 'check-before-unlock', patch: CHECK_BEFORE_UNLOCK }]);
    expect(runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' }).hazards).toEqual([]);
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none', faults: { fail: `${GUP}=efault` } });
    expect([o.verdict, o.result]).toEqual(['completed', -14]);
    expect(o.hazards.map((h) => [h.kind, h.function])).toEqual([['lock-held-at-exit', 'nouveau_atomic_range_fault'], ['lock-leak', 'nouveau_atomic_range_fault']]);
    expect(o.hazards[0]!.detail).toBe('mmap_lock of mm 1 (read), taken in nouveau_atomic_range_fault(), is still held by main when nouveau_svm_fault_model() returns');
  });

  test('a range never ended: range-not-ended when the CPU store returns, naming who started it', async () => {
    const c = await compileBase('v5.14', [{ name: 'no-range-end', patch: NO_RANGE_END }]);
    const o = runScenario(c, scenario('nouveau-atomic-small'), { trace: 'none' });
    const h = o.hazards.find((x) => x.kind === 'range-not-ended')!;
    expect(h.function).toBe('remove_device_exclusive_entry');
    expect(h.detail).toMatch(/^the EXCLUSIVE range \[0x7f0000000000, 0x7f0000001000\) started by remove_device_exclusive_entry \(from do_swap_page in handle_mm_fault\) is not ended when the user store \(page fault\) returns/);
  });
});
