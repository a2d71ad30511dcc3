// Locks as Waitables: spinlocks (pte/pmd locks, subscriptions->lock), mutexes (driver locks),
// rw_semaphores (mmap_lock, anon_vma->rwsem), the page lock (PG_locked of the compound head) and
// wait queues. A thread that cannot take a lock yields Blocked; the interpreter's scheduler
// resumes it when `ready()` and reports a deadlock (with `holder()` chains) when no thread can
// run. Lock traffic is traced (acquire / release / block / trylock-fail) with the function.

import { Ptr, type AddressSpace, type Blocked, type ExecCtx, type ThreadRef, type Value, type Waitable } from '../interp/api.js';
import { RtObject, objectAt } from './object.js';

export type LockKind = 'spinlock' | 'mutex' | 'rwsem' | 'waitqueue';

/** The innermost model function running (the scenario's own code when none). */
function fnOf(ctx: ExecCtx): string {
  const f = ctx.loc().function;
  return f === '<runtime>' ? '(scenario)' : f;
}

/** Runs whose Outcome keeps no trace skip lock events (they are most of a trace). */
export const quietLocks = new WeakSet<object>();

export function traceLock(ctx: ExecCtx, op: 'acquire' | 'release' | 'block' | 'trylock-fail', lock: string): void {
  if (quietLocks.has(ctx.mem)) return;
  ctx.trace({ t: 'lock', op, lock, thread: ctx.thread.name, fn: fnOf(ctx) });
}

/** Something that can be held: exclusive (spinlock, mutex, page lock) or shared (rwsem readers). */
export abstract class LockBase extends RtObject {
  abstract readonly kind: LockKind;
  /** Last function that took or released it (for lock-leak reports). */
  lastFn = '';
  /** The function each holder took it in, by thread id (for lock-held-at-exit reports). */
  readonly takenIn = new Map<number, string>();
  abstract holders(): ThreadRef[];
  abstract canAcquire(t: ThreadRef, shared: boolean): boolean;
  abstract take(t: ThreadRef, shared: boolean): void;
  /** Returns false when `t` did not hold it (a bug in the model C). */
  abstract drop(t: ThreadRef, shared: boolean): boolean;

  get(field: string, ctx: ExecCtx): Value {
    return this.noField(field, ctx);
  }

  waitable(t: ThreadRef, shared: boolean): Waitable {
    const lock = this;
    return {
      name: this.name,
      holder: () => lock.holders()[0] ?? null,
      ready: () => lock.canAcquire(t, shared),
    };
  }
}

/** An exclusive lock: spinlock or mutex. Re-taking it by its holder waits forever (self-deadlock). */
export class SpinLock extends LockBase {
  readonly structName: string;
  owner: ThreadRef | null = null;
  constructor(
    name: string,
    base: bigint,
    readonly kind: 'spinlock' | 'mutex' = 'spinlock',
  ) {
    super(name, base, 8);
    this.structName = kind === 'mutex' ? 'mutex' : 'spinlock';
  }
  holders(): ThreadRef[] {
    return this.owner ? [this.owner] : [];
  }
  canAcquire(): boolean {
    return this.owner === null;
  }
  take(t: ThreadRef): void {
    this.owner = t;
  }
  drop(t: ThreadRef): boolean {
    if (this.owner?.id !== t.id) return false;
    this.owner = null;
    return true;
  }
}

export class RwSem extends LockBase {
  readonly structName = 'rw_semaphore';
  readonly kind = 'rwsem';
  writer: ThreadRef | null = null;
  readonly readers = new Map<number, { t: ThreadRef; n: number }>();
  holders(): ThreadRef[] {
    if (this.writer) return [this.writer];
    return [...this.readers.values()].map((r) => r.t);
  }
  canAcquire(_t: ThreadRef, shared: boolean): boolean {
    if (this.writer) return false;
    return shared ? true : this.readers.size === 0;
  }
  take(t: ThreadRef, shared: boolean): void {
    if (!shared) {
      this.writer = t;
      return;
    }
    const r = this.readers.get(t.id);
    if (r) r.n++;
    else this.readers.set(t.id, { t, n: 1 });
  }
  drop(t: ThreadRef, shared: boolean): boolean {
    if (!shared) {
      if (this.writer?.id !== t.id) return false;
      this.writer = null;
      return true;
    }
    const r = this.readers.get(t.id);
    if (!r) return false;
    if (--r.n === 0) this.readers.delete(t.id);
    return true;
  }
}

