// Model memory: the default AddressSpace, and the regions and struct objects the interpreter owns
// (locals, arrays, globals, string literals, functions). Runtime objects (struct page, page tables,
// VMAs ...) are the runtime's own Region/StructRef implementations; both live in one AddressSpace
// so that pointer <-> integer casts work across them.

import { Ptr, UNINIT, type AddressSpace, type CType, type ExecCtx, type Region, type StructRef, type Value } from './api.js';
import { roundUp, type FieldInfo, type StructLayout, type TypeTable } from './ctypes.js';

/** Where things live (x86-64 kernel-like, so addresses in traces look familiar). */
export const ADDR = {
  /** DefaultAddressSpace.allocate hands out addresses from here (the direct map). */
  heap: 0xffff888000000000n,
  /** Suggested base for the runtime's memmap (struct page array, index = pfn). */
  vmemmap: 0xffffea0000000000n,
  /** Thread stacks (model locals), `stackStride` apart. */
  stacks: 0xffffc90000000000n,
  stackStride: 0x100000n,
  /** Model functions (function pointers), 64 bytes apart. */
  text: 0xffffffff81000000n,
  /** String literals. */
  rodata: 0xffffffff82000000n,
} as const;

export function hex(a: bigint): string {
  return '0x' + BigInt.asUintN(64, a).toString(16);
}

// ----------------------------------------------------------------------------- address space

/** A sorted table of regions plus a bump allocator. The runtime may use it as is or extend it. */
export class DefaultAddressSpace implements AddressSpace {
  private readonly bases: bigint[] = [];
  private readonly regs: Region[] = [];
  private next: bigint = ADDR.heap;
  /** Bytes handed out by allocate() (the model-memory budget counts these). */
  allocatedBytes = 0;

  register(region: Region): void {
    const i = this.upper(region.base);
    if (i > 0 && this.regs[i - 1] === region) return;
    this.bases.splice(i, 0, region.base);
    this.regs.splice(i, 0, region);
  }

  /** Additive to the AddressSpace contract: forget a region (a freed object, a returned frame). */
  unregister(region: Region): void {
    const i = this.regs.indexOf(region);
    if (i >= 0) {
      this.bases.splice(i, 1);
      this.regs.splice(i, 1);
    }
  }

  /** The region containing `addr`, or null. */
  regionAt(addr: bigint): Region | null {
    const i = this.upper(addr) - 1;
    for (let j = i; j >= 0 && j >= i - 4; j--) {
      // a few back: zero-length or overlapping registrations must not hide a real one
      const r = this.regs[j]!;
      if (addr < r.base + BigInt(r.length * r.elemSize)) return r;
    }
    return null;
  }

  ptrAt(addr: bigint, _elemType: CType): Ptr {
    const r = this.regionAt(addr);
    if (!r) return wildPtr(addr);
    const rel = addr - r.base;
    const size = BigInt(r.elemSize);
    return new Ptr(r, Number(rel / size), Number(rel % size));
  }

  allocate(bytes: number, align = 64): bigint {
    const a = (this.next + BigInt(align) - 1n) & ~(BigInt(align) - 1n);
    const n = Math.max(1, bytes);
    this.next = a + BigInt(n);
    this.allocatedBytes += n;
    return a;
  }

  /** Every registered region, by address (for `lkml-replay model` and debugging). */
  regions(): readonly Region[] {
    return this.regs;
  }

