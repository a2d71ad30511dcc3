// Runtime primitives under the model C: THP split, GUP on a small page / THP head / tail, the
// rmap walk, notifier seqs and filtering, restore on CPU fault, fork restore, the mprotect
// downgrade, and the struct page overlays of THP tails.
import { describe, expect, test } from 'vitest';
import { Ptr, type CType, type ExecCtx, type Region, type Value } from '../../src/model/interp/api.js';
import { DefaultAddressSpace } from '../../src/model/interp/memory.js';
import { runStep, type ScenarioEnv } from '../../src/model/scenario/steps.js';
import { Kernel } from '../../src/model/kernel/state.js';
import { Pmd, Pte } from '../../src/model/kernel/mm/pgtable-types.js';
import type { Step } from '../../src/model/scenario/types.js';
import { compiled, run } from './helpers.js';

/** A `struct page *pages[n]` for GUP calls from TypeScript. */
class Cells implements Region {
  readonly elemType: CType = { k: 'ptr', to: { k: 'struct', name: 'page' } };
  readonly elemSize = 8;
  readonly vals: Value[];
  constructor(readonly base: bigint, readonly length: number) {
    this.vals = new Array(length).fill(null);
  }
  readonly name = 'test pages[]';
  load(i: number): Value {
    return this.vals[i];
  }
  store(i: number, v: Value): void {
    this.vals[i] = v;
  }
}

const FOLL_WRITE = 0x01, FOLL_GET = 0x04, FOLL_SPLIT_PMD = 0x20000;

function* setup(ctx: ExecCtx, env: ScenarioEnv, size: string, extra: Step[] = []) {
  const steps: Step[] = [
    { op: 'mmap', name: 'buf', size: size === '2MiB' ? 0x200000n : 0x1000n, prot: 3, process: 'main' },
    { op: 'write', at: 'buf', offset: 0n, pages: 'all', value: { kind: 'index', plus: 0 }, process: 'main' },
    ...extra,
  ];
  for (const s of steps) if (!(yield* runStep(ctx, env, s))) throw new Error(`setup step ${s.op} failed: ${env.failed.join('; ')}`);
  return env.buffers.get('buf')!.addr;
}

function pteAt(k: Kernel, addr: bigint): Pte | Pmd {
  const mm = k.mms[0]!;
  const { pmd, pte } = mm.pt.lookup(addr);
  if (pte) return pte.table.entries[pte.i] as Pte;
  return pmd!.table.entries[pmd!.i] as Pmd;
}

function* gup(ctx: ExecCtx, k: Kernel, addr: bigint, flags: number) {
  const cells = new Cells(ctx.mem.allocate(8), 1);
  ctx.mem.register(cells);
  const n = yield* ctx.call('get_user_pages_remote', [k.mms[0]!.self, addr, 1n, flags, new Ptr(cells, 0), null, null]);
  return { n: Number(n), page: cells.vals[0] as Ptr | null };
}

