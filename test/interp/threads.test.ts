// Threads and blocking: a thread suspended inside nested model calls resumes where it stopped;
// the scheduler is round robin by thread order and switches only on block/finish; deadlocks
// (self and ABBA) end the run with the wait chain; TypeScript thread bodies and ExecCtx.call;
// builtins that call back into model C through a function pointer.

import { describe, expect, it } from 'vitest';
import { compile, rt } from './fake-runtime.js';
import { Ptr, type Blocked, type ExecCtx, type Program, type Value } from '../../src/model/interp/index.js';

const LOCKS = `
  struct mutex lock_a, lock_b;
  long counter;
  static void bump(struct mutex *m, int n) {
    int i;
    for (i = 0; i < n; i++) {
      mutex_lock(m);
      counter++;
      cond_resched();          /* let the other thread try while we hold the lock */
      counter++;
      mutex_unlock(m);
    }
  }
  long worker(int n) { bump(&lock_a, n); return counter; }
  void self_deadlock(void) { mutex_lock(&lock_a); bump(&lock_a, 1); }
  void ab(void) { mutex_lock(&lock_a); cond_resched(); mutex_lock(&lock_b); mutex_unlock(&lock_b); mutex_unlock(&lock_a); }
  void ba(void) { mutex_lock(&lock_b); mutex_lock(&lock_a); mutex_unlock(&lock_a); mutex_unlock(&lock_b); }
`;

async function program(): Promise<Program> {
  const p = await compile(LOCKS);
  expect(p.errors).toEqual([]);
  return p;
}

function lockNames(p: Program) {
  const m = p.machine({ mem: rt.mem });
  rt.lockNames.set(m.global('lock_a').address, 'lock_a');
  rt.lockNames.set(m.global('lock_b').address, 'lock_b');
  return m;
}