  private upper(addr: bigint): number {
    let lo = 0;
    let hi = this.bases.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bases[mid]! <= addr) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// ----------------------------------------------------------------------------- regions

/** An address nothing lives at: pointer arithmetic and comparisons work, dereference is a bug. */
export class WildRegion implements Region {
  readonly elemType: CType = { k: 'void' };
  readonly elemSize = 1;
  readonly length = 1;
  constructor(readonly base: bigint) {}
  get name(): string {
    return `nothing at ${hex(this.base)}`;
  }
  load(_i: number, ctx: ExecCtx): Value {
    return ctx.bug(`dereference of wild pointer ${hex(this.base)} (nothing lives there)`);
  }
  store(_i: number, _v: Value, ctx: ExecCtx): void {
    ctx.bug(`write through wild pointer ${hex(this.base)} (nothing lives there)`);
  }
}

export function wildPtr(addr: bigint): Ptr {
  return new Ptr(new WildRegion(addr), 0, 0);
}

/** Base class for interpreter-owned storage: knows when its frame has returned. */
abstract class OwnedRegion implements Region {
  dead = false;
  constructor(
    readonly name: string,
    readonly elemType: CType,
    readonly elemSize: number,
    readonly base: bigint,
    readonly length: number,
  ) {}
  protected gone(ctx: ExecCtx): never {
    return ctx.bug(`use of ${this.name} after its function returned`);
  }
  abstract load(index: number, ctx: ExecCtx): Value;
  abstract store(index: number, value: Value, ctx: ExecCtx): void;
}

/** A local, global or field array; elements of struct type are LocalStructs. */
export class ArrayRegion extends OwnedRegion {
  constructor(name: string, elemType: CType, elemSize: number, base: bigint, readonly vals: Value[], readonly readonly_ = false) {
    super(name, elemType, elemSize, base, vals.length);
  }
  load(i: number, ctx: ExecCtx): Value {
    if (this.dead) this.gone(ctx);
    return this.vals[i];
  }
  store(i: number, v: Value, ctx: ExecCtx): void {
    if (this.dead) this.gone(ctx);
    if (this.readonly_) ctx.bug(`write to read-only ${this.name}`);
    const cur = this.vals[i];
    if (cur instanceof LocalStruct) cur.copyFrom(v as StructRef, ctx);
    else this.vals[i] = v;
  }
}

/** A scalar local (or global) whose address is taken: `&page`, `&flags`. */
export class CellRegion extends OwnedRegion {
  constructor(name: string, elemType: CType, elemSize: number, base: bigint, public value: Value) {
    super(name, elemType, elemSize, base, 1);
  }
  load(_i: number, ctx: ExecCtx): Value {
    if (this.dead) this.gone(ctx);
    return this.value;
  }
  store(_i: number, v: Value, ctx: ExecCtx): void {
    if (this.dead) this.gone(ctx);
    this.value = v;
  }
}

/** What a function pointer points at. `target` is the interpreter's call target. */
export class FunctionRegion implements Region {
  readonly elemSize = 64;
  readonly length = 1;
  constructor(
    readonly name: string,
    readonly elemType: CType,
    readonly base: bigint,
    readonly target: unknown,
  ) {}
  load(_i: number, ctx: ExecCtx): Value {
    return ctx.bug(`reading function ${this.name} as data`);
  }
  store(_i: number, _v: Value, ctx: ExecCtx): void {
    ctx.bug(`writing to function ${this.name}`);
  }
}

// ----------------------------------------------------------------------------- struct objects

/** The one-element region a LocalStruct lives in (what `&local` points into). */
class StructCellRegion implements Region {
  readonly length = 1;
  constructor(readonly obj: LocalStruct) {}
  get name(): string {
    return this.obj.name;
  }
  get elemType(): CType {
    return this.obj.layout.table.structType(this.obj.layout.name);
  }
  get elemSize(): number {
    return Math.max(1, this.obj.layout.size);
  }
  get base(): bigint {
    return this.obj.base;
  }
  load(_i: number, ctx: ExecCtx): Value {
    if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
    return this.obj;
  }
  store(_i: number, v: Value, ctx: ExecCtx): void {
    if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
    this.obj.copyFrom(v as StructRef, ctx);
  }
}

/** `&obj.field` for a scalar field of a model-owned struct. */
class FieldRegion implements Region {
  readonly length = 1;
  readonly elemSize: number;
  readonly base: bigint;
  constructor(
    readonly obj: LocalStruct,
    readonly field: FieldInfo,
  ) {
    this.elemSize = Math.max(1, obj.layout.table.sizeof(field.t) ?? 8);
    this.base = obj.base + BigInt(field.offset);
  }
  get name(): string {
    return `${this.obj.name}.${this.field.name}`;
  }
  get elemType(): CType {
    return this.field.t;
  }
  load(_i: number, ctx: ExecCtx): Value {
    if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
    return this.obj.vals[this.field.index];
  }
  store(_i: number, v: Value, ctx: ExecCtx): void {
    if (this.obj.dead) ctx.bug(`use of ${this.obj.name} after its function returned`);
    this.obj.vals[this.field.index] = v;
  }
}

/** For `&obj.field` pointers into model-owned structs: which object and field (container_of). */
export function fieldOwner(r: Region): { obj: StructRef; field: string } | null {
  return r instanceof FieldRegion ? { obj: r.obj, field: r.field.name } : null;
}

/**
 * A struct object the interpreter owns: a model local or global, or one the runtime creates with
 * `program.newStruct`. Fields are stored by layout index; embedded structs are LocalStructs with
 * `container` set (so container_of works), arrays are ArrayRegions.
 */
export class LocalStruct implements StructRef {
  readonly vals: Value[];
  dead = false;
  private cell: Ptr | null = null;
  private fptrs: (Ptr | undefined)[] | null = null;

