// C types as the compiler sees them (CType from api.ts), with LP64 sizes: char 1, short 2, int 4,
// long / long long / pointers 8. Integer promotions and the usual arithmetic conversions live
// here, and the TypeTable: typedefs (built-in kernel ones plus those the model headers declare),
// struct/union layouts, enum constants and runtime-owned opaque types.

import type { CType, Opaque } from './api.js';

export type IntType = Extract<CType, { k: 'int' }>;
export type FuncType = Extract<CType, { k: 'func' }>;

const intCache = new Map<string, IntType>();
function intType(bits: IntType['bits'], signed: boolean, name: string): IntType {
  const key = `${bits}${signed ? 's' : 'u'}${name}`;
  let t = intCache.get(key);
  if (!t) intCache.set(key, (t = { k: 'int', bits, signed, name }));
  return t;
}

export const VOID: CType = { k: 'void' };
export const BOOL = intType(1, false, 'bool');
const CHAR = intType(8, true, 'char');
const SCHAR = intType(8, true, 'signed char');
const UCHAR = intType(8, false, 'unsigned char');
const SHORT = intType(16, true, 'short');
const USHORT = intType(16, false, 'unsigned short');
export const INT = intType(32, true, 'int');
const UINT = intType(32, false, 'unsigned int');
export const LONG = intType(64, true, 'long');
const ULONG = intType(64, false, 'unsigned long');
const LLONG = intType(64, true, 'long long');
const ULLONG = intType(64, false, 'unsigned long long');
export const SIZE_T = intType(64, false, 'size_t');
export const VOID_PTR: CType = { k: 'ptr', to: VOID };
/** Type of a call the model cannot resolve: converts to anything (the trap fires first). */
export const UNRESOLVED: CType = { k: 'opaque', name: '<unresolved>' };
export const CHAR_PTR: CType = { k: 'ptr', to: CHAR };

/** Kernel and C99 typedefs known without a header (a header may redeclare them identically). */
const BUILTIN_TYPEDEFS: Record<string, CType> = {
  u8: intType(8, false, 'u8'), u16: intType(16, false, 'u16'), u32: intType(32, false, 'u32'), u64: intType(64, false, 'u64'),
  s8: intType(8, true, 's8'), s16: intType(16, true, 's16'), s32: intType(32, true, 's32'), s64: intType(64, true, 's64'),
  __u8: intType(8, false, '__u8'), __u16: intType(16, false, '__u16'), __u32: intType(32, false, '__u32'), __u64: intType(64, false, '__u64'),
  __s8: intType(8, true, '__s8'), __s16: intType(16, true, '__s16'), __s32: intType(32, true, '__s32'), __s64: intType(64, true, '__s64'),
  uint8_t: intType(8, false, 'uint8_t'), uint16_t: intType(16, false, 'uint16_t'), uint32_t: intType(32, false, 'uint32_t'), uint64_t: intType(64, false, 'uint64_t'),
  int8_t: intType(8, true, 'int8_t'), int16_t: intType(16, true, 'int16_t'), int32_t: intType(32, true, 'int32_t'), int64_t: intType(64, true, 'int64_t'),
  size_t: SIZE_T, ssize_t: intType(64, true, 'ssize_t'), ptrdiff_t: intType(64, true, 'ptrdiff_t'),
  uintptr_t: intType(64, false, 'uintptr_t'), intptr_t: intType(64, true, 'intptr_t'),
  pgoff_t: intType(64, false, 'pgoff_t'), loff_t: intType(64, true, 'loff_t'),
  vm_fault_t: intType(32, false, 'vm_fault_t'), gfp_t: intType(32, false, 'gfp_t'), fmode_t: intType(32, false, 'fmode_t'),
  vm_flags_t: intType(64, false, 'vm_flags_t'), pteval_t: intType(64, false, 'pteval_t'), pmdval_t: intType(64, false, 'pmdval_t'),
  pudval_t: intType(64, false, 'pudval_t'), pgdval_t: intType(64, false, 'pgdval_t'), p4dval_t: intType(64, false, 'p4dval_t'),
  phys_addr_t: intType(64, false, 'phys_addr_t'), dma_addr_t: intType(64, false, 'dma_addr_t'),
  resource_size_t: intType(64, false, 'resource_size_t'), _Bool: BOOL, bool: BOOL,
};

export function isInt(t: CType): t is IntType {
  return t.k === 'int';
}
export function is64(t: CType): boolean {
  return t.k === 'int' && t.bits === 64;
}

