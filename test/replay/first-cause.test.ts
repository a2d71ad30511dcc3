// The first cause: where two traces part (with stacks), incidental fields that must not count,
// and the chain read off the variant's trace. Hand-made traces: each test shows its events.
import { describe, expect, test } from 'vitest';
import { analysePair, causeFor, resultOrigin } from '../../src/replay/first-cause.js';
import { eventKeys, firstKeyDifference } from '../../src/replay/trace-read.js';
import { eventText, stepText } from '../../src/report/trace-words.js';
import { faultPrefix, Run } from './outcome-builder.js';

const SPLIT_STACK = ['drv_fault', 'make_exclusive', 'make_exclusive_one', 'split_address', '__split', 'mmu_notifier_invalidate_range_start'];

/** The baseline: the exclusive notifier is filtered, no retry, the run completes. */
function baseline(): Run {
  return faultPrefix(new Run())
    .leaf('range_init_owner', 'void', ['&local range in make_exclusive_one', '7'])
    .notify({ event: 'EXCLUSIVE', owner: 'drv', end: '0x7f0000001000', stack: ['drv_fault', 'make_exclusive', 'make_exclusive_one', 'mmu_notifier_invalidate_range_start'], subscribers: [{ name: 'drv_invalidate', action: 'filtered' }] })
    .ret('make_exclusive_one', '1')
    .ret('make_exclusive', '1')
    .lock('release', 'mmap_lock of mm 1', 'drv_fault')
    .leaf('mmu_interval_read_retry', '0')
    .ret('drv_fault', '0')
    .step('GPU fault returned 0');
}

/** The variant: a split first, whose CLEAR bumps the seq; retry; pass 2 blocks on its own page lock. */
function variant(): Run {
  return faultPrefix(new Run())
    .call('split_address', ['&vma', '0x7f0000000000'])
    .call('__split', ['&vma', '&pmd table @0xffff888001002000 (mm 1)[0]'])
    .notify({ stack: SPLIT_STACK })
    .call('drv_invalidate', ['&n', '&local range in __split'])
    .leaf('mmu_interval_set_seq')
    .leaf('drv_do_update', 'void', ['0x7f0000000000', '0x7f0000200000'])
    .ret('drv_invalidate', '1')
    .ret('__split')
    .ret('split_address')
    .leaf('range_init_owner', 'void', ['&local range in make_exclusive_one', '7'])
    .notify({ event: 'EXCLUSIVE', owner: 'drv', end: '0x7f0000001000', stack: ['drv_fault', 'make_exclusive', 'make_exclusive_one', 'mmu_notifier_invalidate_range_start'], subscribers: [{ name: 'drv_invalidate', action: 'filtered' }] })
    .ret('make_exclusive_one', '1')
    .ret('make_exclusive', '1')
    .lock('release', 'mmap_lock of mm 1', 'drv_fault')
    .leaf('mmu_interval_read_retry', '1')
    .retry('drv_fault', 2)
    .call('make_exclusive', ['&mm 1 (main)', '0x7f0000000000'])
    .fault('0x7f0000000000', 'write remote no-retry', 'faultin')
    .lock('trylock-fail', 'page lock of pfn 0x1004', 'remove_entry')
    .lock('block', 'page lock of pfn 0x1004', 'remove_entry')
    .end('deadlock', 'main waits for page lock of pfn 0x1004 held by main (itself) [stack: drv_fault > make_exclusive > remove_entry at mm/memory.c:134]');
}