/** A wait queue: sleepers wait for the next wake_up_all(). */
export class WaitQueue extends RtObject {
  readonly structName = 'wait_queue_head';
  generation = 0;
  get(field: string, ctx: ExecCtx): Value {
    return this.noField(field, ctx);
  }
  waitable(): Waitable {
    const q = this;
    const gen = this.generation;
    return { name: this.name, holder: () => null, ready: () => q.generation !== gen };
  }
  wakeAll(): void {
    this.generation++;
  }
}

/** All locks of one run; interpreter-owned lock structs (svmm->mutex) are found by address. */
export class LockRegistry {
  private readonly byAddr = new Map<bigint, LockBase | WaitQueue>();
  readonly all: (LockBase | WaitQueue)[] = [];
  constructor(readonly mem: AddressSpace) {}

  private add<T extends LockBase | WaitQueue>(l: T): T {
    this.all.push(l);
    this.byAddr.set(l.base, l);
    l.register(this.mem);
    return l;
  }
  spin(name: string): SpinLock {
    return this.add(new SpinLock(name, this.mem.allocate(8, 8), 'spinlock'));
  }
  mutex(name: string): SpinLock {
    return this.add(new SpinLock(name, this.mem.allocate(8, 8), 'mutex'));
  }
  rwsem(name: string, base?: bigint): RwSem {
    return this.add(new RwSem(name, base ?? this.mem.allocate(8, 8), 8));
  }
  waitQueue(name: string, base?: bigint): WaitQueue {
    return this.add(new WaitQueue(name, base ?? this.mem.allocate(8, 8), 8));
  }

  /** The lock `p` points to. A lock embedded in a model struct gets a lock object on first use. */
  resolve(p: Value, ctx: ExecCtx, kind: LockKind): LockBase {
    const o = objectAt(p);
    if (o instanceof LockBase) return o;
    if (!(p instanceof Ptr)) return ctx.bug(p === null ? `NULL lock pointer passed to a ${kind} operation` : `invalid lock pointer passed to a ${kind} operation`);
    const addr = p.address;
    const known = this.byAddr.get(addr);
    if (known instanceof LockBase) return known;
    const name = p.region.name + (p.byteOffset ? `+${p.byteOffset}` : '');
    const l: LockBase = kind === 'rwsem' ? new RwSem(name, addr, 8) : new SpinLock(name, addr, kind === 'mutex' ? 'mutex' : 'spinlock');
    this.all.push(l);
    this.byAddr.set(addr, l);
    return l;
  }

  resolveQueue(p: Value, ctx: ExecCtx): WaitQueue {
    const o = objectAt(p);
    if (o instanceof WaitQueue) return o;
    if (!(p instanceof Ptr)) return ctx.bug('invalid wait queue pointer');
    const known = this.byAddr.get(p.address);
    if (known instanceof WaitQueue) return known;
    const q = new WaitQueue(p.region.name, p.address, 8);
    this.all.push(q);
    this.byAddr.set(p.address, q);
    return q;
  }
}

/** Take `lock`, sleeping (yielding Blocked) while another thread -- or this one -- holds it. */
export function* acquire(ctx: ExecCtx, lock: LockBase, shared = false): Generator<Blocked, void, void> {
  const t = ctx.thread;
  // a schedule explorer may let another thread run first (never without one)
  const p = ctx.preemptPoint?.('acquire', [lock, shared]);
  if (p) yield p;
  if (!lock.canAcquire(t, shared)) {
    traceLock(ctx, 'block', lock.name);
    const w = lock.waitable(t, shared);
    while (!lock.canAcquire(t, shared)) yield { blockedOn: w };
  }
  lock.take(t, shared);
  lock.lastFn = fnOf(ctx);
  lock.takenIn.set(t.id, lock.lastFn);
  traceLock(ctx, 'acquire', lock.name);
}

export function tryAcquire(ctx: ExecCtx, lock: LockBase, shared = false): boolean {
  if (!lock.canAcquire(ctx.thread, shared)) {
    traceLock(ctx, 'trylock-fail', lock.name);
    return false;
  }
  lock.take(ctx.thread, shared);
  lock.lastFn = fnOf(ctx);
  lock.takenIn.set(ctx.thread.id, lock.lastFn);
  traceLock(ctx, 'acquire', lock.name);
  return true;
}

export function release(ctx: ExecCtx, lock: LockBase, shared = false): void {
  if (!lock.drop(ctx.thread, shared)) ctx.bug(`${ctx.thread.name} releases ${lock.name}, which it does not hold`);
  lock.lastFn = fnOf(ctx);
  traceLock(ctx, 'release', lock.name);
}

export { fnOf };
