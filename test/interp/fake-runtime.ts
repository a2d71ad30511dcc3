// A small fake kernel runtime for interpreter tests: a memmap region of struct page (pointer
// arithmetic, pfn <-> page), a blocking mutex keyed by address, a yield point, a pte_t opaque,
// and a log the model C writes into. Builtins close over one FakeRuntime; reset() per run.

import {
  ADDR, DefaultAddressSpace, Ptr, UNINIT, compileProgram, formatValue,
  type Blocked, type BuiltinTable, type CType, type CompileOptions, type ExecCtx, type Opaque, type Program, type Region,
  type StructRef, type ThreadRef, type Value, type Waitable,
} from '../../src/model/interp/index.js';

export const HEADER = `
#pragma lkml opaque pte_t 8
struct page { unsigned long flags; void *mapping; int _refcount; unsigned long index; };
struct anon_vma { int refcount; struct anon_vma *root; };
struct mutex { int owner; };
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define ULONG_MAX (~0UL)
#define HPAGE_PMD_SHIFT 21
#define HPAGE_PMD_SIZE (1UL << HPAGE_PMD_SHIFT)
#define HPAGE_PMD_MASK (~(HPAGE_PMD_SIZE - 1))
#define HPAGE_PMD_NR (1 << (HPAGE_PMD_SHIFT - PAGE_SHIFT))
#define PAGE_MAPPING_ANON 0x1
#define PAGE_MAPPING_MOVABLE 0x2
#define PAGE_MAPPING_FLAGS (PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define EFAULT 14
#define EBUSY 16
`;

/** A runtime-owned struct page: fields in a record (as the real runtime's objects are its own). */
export class FakePage implements StructRef {
  readonly structName = 'page';
  readonly fields: Record<string, Value> = { flags: 0n, mapping: null, _refcount: 1, index: 0n };
  constructor(
    readonly memmap: MemmapRegion,
    readonly pfn: number,
  ) {}
  get self(): Ptr {
    return new Ptr(this.memmap, this.pfn);
  }
  get(field: string): Value {
    if (!(field in this.fields)) throw new Error(`struct page has no ${field}`);
    return this.fields[field];
  }
  set(field: string, v: Value): void {
    this.fields[field] = v;
  }
  fieldPtr(field: string): Ptr {
    throw new Error(`fieldPtr(${field}) not needed by the tests`);
  }
}

export class MemmapRegion implements Region {
  readonly name = 'memmap';
  readonly elemType: CType = { k: 'struct', name: 'page' };
  readonly elemSize = 64;
  readonly base = ADDR.vmemmap;
  readonly pages: FakePage[];
  constructor(readonly length: number) {
    this.pages = Array.from({ length }, (_, i) => new FakePage(this, i));
  }
  load(i: number): Value {
    return this.pages[i]!;
  }
  store(): void {
    throw new Error('struct page is not assigned as a whole');
  }
}

export class FakePte implements Opaque {
  readonly opaqueType = 'pte_t';
  constructor(readonly pfn: bigint) {}
  describe(): string {
    return `pte(pfn ${this.pfn})`;
  }
  equals(o: Opaque): boolean {
    return o instanceof FakePte && o.pfn === this.pfn;
  }
}

export class FakeLock implements Waitable {
  owner: ThreadRef | null = null;
  constructor(readonly name: string) {}
  holder(): ThreadRef | null {
    return this.owner;
  }
  ready(): boolean {
    return this.owner === null;
  }
}

const ALWAYS: Waitable = { name: 'cond_resched', holder: () => null, ready: () => true };

export class FakeRuntime {
  mem = new DefaultAddressSpace();
  memmap = new MemmapRegion(1024);
  log: unknown[] = [];
  locks = new Map<bigint, FakeLock>();
  lockNames = new Map<bigint, string>();

  reset(npages = 1024): void {
    this.mem = new DefaultAddressSpace();
    this.memmap = new MemmapRegion(npages);
    this.mem.register(this.memmap);
    this.log = [];
    this.locks = new Map();
  }

  lockAt(p: Value, ctx: ExecCtx): FakeLock {
    if (!(p instanceof Ptr)) return ctx.bug('mutex_lock(NULL)');
    const a = p.address;
    let l = this.locks.get(a);
    if (!l) this.locks.set(a, (l = new FakeLock(this.lockNames.get(a) ?? `mutex ${p.region.name}`)));
    return l;
  }