describe('where the runs part', () => {
  test('the first differing event, with the call stack on each side', () => {
    const a = analysePair(baseline().outcome(), variant().outcome());
    expect(a.divergence).not.toBeNull();
    const { baseline: b, variant: v } = a.divergence!;
    expect(v.index).toBe(b.index);
    expect(b.event).toEqual({ kind: 'call', caller: 'make_exclusive_one', fn: 'range_init_owner', args: null });
    expect(eventText(b.event)).toBe('`make_exclusive_one` calls `range_init_owner`()');
    expect(eventText(v.event)).toBe('`make_exclusive_one` calls `split_address`()');
    expect(v.stack).toEqual(['drv_fault', 'make_exclusive', 'make_exclusive_one']);
    expect(b.stack).toEqual(v.stack);
  });

  test('arguments are shown when both sides call the same function with different ones', () => {
    const b = faultPrefix(new Run()).leaf('range_init_owner', 'void', ['&local range', '&drv']).outcome();
    const v = faultPrefix(new Run()).leaf('range_init_owner', 'void', ['&local range', 'NULL']).outcome();
    const d = analysePair(b, v).divergence!;
    expect(eventText(d.baseline.event)).toBe('`make_exclusive_one` calls `range_init_owner`(&local range, &drv)');
    expect(eventText(d.variant.event)).toBe('`make_exclusive_one` calls `range_init_owner`(&local range, NULL)');
  });

  test('kernel addresses of runtime objects and source positions are not differences', () => {
    const mk = (table: string, line: number) =>
      faultPrefix(new Run())
        .leaf('pte_lock', 'void', [`&pte table @${table} (mm 1)`])
        .lock('acquire', `pte lock of table @${table} (mm 1)`, 'pte_lock')
        .hazard({ kind: 'warn', function: 'f', detail: `WARN_ON_ONCE at mm/rmap.c:${line}` })
        .outcome();
    // Another allocation order gives other addresses; another line numbering other positions.
    expect(analysePair(mk('0xffff888001003000', 10), mk('0xffff888001009000', 14)).divergence).toBeNull();
    // But a different object is a difference: two tables where the baseline had one.
    const one = faultPrefix(new Run()).leaf('t', 'void', ['0xffff888001003000']).leaf('t', 'void', ['0xffff888001003000']).outcome();
    const two = faultPrefix(new Run()).leaf('t', 'void', ['0xffff888001003000']).leaf('t', 'void', ['0xffff888001004000']).outcome();
    expect(analysePair(one, two).divergence).not.toBeNull();
  });

  test('user addresses and values are differences', () => {
    const b = faultPrefix(new Run()).leaf('get', '0x7f0000000000').outcome();
    const v = faultPrefix(new Run()).leaf('get', '0x7f0000001000').outcome();
    expect(eventText(analysePair(b, v).divergence!.variant.event)).toBe('`get` returns 0x7f0000001000');
  });
});

describe('the chain read off the variant', () => {
  const a = analysePair(baseline().outcome(), variant().outcome());

  test('to the end: the split CLEAR, its owner, the unfiltered seq bump, the retry, pass 2 blocking on its own lock', () => {
    const c = causeFor(a, { kind: 'end' })!;
    expect(c.chain[3]).toMatchObject({ kind: 'event', pass: 2, firstOfPass: false, event: { kind: 'lock', op: 'block', fn: 'remove_entry', holder: { thread: 'main', fn: 'make_exclusive', pass: 1 } } });
    expect(c.chain.map(stepText)).toEqual([
      '`__split` (from `split_address` in `make_exclusive_one`) issues CLEAR with owner unset over [0x7f0000000000, 0x7f0000200000); `drv_invalidate` does not filter it: seq bumped, calls `drv_do_update`(0x7f0000000000, 0x7f0000200000)',
      '`mmu_interval_read_retry` returns true: `drv_fault` goes round again (pass 2)',
      'pass 2: `faultin` faults at 0x7f0000000000 (write remote no-retry)',
      '`remove_entry` blocks on page lock of pfn 0x1004: this thread (main) itself holds it, taken by `make_exclusive` in pass 1',
      'deadlock: main waits for page lock of pfn 0x1004 held by main (itself)',
    ]);
  });

  test('to an event: the chain stops there', () => {
    const retry = a.gained.find((s) => s.kind === 'retry')!;
    expect(causeFor(a, { kind: 'event', index: retry.index })!.chain).toHaveLength(2);
  });

  test('events the baseline has too are not in the chain (the filtered EXCLUSIVE)', () => {
    expect(a.gained.some((s) => s.fact.kind === 'notifier' && s.fact.event === 'EXCLUSIVE')).toBe(false);
    expect(a.lost.map((s) => eventText(s.fact))).toEqual(['scenario: GPU fault returned 0']);
  });

  test('identical runs have no cause', () => {
    expect(causeFor(analysePair(baseline().outcome(), baseline().outcome()), { kind: 'end' })).toBeNull();
  });

  test('repeats of one kind of event collapse into one step with a count', () => {
    const v = faultPrefix(new Run());
    for (let i = 0; i < 5; i++) v.notify({ stack: SPLIT_STACK, start: `0x7f000000${i}000`, end: `0x7f000000${i + 1}000` });
    const c = causeFor(analysePair(faultPrefix(new Run()).outcome(), v.outcome()), { kind: 'end' })!;
    expect(c.chain[0]).toMatchObject({ repeat: { times: 5, distinct: 5 } });
    expect(stepText(c.chain[0]!)).toMatch(/ \(×5, 5 different ranges\)$/);
    expect(c.chain).toHaveLength(2);
  });
});

