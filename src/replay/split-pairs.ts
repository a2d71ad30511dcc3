// What a partial replay splits: a hunk left out and a hunk replayed that only make sense together
// -- a lock and its unlock, a reference taken and dropped, a range started and ended, a local
// declared in one and used in the other. Read off the changed lines' calls and declarations.
import type { HunkPlacement } from '../map/types.js';
import type { Hunk } from '../patch/types.js';
import type { Diff } from '../thread/types.js';

/** Kernel calls that come in pairs: the one that takes, the ones that give back. */
const PAIRS: readonly { kind: SplitPair['kind']; take: readonly string[]; give: readonly string[] }[] = [
  { kind: 'lock', take: ['lock_page', 'trylock_page', 'lock_page_or_retry'], give: ['unlock_page'] },
  { kind: 'lock', take: ['folio_lock', 'folio_trylock', 'folio_lock_killable', 'folio_lock_or_retry'], give: ['folio_unlock'] },
  { kind: 'lock', take: ['mmap_read_lock', 'mmap_read_lock_killable', 'mmap_read_trylock'], give: ['mmap_read_unlock'] },
  { kind: 'lock', take: ['mmap_write_lock', 'mmap_write_lock_killable'], give: ['mmap_write_unlock'] },
  { kind: 'lock', take: ['mutex_lock', 'mutex_trylock'], give: ['mutex_unlock'] },
  { kind: 'lock', take: ['spin_lock', 'pmd_lock', 'pte_offset_map_lock'], give: ['spin_unlock', 'pte_unmap_unlock'] },
  { kind: 'lock', take: ['down_read', 'down_read_trylock', 'anon_vma_lock_read'], give: ['up_read', 'anon_vma_unlock_read'] },
  { kind: 'lock', take: ['down_write', 'anon_vma_lock_write'], give: ['up_write', 'anon_vma_unlock_write'] },
  { kind: 'lock', take: ['rcu_read_lock'], give: ['rcu_read_unlock'] },
  { kind: 'reference', take: ['get_page', 'get_page_unless_zero', 'try_grab_page'], give: ['put_page'] },
  { kind: 'reference', take: ['folio_get', 'folio_try_get'], give: ['folio_put'] },
  { kind: 'reference', take: ['mmget_not_zero', 'mmget'], give: ['mmput'] },
  { kind: 'range', take: ['mmu_notifier_invalidate_range_start'], give: ['mmu_notifier_invalidate_range_end', 'mmu_notifier_invalidate_range_only_end'] },
  { kind: 'range', take: ['mmu_interval_notifier_insert'], give: ['mmu_interval_notifier_remove'] },
  { kind: 'range', take: ['folio_walk_start'], give: ['folio_walk_end'] },
  { kind: 'range', take: ['kmap', 'kmap_local_page'], give: ['kunmap', 'kunmap_local'] },
];

export interface SplitPair {
  kind: 'lock' | 'reference' | 'range' | 'declaration';
  /** 1-based hunk numbers in the variant's order (files, then hunks). */
  leftOut: number;
  replayed: number;
  /** The names that tie them: [taken, given back], or [the declared name]. */
  names: string[];
}

const CALL = /\b([A-Za-z_]\w*)\s*\(/g;
const DECL = /^\s*(?:(?:const|static|unsigned|signed|struct|union|enum)\s+)*[A-Za-z_]\w*\s+\**\s*([A-Za-z_]\w*)\s*(?:=|;|\[)/;

function changed(h: Hunk): string[] {
  return h.lines.filter((l) => l.op !== ' ').map((l) => l.text);
}

function callsOf(h: Hunk): Set<string> {
  const out = new Set<string>();
  for (const t of changed(h)) for (const m of t.matchAll(CALL)) out.add(m[1]!);
  return out;
}

function declaredIn(h: Hunk): Set<string> {
  const out = new Set<string>();
  for (const l of h.lines) if (l.op === '+') { const m = DECL.exec(l.text); if (m && !['return', 'else'].includes(m[1]!)) out.add(m[1]!); }
  return out;
}

function uses(h: Hunk, name: string): boolean {
  const re = new RegExp(`\\b${name}\\b`);
  return h.lines.some((l) => l.op === '+' && re.test(l.text) && !DECL.test(l.text));
}

/** The pairs a partial replay splits between its left-out hunks and the hunks it replays. */
export function splitPairs(diff: Diff, placements: readonly HunkPlacement[]): SplitPair[] {
  const hunks = diff.files.flatMap((f) => f.hunks);
  const number = (p: HunkPlacement) => diff.files.slice(0, p.fileIndex).reduce((n, f) => n + f.hunks.length, 0) + p.hunkIndex + 1;
  const hunkOf = (p: HunkPlacement) => diff.files[p.fileIndex]!.hunks[p.hunkIndex]!;
  const out: SplitPair[] = [];
  const leftOut = placements.filter((p) => p.kind === 'unplaced');
  const kept = placements.filter((p) => p.kind === 'code');
  if (!hunks.length) return out;
  for (const a of leftOut) {
    const ha = hunkOf(a);
    const ca = callsOf(ha);
    for (const b of kept) {
      const hb = hunkOf(b);
      const cb = callsOf(hb);
      for (const pair of PAIRS) {
        const take = pair.take.find((n) => ca.has(n) || cb.has(n));
        const give = pair.give.find((n) => ca.has(n) || cb.has(n));
        if (!take || !give) continue;
        // split only when the two ends are in different hunks
        const takeLeft = ca.has(take) && !cb.has(take);
        const giveLeft = ca.has(give) && !cb.has(give);
        if (takeLeft !== giveLeft) out.push({ kind: pair.kind, leftOut: number(a), replayed: number(b), names: [take, give] });
      }
      // a local is shared only within one function
      if (a.function && a.function === b.function) {
        for (const name of declaredIn(ha)) if (uses(hb, name)) out.push({ kind: 'declaration', leftOut: number(a), replayed: number(b), names: [name] });
        for (const name of declaredIn(hb)) if (uses(ha, name)) out.push({ kind: 'declaration', leftOut: number(a), replayed: number(b), names: [name] });
      }
    }
  }
  return out;
}
