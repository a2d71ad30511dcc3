// Livelock detection at loop heads. A loop whose state at its head repeats -- the whole kernel
// state plus the frame's locals -- will go round forever unless time passes or another thread
// acts. Monotonic notifier sequence numbers are compared relative to the smallest live one: all
// seqs only move by the same +2 per invalidation round, and the model C only compares them for
// equality and order and tests their parity, so two states that differ by an even shift of every
// seq behave the same. The clock (jiffies) is kept absolute: timeouts compare against it.
//
// Soundness: a repeat is claimed only when the thread is the only runnable one. A value counts as
// a seq (and is compared relative to the smallest live seq) only if it lies in the seq range
// [2^40, 2^40 + 2^31), where nothing else the model produces lives (SEQ_BASE). A loop that
// merely advances a counter of its own (i++) never repeats.
//
// On a proven livelock the runtime moves the clock past any timeout (one hour of jiffies) and lets
// the loop's own timeout branch run; if the same state comes round again after that, the loop has
// no timeout and the run ends with verdict `livelock`.

import type { Kernel } from './state.js';
import { HZ } from './state.js';
import { hex } from './object.js';
import { Pmd, Pte } from './mm/pgtable-types.js';
import { SEQ_BASE, SEQ_RANGE_END } from './mm/mmu_notifier.js';
import type { Value } from '../interp/api.js';
import { Ptr, UNINIT } from '../interp/api.js';

export interface LoopVisit {
  /** Identifies the loop statement (file:line) */
  site: string;
  function: string;
  thread: string;
  /** Identity of the frame (a new call of the function starts afresh). */
  frame: object;
  /** The frame's locals, read only when the visit gets past the quiet filter. */
  locals: () => [string, Value][];
  /** Their values alone, in the same order (cheaper when the names are not needed). */
  values?: () => Value[];
  /** No other thread could run now. */
  alone: boolean;
}

export interface LivelockProof {
  site: string;
  function: string;
  thread: string;
  /** Loop-head visits between the two equal states. */
  period: number;
  fastForwarded: boolean;
}

interface SiteState {
  site: string;
  /**
   * The locals' values at the last visit past the quiet filter whose key is not in `cheap` yet:
   * a loop head that one frame reaches once (most do) never has its key made. It is added to
   * `cheap` at the next such visit, before that one's key is looked up, so `cheap` is the same
   * at every lookup as if it had been added at once.
   */
  pending: { values: Value[]; n: number } | null;
  /** Made at the first visit that gets past the quiet filter (most frames' loops never do twice). */
  cheap: Map<string, number> | null;
  full: Map<string, number> | null;
  visits: number;
  /** Clock plus all global notifier seqs at the previous visit. */
  epoch: bigint;
  /** Quiet visits are fingerprinted every `stride`-th visit only (see MAX_STRIDE). */
  stride: number;
}

/**
 * Visits of one loop head, in one frame, during which no invalidation and no clock tick happened
 * are only fingerprinted after this many: a retry loop that livelocks on notifiers moves the
 * epoch every round, while walks over page tables (pvmw, GUP, change_pte_range) do not and
 * would otherwise pay a whole-state fingerprint per iteration. A loop spinning without any
 * invalidation is still caught, later.
 */
const QUIET_VISITS = 1000;

/**
 * States remembered per loop head (cheap keys, whole-state fingerprints): a loop whose state
 * never repeats (a counter) would otherwise keep one per iteration until the step budget, gigabytes
 * at the default budget. Forgetting them all when full still finds any cycle shorter than the cap.
 */
const MAX_CHEAP_KEPT = 4096;
const MAX_FULL_KEPT = 64;
/**
 * Each time a loop head's cheap keys fill up without a repeat, it is looked at half as often
 * (every 2nd, 4th ... 64th quiet visit): a counting loop then costs little until its step budget,
 * and a cycle is still found, later (its period then reads as a multiple of the true one).
 */
