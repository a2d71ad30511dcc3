// The opaque page-table values the model C passes around: pte_t, pmd_t, pud_t, pgd_t (p4d_t is
// folded into pgd_t, x86-64 4-level paging), swp_entry_t and pgprot_t. Immutable; `describe()`
// is their stable text for traces and fingerprints. Bit names follow arch/x86 (v5.14).

import type { Opaque } from '../../interp/api.js';
import { hex } from '../object.js';

export interface PteBits {
  write: boolean;
  dirty: boolean;
  young: boolean;
  softDirty: boolean;
  uffdWp: boolean;
}

/** Swap entry types (include/linux/swap.h with CONFIG_DEVICE_PRIVATE and migration). */
export type SwpType =
  | 'swap'
  | 'migration-read'
  | 'migration-write'
  | 'device-write'
  | 'device-read'
  | 'device-exclusive-write'
  | 'device-exclusive-read'
  /** The one device-exclusive type of 6.15 on (writability comes from the vma on restore). */
  | 'device-exclusive'
  | 'hwpoison';

export class SwpEntry implements Opaque {
  readonly opaqueType = 'swp_entry_t';
  constructor(
    readonly type: SwpType,
    readonly offset: bigint,
  ) {}
  describe(): string {
    return `swp(${this.type}, ${hex(this.offset)})`;
  }
  equals(o: Opaque): boolean {
    return o instanceof SwpEntry && o.type === this.type && o.offset === this.offset;
  }
  get isNonSwap(): boolean {
    return this.type !== 'swap';
  }
  get isDeviceExclusive(): boolean {
    return this.type === 'device-exclusive-write' || this.type === 'device-exclusive-read' || this.type === 'device-exclusive';
  }
  get isMigration(): boolean {
    return this.type === 'migration-read' || this.type === 'migration-write';
  }
  get isDevicePrivate(): boolean {
    return this.type === 'device-write' || this.type === 'device-read';
  }
  /** pfn-carrying entries (is_pfn_swap_entry). */
  get isPfn(): boolean {
    return this.isMigration || this.isDevicePrivate || this.isDeviceExclusive;
  }
}

export type PteVal =
  | { readonly k: 'none' }
  | { readonly k: 'present'; readonly pfn: number; readonly bits: PteBits }
  | { readonly k: 'swap'; readonly entry: SwpEntry; readonly softDirty: boolean; readonly uffdWp: boolean };

export class Pte implements Opaque {
  readonly opaqueType = 'pte_t';
  private text: string | null = null;
  constructor(readonly v: PteVal) {}
  static readonly NONE = new Pte({ k: 'none' });
  static present(pfn: number, bits: PteBits): Pte {
    return new Pte({ k: 'present', pfn, bits });
  }
  static swap(entry: SwpEntry, softDirty = false, uffdWp = false): Pte {
    return new Pte({ k: 'swap', entry, softDirty, uffdWp });
  }
  get present(): boolean {
    return this.v.k === 'present';
  }
  get none(): boolean {
    return this.v.k === 'none';
  }
  describe(): string {
    if (this.text !== null) return this.text;
    const v = this.v;
    let s: string;
    if (v.k === 'none') s = 'pte(none)';
    else if (v.k === 'present') {
      const b = v.bits;
      s = `pte(pfn ${hex(BigInt(v.pfn))} ${b.write ? 'W' : 'R'}${b.dirty ? 'D' : ''}${b.young ? 'A' : ''}${b.softDirty ? 'S' : ''}${b.uffdWp ? 'U' : ''})`;
    } else s = `pte(${v.entry.describe()}${v.softDirty ? ' S' : ''}${v.uffdWp ? ' U' : ''})`;
    return (this.text = s);
  }
  equals(o: Opaque): boolean {
    return o instanceof Pte && o.describe() === this.describe();
  }
}

/** A pmd points to a pte table (a page-table page), maps a THP, or is none. */
export type PmdVal =
  | { readonly k: 'none' }
  | { readonly k: 'table'; readonly tablePfn: number }
  | { readonly k: 'huge'; readonly pfn: number; readonly bits: PteBits };

export class Pmd implements Opaque {
  readonly opaqueType = 'pmd_t';
  constructor(readonly v: PmdVal) {}
  static readonly NONE = new Pmd({ k: 'none' });
  describe(): string {
    const v = this.v;
    if (v.k === 'none') return 'pmd(none)';
    if (v.k === 'table') return `pmd(table pfn ${hex(BigInt(v.tablePfn))})`;
    const b = v.bits;
    return `pmd(huge pfn ${hex(BigInt(v.pfn))} ${b.write ? 'W' : 'R'}${b.dirty ? 'D' : ''}${b.young ? 'A' : ''})`;
  }
  equals(o: Opaque): boolean {
    return o instanceof Pmd && o.describe() === this.describe();
  }
}

/** Upper levels: present (pointing to the next table) or none. */
export class UpperEntry implements Opaque {
  constructor(
    readonly opaqueType: 'pgd_t' | 'pud_t',
    readonly present: boolean,
    readonly tableId: number,
  ) {}
  describe(): string {
    return this.present ? `${this.opaqueType}(table #${this.tableId})` : `${this.opaqueType}(none)`;
  }
  equals(o: Opaque): boolean {
    return o instanceof UpperEntry && o.describe() === this.describe();
  }
}

/** Page protection: what a pte made from it allows (vm_get_page_prot()). */
export class PgProt implements Opaque {
  readonly opaqueType = 'pgprot_t';
  constructor(
    readonly read: boolean,
    readonly write: boolean,
    readonly exec: boolean,
  ) {}
  describe(): string {
    return `pgprot(${this.read ? 'r' : '-'}${this.write ? 'w' : '-'}${this.exec ? 'x' : '-'})`;
  }
  equals(o: Opaque): boolean {
    return o instanceof PgProt && o.describe() === this.describe();
  }
}

export const VM_READ = 0x1n;
export const VM_WRITE = 0x2n;
export const VM_EXEC = 0x4n;
const VM_SHARED = 0x8n;
export const VM_MAYREAD = 0x10n;
export const VM_MAYWRITE = 0x20n;
export const VM_MAYEXEC = 0x40n;

/**
 * vm_get_page_prot(): a private mapping never has the write bit in vm_page_prot (writes fault
 * and COW/reuse, maybe_mkwrite() adds it); a shared writable one does.
 */
export function vmGetPageProt(flags: bigint): PgProt {
  const shared = (flags & VM_SHARED) !== 0n;
  return new PgProt((flags & VM_READ) !== 0n, shared && (flags & VM_WRITE) !== 0n, (flags & VM_EXEC) !== 0n);
}
