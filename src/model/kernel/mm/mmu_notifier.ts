// MMU notifier subscriptions and the invalidation dispatch (mm/mmu_notifier.c, v5.14):
// __mmu_notifier_invalidate_range_start/_end, mn_itree_inv_start_range / mn_itree_invalidate /
// mn_itree_inv_end, classic (hlist) subscribers, mmu_interval_notifier_insert/_remove and
// __mmu_notifier_register. The subscribers' callbacks are model C, called through their ops.
//
// Every invalidation becomes an Outcome notifier record: event, owner (the value's name, null, or
// "unset" when the range initialiser never wrote it), range, the model call stack, and for each
// subscriber whether it filtered the event (returned without touching its seq), bumped its seq
// (mmu_interval_set_seq), or -- classic subscribers -- was called.

import { Ptr, UNINIT, type Blocked, type ExecCtx, type StructRef, type Value } from '../../interp/api.js';
import type { Kernel } from '../state.js';
import { RtObject, hex, objectAt, structAt } from '../object.js';
import { SpinLock, WaitQueue } from '../locks.js';
import { asStruct, MmStruct } from './vma.js';

const EVENT_NAMES = ['UNMAP', 'CLEAR', 'PROTECTION_VMA', 'PROTECTION_PAGE', 'SOFT_DIRTY', 'RELEASE', 'MIGRATE', 'EXCLUSIVE'];
const MMU_NOTIFIER_RANGE_BLOCKABLE = 1;

/**
 * First global seq. Kernel: 2. The model starts at 2^40 + 2 so that seq values live in a range of
 * their own, [2^40, 2^40 + 2^31): no address (user 0x7f..., kernel 0xffff...), pfn, jiffies
 * value (INITIAL_JIFFIES is below 2^32) or count falls there, and loop-state comparison
 * (livelock.ts) can tell a seq -- current or stale -- from anything else.
 */
export const SEQ_BASE = 0x10000000002n;
export const SEQ_RANGE_END = SEQ_BASE + (1n << 31n);

type SubscriberAction = 'filtered' | 'seq-bumped' | 'called';

export interface NotifierRecord {
  event: string;
  owner: string | null;
  start: string;
  end: string;
  stack: string[];
  subscribers: { name: string; action: SubscriberAction }[];
}

interface IntervalSub {
  ptr: Ptr;
  start: bigint;
  /** inclusive */
  last: bigint;
  name: string;
}

interface ClassicSub {
  ptr: Ptr;
  name: string;
}

/** struct mmu_notifier_subscriptions of one mm. */
export class Subscriptions extends RtObject {
  readonly structName = 'mmu_notifier_subscriptions';
  readonly lock: SpinLock;
  readonly wq: WaitQueue;
  invalidateSeq = SEQ_BASE;
  activeInvalidateRanges = 0n;
  readonly intervals: IntervalSub[] = [];
  readonly classic: ClassicSub[] = [];
  readonly deferred: { op: 'add' | 'remove'; sub: IntervalSub }[] = [];
  constructor(
    k: Kernel,
    readonly mm: MmStruct,
  ) {
    super(`notifier_subscriptions of mm ${mm.id}`, k.mem.allocate(128), 128);
    this.lock = new SpinLock(`subscriptions->lock of mm ${mm.id}`, this.base + 8n);
    this.wq = new WaitQueue(`subscriptions->wq of mm ${mm.id}`, this.base + 32n, 8, { obj: this, field: 'wq' });
    k.locks.all.push(this.lock, this.wq);
    this.register(k.mem);
    this.lock.register(k.mem);
    this.wq.register(k.mem);
  }
  get(field: string, ctx: ExecCtx): Value {
    switch (field) {
      case 'invalidate_seq':
        return this.invalidateSeq;
      case 'active_invalidate_ranges':
        return this.activeInvalidateRanges;
      default:
        return this.noField(field, ctx);
    }
  }
  protected override embedded(field: string): RtObject | undefined {
    if (field === 'lock') return this.lock;
    if (field === 'wq') return this.wq;
    return undefined;
  }
  get invalidating(): boolean {
    return (this.invalidateSeq & 1n) === 1n;
  }
}

export function subscriptionsOf(k: Kernel, mm: MmStruct): Subscriptions {
  if (!mm.subs) mm.subs = new Subscriptions(k, mm);
  return mm.subs;
}