/** Integer promotion: everything narrower than int becomes int. */
export function promote(t: IntType): IntType {
  return t.bits < 32 ? INT : t;
}

/** Usual arithmetic conversions of two integer types (after promotion). */
export function uac(a: IntType, b: IntType): IntType {
  const x = promote(a);
  const y = promote(b);
  if (x.signed === y.signed) return x.bits >= y.bits ? x : y;
  const [u, s] = x.signed ? [y, x] : [x, y];
  if (u.bits >= s.bits) return u;
  return s; // the signed type is wider and holds every value of the unsigned one
}

/** Structural equality; integer typedef names do not matter (`pgoff_t` is `unsigned long`). */
export function sameType(a: CType, b: CType): boolean {
  if (a === b) return true;
  switch (a.k) {
    case 'void':
      return b.k === 'void';
    case 'int':
      return b.k === 'int' && a.bits === b.bits && a.signed === b.signed;
    case 'ptr':
      return b.k === 'ptr' && sameType(a.to, b.to);
    case 'struct':
      return b.k === 'struct' && a.name === b.name;
    case 'opaque':
      return b.k === 'opaque' && a.name === b.name;
    case 'array':
      return b.k === 'array' && sameType(a.of, b.of);
    case 'func':
      return (
        b.k === 'func' &&
        sameType(a.ret, b.ret) &&
        a.variadic === b.variadic &&
        a.params.length === b.params.length &&
        a.params.every((p, i) => sameType(p, b.params[i]!))
      );
  }
}

export function typeToString(t: CType): string {
  switch (t.k) {
    case 'void':
      return 'void';
    case 'int':
      return t.name;
    case 'opaque':
      return t.name;
    case 'struct':
      return t.name.startsWith('<') ? t.name : `struct ${t.name}`;
    case 'ptr':
      if (t.to.k === 'func') return `${typeToString(t.to.ret)} (*)(${funcParams(t.to)})`;
      return `${typeToString(t.to)} *`;
    case 'array':
      return `${typeToString(t.of)}[${t.len}]`;
    case 'func':
      return `${typeToString(t.ret)} (${funcParams(t)})`;
  }
}

function funcParams(f: FuncType): string {
  const ps = f.params.map(typeToString);
  if (f.variadic) ps.push('...');
  return ps.length ? ps.join(', ') : 'void';
}

/** Type of a `prim` type spec (`unsigned long`, `long long int`, `char` ...); null if unknown. */
export function primType(words: string[]): CType | null {
  const w = words.filter((x) => x !== 'const' && x !== 'volatile' && x !== 'register' && x !== 'restrict');
  if (w.length === 1) {
    const only = w[0]!;
    if (only === 'void') return VOID;
    if (BUILTIN_TYPEDEFS[only]) return BUILTIN_TYPEDEFS[only]!;
  }
  let unsigned = false;
  let signed = false;
  let longs = 0;
  let short = false;
  let char = false;
  for (const x of w) {
    if (x === 'unsigned') unsigned = true;
    else if (x === 'signed') signed = true;
    else if (x === 'long') longs++;
    else if (x === 'short') short = true;
    else if (x === 'char') char = true;
    else if (x === 'int') continue;
    else return null;
  }
  if (char) return unsigned ? UCHAR : signed ? SCHAR : CHAR;
  if (short) return unsigned ? USHORT : SHORT;
  if (longs === 1) return unsigned ? ULONG : LONG;
  if (longs >= 2) return unsigned ? ULLONG : LLONG;
  return unsigned ? UINT : INT;
}

// ----------------------------------------------------------------------------- struct layouts

export interface FieldInfo {
  name: string;
  t: CType;
  offset: number;
  /** Storage slot in a model-owned struct object (LocalStruct.vals). */
  index: number;
}

export interface StructLayout {
  name: string;
  union: boolean;
  /** Named fields in declaration order; anonymous struct/union members are flattened in. */
  fields: FieldInfo[];
  byName: Map<string, FieldInfo>;
  size: number;
  align: number;
  complete: boolean;
  file: string;
  line: number;
  table: TypeTable;
}

/** A runtime value of an opaque type nobody assigned (a zero-initialised `pte_t` field). */
export class ZeroOpaque implements Opaque {
  constructor(readonly opaqueType: string) {}
  describe(): string {
    return `${this.opaqueType}(0)`;
  }
  equals(other: Opaque): boolean {
    return other instanceof ZeroOpaque && other.opaqueType === this.opaqueType;
  }
}

