// End-of-run checks, in the spirit of the kernel's bad-page checks: pages left locked, mapcounts
// that disagree with the page tables, references nobody accounts for, locks still held, and (from
// v5.19) writable mappings of anonymous pages that are not exclusive. Each is a
// hazard naming the page (or lock) and the function that last touched it. They run when a run
// completes; a deadlocked or stopped run is mid-operation by definition.

import type { Hazard } from '../interp/api.js';
import type { Kernel } from './state.js';
import { hex } from './object.js';
import { LockBase } from './locks.js';
import { Pmd, Pte } from './mm/pgtable-types.js';

interface Uses {
  ptes: number;
  exclusive: number;
  pmds: number;
}

/** How the page tables of every process use each pfn. */
export function pageUses(k: Kernel): Map<number, Uses> {
  const uses = new Map<number, Uses>();
  const get = (pfn: number): Uses => {
    let u = uses.get(pfn);
    if (!u) {
      u = { ptes: 0, exclusive: 0, pmds: 0 };
      uses.set(pfn, u);
    }
    return u;
  };
  for (const mm of k.mms) {
    for (const pmdT of mm.pt.pmdTables()) {
      for (const e of pmdT.entries) {
        const v = (e as Pmd).v;
        if (v.k === 'huge') get(v.pfn).pmds++;
      }
    }
    for (const t of mm.pt.pteTables()) {
      for (const e of t.entries) {
        const v = (e as Pte).v;
        if (v.k === 'present') get(v.pfn).ptes++;
        else if (v.k === 'swap' && v.entry.isDeviceExclusive) get(Number(v.entry.offset)).exclusive++;
      }
    }
  }
  return uses;
}

export function endOfRunChecks(k: Kernel, uses = pageUses(k)): Hazard[] {
  const out: Hazard[] = [];
  const pages = k.memmap.all();
  const refsByHead = new Map<number, number>();
  for (const s of pages) {
    if (s.kind !== 'anon') continue;
    const u = uses.get(s.pfn) ?? { ptes: 0, exclusive: 0, pmds: 0 };
    // Device-exclusive entries hold a reference; until v6.15 no mapcount (the entry dropped it).
    refsByHead.set(s.head, (refsByHead.get(s.head) ?? 0) + u.ptes + u.exclusive + u.pmds);
    const mapped = u.ptes + (k.release.exclusiveEntryMapped ? u.exclusive : 0);
    if (s.mapcount + 1 !== mapped) {
      const what = k.release.exclusiveEntryMapped ? 'pte mapping(s) and device-exclusive entries' : 'pte mapping(s)';
      out.push({
        kind: 'mapcount-mismatch',
        function: s.lastFn || '(unknown)',
        detail: `pfn ${hex(BigInt(s.pfn))}: _mapcount says ${s.mapcount + 1} ${what}, the page tables have ${mapped}`,
      });
    }
    if (!s.isTail && s.compoundMapcount + 1 !== u.pmds && (s.isHead || u.pmds > 0)) {
      out.push({
        kind: 'mapcount-mismatch',
        function: s.lastFn || '(unknown)',
        detail: `pfn ${hex(BigInt(s.pfn))}: compound_mapcount says ${s.compoundMapcount + 1} pmd mapping(s), the page tables have ${u.pmds}`,
      });
    }
  }
  for (const s of pages) {
    if (s.kind !== 'anon' || s.isTail) continue;
    if (s.lockedBy) {
      out.push({ kind: 'page-left-locked', function: s.lastFn || '(unknown)', detail: `pfn ${hex(BigInt(s.pfn))} is still locked by ${s.lockedBy.name} at the end of the run` });
    }
    const want = refsByHead.get(s.pfn) ?? 0;
    if (s.refcount > want) {
      out.push({
        kind: 'refcount-leak',
        function: s.lastFn || '(unknown)',
        detail: `pfn ${hex(BigInt(s.pfn))}: _refcount ${s.refcount}, but only ${want} mapping(s)/device-exclusive entries hold references`,
      });
    } else if (s.refcount < want) {
      out.push({
        kind: 'refcount-underflow',
        function: s.lastFn || '(unknown)',
        detail: `pfn ${hex(BigInt(s.pfn))}: _refcount ${s.refcount} is below the ${want} reference(s) its mappings hold`,
      });
    }
  }
  if (k.release.anonExclusive) out.push(...writableShared(k));
  for (const l of k.locks.all) {
    if (l instanceof LockBase && l.holders().length) {
      out.push({ kind: 'lock-leak', function: l.lastFn || '(unknown)', detail: `${l.name} is still held by ${l.holders().map((t) => t.name).join(', ')} at the end of the run` });
    }
  }
  return out;
}

/**
 * Where the release has PG_anon_exclusive: a writable pte or huge pmd maps an anonymous page only
 * when the page is exclusive to this process -- the write fault, mprotect's
 * can_change_pte_writable() and restore_exclusive_pte() make a pte writable only for such a page,
 * and fork() write-protects before it shares one. A writable mapping of a shared page lets this
 * process's writes reach the other's copy.
 */
function writableShared(k: Kernel): Hazard[] {
  const out: Hazard[] = [];
  const check = (mmId: number, addr: bigint, pfn: number) => {
    const s = k.memmap.state(pfn);
    if (s.kind !== 'anon' || s.anonExclusive) return;
    out.push({
      kind: 'writable-shared-page',
      function: s.lastFn || '(unknown)',
      detail: `pfn ${hex(BigInt(pfn))} is mapped writable at ${hex(addr)} in mm ${mmId} but is not PageAnonExclusive`,
    });
  };
  for (const mm of k.mms) {
    for (const pmdT of mm.pt.pmdTables()) {
      pmdT.entries.forEach((e, i) => {
        const v = (e as Pmd).v;
        if (v.k === 'huge' && v.bits.write) check(mm.id, pmdT.addrOf(i), v.pfn);
      });
    }
    for (const t of mm.pt.pteTables()) {
      t.entries.forEach((e, i) => {
        const v = (e as Pte).v;
        if (v.k === 'present' && v.bits.write) check(mm.id, t.addrOf(i), v.pfn);
      });
    }
  }
  return out;
}
