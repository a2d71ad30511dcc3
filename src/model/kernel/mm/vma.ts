// mm_struct, vm_area_struct, anon_vma and anon_vma_chain as runtime objects. The anon_vma
// interval tree is a list of chains per anon_vma, walked in insertion order by
// anon_vma_interval_tree_iter_first/next (pgoff overlap, as mm/interval_tree.c).

import { Ptr, type ExecCtx, type StructRef, type Value } from '../../interp/api.js';
import type { Kernel } from '../state.js';
import { RwSem } from '../locks.js';
import { RtObject, hex } from '../object.js';
import { PageTables } from './pgtable.js';
import { vmGetPageProt, type PgProt } from './pgtable-types.js';
import type { Subscriptions } from './mmu_notifier.js';

export class MmStruct extends RtObject {
  readonly structName = 'mm_struct';
  readonly pt: PageTables;
  readonly vmas: Vma[] = [];
  readonly mmapLock: RwSem;
  subs: Subscriptions | null = null;
  users = 1;
  constructor(
    readonly k: Kernel,
    readonly id: number,
    readonly label: string,
  ) {
    super(`mm ${id} (${label})`, k.mem.allocate(1024), 1024);
    this.mmapLock = new RwSem(`mmap_lock of mm ${id}`, this.base + 8n, 8, { obj: this, field: 'mmap_lock' });
    k.locks.all.push(this.mmapLock);
    this.register(k.mem);
    this.mmapLock.register(k.mem);
    this.pt = new PageTables(k, id);
  }
  get(field: string, ctx: ExecCtx): Value {
    switch (field) {
      case 'notifier_subscriptions':
        return this.subs ? this.subs.self : null;
      case 'map_count':
        return this.vmas.length;
      case 'mm_users':
        return this.users;
      default:
        return this.noField(field, ctx);
    }
  }
  protected override embedded(field: string): RtObject | undefined {
    return field === 'mmap_lock' ? this.mmapLock : undefined;
  }
  /** find_vma(): the first vma with vm_end > addr. */
  findVma(addr: bigint): Vma | null {
    for (const v of this.vmas) if (addr < v.end) return v;
    return null;
  }
  /** The vma containing addr, or null. */
  vmaAt(addr: bigint): Vma | null {
    const v = this.findVma(addr);
    return v && v.start <= addr ? v : null;
  }
  insertVma(v: Vma): void {
    this.vmas.push(v);
    this.vmas.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }
}

export class Vma extends RtObject {
  readonly structName = 'vm_area_struct';
  prot: PgProt;
  anonVma: AnonVma | null = null;
  constructor(
    k: Kernel,
    readonly mm: MmStruct,
    public start: bigint,
    public end: bigint,
    public flags: bigint,
    public pgoff: bigint,
    /** Transparent huge pages allowed in this vma (THP "always", or madvise). */
    public thp: boolean,
  ) {
    super(`vma [${hex(start)}, ${hex(end)}) of mm ${mm.id}`, k.mem.allocate(256), 256);
    this.prot = vmGetPageProt(flags);
    this.register(k.mem);
  }
  get(field: string, ctx: ExecCtx): Value {
    switch (field) {
      case 'vm_start':
        return this.start;
      case 'vm_end':
        return this.end;
      case 'vm_mm':
        return this.mm.self;
      case 'vm_page_prot':
        return this.prot;
      case 'vm_flags':
        return this.flags;
      case 'anon_vma':
        return this.anonVma ? this.anonVma.self : null;
      case 'vm_pgoff':
        return this.pgoff;
      case 'vm_ops':
        return null;
      default:
        return this.noField(field, ctx);
    }
  }
  /** linear_page_index(): the pgoff of addr in this vma. */
  pgoffOf(addr: bigint): bigint {
    return ((addr - this.start) >> 12n) + this.pgoff;
  }
  get npages(): bigint {
    return (this.end - this.start) >> 12n;
  }
}

/** The anon_vma's interval tree root: `&anon_vma->rb_root` points here. */
export class RbRoot extends RtObject {
  readonly structName = 'rb_root_cached';
  constructor(readonly av: AnonVma) {
    super(`rb_root of ${av.name}`, av.base + 32n, 8, { obj: av, field: 'rb_root' });
  }
  get(field: string, ctx: ExecCtx): Value {
    return this.noField(field, ctx);
  }
}

export class AnonVma extends RtObject {
  readonly structName = 'anon_vma';
  readonly rwsem: RwSem;
  readonly rbRoot: RbRoot;
  readonly chains: AnonVmaChain[] = [];
  refcount = 1;
  root: AnonVma;
  constructor(
    k: Kernel,
    readonly id: number,
    readonly parent: AnonVma | null,
  ) {
    super(`anon_vma ${id}`, k.mem.allocate(128), 128);
    this.root = parent ? parent.root : this;
    this.rwsem = new RwSem(`rwsem of anon_vma ${this.root.id}`, this.base + 8n, 8, { obj: this, field: 'rwsem' });
    k.locks.all.push(this.rwsem);
    this.rbRoot = new RbRoot(this);
    this.register(k.mem);
    this.rwsem.register(k.mem);
    this.rbRoot.register(k.mem);
  }
  get(field: string, ctx: ExecCtx): Value {
    switch (field) {
      case 'root':
        return this.root.self;
      case 'parent':
        return this.parent ? this.parent.self : null;
      case 'refcount':
        return this.refcount;
      default:
        return this.noField(field, ctx);
    }
  }
  override set(field: string, value: Value, ctx: ExecCtx): void {
    if (field === 'refcount') this.refcount = Number(value);
    else this.noField(field, ctx);
  }
  protected override embedded(field: string): RtObject | undefined {
    if (field === 'rwsem') return this.rwsem;
    if (field === 'rb_root') return this.rbRoot;
    return undefined;
  }
}

export class AnonVmaChain extends RtObject {
  readonly structName = 'anon_vma_chain';
  constructor(
    k: Kernel,
    readonly vma: Vma,
    readonly av: AnonVma,
  ) {
    super(`anon_vma_chain (${vma.name} in ${av.name})`, k.mem.allocate(64), 64);
    this.register(k.mem);
  }
  get(field: string, ctx: ExecCtx): Value {
    switch (field) {
      case 'vma':
        return this.vma.self;
      case 'anon_vma':
        return this.av.self;
      default:
        return this.noField(field, ctx);
    }
  }
}

/** The chains of `root`'s anon_vma whose vma overlaps pgoffs [start, last], in tree order. */
export function chainsOverlapping(av: AnonVma, start: bigint, last: bigint): AnonVmaChain[] {
  return av.chains.filter((c) => {
    const first = c.vma.pgoff;
    const end = c.vma.pgoff + c.vma.npages - 1n;
    return first <= last && end >= start;
  });
}

export function asStruct<T extends RtObject>(v: Value, cls: abstract new (...a: never[]) => T, ctx: ExecCtx, what: string): T {
  if (v instanceof Ptr) {
    const o = v.region.load(v.index, ctx) as StructRef;
    if (o instanceof cls) return o;
  }
  if (v === null) return ctx.bug(`NULL pointer dereference: ${what}`);
  return ctx.bug(`${what} does not point to a ${cls.name}`);
}
