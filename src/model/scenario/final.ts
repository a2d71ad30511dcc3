// The `final` part of an Outcome: a compact, deterministic summary of the page tables, pages,
// the GPU page table, the mirror, notifier sequences and assertions at the end of a run.

import type { Kernel } from '../kernel/state.js';
import { hex } from '../kernel/object.js';
import { Pmd, Pte } from '../kernel/mm/pgtable-types.js';
import { pageUses } from '../kernel/checks.js';
import { SEQ_BASE } from '../kernel/mm/mmu_notifier.js';
import type { ScenarioEnv } from './steps.js';
import type { FinalState } from './types.js';

/** Consecutive ptes of the same shape (consecutive pfns) become one line. */
function ptesOf(k: Kernel, mmId: number): string[] {
  const mm = k.mms.find((m) => m.id === mmId)!;
  const rows: { addr: bigint; kind: string; pfn: number }[] = [];
  for (const t of mm.pt.pmdTables()) {
    t.entries.forEach((e, i) => {
      const v = (e as Pmd).v;
      if (v.k === 'huge') rows.push({ addr: t.addrOf(i), kind: `huge pmd ${v.bits.write ? 'W' : 'R'}${v.bits.dirty ? 'D' : ''}`, pfn: v.pfn });
    });
  }
  for (const t of mm.pt.pteTables()) {
    t.entries.forEach((e, i) => {
      const p = e as Pte;
      const v = p.v;
      if (v.k === 'none') return;
      if (v.k === 'present') rows.push({ addr: t.addrOf(i), kind: `present ${v.bits.write ? 'W' : 'R'}${v.bits.dirty ? 'D' : ''}`, pfn: v.pfn });
      else rows.push({ addr: t.addrOf(i), kind: v.entry.type, pfn: Number(v.entry.offset) });
    });
  }
  rows.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.kind === rows[i]!.kind && !rows[i]!.kind.startsWith('huge') && rows[j]!.addr === rows[j - 1]!.addr + 4096n && rows[j]!.pfn === rows[j - 1]!.pfn + 1) j++;
    const r = rows[i]!;
    const n = j - i;
    out.push(n === 1 ? `${hex(r.addr)}: ${r.kind} pfn ${hex(BigInt(r.pfn))}` : `${hex(r.addr)}..${hex(rows[j - 1]!.addr)} (${n} ptes): ${r.kind} pfn ${hex(BigInt(r.pfn))}..${hex(BigInt(rows[j - 1]!.pfn))}`);
    i = j;
  }
  return out;
}

export function finalState(k: Kernel, env: ScenarioEnv, steps: number, uses = pageUses(k)): FinalState {
  const pages: string[] = [];
  let anon = 0;
  let thp = 0;
  for (const s of k.memmap.all()) {
    if (s.kind !== 'anon' || s.isTail) continue;
    anon++;
    if (s.isHead) thp++;
    let want = 0;
    for (let i = 0; i < 1 << s.order; i++) {
      const u = uses.get(s.pfn + i);
      if (u) want += u.ptes + u.exclusive + u.pmds;
    }
    if (s.lockedBy || s.refcount !== want || s.isHead) {
      pages.push(
        `pfn ${hex(BigInt(s.pfn))}${s.isHead ? ` (THP head, order ${s.order})` : ''}: refcount ${s.refcount}, mapcount ${s.mapcount + 1}` +
          (s.isHead ? `, compound_mapcount ${s.compoundMapcount + 1}` : '') +
          (s.lockedBy ? `, locked by ${s.lockedBy.name}` : '') +
          `, last touched by ${s.lastFn || '?'}`,
      );
    }
  }
  pages.unshift(`${anon} anonymous page(s) allocated (${thp} THP)`);
  const seqs: string[] = [];
  for (const mm of k.mms) {
    const subs = mm.subs;
    if (!subs) continue;
    seqs.push(`mm ${mm.id}: global seq +${subs.invalidateSeq - SEQ_BASE} (${subs.invalidating ? 'invalidating' : 'idle'}), ${subs.intervals.length} interval subscription(s), ${subs.classic.length} classic`);
  }
  const mirror: string[] = [];
  for (const [, x] of k.xarrays) {
    const keys = x.keys();
    if (!keys.length) continue;
    const tags = new Map<number, number>();
    for (const key of keys) {
      const v = x.load(key);
      const tag = v && typeof v === 'object' && 'byteOffset' in v ? (v as { byteOffset: number }).byteOffset & 3 : 0;
      tags.set(tag, (tags.get(tag) ?? 0) + 1);
    }
    mirror.push(`${keys.length} entries from pfn ${hex(keys[0]!)} to ${hex(keys[keys.length - 1]!)}; by tag: ${[...tags].map(([t, n]) => `${t === 1 ? 'ATOMIC' : t === 3 ? 'WRITE' : 'READ'} ${n}`).join(', ')}`);
  }
  return {
    processes: [...env.processes].map(([name, mm]) => ({ name, ptes: ptesOf(k, mm.id) })),
    pages,
    gpu: k.gpu.describe(),
    mirror,
    seqs,
    asserts: { passed: env.passed, failed: [...env.failed] },
    steps,
  };
}