const MAX_STRIDE = 64;

/** All live seq values (global and per subscriber) of every mm. */
function seqCells(k: Kernel): bigint[] {
  const out: bigint[] = [];
  for (const mm of k.mms) {
    const s = mm.subs;
    if (!s) continue;
    out.push(s.invalidateSeq);
  }
  return out;
}

/** Is v a notifier seq value (current or stale)? Seqs live in a range of their own. */
function isSeq(v: bigint): boolean {
  return v >= SEQ_BASE - 2n && v < SEQ_RANGE_END;
}

function fmt(v: Value, base: bigint): string {
  if (typeof v === 'bigint') return isSeq(v) ? `seq${v - base}` : v.toString(16);
  if (typeof v === 'number') return String(v);
  if (v === null) return 'NULL';
  if (v === undefined) return 'void';
  if (v === UNINIT) return '?';
  if (v instanceof Ptr) return `${v.region.name}[${v.index}]+${v.byteOffset}`;
  if (typeof v === 'object' && 'describe' in v) return v.describe();
  if (typeof v === 'object' && 'structName' in v) return `struct ${v.structName}@${hex(v.self.address)}`;
  return String(v);
}

const regionIds = new WeakMap<object, number>();
let nextRegionId = 1;

/** A short, cheap text of a value for the fast filter (seq-range values collapse to 's'). */
function quick(v: Value): string {
  switch (typeof v) {
    case 'number':
      return String(v);
    case 'bigint':
      return isSeq(v) ? 's' : v.toString(36);
    case 'undefined':
      return 'u';
    default:
      if (v === null) return 'n';
      if (v instanceof Ptr) {
        let id = regionIds.get(v.region);
        if (id === undefined) regionIds.set(v.region, (id = nextRegionId++));
        return `p${id}.${v.index}.${v.byteOffset}`;
      }
      if (v === UNINIT) return '?';
      return 'o';
  }
}

/** The fast filter's key of a frame's local values. */
function cheapKey(values: readonly Value[]): string {
  let cheap = '';
  for (const val of values) cheap += quick(val) + ',';
  return cheap;
}

export class LivelockDetector {
  /** Per frame: the state of its one loop head seen so far, or of each by site. */
  private readonly sites = new WeakMap<object, SiteState | Map<string, SiteState>>();
  proof: LivelockProof | null = null;
  /** Extra seq values the runtime knows about (subscriber seqs read at the visit). */
  constructor(
    readonly k: Kernel,
    readonly subscriberSeqs: () => bigint[],
  ) {}

  /**
   * Called at each loop-head visit. Returns 'livelock' when the run must end with that verdict
   * (a repeat after the clock was already fast-forwarded), otherwise null.
   */
  visit(v: LoopVisit): 'livelock' | null {
    const st = this.stateOf(v.frame, v.site);
    const n = st.visits++;
    let epoch = this.k.jiffies;
    for (const mm of this.k.mms) if (mm.subs) epoch += mm.subs.invalidateSeq;
    const moved = epoch !== st.epoch;
    st.epoch = epoch;
    if (!moved && n < QUIET_VISITS) return null;
    if (!moved && n % st.stride !== 0) return null;
    // Fast filter: the locals with every seq-range value reduced to a marker. A loop whose locals
    // never repeat (an index, an address) stops here, at the cost of one short string per visit.
    if (st.pending) {
      this.remember(st, cheapKey(st.pending.values), st.pending.n);
      st.pending = null;
    }
    if (!st.cheap || st.cheap.size === 0) {
      // nothing to repeat: keep the values, make the key if this head is reached again
      st.pending = { values: v.values ? v.values() : v.locals().map(([, val]) => val), n };
      return null;
    }
    const localList = v.locals();
    const cheap = cheapKey(localList.map(([, val]) => val));
    if (!st.cheap.has(cheap)) {
      this.remember(st, cheap, n);
      return null;
    }
    // Slow path: seqs relative to the smallest live one, and the whole kernel state.
    const all = [...seqCells(this.k), ...this.subscriberSeqs()];
    const base = all.length ? all.reduce((a, b) => (b < a ? b : a)) : 0n;
    const locals = localList.map(([name, val]) => `${name}=${fmt(val, base)}`).join(',');
    const full = `${base & 1n}|${locals}|${this.kernelState(base)}`;
    st.full ??= new Map();
    const seen = st.full.get(full);
    if (seen === undefined && st.full.size >= MAX_FULL_KEPT) st.full.clear();
    st.full.set(full, n);
    if (seen === undefined || !v.alone) return null;
    if (this.proof && this.proof.site === v.site && this.proof.fastForwarded) {
      return 'livelock';
    }
    this.proof = { site: v.site, function: v.function, thread: v.thread, period: n - seen, fastForwarded: true };
    // Let the loop's own timeout branch run: an hour of model time passes.
    this.k.jiffies += HZ * 3600n;
    st.full.clear();
    st.cheap.clear();
    return null;
  }

