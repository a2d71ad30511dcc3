// One test per required scenario and base (issue 3's table), pinning verdict, result, retries,
// hazards and the notifier sequence. Every number here comes from running the model C on the
// runtime; nothing in the model knows these scenarios.
import { describe, expect, test } from 'vitest';
import { runScenario } from '../../src/model/scenario/run.js';
import { issuer } from '../../src/model/scenario/issuer.js';
import type { Outcome } from '../../src/model/scenario/types.js';
import { compiled, scenario } from './helpers.js';

/** The notifier traffic grouped: "EVENT owner issuer subscriber:action,..." -> count, in order. */
function traffic(o: Outcome): [string, number][] {
  const groups = new Map<string, number>();
  for (const r of o.notifiers) {
    const key = `${r.event} ${r.owner ?? 'NULL'} ${issuer(r.stack).split(' ')[0]} ${r.subscribers.map((s) => `${s.name}:${s.action}`).join(',')}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups];
}

const NOUVEAU_OWN = 'EXCLUSIVE nouveau (drm->dev) page_make_device_exclusive_one nouveau_svm_range_invalidate:filtered,nouveau_svmm_invalidate_range_start:called';
const GUP_CLEAR = 'CLEAR unset __split_huge_pmd nouveau_svm_range_invalidate:seq-bumped,nouveau_svmm_invalidate_range_start:called';

for (const base of ['v10', 'v5.14']) {
  describe(`base ${base}`, () => {
    test('nouveau-atomic-small: completed, result 0, 0 retries; CPU write revokes the GPU mapping', async () => {
      const o = runScenario(await compiled(base), scenario('nouveau-atomic-small'), { trace: 'events' });
      expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
      expect(o.hazards).toEqual([]);
      expect(o.final.asserts.failed).toEqual([]);
      expect(traffic(o)).toEqual([
        [NOUVEAU_OWN, 1],
        ['EXCLUSIVE NULL remove_device_exclusive_entry nouveau_svmm_invalidate_range_start:called', 1],
      ]);
      // the CPU write restored a writable pte and the classic notifier cleared the GPU pte
      expect(o.final.processes[0]!.ptes).toEqual([expect.stringMatching(/^0x7f0000000000: present WD pfn /)]);
      expect(o.final.gpu).toEqual([]);
      expect(o.notifiers[1]!.stack.slice(0, 3)).toEqual(['user store (exc_page_fault)', 'handle_mm_fault', 'do_swap_page']);
    });

    test('nouveau-atomic-thp-head: deadlock on its own page lock after the GUP split CLEAR forced a retry', async () => {
      const o = runScenario(await compiled(base), scenario('nouveau-atomic-thp-head'), { trace: 'events' });
      expect([o.verdict, o.result, o.retries]).toEqual(['deadlock', null, 1]);
      // exactly one CLEAR, from __split_huge_pmd via GUP (follow_pmd_mask -> split_huge_pmd), owner unset
      expect(traffic(o)).toEqual([[GUP_CLEAR, 1], [NOUVEAU_OWN, 1]]);
      const clear = o.notifiers[0]!;
      expect(clear.stack).toEqual(expect.arrayContaining(['get_user_pages_remote', 'follow_pmd_mask', 'split_huge_pmd', '__split_huge_pmd']));
      expect([clear.start, clear.end]).toEqual(['0x7f0000000000', '0x7f0000200000']);
      expect(o.detail).toMatch(/main waits for page lock of pfn 0x[0-9a-f]+ held by main \(itself\)/);
      expect(o.detail).toMatch(/faultin_page > handle_mm_fault|faultin_page > do_swap_page > remove_device_exclusive_entry/);
      const retry = o.trace.find((e) => e.t === 'retry');
      expect(retry).toMatchObject({ t: 'retry', fn: 'nouveau_atomic_range_fault', pass: 2 });
      // pass 2 faults (not retryable: GUP passes locked == NULL) on the entry pass 1 made
      const faults = o.trace.filter((e) => e.t === 'fault');
      expect(faults.at(-1)).toMatchObject({ kind: 'write remote no-retry', fn: 'faultin_page' });
    });

    test(`nouveau-atomic-thp-tail: completed, result -22, ${base === 'v10' ? 'a' : 'no'} tail-mapping-read hazard`, async () => {
      const o = runScenario(await compiled(base), scenario('nouveau-atomic-thp-tail'), { trace: 'events' });
      expect([o.verdict, o.result, o.retries]).toEqual(['completed', -22, 0]);
      expect(traffic(o)).toEqual([[GUP_CLEAR, 1]]);
      if (base === 'v10') {
        expect(o.hazards.map((h) => [h.kind, h.function])).toEqual([['tail-mapping-read', 'page_lock_anon_vma_read']]);
        expect(o.hazards[0]!.detail).toMatch(/tail 5: TAIL_MAPPING \(0xdead000000000400\)/);
      } else {
        expect(o.hazards).toEqual([]);
      }
    });

    test('hmm-exclusive: completed, result 0, all asserts hold; one EXCLUSIVE per page each way', async () => {
      const o = runScenario(await compiled(base), scenario('hmm-exclusive'), { trace: 'none' });
      expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
      expect(o.final.asserts).toEqual({ passed: 8, failed: [] });
      expect(o.hazards).toEqual([]);
      expect(traffic(o)).toEqual([
        ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
        ['EXCLUSIVE NULL remove_device_exclusive_entry dmirror_interval_invalidate:seq-bumped', 1024],
      ]);
    });

    test('hmm-exclusive-mprotect: completed, result 0 (the device write gets -EPERM as asserted)', async () => {
      const o = runScenario(await compiled(base), scenario('hmm-exclusive-mprotect'), { trace: 'none' });
      expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
      expect(o.final.asserts.failed).toEqual([]);
      expect(traffic(o)).toEqual([
        ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
        ['PROTECTION_VMA unset change_pmd_range dmirror_interval_invalidate:seq-bumped', 1],
      ]);
      // the downgrade: writable device-exclusive entries became readable ones
      const ptes = o.final.processes[0]!.ptes;
      expect(ptes.every((l) => /\(\d+ ptes\): device-exclusive-read pfn/.test(l))).toBe(true);
      expect(ptes.reduce((n, l) => n + Number(/\((\d+) ptes\)/.exec(l)![1]), 0)).toBe(1024);
    });

    test('hmm-exclusive-cow: completed, result 0; fork restored the entries and both processes COW', async () => {
      const o = runScenario(await compiled(base), scenario('hmm-exclusive-cow'), { trace: 'none' });
      expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
      expect(o.final.asserts.failed).toEqual([]);
      expect(o.hazards).toEqual([]);
      expect(traffic(o)).toEqual([
        ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
        ['PROTECTION_PAGE unset copy_page_range dmirror_interval_invalidate:seq-bumped', 1],
        ['CLEAR unset wp_page_copy dmirror_interval_invalidate:seq-bumped', 1024],
      ]);
    });

    test('hmm-exclusive-thp: completed, result -16 (-EBUSY)', async () => {
      const o = runScenario(await compiled(base), scenario('hmm-exclusive-thp'), { trace: 'none' });
      expect([o.verdict, o.result, o.retries]).toEqual(['completed', -16, 0]);
      expect(o.final.asserts.failed).toEqual(['HMM_DMIRROR_EXCLUSIVE returned -16, expected 0']);
      expect(traffic(o)).toEqual([
        ['CLEAR unset __split_huge_pmd dmirror_interval_invalidate:seq-bumped', 1],
        ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1],
      ]);
      // the head's rmap walk made all 512 ptes of the THP device-exclusive (a 2 MiB EXCLUSIVE range)
      expect([o.notifiers[1]!.start, o.notifiers[1]!.end]).toEqual(['0x7f0000000000', '0x7f0000200000']);
    });
  });
}

/** Page-lock traffic of a run: "op function" -> count. */
function pageLocks(o: Outcome): [string, number][] {
  const g = new Map<string, number>();
  for (const e of o.trace) if (e.t === 'lock' && e.lock.startsWith('page lock')) g.set(`${e.op} ${e.fn}`, (g.get(`${e.op} ${e.fn}`) ?? 0) + 1);
  return [...g];
}

// Base v6.1: the same verdicts, results, retries and notifier traffic as v5.14. What differs:
// split_huge_pmd() is a macro (no frame of its own); __split_huge_pmd() no longer locks the THP
// (the reuse_swap_page() locking was removed in 5.18); make_device_exclusive_range() skips a tail
// page before folio_trylock(), so no tail is ever locked or fails a trylock; the retry's fault
// sleeps in folio_lock_or_retry(); change_protection() walks the p4d and pud levels.
describe('base v6.1', () => {
  test('nouveau-atomic-small: as on v5.14 (the restored pte maps a PG_anon_exclusive page, as restore_exclusive_pte() asserts)', async () => {
    const o = runScenario(await compiled('v6.1'), scenario('nouveau-atomic-small'), { trace: 'events' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
    expect(o.hazards).toEqual([]);
    expect(traffic(o)).toEqual([
      [NOUVEAU_OWN, 1],
      ['EXCLUSIVE NULL remove_device_exclusive_entry nouveau_svmm_invalidate_range_start:called', 1],
    ]);
    expect(o.final.processes[0]!.ptes).toEqual([expect.stringMatching(/^0x7f0000000000: present WD pfn /)]);
    expect(o.final.gpu).toEqual([]);
  });

  test('nouveau-atomic-thp-head: deadlock in folio_lock_or_retry() on the folio the first pass keeps locked; the split locks nothing', async () => {
    const o = runScenario(await compiled('v6.1'), scenario('nouveau-atomic-thp-head'), { trace: 'events' });
    expect([o.verdict, o.result, o.retries]).toEqual(['deadlock', null, 1]);
    expect(traffic(o)).toEqual([[GUP_CLEAR, 1], [NOUVEAU_OWN, 1]]);
    const clear = o.notifiers[0]!;
    expect(clear.stack).toEqual(expect.arrayContaining(['get_user_pages_remote', 'follow_pmd_mask', '__split_huge_pmd']));
    expect(clear.stack).not.toContain('split_huge_pmd');
    expect(o.detail).toMatch(/main waits for page lock of pfn 0x[0-9a-f]+ held by main \(itself\)/);
    expect(o.detail).toMatch(/faultin_page > do_swap_page > remove_device_exclusive_entry > folio_lock_or_retry at include\/linux\/pagemap\.h:\d+\]$/);
    expect(pageLocks(o)).toEqual([['acquire make_device_exclusive_range', 1], ['trylock-fail folio_lock_or_retry', 1], ['block folio_lock_or_retry', 1]]);
    expect(o.trace.filter((e) => e.t === 'fault').at(-1)).toMatchObject({ kind: 'write remote no-retry', fn: 'faultin_page' });
  });

  test('nouveau-atomic-thp-tail: completed, -22; the tail is put without ever being locked', async () => {
    const o = runScenario(await compiled('v6.1'), scenario('nouveau-atomic-thp-tail'), { trace: 'events' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', -22, 0]);
    expect(traffic(o)).toEqual([[GUP_CLEAR, 1]]);
    expect(o.hazards).toEqual([]);
    expect(pageLocks(o)).toEqual([]);
  });

  test('hmm-exclusive: as on v5.14', async () => {
    const o = runScenario(await compiled('v6.1'), scenario('hmm-exclusive'), { trace: 'none' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
    expect(o.final.asserts).toEqual({ passed: 8, failed: [] });
    expect(o.hazards).toEqual([]);
    expect(traffic(o)).toEqual([
      ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
      ['EXCLUSIVE NULL remove_device_exclusive_entry dmirror_interval_invalidate:seq-bumped', 1024],
    ]);
  });

  test('hmm-exclusive-mprotect: as on v5.14; change_protection() walks every level with the mmu_gather', async () => {
    const o = runScenario(await compiled('v6.1'), scenario('hmm-exclusive-mprotect'), { trace: 'none' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
    expect(o.final.asserts.failed).toEqual([]);
    expect(traffic(o)).toEqual([
      ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
      ['PROTECTION_VMA unset change_pmd_range dmirror_interval_invalidate:seq-bumped', 1],
    ]);
    expect(o.notifiers[1024]!.stack).toEqual(expect.arrayContaining(['change_protection', 'change_protection_range', 'change_p4d_range', 'change_pud_range', 'change_pmd_range']));
    expect(o.final.processes[0]!.ptes.every((l) => /\(\d+ ptes\): device-exclusive-read pfn/.test(l))).toBe(true);
  });

  test('hmm-exclusive-cow: as on v5.14 (fork shares the pages: the parent copies, the child reuses)', async () => {
    const o = runScenario(await compiled('v6.1'), scenario('hmm-exclusive-cow'), { trace: 'none' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
    expect(o.final.asserts.failed).toEqual([]);
    expect(o.hazards).toEqual([]);
    expect(traffic(o)).toEqual([
      ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
      ['PROTECTION_PAGE unset copy_page_range dmirror_interval_invalidate:seq-bumped', 1],
      ['CLEAR unset wp_page_copy dmirror_interval_invalidate:seq-bumped', 1024],
    ]);
  });

  test('hmm-exclusive-thp: -16 (-EBUSY) as on v5.14, but the 63 tails are skipped, not failed trylocks', async () => {
    const o = runScenario(await compiled('v6.1'), scenario('hmm-exclusive-thp'), { trace: 'events' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', -16, 0]);
    expect(o.final.asserts.failed).toEqual(['HMM_DMIRROR_EXCLUSIVE returned -16, expected 0']);
    expect(traffic(o)).toEqual([
      ['CLEAR unset __split_huge_pmd dmirror_interval_invalidate:seq-bumped', 1],
      ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1],
    ]);
    expect([o.notifiers[1]!.start, o.notifiers[1]!.end]).toEqual(['0x7f0000000000', '0x7f0000200000']);
    expect(pageLocks(o)).toEqual([['acquire make_device_exclusive_range', 1], ['release dmirror_exclusive', 1]]);
  });
});

// Base v6.13: the v6.1 table again. What a run shows differently from v6.1: the PROTECTION_VMA
// invalidation of mprotect() starts at the pud level (change_pud_range()); the CPU fault on a
// device-exclusive entry takes a reference on the folio before it waits for the folio lock (the
// 2023 fix), so the self-deadlocked run holds one more reference; the rmap calls are the 6.8
// folio ones (folio_remove_rmap_pte(), folio_add_anon_rmap_pte()).
describe('base v6.13', () => {
  test('nouveau-atomic-small: as on v6.1; the CPU fault takes a reference before the folio lock', async () => {
    const o = runScenario(await compiled('v6.13'), scenario('nouveau-atomic-small'), { trace: 'full' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
    expect(o.hazards).toEqual([]);
    expect(traffic(o)).toEqual([
      [NOUVEAU_OWN, 1],
      ['EXCLUSIVE NULL remove_device_exclusive_entry nouveau_svmm_invalidate_range_start:called', 1],
    ]);
    expect(o.final.processes[0]!.ptes).toEqual([expect.stringMatching(/^0x7f0000000000: present WD pfn /)]);
    expect(o.final.gpu).toEqual([]);
    const calls = o.trace.filter((e) => e.t === 'call').map((e) => (e as { fn: string }).fn);
    const fault = calls.slice(calls.indexOf('remove_device_exclusive_entry'));
    expect(fault.slice(0, 4)).toEqual(['remove_device_exclusive_entry', 'folio_try_get', 'folio_ref_add_unless', 'folio_lock_or_retry']);
  });

  test('nouveau-atomic-thp-head: the self-deadlock of v6.1, with the reference the fault now takes before it waits', async () => {
    const o = runScenario(await compiled('v6.13'), scenario('nouveau-atomic-thp-head'), { trace: 'events' });
    expect([o.verdict, o.result, o.retries]).toEqual(['deadlock', null, 1]);
    expect(traffic(o)).toEqual([[GUP_CLEAR, 1], [NOUVEAU_OWN, 1]]);
    expect(o.detail).toMatch(/main waits for page lock of pfn 0x[0-9a-f]+ held by main \(itself\)/);
    expect(o.detail).toMatch(/faultin_page > do_swap_page > remove_device_exclusive_entry > folio_lock_or_retry at include\/linux\/pagemap\.h:\d+\]$/);
    expect(pageLocks(o)).toEqual([['acquire make_device_exclusive_range', 1], ['trylock-fail folio_lock_or_retry', 1], ['block folio_lock_or_retry', 1]]);
    // v6.1 stops with refcount 513; here the fault's folio_try_get() holds one more
    expect(o.final.pages).toContainEqual(expect.stringMatching(/\(THP head, order 9\): refcount 514, .*locked by main, last touched by folio_ref_add_unless$/));
  });

  test('nouveau-atomic-thp-tail, hmm-exclusive, -cow, -thp: as on v6.1', async () => {
    const c = await compiled('v6.13');
    const tail = runScenario(c, scenario('nouveau-atomic-thp-tail'), { trace: 'events' });
    expect([tail.verdict, tail.result, tail.retries, tail.hazards]).toEqual(['completed', -22, 0, []]);
    expect(traffic(tail)).toEqual([[GUP_CLEAR, 1]]);
    expect(pageLocks(tail)).toEqual([]);
    const hmm = runScenario(c, scenario('hmm-exclusive'), { trace: 'none' });
    expect([hmm.verdict, hmm.result, hmm.final.asserts, hmm.hazards]).toEqual(['completed', 0, { passed: 8, failed: [] }, []]);
    expect(traffic(hmm)).toEqual([
      ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
      ['EXCLUSIVE NULL remove_device_exclusive_entry dmirror_interval_invalidate:seq-bumped', 1024],
    ]);
    const cow = runScenario(c, scenario('hmm-exclusive-cow'), { trace: 'none' });
    expect([cow.verdict, cow.result, cow.final.asserts.failed, cow.hazards]).toEqual(['completed', 0, [], []]);
    expect(traffic(cow)).toEqual([
      ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
      ['PROTECTION_PAGE unset copy_page_range dmirror_interval_invalidate:seq-bumped', 1],
      ['CLEAR unset wp_page_copy dmirror_interval_invalidate:seq-bumped', 1024],
    ]);
    const thp = runScenario(c, scenario('hmm-exclusive-thp'), { trace: 'events' });
    expect([thp.verdict, thp.result, thp.final.asserts.failed]).toEqual(['completed', -16, ['HMM_DMIRROR_EXCLUSIVE returned -16, expected 0']]);
    expect([thp.notifiers[1]!.start, thp.notifiers[1]!.end]).toEqual(['0x7f0000000000', '0x7f0000200000']);
    expect(pageLocks(thp)).toEqual([['acquire make_device_exclusive_range', 1], ['release dmirror_exclusive', 1]]);
  });

  test('hmm-exclusive-mprotect: as on v6.1, the PROTECTION_VMA now from change_pud_range()', async () => {
    const o = runScenario(await compiled('v6.13'), scenario('hmm-exclusive-mprotect'), { trace: 'none' });
    expect([o.verdict, o.result, o.retries]).toEqual(['completed', 0, 0]);
    expect(o.final.asserts.failed).toEqual([]);
    expect(traffic(o)).toEqual([
      ['EXCLUSIVE NULL page_make_device_exclusive_one dmirror_interval_invalidate:seq-bumped', 1024],
      ['PROTECTION_VMA unset change_pud_range dmirror_interval_invalidate:seq-bumped', 1],
    ]);
    expect(o.notifiers[1024]!.stack).toEqual(expect.arrayContaining(['change_protection', 'change_protection_range', 'change_p4d_range', 'change_pud_range']));
    expect(o.final.processes[0]!.ptes.every((l) => /\(\d+ ptes\): device-exclusive-read pfn/.test(l))).toBe(true);
  });
});

// Base v6.15, after the 2025 rework: make_device_exclusive() converts one pte at a time (any page
// of a large folio), keeps the mapcount, and the CPU fault restores the pte under a CLEAR; the
// nouveau fault unlocks and puts its folio on a retry (b3fefbb30a16). What moves: the retry
// loop on a THP no longer deadlocks but never settles (-EBUSY after the 1000 ms timeout, the
// head and the tail alike); hmm-exclusive-thp succeeds; mprotect leaves the entries alone.
describe('base v6.15', () => {
  const OWN = 'EXCLUSIVE nouveau (drm->dev) make_device_exclusive nouveau_svm_range_invalidate:filtered,nouveau_svmm_invalidate_range_start:called';
  const RESTORE = 'CLEAR NULL remove_device_exclusive_entry nouveau_svm_range_invalidate:seq-bumped,nouveau_svmm_invalidate_range_start:called';

  test('nouveau-atomic-small: completed, 0; the CPU write restores a writable, dirty pte under a CLEAR', async () => {
    const o = runScenario(await compiled('v6.15'), scenario('nouveau-atomic-small'), { trace: 'events' });
    expect([o.verdict, o.result, o.retries, o.hazards]).toEqual(['completed', 0, 0, []]);
    expect(traffic(o)).toEqual([
      [OWN, 1],
      ['CLEAR NULL remove_device_exclusive_entry nouveau_svmm_invalidate_range_start:called', 1],
    ]);
    expect(o.final.processes[0]!.ptes).toEqual([expect.stringMatching(/^0x7f0000000000: present WD pfn /)]);
    expect(o.final.gpu).toEqual([]);
  });

  for (const name of ['nouveau-atomic-thp-head', 'nouveau-atomic-thp-tail']) {
    test(`${name}: livelock ended by the 1000 ms timeout (-EBUSY): each pass's GUP restores the entry the pass before made`, async () => {
      const o = runScenario(await compiled('v6.15'), scenario(name), { trace: 'events' });
      expect([o.verdict, o.result]).toEqual(['livelock', -16]);
      expect(o.detail).toMatch(/^nouveau_atomic_range_fault\(\) at drivers\/gpu\/drm\/nouveau\/nouveau_svm\.c:\d+ \(thread main\) came back to the same state/);
      expect(traffic(o)).toEqual([
        [GUP_CLEAR, 1],
        [OWN, 3],
        [RESTORE, 2],
        ['CLEAR NULL remove_device_exclusive_entry nouveau_svmm_invalidate_range_start:called', 1],
      ]);
      const retries = o.trace.filter((e) => e.t === 'retry') as { why: string }[];
      expect(retries[0]!.why).toMatch(/^CLEAR from __split_huge_pmd/);
      expect(retries[1]!.why).toMatch(/^CLEAR from remove_device_exclusive_entry \(from do_swap_page in handle_mm_fault\)/);
      // the folio is unlocked on every retry: no lock is ever waited for
      expect(pageLocks(o)).toEqual([
        ['acquire make_device_exclusive', 3],
        ['release nouveau_atomic_range_fault', 3],
        ['acquire folio_lock_or_retry', 3],
        ['release remove_device_exclusive_entry', 3],
      ]);
      expect(o.hazards).toEqual([]);
    });
  }

  test('hmm-exclusive and -cow: completed, 0; the mapcount stays with the entries (no mapcount hazard)', async () => {
    const c = await compiled('v6.15');
    const hmm = runScenario(c, scenario('hmm-exclusive'), { trace: 'none' });
    expect([hmm.verdict, hmm.result, hmm.final.asserts, hmm.hazards]).toEqual(['completed', 0, { passed: 8, failed: [] }, []]);
    expect(traffic(hmm)).toEqual([
      ['EXCLUSIVE NULL make_device_exclusive dmirror_interval_invalidate:seq-bumped', 1024],
      ['CLEAR NULL remove_device_exclusive_entry dmirror_interval_invalidate:seq-bumped', 1024],
    ]);
    const cow = runScenario(c, scenario('hmm-exclusive-cow'), { trace: 'none' });
    expect([cow.verdict, cow.result, cow.final.asserts.failed, cow.hazards]).toEqual(['completed', 0, [], []]);
    expect(traffic(cow)).toEqual([
      ['EXCLUSIVE NULL make_device_exclusive dmirror_interval_invalidate:seq-bumped', 1024],
      ['PROTECTION_PAGE unset copy_page_range dmirror_interval_invalidate:seq-bumped', 1],
      ['CLEAR unset wp_page_copy dmirror_interval_invalidate:seq-bumped', 1024],
    ]);
  });

  test('hmm-exclusive-mprotect: completed, 0; the entries stay device-exclusive (one type, no downgrade)', async () => {
    const o = runScenario(await compiled('v6.15'), scenario('hmm-exclusive-mprotect'), { trace: 'none' });
    expect([o.verdict, o.result, o.final.asserts.failed]).toEqual(['completed', 0, []]);
    const ptes = o.final.processes[0]!.ptes;
    expect(ptes.every((l) => /\(\d+ ptes\): device-exclusive pfn/.test(l))).toBe(true);
    expect(ptes.reduce((n, l) => n + Number(/\((\d+) ptes\)/.exec(l)![1]), 0)).toBe(1024);
  });

  test('hmm-exclusive-thp: completed, 0 (-16 before): every page of both THPs, tails included, made exclusive one pte at a time', async () => {
    const o = runScenario(await compiled('v6.15'), scenario('hmm-exclusive-thp'), { trace: 'none' });
    expect([o.verdict, o.result, o.final.asserts.failed, o.hazards]).toEqual(['completed', 0, [], []]);
    expect(traffic(o)).toEqual([
      ['CLEAR unset __split_huge_pmd dmirror_interval_invalidate:seq-bumped', 2],
      ['EXCLUSIVE NULL make_device_exclusive dmirror_interval_invalidate:seq-bumped', 1024],
    ]);
    expect(o.final.processes[0]!.ptes).toEqual([
      expect.stringMatching(/^0x7f0000000000\.\.0x7f00001ff000 \(512 ptes\): device-exclusive pfn /),
      expect.stringMatching(/^0x7f0000200000\.\.0x7f00003ff000 \(512 ptes\): device-exclusive pfn /),
    ]);
  });
});