/** The name an owner value is reported by. */
function ownerName(v: Value): string | null {
  if (v === UNINIT) return 'unset';
  if (v === null || v === undefined) return null;
  if (v instanceof Ptr) {
    const o = objectAt(v);
    if (o) return o.name;
    return v.region.name + (v.byteOffset ? `+${v.byteOffset}` : '');
  }
  return String(v);
}

function funcName(p: Value): string {
  return p instanceof Ptr ? p.region.name : '(no callback)';
}

function opsField(ctx: ExecCtx, sub: Ptr, field: string): Value {
  const s = structAt(sub, ctx, 'subscription');
  const ops = s.get('ops', ctx);
  if (ops === null) return null;
  return structAt(ops, ctx, 'subscription->ops').get(field, ctx);
}

function readRange(ctx: ExecCtx, range: Value): { r: StructRef; mm: MmStruct; start: bigint; end: bigint } {
  const r = structAt(range, ctx, 'range');
  const mm = asStruct(r.get('mm', ctx), MmStruct, ctx, 'range->mm');
  return { r, mm, start: r.get('start', ctx) as bigint, end: r.get('end', ctx) as bigint };
}

/** mn_itree_inv_start_range + mn_itree_invalidate + the classic hlist, for one range. */
export function* invalidateRangeStart(ctx: ExecCtx, k: Kernel, range: Ptr, extraStack: string[] = []): Generator<Blocked, void, void> {
  const { r, mm, start, end } = readRange(ctx, range);
  const p = ctx.preemptPoint?.('notifier', [mm]);
  if (p) yield p;
  k.openRanges.set(range.address, { thread: ctx.thread.id, stack: k.stackOf(ctx), what: `${EVENT_NAMES[Number(r.get('event', ctx))] ?? 'invalidation'} range [${hex(start)}, ${hex(end)})` });
  const subs = mm.subs;
  if (!subs) return;
  const event = Number(r.get('event', ctx));
  const rec: NotifierRecord = {
    event: EVENT_NAMES[event] ?? String(event),
    owner: ownerName(r.get('owner', ctx)),
    start: hex(start),
    end: hex(end),
    stack: [...k.stackOf(ctx), ...extraStack],
    subscribers: [],
  };
  const index = k.notifiers.length;
  k.notifiers.push(rec);
  ctx.trace({ t: 'notifier', index });

  // mn_itree_inv_start_range(): count the range; odd seq if it hits an interval.
  subs.activeInvalidateRanges++;
  const last = end - 1n;
  const hit = subs.intervals.filter((s) => s.start <= last && s.last >= start);
  if (hit.length) subs.invalidateSeq |= 1n;
  const curSeq = subs.invalidateSeq;
  const blockable = (Number(r.get('flags', ctx)) & MMU_NOTIFIER_RANGE_BLOCKABLE) !== 0;
  for (const s of hit) {
    const sub = structAt(s.ptr, ctx, 'interval subscription');
    const before = sub.get('invalidate_seq', ctx);
    const cb = opsField(ctx, s.ptr, 'invalidate');
    const ok = yield* ctx.call(cb as Ptr, [s.ptr, range, curSeq]);
    const after = sub.get('invalidate_seq', ctx);
    rec.subscribers.push({ name: s.name, action: after !== before ? 'seq-bumped' : 'filtered' });
    if (!ok && blockable) ctx.hazard('warn', `${s.name} returned false for a blockable range (WARN_ON in mn_itree_invalidate)`);
  }
  for (const c of subs.classic) {
    const cb = opsField(ctx, c.ptr, 'invalidate_range_start');
    if (cb === null) continue;
    const ret = yield* ctx.call(cb as Ptr, [c.ptr, range]);
    rec.subscribers.push({ name: c.name, action: 'called' });
    if (ret !== 0 && blockable) ctx.hazard('warn', `${c.name} failed a blockable invalidate_range_start (${String(ret)})`);
  }
}