describe('THP split and GUP', () => {
  test('split_huge_pmd_address() on a PMD-mapped THP: 512 ptes, per-subpage mapcount and references, one CLEAR', async () => {
    const c = await compiled('v5.14');
    let seen: string[] = [];
    const r = run(c, true, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '2MiB', [{ op: 'dmirror-open', process: 'main' }]);
      expect((pteAt(k, addr) as Pmd).v.k).toBe('huge');
      const vma = k.mms[0]!.vmaAt(addr)!;
      yield* ctx.call('split_huge_pmd_address', [vma.self, addr + 0x5000n, 0, null]);
      const head = k.memmap.state((pteAt(k, addr) as Pte & { v: { pfn: number } }).v.pfn);
      seen = [
        `head refcount ${head.refcount}`,
        `compound_mapcount ${head.compoundMapcount + 1}`,
        `subpage mapcounts ${[0, 1, 511].map((i) => k.memmap.state(head.pfn + i).mapcount + 1).join(',')}`,
        `pte 511 ${(pteAt(k, addr + 511n * 4096n) as Pte).describe().replace(/pfn 0x[0-9a-f]+/, 'pfn X')}`,
      ];
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(seen).toEqual(['head refcount 512', 'compound_mapcount 0', 'subpage mapcounts 1,1,1', 'pte 511 pte(pfn X WA)']);
    expect(r.k.notifiers.map((n) => [n.event, n.owner, n.start, n.end])).toEqual([['CLEAR', 'unset', '0x7f0000000000', '0x7f0000200000']]);
  });

  test('split_huge_pmd_address() on an already split (or order-0) mapping still fires CLEAR; split_huge_pmd() does not', async () => {
    const c = await compiled('v5.14');
    const r = run(c, false, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '4KiB', [{ op: 'dmirror-open', process: 'main' }]);
      const vma = k.mms[0]!.vmaAt(addr)!;
      const { pmd } = k.mms[0]!.pt.lookup(addr);
      yield* ctx.call('split_huge_pmd', [vma.self, pmd!.table.ptr(pmd!.i), addr]);
      yield* ctx.call('split_huge_pmd_address', [vma.self, addr, 0, null]);
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(r.k.notifiers.map((n) => `${n.event} ${n.stack.at(-3)}`)).toEqual(['CLEAR split_huge_pmd_address']);
  });

  test.each([
    ['small page', false, 0n, 'order-0'],
    ['THP head', true, 0n, 'head'],
    ['THP tail', true, 0x5000n, 'tail 5'],
  ])('GUP (FOLL_SPLIT_PMD) on a %s', async (_what, thp, off, want) => {
    const c = await compiled('v5.14');
    let got = '';
    const r = run(c, thp, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, thp ? '2MiB' : '4KiB');
      const { n, page } = yield* gup(ctx, k, addr + off, FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD);
      const s = k.memmap.state(page!.index);
      const h = k.memmap.headOf(s);
      got = `${n} ${s.isTail ? `tail ${s.pfn - h.pfn}` : s.isHead ? 'head' : 'order-0'} refcount ${h.refcount} ${(pteAt(k, addr) as Pte).opaqueType}`;
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    // the split leaves 512 pte references; GUP adds one
    expect(got).toBe(`1 ${want} refcount ${thp ? 513 : 2} pte_t`);
  });

  test('GUP without FOLL_SPLIT_PMD follows the huge pmd: tail page, no split, no notifier', async () => {
    const c = await compiled('v5.14');
    let got = '';
    const r = run(c, true, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '2MiB', [{ op: 'dmirror-open', process: 'main' }]);
      const { page } = yield* gup(ctx, k, addr + 0x3000n, FOLL_GET | FOLL_WRITE);
      const s = k.memmap.state(page!.index);
      got = `${s.pfn - s.head} ${(pteAt(k, addr) as Pmd).v.k}`;
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(got).toBe('3 huge');
    expect(r.k.notifiers).toEqual([]);
  });
});