  builtins(): BuiltinTable {
    const rt = this;
    return {
      page_to_pfn: { proto: 'unsigned long page_to_pfn(struct page *page)', fn: (_c, p) => BigInt((p as Ptr).index) },
      pfn_to_page: { proto: 'struct page *pfn_to_page(unsigned long pfn)', fn: (_c, pfn) => new Ptr(rt.memmap, Number(pfn)) },
      pte_pfn: { proto: 'unsigned long pte_pfn(pte_t pte)', fn: (_c, pte) => (pte as FakePte).pfn },
      pfn_pte: { proto: 'pte_t pfn_pte(unsigned long pfn)', fn: (_c, pfn) => new FakePte(pfn as bigint) },
      record: { proto: 'void record(long v)', fn: (_c, v) => void rt.log.push(v) },
      record_u: { proto: 'void record_u(unsigned long v)', fn: (_c, v) => void rt.log.push(v) },
      record_i: { proto: 'void record_i(int v)', fn: (_c, v) => void rt.log.push(v) },
      record_ptr: { proto: 'void record_ptr(void *p)', fn: (_c, v) => void rt.log.push(v) },
      mutex_lock: {
        proto: 'void mutex_lock(struct mutex *lock)',
        blocking: true,
        *fn(ctx: ExecCtx, p: Value): Generator<Blocked, Value, void> {
          const l = rt.lockAt(p, ctx);
          while (l.owner !== null) yield { blockedOn: l };
          l.owner = ctx.thread;
          rt.log.push(`${ctx.thread.name} locked ${l.name}`);
          return undefined;
        },
      },
      mutex_unlock: {
        proto: 'void mutex_unlock(struct mutex *lock)',
        fn: (ctx, p) => {
          const l = rt.lockAt(p, ctx);
          if (l.owner?.id !== ctx.thread.id) ctx.bug(`${ctx.thread.name} unlocks ${l.name} it does not hold`);
          l.owner = null;
          rt.log.push(`${ctx.thread.name} unlocked ${l.name}`);
          return undefined;
        },
      },
      mutex_trylock: {
        proto: 'bool mutex_trylock(struct mutex *lock)',
        fn: (ctx, p) => {
          const l = rt.lockAt(p, ctx);
          if (l.owner !== null) return 0;
          l.owner = ctx.thread;
          return 1;
        },
      },
      cond_resched: {
        proto: 'void cond_resched(void)',
        *fn(): Generator<Blocked, Value, void> {
          yield { blockedOn: ALWAYS };
          return undefined;
        },
      },
    };
  }
}

export const rt = new FakeRuntime();

/** Compile `text` (after the test header) with the fake runtime's builtins. */
export async function compile(text: string, opts: Partial<CompileOptions> = {}): Promise<Program> {
  return compileProgram({ sources: [{ path: 'include/test.h', text: HEADER }, { path: 't.c', text: `#include "test.h"\n${text}` }], builtins: rt.builtins(), ...opts });
}

/**
 * Compile, fail on compile errors, run `entry(args)` on one thread with a fresh fake runtime.
 * Every run is made twice, by the generated JavaScript and by the compiler's closures (its
 * reference), and must be the same run: verdict, detail, steps, value, stack, hazards, trace.
 */
export async function run1(text: string, entry: string, args: Value[] = [], opts: Partial<CompileOptions> = {}) {
  const p = await compile(text, opts);
  if (p.errors.length) throw new Error(p.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  if (p.compiler.codegenFailures.length) throw new Error(`no JavaScript for ${JSON.stringify(p.compiler.codegenFailures)}`);
  const ref = await compile(text, { ...opts, codegen: false });
  rt.reset();
  const r = p.run({ mem: rt.mem, threads: [{ name: 'main', entry, args }] });
  const seen = runText(r);
  rt.reset();
  const want = runText(ref.run({ mem: rt.mem, threads: [{ name: 'main', entry, args }] }));
  if (seen !== want) throw new Error(`generated code and closures differ:\n${seen}\n${want}`);
  rt.reset();
  return p.run({ mem: rt.mem, threads: [{ name: 'main', entry, args }] });
}

/** What a run did, as text (values formatted: objects differ between two runs). */
function runText(r: ReturnType<Program['run']>): string {
  return JSON.stringify({ ...r, value: formatValue(r.value), threads: r.threads.map((t) => ({ ...t, value: formatValue(t.value) })), internal: r.internal ? String(r.internal) : undefined });
}

export { UNINIT };