  constructor(
    readonly layout: StructLayout,
    readonly base: bigint,
    readonly name: string,
    mode: 'zero' | 'uninit',
    readonly container?: { obj: StructRef; field: string },
  ) {
    this.vals = new Array(layout.fields.length);
    for (const f of layout.fields) {
      const k = f.t.k;
      // scalars need no address, name or container: only embedded structs and arrays do
      this.vals[f.index] =
        k === 'struct' || k === 'array'
          ? (newValue(f.t, layout.table, base + BigInt(f.offset), `${name}.${f.name}`, mode, { obj: this, field: f.name }) as Value)
          : mode === 'zero'
            ? zeroScalar(f.t, layout.table)
            : UNINIT;
    }
  }

  get structName(): string {
    return this.layout.name;
  }

  get self(): Ptr {
    return (this.cell ??= new Ptr(new StructCellRegion(this), 0));
  }

  field(name: string): FieldInfo {
    const f = this.layout.byName.get(name);
    if (!f) throw new Error(`struct ${this.layout.name} has no field ${name}`);
    return f;
  }

  get(field: string, ctx: ExecCtx): Value {
    if (this.dead) ctx.bug(`use of ${this.name} after its function returned`);
    const f = this.field(field);
    const v = this.vals[f.index];
    return v instanceof ArrayRegion ? new Ptr(v, 0) : v;
  }

  set(field: string, value: Value, ctx: ExecCtx): void {
    if (this.dead) ctx.bug(`use of ${this.name} after its function returned`);
    const f = this.field(field);
    const cur = this.vals[f.index];
    if (cur instanceof LocalStruct) cur.copyFrom(value as StructRef, ctx);
    else this.vals[f.index] = value;
  }

  fieldPtr(field: string, _ctx: ExecCtx): Ptr {
    const f = this.field(field);
    const v = this.vals[f.index];
    if (v instanceof LocalStruct) return v.self;
    if (v instanceof ArrayRegion) return new Ptr(v, 0);
    this.fptrs ??= new Array(this.layout.fields.length);
    return (this.fptrs[f.index] ??= new Ptr(new FieldRegion(this, f), 0));
  }

  /** Re-initialise in place (a declaration executed again, `= {}`). */
  fill(mode: 'zero' | 'uninit'): void {
    const table = this.layout.table;
    for (const f of this.layout.fields) {
      const cur = this.vals[f.index];
      if (cur instanceof LocalStruct) cur.fill(mode);
      else if (cur instanceof ArrayRegion) fillArray(cur, table, mode);
      else this.vals[f.index] = mode === 'zero' ? zeroScalar(f.t, table) : UNINIT;
    }
  }

  /** Struct assignment: copies every field, UNINIT included (copying is not a read). */
  copyFrom(src: StructRef, ctx: ExecCtx): void {
    if (src === this) return;
    for (const f of this.layout.fields) {
      const cur = this.vals[f.index];
      const sv = src instanceof LocalStruct ? src.vals[f.index] : src.get(f.name, ctx);
      if (cur instanceof LocalStruct) cur.copyFrom(sv as StructRef, ctx);
      else if (cur instanceof ArrayRegion) {
        const from = sv instanceof ArrayRegion ? sv.vals : null;
        for (let i = 0; i < cur.vals.length; i++) {
          const x = from ? from[i] : (sv as Ptr).region.load((sv as Ptr).index + i, ctx);
          if (cur.vals[i] instanceof LocalStruct) (cur.vals[i] as LocalStruct).copyFrom(x as StructRef, ctx);
          else cur.vals[i] = x;
        }
      } else this.vals[f.index] = sv;
    }
  }

