// The livelock detector on its own: what counts as "the same state at the loop head".
import { describe, expect, test } from 'vitest';
import { DefaultAddressSpace } from '../../src/model/interp/index.js';
import { Kernel, HZ } from '../../src/model/kernel/state.js';
import { LivelockDetector } from '../../src/model/kernel/livelock.js';
import { SEQ_BASE, subscriptionsOf } from '../../src/model/kernel/mm/mmu_notifier.js';

function setup() {
  const k = new Kernel(new DefaultAddressSpace(), { thp: false, kernel: '5.14' });
  const mm = k.newMm('main');
  const subs = subscriptionsOf(k, mm);
  let subSeq = SEQ_BASE - 1n;
  const d = new LivelockDetector(k, () => [subSeq]);
  const frame = {};
  /** One round of a retry loop: an invalidation bumps the subscriber and the global seq. */
  const round = () => {
    subSeq = subs.invalidateSeq | 1n;
    subs.invalidateSeq = (subs.invalidateSeq | 1n) + 1n;
  };
  const visit = (locals: [string, bigint | number][]) =>
    d.visit({ site: 'drv.c:10', function: 'drv_fault', thread: 'main', frame, locals: () => locals, alone: true });
  return { k, d, subs, round, visit, seq: () => subSeq };
}

describe('livelock detector', () => {
  test('a loop whose only change is the seqs advancing is proven on the second equal state; the clock jumps', () => {
    const { k, d, round, visit, seq } = setup();
    const j0 = k.jiffies;
    const timeout = j0 + 250n;
    let r = null;
    for (let i = 0; i < 4 && !d.proof; i++) {
      const notifierSeq = seq(); // what mmu_interval_read_begin() returned last round (stale now)
      round();
      r = visit([['timeout', timeout], ['notifier_seq', notifierSeq], ['ret', 0]]);
    }
    expect(r).toBeNull();
    expect(d.proof).toMatchObject({ site: 'drv.c:10', function: 'drv_fault', period: 1 });
    expect(k.jiffies).toBe(j0 + HZ * 3600n);
  });

  test('a loop that advances a counter of its own is never a livelock', () => {
    const { d, round, visit } = setup();
    for (let i = 0; i < 3000; i++) {
      round();
      expect(visit([['i', i]])).toBeNull();
    }
    expect(d.proof).toBeNull();
  });

  test('a repeat while another thread could still run is not claimed', () => {
    const { d, round } = setup();
    const frame = {};
    for (let i = 0; i < 10; i++) {
      round();
      d.visit({ site: 's', function: 'f', thread: 't', frame, locals: () => [['x', 1]], alone: false });
    }
    expect(d.proof).toBeNull();
  });

  test('a changed page (kernel state) between rounds breaks the repeat', () => {
    const { k, d, round, visit } = setup();
    const page = k.memmap.alloc('anon');
    for (let i = 0; i < 20; i++) {
      round();
      page.data = BigInt(i);
      visit([['x', 1]]);
    }
    expect(d.proof).toBeNull();
  });
});