describe('threads', () => {
  it('runs two threads contending for a lock, deterministically', async () => {
    const p = await program();
    const runs: string[] = [];
    for (let k = 0; k < 2; k++) {
      rt.reset();
      const m = lockNames(p);
      const r = m.run([
        { name: 'A', entry: 'worker', args: [2] },
        { name: 'B', entry: 'worker', args: [2] },
      ]);
      expect(r.verdict).toBe('completed');
      expect(r.threads.map((t) => [t.name, t.state])).toEqual([['A', 'done'], ['B', 'done']]);
      expect(r.threads[1]!.value).toBe(8n);
      runs.push(JSON.stringify(rt.log));
    }
    expect(runs[0]).toBe(runs[1]);
    // A takes the lock, yields at cond_resched; B blocks on it; A goes on until it finishes or blocks
    expect(JSON.parse(runs[0]!)).toEqual([
      'A locked lock_a', 'A unlocked lock_a', 'A locked lock_a',
      'A unlocked lock_a', 'B locked lock_a', 'B unlocked lock_a', 'B locked lock_a', 'B unlocked lock_a',
    ]);
  });

  it('lets a scenario choose the interleaving with a scheduler policy', async () => {
    const p = await program();
    rt.reset();
    const seen: string[] = [];
    const r = lockNames(p).run([
      { name: 'A', entry: 'worker', args: [1] },
      { name: 'B', entry: 'worker', args: [1] },
    ]);
    expect(r.verdict).toBe('completed');
    rt.reset();
    const m = p.machine({
      mem: rt.mem,
      scheduler: (cands, prev) => {
        seen.push(`${prev?.name ?? '-'}>${cands.map((c) => c.name).join('')}`);
        return cands.find((c) => c.name === 'B') ?? cands[0]!;
      },
    });
    rt.lockNames.set(m.global('lock_a').address, 'lock_a');
    const r2 = m.run([
      { name: 'A', entry: 'worker', args: [1] },
      { name: 'B', entry: 'worker', args: [1] },
    ]);
    expect(r2.verdict).toBe('completed');
    expect(rt.log).toEqual(['B locked lock_a', 'B unlocked lock_a', 'A locked lock_a', 'A unlocked lock_a']);
    expect(seen[0]).toBe('->AB');
  });

  it('suspends a thread inside nested model calls and resumes it there', async () => {
    const p = await program();
    rt.reset();
    const m = lockNames(p);
    const r = m.run([
      { name: 'holder', entry: function* (ctx: ExecCtx): Generator<Blocked, Value, void> {
        yield* ctx.call('mutex_lock', [m.global('lock_a')]);
        yield { blockedOn: { name: 'nap', holder: () => null, ready: () => true } };
        yield* ctx.call('mutex_unlock', [m.global('lock_a')]);
        return 7;
      } },
      { name: 'nested', entry: 'worker', args: [1] },
    ]);
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(7);
    expect(r.threads[1]!.value).toBe(2n);
    expect(rt.log).toEqual(['holder locked lock_a', 'holder unlocked lock_a', 'nested locked lock_a', 'nested unlocked lock_a']);
  });

  it('ends with deadlock when a thread waits on a lock it holds itself', async () => {
    const p = await program();
    rt.reset();
    const r = lockNames(p).run([{ name: 'gpu', entry: 'self_deadlock' }]);
    expect(r.verdict).toBe('deadlock');
    expect(r.waitChain).toEqual([{ thread: 'gpu', waitsFor: 'lock_a', holder: 'gpu' }]);
    expect(r.detail).toBe('gpu waits for lock_a held by gpu (itself)');
    expect(r.stack!.map((s) => s.function)).toEqual(['self_deadlock', 'bump']);
    expect(r.thread).toBe('gpu');
  });

  it('ends with deadlock and the ABBA wait chain', async () => {
    const p = await program();
    rt.reset();
    const r = lockNames(p).run([
      { name: 'T1', entry: 'ab' },
      { name: 'T2', entry: 'ba' },
    ]);
    expect(r.verdict).toBe('deadlock');
    expect(r.waitChain).toEqual([
      { thread: 'T1', waitsFor: 'lock_b', holder: 'T2' },
      { thread: 'T2', waitsFor: 'lock_a', holder: 'T1' },
    ]);
    expect(r.blocked).toHaveLength(2);
    expect(r.detail).toBe('T1 waits for lock_b held by T2; T2 waits for lock_a held by T1');
    expect(r.threads.map((t) => t.blockedOn)).toEqual(['lock_b', 'lock_a']);
  });

  it('lets a blocking builtin call back into model C through a function pointer', async () => {
    const p = await compile(`
      struct ops { int (*invalidate)(struct mutex *m, int seq); };
      struct mutex big;
      static int my_invalidate(struct mutex *m, int seq) { mutex_lock(m); mutex_unlock(m); return seq + 1; }
      const struct ops my_ops = { .invalidate = my_invalidate };
      int notify(const struct ops *ops, struct mutex *m, int seq);
      int f(void) { return notify(&my_ops, &big, 41); }`, {});
    // `notify` is a runtime builtin that calls the driver's callback
    const p2 = await (await import('../../src/model/interp/index.js')).compileProgram({
      sources: [{ path: 'include/test.h', text: (await import('./fake-runtime.js')).HEADER }, {
        path: 't.c',
        text: `#include "test.h"
      struct ops { int (*invalidate)(struct mutex *m, int seq); };
      struct mutex big;
      static int my_invalidate(struct mutex *m, int seq) { mutex_lock(m); mutex_unlock(m); return seq + 1; }
      const struct ops my_ops = { .invalidate = my_invalidate };
      int f(void) { return notify(&my_ops, &big, 41); }`,
      }],
      builtins: {
        ...rt.builtins(),
        notify: {
          proto: 'int notify(const struct ops *ops, struct mutex *m, int seq)',
          *fn(ctx: ExecCtx, ops: Value, mtx: Value, seq: Value): Generator<Blocked, Value, void> {
            const o = (ops as Ptr).region.load((ops as Ptr).index, ctx) as import('../../src/model/interp/index.js').StructRef;
            return yield* ctx.call(o.get('invalidate', ctx) as Ptr, [mtx, seq]);
          },
        },
      },
    });
    expect(p.unresolvedCalls.map((u) => u.name)).toEqual(['notify']);
    expect(p2.errors).toEqual([]);
    rt.reset();
    const m = p2.machine({ mem: rt.mem, traceCalls: true });
    const big = m.global('big');
    const r = m.run([
      { name: 'holder', entry: function* (ctx: ExecCtx): Generator<Blocked, Value, void> {
        yield* ctx.call('mutex_lock', [big]);
        yield { blockedOn: { name: 'nap', holder: () => null, ready: () => true } };
        yield* ctx.call('mutex_unlock', [big]);
        return 0;
      } },
      { name: 'notifier', entry: 'f' },
    ]);
    expect(r.verdict).toBe('completed');
    expect(r.threads[1]!.value).toBe(42);
    expect(r.trace.filter((e) => e.t === 'call').map((e) => (e as { fn: string }).fn)).toEqual(['f', 'my_invalidate']);
    expect(p2.functions.find((f) => f.name === 'f')!.mayBlock).toBe(true);
  });

  it('compiles to generators only what may block (callers of blocking builtins, function pointers)', async () => {
    const p = await compile(`
      struct mutex m;
      static int pure_leaf(int x) { return x + 1; }
      static int calls_pure(int x) { return pure_leaf(x) * 2; }
      static void locks(void) { mutex_lock(&m); mutex_unlock(&m); }
      static void calls_locks(void) { locks(); }
      static int via_pointer(int (*fp)(int)) { return fp(1); }
      static int rec_a(int n);
      static int rec_b(int n) { if (n == 0) { locks(); return 0; } return rec_a(n - 1); }
      static int rec_a(int n) { return rec_b(n); }
      int top(void) { calls_locks(); return calls_pure(1) + via_pointer(pure_leaf) + rec_a(3); }`);
    const mb = Object.fromEntries(p.functions.map((f) => [f.name, f.mayBlock]));
    expect(mb).toEqual({
      pure_leaf: false, calls_pure: false, locks: true, calls_locks: true, via_pointer: true,
      rec_b: true, rec_a: true, top: true,
    });
    rt.reset();
    const r = p.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'top' }] });
    expect([r.verdict, r.value]).toEqual(['completed', 6]);
  });

  it('runs TypeScript thread bodies that call model C, with argument coercion', async () => {
    const p = await compile(`unsigned long twice(unsigned long x) { return x * 2; } int neg(int x) { return -x; }`);
    rt.reset();
    const r = p.run({
      mem: rt.mem,
      threads: [{ name: 'ts', entry: function* (ctx: ExecCtx): Generator<Blocked, Value, void> {
        const a = yield* ctx.call('twice', [21]);
        const b = ctx.callSync('neg', [5n]);
        return `${String(a)}/${String(b)}` as unknown as Value;
      } }],
    });
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe('42/-5');
  });
});
