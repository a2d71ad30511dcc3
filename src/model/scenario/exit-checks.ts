// Hazards at an entry point's return: a scenario step is a call into the kernel (a GPU fault, an
// ioctl, a user access, munmap ...), and when it returns to user space the thread must hold no
// lock it took inside, no notifier range it started may be left open, and -- when no other
// thread was inside the kernel meanwhile, so that every reference taken since belongs to this
// call -- no page may keep more references than its mappings account for. Each is a hazard
// naming the function that took the lock, started the range or last took the reference.

import type { Hazard, ThreadRef } from '../interp/api.js';
import { pageUses } from '../kernel/checks.js';
import { LockBase, RwSem } from '../kernel/locks.js';
import { hex } from '../kernel/object.js';
import type { Kernel } from '../kernel/state.js';
import { issuer } from './issuer.js';
import type { Step } from './types.js';

/** What the thread held when the step began. */
export interface EntryState {
  locks: Map<LockBase, number>;
  pages: Set<number>;
  ranges: Set<bigint>;
  /** References beyond the mappings' per page (heads), when the step runs alone. */
  excess: Map<number, number> | null;
}

/** The kernel entry a step is, as reports name it. */
export function entryName(s: Step): string {
  switch (s.op) {
    case 'gpu-atomic-fault':
      return 'nouveau_svm_fault_model()';
    case 'nouveau-init':
      return 'nouveau_svm_model_init()';
    case 'dmirror-open':
      return 'dmirror_model_open()';
    case 'dmirror':
      return `dmirror_model_ioctl(${s.cmd})`;
    case 'write':
      return 'the user store (page fault)';
    case 'read':
      return 'the user load (page fault)';
    case 'mirror-check':
      return 'the mirror check';
    default:
      return `${s.op}()`;
  }
}

function holds(l: LockBase, t: ThreadRef): number {
  if (l instanceof RwSem) return l.writer?.id === t.id ? 1 : (l.readers.get(t.id)?.n ?? 0);
  return l.holders().some((h) => h.id === t.id) ? 1 : 0;
}

function excessRefs(k: Kernel): Map<number, number> {
  const uses = pageUses(k);
  const held = new Map<number, number>();
  for (const s of k.memmap.all()) {
    if (s.kind !== 'anon') continue;
    const u = uses.get(s.pfn);
    held.set(s.head, (held.get(s.head) ?? 0) + (u ? u.ptes + u.exclusive + u.pmds : 0));
  }
  const out = new Map<number, number>();
  for (const s of k.memmap.all()) if (s.kind === 'anon' && !s.isTail) out.set(s.pfn, s.refcount - (held.get(s.pfn) ?? 0));
  return out;
}

export function entryState(k: Kernel, t: ThreadRef, alone: boolean): EntryState {
  const locks = new Map<LockBase, number>();
  for (const l of k.locks.all) if (l instanceof LockBase && holds(l, t)) locks.set(l, holds(l, t));
  const pages = new Set<number>();
  for (const s of k.memmap.all()) if (s.lockedBy?.id === t.id) pages.add(s.pfn);
  const ranges = new Set<bigint>();
  for (const [a, r] of k.openRanges) if (r.thread === t.id) ranges.add(a);
  return { locks, pages, ranges, excess: alone ? excessRefs(k) : null };
}

/** The hazards of `t` returning from `entry`; `alone`: no other thread entered the kernel meanwhile. */
export function exitHazards(k: Kernel, t: ThreadRef, before: EntryState, entry: string, alone: boolean): Hazard[] {
  const out: Hazard[] = [];
  for (const l of k.locks.all) {
    if (!(l instanceof LockBase)) continue;
    const n = holds(l, t);
    if (n <= (before.locks.get(l) ?? 0)) continue;
    const fn = l.takenIn.get(t.id) ?? l.lastFn ?? '(unknown)';
    const mode = l instanceof RwSem ? (l.writer?.id === t.id ? ' (write)' : ' (read)') : '';
    out.push({ kind: 'lock-held-at-exit', function: fn, detail: `${l.name}${mode}, taken in ${fn}(), is still held by ${t.name} when ${entry} returns` });
  }
  for (const s of k.memmap.all()) {
    if (s.lockedBy?.id !== t.id || before.pages.has(s.pfn)) continue;
    const fn = s.lockedIn || '(unknown)';
    out.push({ kind: 'lock-held-at-exit', function: fn, detail: `page lock of pfn ${hex(BigInt(s.pfn))}, taken in ${fn}(), is still held by ${t.name} when ${entry} returns` });
  }
  for (const [a, r] of k.openRanges) {
    if (r.thread !== t.id || before.ranges.has(a)) continue;
    const fn = issuer(r.stack).split(' ')[0]!;
    out.push({ kind: 'range-not-ended', function: fn, detail: `the ${r.what} started by ${issuer(r.stack)} is not ended when ${entry} returns (mmu_notifier_invalidate_range_end() never called)` });
  }
  if (alone && before.excess) {
    for (const [pfn, n] of excessRefs(k)) {
      const d = n - (before.excess.get(pfn) ?? 0);
      if (d <= 0) continue;
      const s = k.memmap.state(pfn);
      const fn = s.refIn || '(unknown)';
      out.push({ kind: 'reference-leaked', function: fn, detail: `pfn ${hex(BigInt(pfn))} keeps ${d} reference(s) more than its mappings hold when ${entry} returns (last taken in ${fn}())` });
    }
  }
  return out;
}