describe('where a result came from', () => {
  test('the innermost function that returned it, passed up by its callers', () => {
    const r = new Run()
      .call('ioctl')
      .call('do_exclusive')
      .leaf('bounce_init', '0')
      .leaf('do_read', '-2')
      .leaf('bounce_fini')
      .ret('do_exclusive', '-2')
      .ret('ioctl', '-2')
      .end('completed', 'x', -2);
    expect(resultOrigin(r.outcome())!.functions).toEqual(['do_read', 'do_exclusive', 'ioctl']);
  });
});

describe('the first differing key, found without making every key', () => {
  /** The definition: every event's key (addresses renamed per trace), compared one by one. */
  function byKeys(a: ReturnType<Run['outcome']>, b: ReturnType<Run['outcome']>): number | null {
    const ka = eventKeys(a);
    const kb = eventKeys(b);
    let i = 0;
    while (i < ka.length && i < kb.length && ka[i] === kb[i]) i++;
    return i === ka.length && i === kb.length ? null : i;
  }
  const pmd = (a: string) => `&pmd table @${a} (mm 1)[0]`;

  test('kernel addresses that differ but rename alike do not part the runs; a repeat of another one does', () => {
    const base = () => faultPrefix(new Run());
    const cases: [Run, Run][] = [
      [baseline(), variant()],
      [baseline(), baseline()],
      // the same shape at other kernel addresses: the same keys
      [base().leaf('f', 'void', [pmd('0xffff888001002000')]).leaf('g', 'void', [pmd('0xffff888001002000')]), base().leaf('f', 'void', [pmd('0xffff888001003000')]).leaf('g', 'void', [pmd('0xffff888001003000')])],
      // f's address repeats on one side and is a new one on the other: they part at g
      [base().leaf('f', 'void', [pmd('0xffff888001002000')]).leaf('g', 'void', [pmd('0xffff888001002000')]), base().leaf('f', 'void', [pmd('0xffff888001003000')]).leaf('g', 'void', [pmd('0xffff888001004000')])],
      // an address seen in the common part decides what a later one renames to
      [base().lock('acquire', 'pte lock of table @0xffff888001005000', 'f').leaf('g', 'void', [pmd('0xffff888001005000')]), base().lock('acquire', 'pte lock of table @0xffff888001005000', 'f').leaf('g', 'void', [pmd('0xffff888001006000')])],
      // one trace longer than the other
      [base().leaf('f'), base().leaf('f').leaf('g')],
    ];
    const found = cases.map(([x, y]) => firstKeyDifference(x.outcome(), y.outcome()));
    expect(found.map((i) => i !== null)).toEqual([true, false, false, true, true, true]);
    for (const [x, y] of cases) {
      expect(firstKeyDifference(x.outcome(), y.outcome())).toBe(byKeys(x.outcome(), y.outcome()));
      expect(firstKeyDifference(y.outcome(), x.outcome())).toBe(byKeys(y.outcome(), x.outcome()));
    }
  });
});
