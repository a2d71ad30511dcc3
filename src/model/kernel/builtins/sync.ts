// Spinlocks, mutexes, wait queues, the MMU-notifier dispatch entry points, time, and
// model_not_modelled() -- the builtin a model branch outside the model calls.

import { Ptr, type Blocked, type ExecCtx, type Value } from '../../interp/api.js';
import { kernelOf, HZ } from '../state.js';
import { acquire, release, tryAcquire } from '../locks.js';
import { structAt } from '../object.js';
import { classicRegister, intervalInsert, intervalRemove, invalidateRangeEnd, invalidateRangeStart } from '../mm/mmu_notifier.js';
import { asStruct, MmStruct } from '../mm/vma.js';
import { TableBuilder, b } from './def.js';

/** A C string argument: the interpreter passes string literals as pointers to char arrays. */
function cString(ctx: ExecCtx, p: Value): string {
  if (typeof p === 'string') return p;
  if (!(p instanceof Ptr)) return String(p);
  let s = '';
  for (let i = p.index; i < p.region.length; i++) {
    const c = Number(p.region.load(i, ctx));
    if (!c) break;
    s += String.fromCharCode(c);
  }
  return s;
}

export function syncBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/spinlock.h');
  t.gen('void spin_lock(spinlock_t *lock)', function* (ctx, p) {
    yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'spinlock'));
    return undefined;
  })
    .fn('void spin_unlock(spinlock_t *lock)', (ctx, p) => {
      release(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'spinlock'));
      return undefined;
    })
    .in('include/linux/mutex.h')
    .fn('void mutex_init(struct mutex *lock)', (ctx, p) => {
      kernelOf(ctx).locks.resolve(p, ctx, 'mutex');
      return undefined;
    })
    .gen('void mutex_lock(struct mutex *lock)', function* (ctx, p) {
      yield* acquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'mutex'));
      return undefined;
    })
    .fn('int mutex_trylock(struct mutex *lock)', (ctx, p) => b(tryAcquire(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'mutex'))))
    .fn('void mutex_unlock(struct mutex *lock)', (ctx, p) => {
      release(ctx, kernelOf(ctx).locks.resolve(p, ctx, 'mutex'));
      return undefined;
    })
    .in('include/linux/wait.h')
    .gen('void __wait_event_sleep(wait_queue_head_t *wq)', function* (ctx, p): Generator<Blocked, Value, void> {
      // One sleep of wait_event(): until the next wake_up_all() on the queue; the macro re-tests.
      const q = kernelOf(ctx).locks.resolveQueue(p, ctx);
      yield { blockedOn: q.waitable() };
      return undefined;
    })
    .in('include/linux/mmu_notifier.h')
    .gen('void __mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)', function* (ctx, r): Generator<Blocked, Value, void> {
      yield* invalidateRangeStart(ctx, kernelOf(ctx), r as Ptr);
      return undefined;
    })
    .releasesOf({ until: '6.6' })
    .gen('void __mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range, bool only_end)', function* (ctx, r): Generator<Blocked, Value, void> {
      // only_end skips the secondary-TLB ->invalidate_range() callback: no modelled driver has one.
      yield* invalidateRangeEnd(ctx, kernelOf(ctx), r as Ptr);
      return undefined;
    })
    .releasesOf({ from: '6.6' })
    .gen('void __mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)', function* (ctx, r): Generator<Blocked, Value, void> {
      // (6.6 moved the secondary-TLB callback to the TLB flush)
      yield* invalidateRangeEnd(ctx, kernelOf(ctx), r as Ptr);
      return undefined;
    })
    .releasesOf({})
    .fn(
      'int mmu_interval_notifier_insert(struct mmu_interval_notifier *interval_sub, struct mm_struct *mm, unsigned long start, unsigned long length, const struct mmu_interval_notifier_ops *ops)',
      (ctx, sub, mmp, start, length, ops) => {
        const mm = asStruct(mmp, MmStruct, ctx, 'mm');
        return intervalInsert(ctx, kernelOf(ctx), sub as Ptr, mm, start as bigint, length as bigint, ops);
      },
    )
    .gen('void mmu_interval_notifier_remove(struct mmu_interval_notifier *interval_sub)', function* (ctx, sub): Generator<Blocked, Value, void> {
      yield* intervalRemove(ctx, kernelOf(ctx), sub as Ptr);
      return undefined;
    })
    .fn('int __mmu_notifier_register(struct mmu_notifier *subscription, struct mm_struct *mm)', (ctx, sub, mmp) => {
      structAt(sub, ctx, 'subscription');
      return classicRegister(ctx, kernelOf(ctx), sub as Ptr, asStruct(mmp, MmStruct, ctx, 'mm'));
    })
    .releasesOf({ from: '6.1' })
    .in('include/linux/lockdep.h')
    .fn('void lock_map_acquire(struct lockdep_map *map)', () => undefined)
    .fn('void lock_map_release(struct lockdep_map *map)', () => undefined)
    .releasesOf({})
    .in('include/linux/jiffies.h')
    .fn('unsigned long get_jiffies_64(void)', (ctx) => kernelOf(ctx).jiffies)
    .fn('unsigned long msecs_to_jiffies(unsigned int m)', (_ctx, m) => (BigInt(Number(m)) * HZ + 999n) / 1000n)
    .in('(model)')
    .fn('void model_not_modelled(const char *what)', (ctx, what) => ctx.notModelled(cString(ctx, what)));
  return t;
}