  private stateOf(frame: object, site: string): SiteState {
    const had = this.sites.get(frame);
    if (had && !(had instanceof Map) && had.site === site) return had;
    const made = (): SiteState => ({ site, pending: null, cheap: null, full: null, visits: 0, epoch: -1n, stride: 1 });
    if (!had) {
      const st = made();
      this.sites.set(frame, st);
      return st;
    }
    let bySite: Map<string, SiteState>;
    if (had instanceof Map) bySite = had;
    else {
      bySite = new Map([[had.site, had]]);
      this.sites.set(frame, bySite);
    }
    let st = bySite.get(site);
    if (!st) bySite.set(site, (st = made()));
    return st;
  }

  /** Add a key to the fast filter's (forgetting them all, and looking less often, when full). */
  private remember(st: SiteState, cheap: string, n: number): void {
    st.cheap ??= new Map();
    if (st.cheap.size >= MAX_CHEAP_KEPT) {
      st.cheap.clear();
      st.stride = Math.min(st.stride * 2, MAX_STRIDE);
    }
    st.cheap.set(cheap, n);
  }

  /** Everything a loop iteration could depend on, seqs relative to `base`. */
  kernelState(base: bigint): string {
    const k = this.k;
    const parts: string[] = [`j=${k.jiffies}`, `vmalloc=${k.vmallocBytes}`];
    for (const s of k.memmap.all()) {
      if (s.kind === 'free') continue;
      parts.push(`${s.pfn}:${s.kind}:${s.refcount}:${s.mapcount}:${s.compoundMapcount}:${s.lockedBy?.name ?? ''}:${s.dirty ? 1 : 0}:${s.data}`);
    }
    for (const mm of k.mms) {
      parts.push(`mm${mm.id}:${mm.users}:${mm.vmas.map((x) => `${x.start}-${x.end}:${x.flags}`).join(';')}`);
      for (const t of mm.pt.pmdTables()) t.entries.forEach((e, i) => (e as Pmd).v.k !== 'none' && parts.push(`pmd${i}:${(e as Pmd).describe()}`));
      for (const t of mm.pt.pteTables()) t.entries.forEach((e, i) => !(e as Pte).none && parts.push(`pte${hex(t.addrOf(i))}:${(e as Pte).describe()}`));
      const subs = mm.subs;
      if (subs) {
        parts.push(`subs:${fmt(subs.invalidateSeq, base)}:${subs.activeInvalidateRanges}:${subs.intervals.map((x) => x.name + '@' + x.start).join(';')}:${subs.classic.length}`);
      }
    }
    for (const l of k.locks.all) if ('holders' in l) parts.push(`${l.name}:${l.holders().map((t) => t.name).join('+')}`);
    parts.push(...k.gpu.describe());
    for (const [a, x] of k.xarrays) parts.push(`xa${a}:${x.keys().join(',')}`);
    return parts.join('\n');
  }
}
