// Fault injection and preemption hooks: a call of a named model function or builtin offered
// before it runs (its value replaced, or its arguments made smaller), the same from generated
// code and from the closures; a thread paused before a named builtin and the scheduler choosing
// who runs; nothing of either without the options.

import { describe, expect, it } from 'vitest';
import { compile, rt } from './fake-runtime.js';
import type { CallIntercept, PreemptHook, Program, ThreadRef, Value } from '../../src/model/interp/index.js';

const SRC = `
struct mutex m;
long gup(long nr) {
  long i;
  for (i = 0; i < nr; i++) record(i);
  return nr;
}
int take(long nr) {
  long got = gup(nr);
  if (got <= 0) return -EFAULT;
  if (!mutex_trylock(&m)) return -EBUSY;
  mutex_unlock(&m);
  return (int)got;
}
int worker(int id) {
  mutex_lock(&m);
  record_i(id);
  mutex_unlock(&m);
  record_i(id + 10);
  return id;
}
`;

function injector(fail: (fn: string, args: Value[]) => { value: Value } | null): CallIntercept & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    names: new Set(['gup', 'mutex_trylock']),
    call(_ctx, fn, kind, args) {
      seen.push(`${kind} ${fn}(${args.map(String).join(', ')})`);
      return fail(fn, args);
    },
  };
}

/** Log entries without the lock's name (other test files may have named its address). */
const named = (e: unknown) => (typeof e === 'string' ? e.replace(/ (locked|unlocked) .*$/, ' $1') : e);

async function both(): Promise<Program[]> {
  const gen = await compile(SRC);
  const ref = await compile(SRC, { codegen: false });
  expect(gen.errors).toEqual([]);
  return [gen, ref];
}

describe('call interception', () => {
  it('replaces a model function\'s value without running its body, and a builtin\'s', async () => {
    for (const p of await both()) {
      rt.reset();
      const ic = injector((fn) => (fn === 'gup' ? { value: -14 } : null));
      const r = p.run({ mem: rt.mem, intercept: ic, threads: [{ name: 'main', entry: 'take', args: [3] }] });
      expect(r.value).toBe(-14);
      expect(rt.log).toEqual([]); // gup's loop never ran
      expect(ic.seen).toEqual(['model gup(3)']);
      rt.reset();
      const r2 = p.run({ mem: rt.mem, intercept: injector((fn) => (fn === 'mutex_trylock' ? { value: false as unknown as Value } : null)), threads: [{ name: 'main', entry: 'take', args: [2] }] });
      expect(r2.value).toBe(-16);
      expect(rt.log).toEqual([0n, 1n]);
    }
  });

  it('runs the call with arguments the injector made smaller', async () => {
    for (const p of await both()) {
      rt.reset();
      const r = p.run({ mem: rt.mem, intercept: injector((fn, args) => (fn === 'gup' ? ((args[0] = 1), null) : null)), threads: [{ name: 'main', entry: 'take', args: [3] }] });
      expect(r.value).toBe(1);
      expect(rt.log.map(named)).toEqual([0n, 'main unlocked']);
    }
  });

  it('puts the model function back after the run: the next run without an injector is the plain one', async () => {
    const [p] = await both();
    rt.reset();
    p!.run({ mem: rt.mem, intercept: injector(() => ({ value: 0 })), threads: [{ name: 'main', entry: 'take', args: [3] }] });
    rt.reset();
    expect(p!.run({ mem: rt.mem, threads: [{ name: 'main', entry: 'take', args: [3] }] }).value).toBe(3);
  });
});

describe('preemption points', () => {
  /** Pauses before every mutex_unlock; the scheduler takes the other thread there. */
  function explorer(): { hook: PreemptHook; scheduler: (c: ThreadRef[], prev: ThreadRef | null) => ThreadRef; points: string[] } {
    const points: string[] = [];
    let switchTo: string | null = null;
    return {
      points,
      hook: {
        names: new Set(['mutex_unlock']),
        at(ctx, op, _args, others) {
          points.push(`${ctx.thread.name} ${op} (others: ${others().map((t) => t.name).join(',') || '-'})`);
          const o = others();
          if (!o.length) return false;
          switchTo = o[0]!.name;
          return true;
        },
      },
      scheduler(c, prev) {
        const want = switchTo ?? prev?.name;
        switchTo = null;
        return c.find((t) => t.name === want) ?? c[0]!;
      },
    };
  }

  it('pauses a thread before a named builtin on a generator path and lets the scheduler choose', async () => {
    // mutex_unlock declared blocking: its callers become generators and can pause there
    const table = rt.builtins();
    const p = await compile(SRC, { builtins: { ...table, mutex_unlock: { ...table.mutex_unlock!, blocking: true } } });
    rt.reset();
    const x = explorer();
    const r = p.run({ mem: rt.mem, preempt: x.hook, scheduler: x.scheduler, threads: [{ name: 'a', entry: 'worker', args: [1] }, { name: 'b', entry: 'worker', args: [2] }] });
    expect(r.verdict).toBe('completed');
    // a pauses before its unlock; b runs, blocks on the mutex a still holds; a unlocks ...
    expect(rt.log.map(named)).toEqual(['a locked', 1, 'a unlocked', 11, 'b locked', 2, 'b unlocked', 12]);
    expect(x.points[0]).toBe('a mutex_unlock (others: b)');
  });

  it('never pauses without the option, and a plain program cannot pause at a non-blocking builtin', async () => {
    const p = await compile(SRC);
    rt.reset();
    const x = explorer();
    const r = p.run({ mem: rt.mem, preempt: x.hook, scheduler: x.scheduler, threads: [{ name: 'a', entry: 'worker', args: [1] }, { name: 'b', entry: 'worker', args: [2] }] });
    expect(r.verdict).toBe('completed');
    expect(x.points).toEqual([]);
  });
});
