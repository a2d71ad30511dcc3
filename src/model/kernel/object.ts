// Runtime-owned C objects: a struct the TypeScript runtime makes (struct page, vm_area_struct,
// mm_struct, anon_vma, locks ...) seen by the model C through the api.ts StructRef/Region shapes.
// Each object lives in its own one-element region at a kernel-like address so that pointer <->
// integer casts (`(unsigned long)page->mapping`, `anon_mapping - PAGE_MAPPING_ANON`) find it.

import { Ptr, type AddressSpace, type CType, type ExecCtx, type Region, type StructRef, type Value } from '../interp/api.js';

export function hex(a: bigint): string {
  return '0x' + BigInt.asUintN(64, a).toString(16);
}

/** The one-element region an RtObject lives in: what `&obj` points into. */
class ObjRegion implements Region {
  readonly length = 1;
  readonly elemType: CType;
  constructor(
    readonly obj: RtObject,
    readonly base: bigint,
    readonly elemSize: number,
  ) {
    this.elemType = { k: 'struct', name: obj.structName };
  }
  get name(): string {
    return this.obj.name;
  }
  load(_i: number, _ctx: ExecCtx): Value {
    return this.obj;
  }
  store(_i: number, _v: Value, ctx: ExecCtx): void {
    ctx.bug(`struct assignment to runtime object ${this.obj.name} is not modelled`);
  }
}

/** `&obj->field` for a scalar field of a runtime object (`&anon_vma->refcount`, `&vmf->ptl`). */
export class FieldCellRegion implements Region {
  readonly length = 1;
  readonly elemSize = 8;
  constructor(
    readonly obj: RtObject,
    readonly field: string,
    readonly base: bigint,
    readonly elemType: CType,
  ) {}
  get name(): string {
    return `${this.obj.name}.${this.field}`;
  }
  load(_i: number, ctx: ExecCtx): Value {
    return this.obj.get(this.field, ctx);
  }
  store(_i: number, v: Value, ctx: ExecCtx): void {
    this.obj.set(this.field, v, ctx);
  }
}

const VOID_T: CType = { k: 'void' };

/**
 * Base of every runtime-owned struct. Subclasses implement get/set for their fields; embedded
 * structs (locks) are RtObjects placed inside the parent's address range and returned by
 * `embedded()`, so that `&anon_vma->rwsem` and container_of work.
 */
export abstract class RtObject implements StructRef {
  abstract readonly structName: string;
  readonly self: Ptr;
  readonly container?: { obj: StructRef; field: string };
  private fieldPtrs: Map<string, Ptr> | null = null;

  constructor(
    readonly name: string,
    readonly base: bigint,
    readonly size: number,
    container?: { obj: StructRef; field: string },
  ) {
    this.self = new Ptr(new ObjRegion(this, base, size), 0);
    if (container) this.container = container;
  }

  abstract get(field: string, ctx: ExecCtx): Value;
  set(field: string, _value: Value, ctx: ExecCtx): void {
    ctx.bug(`${this.structName}.${field} of ${this.name} is read-only in the model`);
  }

  /** Embedded struct at `field`, if any (locks, wait queues, the anon_vma tree root). */
  protected embedded(_field: string): RtObject | undefined {
    return undefined;
  }

  fieldPtr(field: string, _ctx: ExecCtx): Ptr {
    const e = this.embedded(field);
    if (e) return e.self;
    this.fieldPtrs ??= new Map();
    let p = this.fieldPtrs.get(field);
    if (!p) {
      // Scalar field: a cell region just past the object's own address range keeps addresses unique.
      const off = BigInt(8 * (this.fieldPtrs.size + 1));
      p = new Ptr(new FieldCellRegion(this, field, this.base + off, VOID_T), 0);
      this.fieldPtrs.set(field, p);
    }
    return p;
  }

  /** Registers this object's region (and embedded objects') with the address space. */
  register(mem: AddressSpace): this {
    mem.register(this.self.region);
    return this;
  }

  protected noField(field: string, ctx: ExecCtx): never {
    return ctx.bug(`struct ${this.structName} has no field ${field} in the model`);
  }
}

/**
 * A plain runtime struct with a field table (struct vm_fault made by handle_mm_fault, a
 * mmu_notifier_range made by TypeScript primitives, struct device ...).
 */
export class PlainObject extends RtObject {
  readonly vals: Map<string, Value>;
  constructor(
    readonly structName: string,
    name: string,
    base: bigint,
    size: number,
    init: Record<string, Value>,
  ) {
    super(name, base, size);
    this.vals = new Map(Object.entries(init));
  }
  get(field: string, ctx: ExecCtx): Value {
    if (!this.vals.has(field)) return this.noField(field, ctx);
    return this.vals.get(field);
  }
  override set(field: string, value: Value, ctx: ExecCtx): void {
    if (!this.vals.has(field)) this.noField(field, ctx);
    this.vals.set(field, value);
  }
}

/** The runtime object a pointer designates, or null when it points at something else. */
export function objectAt(p: Value): RtObject | null {
  if (!(p instanceof Ptr)) return null;
  const r = p.region;
  if (r instanceof ObjRegion) return r.obj;
  return null;
}

/** The struct a pointer designates (runtime- or interpreter-owned), loading through its region. */
export function structAt(p: Value, ctx: ExecCtx, what: string): StructRef {
  if (!(p instanceof Ptr)) {
    if (p === null) return ctx.bug(`NULL pointer dereference: ${what}`);
    return ctx.bug(`dereference of an invalid pointer: ${what}`);
  }
  const v = p.region.load(p.index, ctx);
  if (v && typeof v === 'object' && 'structName' in v) return v as StructRef;
  return ctx.bug(`${what} does not point to a struct (${p.region.name})`);
}