describe('device-exclusive entries', () => {
  test('the rmap walk reaches every mapping: after fork both the parent and the child pte become exclusive', async () => {
    const c = await compiled('v5.14');
    let got: string[] = [];
    const r = run(c, false, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '4KiB', [{ op: 'fork', child: 'child', process: 'main' }]);
      const page = k.memmap.ptr((pteAt(k, addr) as Pte & { v: { pfn: number } }).v.pfn);
      expect(yield* ctx.call('trylock_page', [page])).toBe(1);
      // static in mm/rmap.c; called directly: its rmap walk finds both VMAs through the anon_vma
      const ok = yield* ctx.call('page_make_device_exclusive', [page, k.mms[0]!.self, addr, null]);
      const cp = env.processes.get('child')!.pt.lookup(addr).pte!;
      const s = k.memmap.state(page.index);
      got = [`ok=${String(ok)}`, `mapcount ${s.mapcount + 1}`, (pteAt(k, addr) as Pte).describe().replace(/0x[0-9a-f]+/, 'X'), (cp.table.entries[cp.i] as Pte).describe().replace(/0x[0-9a-f]+/, 'X')];
      yield* ctx.call('unlock_page', [page]);
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    // both mappings were read-only (COW-shared): readable entries, and the call reports failure
    // because the page was not mapped writable at the address asked for (args->valid).
    expect(got).toEqual(['ok=0', 'mapcount 0', 'pte(swp(device-exclusive-read, X) S)', 'pte(swp(device-exclusive-read, X) S)']);
  });

  test('make_device_exclusive_range() on a COW-shared page breaks COW first (GUP with FOLL_WRITE)', async () => {
    const c = await compiled('v5.14');
    let got: string[] = [];
    const r = run(c, false, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '4KiB', [{ op: 'fork', child: 'child', process: 'main' }]);
      const before = (pteAt(k, addr) as Pte & { v: { pfn: number } }).v.pfn;
      const cells = new Cells(ctx.mem.allocate(8), 1);
      ctx.mem.register(cells);
      const n = yield* ctx.call('make_device_exclusive_range', [k.mms[0]!.self, addr, addr + 4096n, new Ptr(cells, 0), null]);
      const cp = env.processes.get('child')!.pt.lookup(addr).pte!;
      const mine = (cells.vals[0] as Ptr).index;
      got = [`n=${String(n)}`, `new page ${mine !== before}`, (pteAt(k, addr) as Pte).describe().replace(/0x[0-9a-f]+/, 'X'), (cp.table.entries[cp.i] as Pte).describe().replace(/0x[0-9a-f]+/, 'X')];
      yield* ctx.call('unlock_page', [cells.vals[0]!]);
      yield* ctx.call('put_page', [cells.vals[0]!]);
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(got).toEqual(['n=1', 'new page true', 'pte(swp(device-exclusive-write, X) S)', 'pte(pfn X RDS)']);
    expect(r.k.notifiers.map((n) => `${n.event}:${n.owner}:${n.stack.includes('wp_page_copy')}`)).toEqual([]);
  });

  test('CPU fault restores a writable exclusive entry as a writable dirty pte; EXCLUSIVE with owner NULL', async () => {
    const c = await compiled('v5.14');
    const r = run(c, false, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '4KiB', [{ op: 'dmirror-open', process: 'main' }]);
      const cells = new Cells(ctx.mem.allocate(8), 1);
      ctx.mem.register(cells);
      yield* ctx.call('make_device_exclusive_range', [k.mms[0]!.self, addr, addr + 4096n, new Ptr(cells, 0), null]);
      expect((pteAt(k, addr) as Pte).describe()).toMatch(/device-exclusive-write/);
      yield* ctx.call('unlock_page', [cells.vals[0]!]);
      yield* ctx.call('put_page', [cells.vals[0]!]);
      yield* runStep(ctx, env, { op: 'write', at: 'buf', offset: 0n, pages: 'all', value: 'increment', process: 'main' });
      expect((pteAt(k, addr) as Pte).describe()).toMatch(/^pte\(pfn 0x[0-9a-f]+ WD/);
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(r.k.notifiers.map((n) => `${n.event}:${n.owner}`)).toEqual(['EXCLUSIVE:null', 'EXCLUSIVE:null']);
    expect(r.k.notifiers[1]!.stack).toContain('remove_device_exclusive_entry');
  });

  test('mprotect(PROT_READ) downgrades writable exclusive entries to readable ones; a read fault restores read-only', async () => {
    const c = await compiled('v5.14');
    const r = run(c, false, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '4KiB', [{ op: 'dmirror-open', process: 'main' }, { op: 'dmirror', cmd: 'exclusive', at: 'buf', pages: 'all', process: 'main' }]);
      yield* runStep(ctx, env, { op: 'mprotect', at: 'buf', prot: 1, process: 'main' });
      expect((pteAt(k, addr) as Pte).describe()).toMatch(/device-exclusive-read/);
      yield* runStep(ctx, env, { op: 'read', at: 'buf', offset: 0n, pages: 'all', expect: { kind: 'index', plus: 0 }, process: 'main' });
      expect((pteAt(k, addr) as Pte).describe()).toMatch(/^pte\(pfn 0x[0-9a-f]+ R/);
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(r.env.failed).toEqual([]);
    expect(r.k.notifiers.map((n) => `${n.event}:${n.owner}`)).toEqual(['EXCLUSIVE:null', 'PROTECTION_VMA:unset', 'EXCLUSIVE:null']);
  });

  test('fork restores the parent entry (trylock) and copies it COW: mapcount 2, refcount 2, both read-only', async () => {
    const c = await compiled('v5.14');
    let got = '';
    const r = run(c, false, function* (ctx, env, k) {
      const addr = yield* setup(ctx, env, '4KiB', [{ op: 'dmirror-open', process: 'main' }, { op: 'dmirror', cmd: 'exclusive', at: 'buf', pages: 'all', process: 'main' }]);
      yield* runStep(ctx, env, { op: 'fork', child: 'child', process: 'main' });
      const p = pteAt(k, addr) as Pte & { v: { pfn: number } };
      const s = k.memmap.state(p.v.pfn);
      const cp = env.processes.get('child')!.pt.lookup(addr).pte!;
      got = `${p.describe().replace(/0x[0-9a-f]+/, 'X')} ${(cp.table.entries[cp.i] as Pte).describe().replace(/0x[0-9a-f]+/, 'X')} mapcount ${s.mapcount + 1} refcount ${s.refcount}`;
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(got).toBe('pte(pfn X RDS) pte(pfn X RDS) mapcount 2 refcount 2');
  });
});

describe('munmap', () => {
  test('zaps present ptes and device-exclusive entries: every reference dropped, UNMAP seen by the mirror', async () => {
    const c = await compiled('v5.14');
    const r = run(c, false, function* (ctx, env, k) {
      yield* setup(ctx, env, '4KiB', [{ op: 'dmirror-open', process: 'main' }]);
      yield* runStep(ctx, env, { op: 'mmap', name: 'two', size: 0x2000n, prot: 3, process: 'main' });
      yield* runStep(ctx, env, { op: 'write', at: 'two', offset: 0n, pages: 'all', value: { kind: 'const', value: 1 }, process: 'main' });
      yield* runStep(ctx, env, { op: 'dmirror', cmd: 'exclusive', at: 'buf', pages: 'all', expect: 0, process: 'main' });
      yield* runStep(ctx, env, { op: 'munmap', at: 'buf', process: 'main' });
      yield* runStep(ctx, env, { op: 'munmap', at: 'two', process: 'main' });
      expect(k.mms[0]!.vmas).toEqual([]);
      expect(k.memmap.all().filter((p) => p.kind === 'anon').map((p) => `${p.refcount}/${p.mapcount + 1}`)).toEqual(['0/0', '0/0', '0/0']);
      return undefined;
    });
    expect(r.res.verdict).toBe('completed');
    expect(r.k.notifiers.map((n) => `${n.event}:${n.owner}`)).toEqual(['EXCLUSIVE:null', 'UNMAP:unset', 'UNMAP:unset']);
  });
});

describe('notifier seqs', () => {
  test('read_begin/read_retry: an owner-tagged EXCLUSIVE is filtered by nouveau, an unfiltered CLEAR bumps the seq', async () => {
    const c = await compiled('v5.14');
    const r = run(c, true, function* (ctx, env, _k) {
      yield* setup(ctx, env, '2MiB', [{ op: 'nouveau-init', device: 'nouveau', process: 'main' }]);
      yield* runStep(ctx, env, { op: 'gpu-atomic-fault', at: 'buf', offset: 0n, process: 'main' });
      return undefined;
    });
    expect(r.res.verdict).toBe('deadlock');
    expect(r.retries).toBe(1);
    const [clear, excl] = r.k.notifiers;
    expect(clear!.subscribers[0]).toEqual({ name: 'nouveau_svm_range_invalidate', action: 'seq-bumped' });
    expect(excl!.subscribers[0]).toEqual({ name: 'nouveau_svm_range_invalidate', action: 'filtered' });
    // the global seq is even (idle) again after each invalidation
    expect(r.k.mms[0]!.subs!.invalidateSeq % 2n).toBe(0n);
  });
});

describe('struct page overlays of a THP tail', () => {
  test('->mapping of page[1], page[2], page[3+] reads what that slot holds there, and is recorded', () => {
    const mem = new DefaultAddressSpace();
    const k = new Kernel(mem, { thp: true, kernel: '5.14' });
    mem.register(k.memmap.region);
    const head = k.memmap.alloc('anon', 9);
    const hazards: string[] = [];
    const ctx = {
      mem,
      hazard: (kind: string, d: string) => hazards.push(`${kind}: ${d}`),
      bug: (m: string) => {
        throw new Error(m);
      },
    } as unknown as ExecCtx;
    const read = (i: number) => (k.memmap.obj(head.pfn + i).get('mapping', ctx) as Ptr).address;
    expect(read(1)).toBe(0xdead000000000200n);
    expect(read(2)).toBe(k.memmap.addressOf(head.pfn + 2) + 24n);
    expect(read(3)).toBe(0xdead000000000400n);
    expect(read(511)).toBe(0xdead000000000400n);
    expect(hazards).toHaveLength(4);
    // none of them has the low bits PAGE_MAPPING_ANON: page_lock_anon_vma_read() sees "not anon"
    expect([0xdead000000000200n, k.memmap.addressOf(head.pfn + 2) + 24n, 0xdead000000000400n].map((a) => a & 3n)).toEqual([0n, 0n, 0n]);
    expect(hazards[0]).toMatch(/^tail-mapping-read: ->mapping of tail page pfn 0x[0-9a-f]+ .* first tail: compound_nr 512/);
    // the head's own ->mapping is not a hazard
    expect(k.memmap.obj(head.pfn).get('mapping', ctx)).toBeNull();
    expect(hazards).toHaveLength(4);
  });
});