/** The classic range_end callbacks, then mn_itree_inv_end(). */
export function* invalidateRangeEnd(ctx: ExecCtx, k: Kernel, range: Ptr): Generator<Blocked, void, void> {
  const { mm } = readRange(ctx, range);
  const p = ctx.preemptPoint?.('notifier', [mm]);
  if (p) yield p;
  k.openRanges.delete(range.address);
  const subs = mm.subs;
  if (!subs) return;
  for (const c of subs.classic) {
    const cb = opsField(ctx, c.ptr, 'invalidate_range_end');
    if (cb === null) continue;
    yield* ctx.call(cb as Ptr, [c.ptr, range]);
  }
  // mn_itree_inv_end()
  subs.activeInvalidateRanges--;
  if (subs.activeInvalidateRanges !== 0n || !subs.invalidating) return;
  subs.invalidateSeq++;
  for (const d of subs.deferred.splice(0)) {
    if (d.op === 'add') subs.intervals.push(d.sub);
    else subs.intervals.splice(subs.intervals.indexOf(d.sub), 1);
  }
  subs.intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  subs.wq.wakeAll();
}

/** A mmu_notifier_range made by a TypeScript primitive (owner never written, as range_init). */
export function newRange(k: Kernel, event: number, vma: Ptr | null, mm: MmStruct, start: bigint, end: bigint): Ptr {
  return k.plain('mmu_notifier_range', `range ${EVENT_NAMES[event]} [${hex(start)}, ${hex(end)})`, {
    vma,
    mm: mm.self,
    start,
    end,
    flags: MMU_NOTIFIER_RANGE_BLOCKABLE,
    event,
    owner: UNINIT,
  }).self;
}

/** Insert an interval subscription (mmu_interval_notifier_insert, v5.14 semantics). */
export function intervalInsert(ctx: ExecCtx, k: Kernel, sub: Ptr, mm: MmStruct, start: bigint, length: bigint, ops: Value): number {
  const subs = subscriptionsOf(k, mm);
  const s = structAt(sub, ctx, 'interval_sub');
  s.set('ops', ops, ctx);
  s.set('mm', mm.self, ctx);
  mm.users++;
  let last: bigint;
  if (length === 0n || start + length - 1n < start) return -22; // -EINVAL (overflow)
  last = start + length - 1n;
  const cb = ops instanceof Ptr ? structAt(ops, ctx, 'ops').get('invalidate', ctx) : null;
  const rec: IntervalSub = { ptr: sub, start, last, name: funcName(cb) };
  if (subs.invalidating) {
    // Inserted during an invalidation: the new interval starts "being invalidated".
    s.set('invalidate_seq', subs.invalidateSeq, ctx);
    subs.deferred.push({ op: 'add', sub: rec });
  } else {
    s.set('invalidate_seq', subs.invalidateSeq - 1n, ctx);
    subs.intervals.push(rec);
    subs.intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }
  return 0;
}

/** mmu_interval_notifier_remove(): waits for an invalidation in progress to end. */
export function* intervalRemove(ctx: ExecCtx, _k: Kernel, sub: Ptr): Generator<Blocked, void, void> {
  const s = structAt(sub, ctx, 'interval_sub');
  const mm = asStruct(s.get('mm', ctx), MmStruct, ctx, 'interval_sub->mm');
  const subs = mm.subs;
  if (!subs) return;
  const p = ctx.preemptPoint?.('notifier', [mm]);
  if (p) yield p;
  const i = subs.intervals.findIndex((x) => x.ptr.address === sub.address);
  const d = subs.deferred.findIndex((x) => x.sub.ptr.address === sub.address);
  if (subs.invalidating && i >= 0) {
    const seq = subs.invalidateSeq;
    subs.deferred.push({ op: 'remove', sub: subs.intervals[i]! });
    while (subs.invalidateSeq === seq) yield { blockedOn: subs.wq.waitable() };
  } else if (i >= 0) {
    subs.intervals.splice(i, 1);
  } else if (d >= 0) {
    subs.deferred.splice(d, 1);
  } else {
    ctx.bug('mmu_interval_notifier_remove of a subscription that is not inserted');
  }
  mm.users--;
}

export function classicRegister(ctx: ExecCtx, k: Kernel, sub: Ptr, mm: MmStruct): number {
  const subs = subscriptionsOf(k, mm);
  const s = structAt(sub, ctx, 'subscription');
  s.set('mm', mm.self, ctx);
  const ops = s.get('ops', ctx);
  const cb = ops instanceof Ptr ? structAt(ops, ctx, 'ops').get('invalidate_range_start', ctx) : null;
  subs.classic.push({ ptr: sub, name: funcName(cb) });
  mm.users++;
  return 0;
}