  /** Mark this object (and what it embeds) as gone: its frame returned. */
  kill(): void {
    this.dead = true;
    for (const v of this.vals) {
      if (v instanceof LocalStruct) v.kill();
      else if (v instanceof ArrayRegion) killRegion(v);
    }
  }
}

export function killRegion(r: Region): void {
  if (r instanceof OwnedRegion) {
    r.dead = true;
    if (r instanceof ArrayRegion) for (const v of r.vals) if (v instanceof LocalStruct) v.kill();
  }
}

export function zeroScalar(t: CType, table: TypeTable): Value {
  switch (t.k) {
    case 'int':
      return t.bits === 64 ? 0n : 0;
    case 'ptr':
      return null;
    case 'opaque':
      return table.zeroOpaque(t.name);
    default:
      return UNINIT;
  }
}

/** A fresh value of type `t` at `base`: a LocalStruct, an ArrayRegion, or a scalar. */
export function newValue(
  t: CType,
  table: TypeTable,
  base: bigint,
  name: string,
  mode: 'zero' | 'uninit',
  container?: { obj: StructRef; field: string },
): Value | ArrayRegion {
  if (t.k === 'struct') {
    const layout = table.layoutOf(t.name);
    if (!layout || !layout.complete) throw new Error(`struct ${t.name} is incomplete`);
    return new LocalStruct(layout, base, name, mode, container);
  }
  if (t.k === 'array') {
    const es = Math.max(1, table.sizeof(t.of) ?? 1);
    const vals: Value[] = new Array(t.len);
    const ek = t.of.k;
    if (ek === 'struct' || ek === 'array') {
      for (let i = 0; i < t.len; i++) vals[i] = newValue(t.of, table, base + BigInt(i * es), `${name}[${i}]`, mode) as Value;
    } else {
      const v = mode === 'zero' ? zeroScalar(t.of, table) : UNINIT;
      for (let i = 0; i < t.len; i++) vals[i] = v;
    }
    return new ArrayRegion(name, t.of, es, base, vals);
  }
  return mode === 'zero' ? zeroScalar(t, table) : UNINIT;
}

function fillArray(r: ArrayRegion, table: TypeTable, mode: 'zero' | 'uninit'): void {
  for (let i = 0; i < r.vals.length; i++) {
    const v = r.vals[i];
    if (v instanceof LocalStruct) v.fill(mode);
    else if (v instanceof ArrayRegion) fillArray(v, table, mode);
    else r.vals[i] = mode === 'zero' ? zeroScalar(r.elemType, table) : UNINIT;
  }
}

export { fillArray };

/** Bytes `t` takes in a frame or in the heap (at least 1, aligned to 8). */
export function storageBytes(t: CType, table: TypeTable): number {
  return roundUp(Math.max(1, table.sizeof(t) ?? 8), 8);
}

// ----------------------------------------------------------------------------- formatting

/** Stable text of a value for traces, messages and fingerprints. */
export function formatValue(v: Value | ArrayRegion): string {
  if (v === undefined) return 'void';
  if (v === null) return 'NULL';
  if (v === UNINIT) return '<uninitialised>';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return v > 0xffffn ? hexText(v) : String(v);
  if (v instanceof Ptr) {
    const r = v.region;
    if (r instanceof FunctionRegion) return `&${r.name}`;
    if (r instanceof WildRegion) return hex(r.base);
    if (v.byteOffset) return `${r.length === 1 ? r.name : `${r.name}[${v.index}]`}+${v.byteOffset}`;
    return ptrText(r, v.index);
  }
  if (v instanceof ArrayRegion) return `${v.name}[${v.length}]`;
  if (typeof v === 'object' && 'structName' in v) return `struct ${v.structName}@${hex(v.self.address)}`;
  if (typeof v === 'object' && 'describe' in v) return v.describe();
  return String(v);
}

// Traces format the same few values over and over (a call's pointer arguments, addresses): the
// texts are kept, so that a trace holds one string per distinct value, not one per event. A
// region's name can change (a VMA's range), so a kept text is used only while the name is the same.

interface RegionTexts {
  name: string;
  /** `&name` (one-element regions) or `&name[i]` by index. */
  one: string | null;
  at: Map<number, string> | null;
}

const regionTexts = new WeakMap<Region, RegionTexts>();
const MAX_INDEX_TEXTS = 4096;

function ptrText(r: Region, index: number): string {
  const name = r.name;
  let t = regionTexts.get(r);
  if (!t || t.name !== name) regionTexts.set(r, (t = { name, one: null, at: null }));
  if (r.length === 1) return (t.one ??= `&${name}`);
  t.at ??= new Map();
  let s = t.at.get(index);
  if (s === undefined) {
    s = `&${name}[${index}]`;
    if (t.at.size >= MAX_INDEX_TEXTS) t.at.clear();
    t.at.set(index, s);
  }
  return s;
}

const hexTexts = new Map<bigint, string>();
const MAX_HEX_TEXTS = 65536;

function hexText(v: bigint): string {
  let s = hexTexts.get(v);
  if (s === undefined) {
    s = hex(v);
    if (hexTexts.size >= MAX_HEX_TEXTS) hexTexts.clear();
    hexTexts.set(v, s);
  }
  return s;
}
