// The kernel state of one run: memory (memmap, page tables), processes (mm, VMAs, anon_vmas),
// MMU notifier subscriptions, locks, the modelled clock, the nouveau GPU page table, dmirror
// xarrays, user buffers, and the notifier records the Outcome reports. One Kernel per run; the
// builtins find it from the run's address space (kernelOf).

import type { AddressSpace, Blocked, ExecCtx, Value } from '../interp/api.js';
import { LockRegistry } from './locks.js';
import { PlainObject, type RtObject } from './object.js';
import { Memmap, type PageState } from './mm/page.js';
import type { PageTable } from './mm/pgtable.js';
import type { NotifierRecord } from './mm/mmu_notifier.js';
import { AnonVma, MmStruct } from './mm/vma.js';
import { GpuPageTable } from './drivers/nouveau.js';
import { XArray } from './lib/xarray.js';
import { traceTsCall, traceTsReturn } from './ts-frames.js';
import { Release } from './release.js';

export interface KernelConfig {
  /** Transparent huge pages for anonymous memory ("always" when true, "never" when false). */
  thp: boolean;
  /** The kernel release whose runtime rules apply ("5.14", "6.1"): the compiled base's spec.kernel. */
  kernel: string;
  /**
   * Parameter counts of the model C functions the runtime calls, where a base's prototype may
   * differ from v5.14's (copy_nonpresent_pte() took one vma before 5.14).
   */
  modelParams?: ReadonlyMap<string, number>;
}

/** INITIAL_JIFFIES of the kernel on 64-bit: (unsigned int)(-300 * HZ), five minutes before wrap. */
const INITIAL_JIFFIES = 0xfffb6c20n;
export const HZ = 250n;

export class Kernel {
  readonly memmap: Memmap;
  /** The release this run models: where the runtime's behaviour differs by release, it asks this. */
  readonly release: Release;
  readonly locks: LockRegistry;
  readonly tablesByPfn = new Map<number, PageTable>();
  /** Page tables deposited for huge pmds (pgtable_trans_huge_deposit), by the pmd slot's address. */
  readonly deposits = new Map<bigint, PageTable>();
  private zero: PageState | null = null;
  readonly mms: MmStruct[] = [];
  readonly anonVmas: AnonVma[] = [];
  readonly notifiers: NotifierRecord[] = [];
  readonly gpu = new GpuPageTable();
  readonly xarrays = new Map<bigint, XArray>();
  /** User memory that is not mapped through the model's page tables (a test's malloc'd mirror). */
  readonly userBuffers = new Map<bigint, bigint>();
  /** Named runtime objects a scenario refers to (devices ...). */
  readonly named = new Map<string, RtObject>();
  jiffies = INITIAL_JIFFIES;
  /** Notifier ranges started and not yet ended, by the range's address: who started them, where. */
  readonly openRanges = new Map<bigint, { thread: number; stack: string[]; what: string }>();
  /** Bytes vmalloc()ed so far (part of the state a loop can change: an allocating loop is no livelock). */
  vmallocBytes = 0;
  /** TypeScript primitives running per thread, with the model call depth they started at. */
  private readonly tsFrames = new Map<number, { name: string; depth: number }[]>();
  /** Trace call/return events for the primitives too (the runner sets it for full traces). */
  traceCalls = false;
  /** Count of kernel-state changes, for cheap "did anything happen" checks. */
  private nextMmId = 1;
  private nextAvId = 1;

  constructor(
    readonly mem: AddressSpace,
    readonly config: KernelConfig,
  ) {
    this.release = new Release(config.kernel);
    this.memmap = new Memmap(this.release);
    this.locks = new LockRegistry(mem);
    byMem.set(mem, this);
  }

  newMm(label: string): MmStruct {
    const mm = new MmStruct(this, this.nextMmId++, label);
    this.mms.push(mm);
    return mm;
  }

  newAnonVma(parent: AnonVma | null): AnonVma {
    const av = new AnonVma(this, this.nextAvId++, parent);
    this.anonVmas.push(av);
    return av;
  }

  /** A plain runtime struct (registered, with a fresh address). */
  plain(structName: string, name: string, init: Record<string, Value>, size = 128): PlainObject {
    const o = new PlainObject(structName, name, this.mem.allocate(size), size, init);
    o.register(this.mem);
    return o;
  }

  /** Run `body` as the TypeScript primitive `name` (so it shows in notifier stacks). */
  *tsFrame<T>(ctx: ExecCtx, name: string, body: Generator<Blocked, T, void>): Generator<Blocked, T, void> {
    let list = this.tsFrames.get(ctx.thread.id);
    if (!list) this.tsFrames.set(ctx.thread.id, (list = []));
    const modelDepth = ctx.stack().length;
    list.push({ name, depth: modelDepth });
    // stackOf(ctx).length: every open primitive started at or below the model depth
    const depth = this.traceCalls ? modelDepth + list.length : 0;
    if (this.traceCalls) traceTsCall(ctx, name, depth, modelDepth);
    let value: T;
    try {
      value = yield* body;
    } finally {
      list.pop();
    }
    if (this.traceCalls) traceTsReturn(ctx, name, depth, modelDepth, value);
    return value;
  }

  /** The call stack of a thread, outermost first: model frames and TypeScript primitives merged. */
  stackOf(ctx: ExecCtx): string[] {
    const model = ctx.stack();
    const ts = this.tsFrames.get(ctx.thread.id);
    if (!ts || ts.length === 0) return model;
    const out: string[] = [];
    let j = 0;
    for (let i = 0; i <= model.length; i++) {
      while (j < ts.length && ts[j]!.depth === i) out.push(ts[j++]!.name);
      if (i < model.length) out.push(model[i]!);
    }
    return out;
  }

  /** The shared zero page (ZERO_PAGE(0)): what a read fault on untouched anonymous memory maps. */
  zeroPage(): PageState {
    if (!this.zero) {
      this.zero = this.memmap.alloc('zero', 0, '(boot)');
      this.zero.refcount = 1;
    }
    return this.zero;
  }

  xarrayAt(addr: bigint): XArray {
    let x = this.xarrays.get(addr);
    if (!x) {
      x = new XArray();
      this.xarrays.set(addr, x);
    }
    return x;
  }
}

const byMem = new WeakMap<AddressSpace, Kernel>();

/** The Kernel of the run a builtin is called in. */
export function kernelOf(ctx: ExecCtx): Kernel {
  // The interpreter wraps the run's address space (budget accounting): look through it.
  const k = byMem.get(ctx.mem) ?? byMem.get((ctx.mem as { inner?: AddressSpace }).inner as AddressSpace);
  if (!k) throw new Error('builtin called outside a kernel run (no Kernel registered for this address space)');
  return k;
}
