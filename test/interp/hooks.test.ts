// Hooks for the runtime: loop heads (stable ids, locals, backward gotos), call/return events,
// periodic step callbacks, ending a run with a verdict from a hook, or setting the verdict and
// letting the loop's own timeout branch run.

import { describe, expect, it } from 'vitest';
import { compile, rt } from './fake-runtime.js';
import type { LoopHead, Value } from '../../src/model/interp/index.js';

const RETRY = `
long jiffies;
long model_jiffies(void);
#define HZ 1000
int fault(int budget) {
  unsigned long timeout = jiffies + HZ;
  int seq = 0, tries = 0;
  for (;;) {
    if (jiffies > timeout) return -EBUSY;
    seq++;
    if (tries++ >= budget) break;
  }
  return tries;
}
int back(void) {
  int n = 0;
again:
  if (++n < 3) goto again;
  while (n < 5) n++;
  return n;
}
`;

describe('loop-head hook', () => {
  it('sees every iteration with a stable file:line id and the frame locals', async () => {
    const p = await compile(RETRY);
    expect(p.errors).toEqual([]);
    const heads: { id: string; kind: string; locals: [string, Value][] }[] = [];
    rt.reset();
    const r = p.run({
      mem: rt.mem,
      hooks: { onLoopHead: (_ctx, h: LoopHead) => void heads.push({ id: h.id, kind: h.kind, locals: h.locals.entries() }) },
      threads: [{ name: 'gpu', entry: 'fault', args: [2] }],
    });
    expect(r.value).toBe(3);
    expect(heads.map((h) => h.id)).toEqual(['t.c:9', 't.c:9', 't.c:9']); // tries 0, 1, 2: the third breaks
    expect(heads[1]!.locals).toEqual([['budget', 2], ['timeout', 1000n], ['seq', 1], ['tries', 1]]);
    heads.length = 0;
    rt.reset();
    p.run({ mem: rt.mem, hooks: { onLoopHead: (_c, h) => void heads.push({ id: h.id, kind: h.kind, locals: h.locals.entries() }) }, threads: [{ name: 't', entry: 'back' }] });
    expect(heads.map((h) => `${h.kind}@${h.id}:n=${String(h.locals.find(([k]) => k === 'n')![1])}`)).toEqual([
      'goto@t.c:18:n=1', 'goto@t.c:18:n=2', 'while@t.c:20:n=3', 'while@t.c:20:n=4', 'while@t.c:20:n=5',
    ]);
  });

  it('shows the same locals at every loop head from generated code (locals in variables or in the frame) as from the closures', async () => {
    // scan() keeps its locals in JavaScript variables; mixed() has a statement expression (it runs
    // as a closure), so its generated code keeps them in the frame
    const src = `
int scan(int n) {
  int i, sum = 0, last;
  for (i = 0; i < n; i++) { int sq = i * i; sum += sq; last = sq; }
again:
  if (sum > 3) { sum -= 3; goto again; }
  return sum + last;
}
int mixed(int n) {
  int i = 0, acc = 0;
  while (i < n) { acc += ({ int t = i; t * 10; }); i++; }
  return acc;
}`;
    const heads = async (codegen: boolean, entry: string) => {
      const p = await compile(src, { codegen });
      expect(p.errors).toEqual([]);
      if (codegen) expect(p.compiler.codegenInFrame).toEqual(['mixed']);
      const out: string[] = [];
      rt.reset();
      const r = p.run({ mem: rt.mem, hooks: { onLoopHead: (_c, h) => void out.push(`${h.id} ${h.locals.names.join(',')} ${JSON.stringify(h.locals.entries(), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`) }, threads: [{ name: 't', entry, args: [4] }] });
      return { value: r.value, steps: r.steps, out };
    };
    for (const entry of ['scan', 'mixed']) {
      const generated = await heads(true, entry);
      expect(generated.out.length).toBeGreaterThan(3);
      expect(generated).toEqual(await heads(false, entry));
    }
  });

  it('lets the runtime end the run with its own verdict (a proven livelock)', async () => {
    const p = await compile(RETRY);
    rt.reset();
    const seen = new Set<string>();
    const r = p.run({
      mem: rt.mem,
      hooks: {
        onLoopHead(ctx, h) {
          const key = JSON.stringify(h.locals.entries().filter(([k]) => k !== 'seq' && k !== 'tries'), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
          if (seen.has(key) && h.othersRunnable.length === 0) ctx.endRun('livelock', `state repeats at ${h.id}`);
          seen.add(key);
        },
      },
      threads: [{ name: 'gpu', entry: 'fault', args: [1000000] }],
    });
    expect(r.verdict).toBe('livelock');
    expect(r.detail).toBe('state repeats at t.c:9');
    expect(r.stack).toEqual([{ function: 'fault', file: 't.c', line: 9 }]);
  });

  it('lets the runtime set the verdict and fast-forward a clock so the timeout branch runs', async () => {
    const p = await compile(RETRY);
    rt.reset();
    const m = p.machine({
      mem: rt.mem,
      hooks: {
        onLoopHead(ctx, h) {
          if (h.locals.get('seq') === 5) {
            ctx.setVerdict('livelock', 'retry loop repeats; clock moved past the timeout');
            const jiffies = m.global('jiffies');
            jiffies.region.store(jiffies.index, 5000n, ctx);
          }
        },
      },
    });
    const r = m.run([{ name: 'gpu', entry: 'fault', args: [1000000] }]);
    expect(r.verdict).toBe('livelock');
    expect(r.value).toBe(-16);
    expect(r.detail).toBe('retry loop repeats; clock moved past the timeout');
  });
});

describe('call, return and step hooks', () => {
  it('reports model and builtin calls and records call/return trace events', async () => {
    const p = await compile(`
      static int leaf(int x) { record_i(x); return x + 1; }
      int top(void) { return leaf(1) + leaf(2); }`);
    const calls: string[] = [];
    rt.reset();
    const r = p.run({
      mem: rt.mem,
      traceCalls: true,
      hooks: {
        onCall: (_c, fn, kind, args) => void calls.push(`${kind}:${fn}(${args.join(',')})`),
        onReturn: (_c, fn, kind, v) => void calls.push(`${kind}:${fn}=${String(v)}`),
      },
      threads: [{ name: 'm', entry: 'top' }],
    });
    expect(r.value).toBe(5);
    expect(calls).toEqual([
      'model:top()', 'model:leaf(1)', 'builtin:record_i(1)', 'builtin:record_i=undefined', 'model:leaf=2',
      'model:leaf(2)', 'builtin:record_i(2)', 'builtin:record_i=undefined', 'model:leaf=3', 'model:top=5',
    ]);
    expect(r.trace.slice(0, 3)).toEqual([
      { t: 'call', fn: 'top', depth: 1, thread: 'm', args: [] },
      { t: 'call', fn: 'leaf', depth: 2, thread: 'm', args: ['1'] },
      { t: 'return', fn: 'leaf', depth: 2, thread: 'm', value: '2' },
    ]);
  });

  it('narrows the calls the hooks see (callHookScope)', async () => {
    const p = await compile(`
      static int leaf(int x) { record_i(x); return x + 1; }
      int top(void) { return leaf(1) + leaf(2); }`);
    const calls: string[] = [];
    rt.reset();
    const r = p.run({
      mem: rt.mem,
      callHookScope: { builtins: false, names: ['leaf'] },
      hooks: { onReturn: (_c, fn, kind, v) => void calls.push(`${kind}:${fn}=${String(v)}`) },
      threads: [{ name: 'm', entry: 'top' }],
    });
    expect(r.value).toBe(5);
    expect(calls).toEqual(['model:leaf=2', 'model:leaf=3']);
    expect(rt.log).toEqual([1, 2]);
  });

  it('calls the step hook every N statements and counts steps', async () => {
    const p = await compile(`long f(void) { long i, s = 0; for (i = 0; i < 1000; i++) s += i; return s; }`);
    const at: number[] = [];
    rt.reset();
    const r = p.run({ mem: rt.mem, hooks: { onSteps: { every: 500, fn: (steps) => void at.push(steps) } }, threads: [{ name: 'm', entry: 'f' }] });
    expect(r.value).toBe(499500n);
    expect(at).toEqual([500, 1000, 1500, 2000]);
    expect(r.steps).toBeGreaterThanOrEqual(2000);
    expect(r.steps).toBeLessThan(2100);
  });
});