export class TypeTable {
  readonly typedefs = new Map<string, CType>(Object.entries(BUILTIN_TYPEDEFS));
  readonly structs = new Map<string, StructLayout>();
  readonly enumConsts = new Map<string, { value: number; t: IntType; file: string; line: number }>();
  readonly opaqueSizes = new Map<string, number>();
  private readonly structTypes = new Map<string, CType>();
  private readonly zeroOpaques = new Map<string, Opaque>();

  constructor(private readonly opaqueZero?: (typeName: string) => Opaque) {}

  /** The interned `{k:'struct', name}` type (identity comparisons are then cheap). */
  structType(name: string): CType {
    let t = this.structTypes.get(name);
    if (!t) this.structTypes.set(name, (t = { k: 'struct', name }));
    return t;
  }

  opaque(name: string): CType {
    return { k: 'opaque', name };
  }

  zeroOpaque(name: string): Opaque {
    let z = this.zeroOpaques.get(name);
    if (!z) this.zeroOpaques.set(name, (z = this.opaqueZero?.(name) ?? new ZeroOpaque(name)));
    return z;
  }

  layoutOf(name: string): StructLayout | undefined {
    return this.structs.get(name);
  }

  /** Size in bytes; null for incomplete types (undefined struct, function, void is 1 as in GNU C). */
  sizeof(t: CType): number | null {
    switch (t.k) {
      case 'void':
        return 1;
      case 'int':
        return t.bits === 1 ? 1 : t.bits / 8;
      case 'ptr':
        return 8;
      case 'opaque':
        return this.opaqueSizes.get(t.name) ?? 8;
      case 'struct': {
        const l = this.structs.get(t.name);
        return l && l.complete ? l.size : null;
      }
      case 'array': {
        const e = this.sizeof(t.of);
        return e === null ? null : e * t.len;
      }
      case 'func':
        return null;
    }
  }

  alignof(t: CType): number {
    switch (t.k) {
      case 'struct':
        return this.structs.get(t.name)?.align ?? 8;
      case 'array':
        return this.alignof(t.of);
      case 'opaque':
        return Math.min(8, this.opaqueSizes.get(t.name) ?? 8);
      default:
        return Math.max(1, Math.min(8, this.sizeof(t) ?? 1));
    }
  }

  /**
   * Lay out a struct or union. `members` are (name|null, type) in order; a null name with a
   * struct type is an anonymous member whose fields are flattened into this one.
   */
  defineStruct(name: string, union: boolean, members: { name: string | null; t: CType }[], file: string, line: number): StructLayout {
    const fields: FieldInfo[] = [];
    const byName = new Map<string, FieldInfo>();
    let size = 0;
    let align = 1;
    const add = (fname: string, t: CType, offset: number) => {
      const fi: FieldInfo = { name: fname, t, offset, index: fields.length };
      fields.push(fi);
      byName.set(fname, fi);
    };
    for (const m of members) {
      const a = this.alignof(m.t);
      const s = this.sizeof(m.t) ?? 0;
      align = Math.max(align, a);
      const off = union ? 0 : roundUp(size, a);
      if (m.name === null) {
        if (m.t.k === 'struct') {
          const inner = this.structs.get(m.t.name);
          for (const f of inner?.fields ?? []) add(f.name, f.t, off + f.offset);
        }
      } else add(m.name, m.t, off);
      size = union ? Math.max(size, s) : off + s;
    }
    const layout: StructLayout = { name, union, fields, byName, size: roundUp(size, align), align, complete: true, file, line, table: this };
    this.structs.set(name, layout);
    return layout;
  }

  /** `struct foo;` or a use before the definition. */
  declareStruct(name: string, union: boolean, file: string, line: number): void {
    if (!this.structs.has(name)) {
      this.structs.set(name, { name, union, fields: [], byName: new Map(), size: 0, align: 1, complete: false, file, line, table: this });
    }
  }

  offsetof(structName: string, path: string[]): { offset: number; t: CType } | null {
    let offset = 0;
    let t: CType = this.structType(structName);
    for (const p of path) {
      if (t.k !== 'struct') return null;
      const f = this.structs.get(t.name)?.byName.get(p);
      if (!f) return null;
      offset += f.offset;
      t = f.t;
    }
    return { offset, t };
  }
}

export function roundUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}
