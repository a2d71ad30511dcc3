// How runs end: BUG_ON (bug with the model stack), WARN_ON (hazard, execution continues), a call
// to a function the model does not have (error naming it, listed before the run), budgets for
// endless loops, endless recursion and memory, a builtin returning the wrong representation,
// division by zero, a function that does not compile.

import { describe, expect, it } from 'vitest';
import { compile, rt, run1 } from './fake-runtime.js';
import { compileProgram, type Program } from '../../src/model/interp/index.js';

function go(p: Program, entry: string, budgets = {}, args: import('../../src/model/interp/index.js').Value[] = []) {
  rt.reset();
  return p.run({ mem: rt.mem, budgets, threads: [{ name: 'main', entry, args }] });
}

describe('BUG and WARN', () => {
  it('ends with bug and the model stack on BUG_ON / VM_BUG_ON_PAGE', async () => {
    const p = await compile(`
      static void check(struct page *page) {
        VM_BUG_ON_PAGE(page->_refcount != 1, page);
      }
      static void inner(struct page *page, int n) {
        BUG_ON(n > 2);
        check(page);
      }
      void outer(void) {
        struct page *page = pfn_to_page(3);
        inner(page, 1);
        page->_refcount = 0;
        inner(page, 2);
      }
      void boom(void) { inner(pfn_to_page(0), 3); }`, { config: ['CONFIG_DEBUG_VM'] });
    expect(p.errors).toEqual([]);
    const a = go(p, 'outer');
    expect(a.verdict).toBe('bug');
    expect(a.detail).toBe('VM_BUG_ON_PAGE(page->_refcount != 1, page) hit; page = &memmap[3]');
    expect(a.stack).toEqual([
      { function: 'outer', file: 't.c', line: 14 },
      { function: 'inner', file: 't.c', line: 8 },
      { function: 'check', file: 't.c', line: 4 },
    ]);
    expect(a.thread).toBe('main');
    const b = go(p, 'boom');
    expect(b.verdict).toBe('bug');
    expect(b.detail).toBe('BUG_ON(n > 2) hit');
    expect(b.stack!.map((s) => s.function)).toEqual(['boom', 'inner']);
  });

  it('records WARN_ON as a hazard and continues; WARN_ON_ONCE only once per site', async () => {
    const r = await run1(`
      int f(void) {
        int i, warned = 0;
        for (i = 0; i < 3; i++) {
          if (WARN_ON(i == 1)) warned++;
          if (WARN_ON_ONCE(i >= 1)) warned += 10;
        }
        return warned;
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(21);
    expect(r.hazards.map((h) => [h.kind, h.function, h.detail])).toEqual([
      ['warn', 'f', 'WARN_ON(i == 1) at t.c:6'],
      ['warn', 'f', 'WARN_ON_ONCE(i >= 1) at t.c:7'],
    ]);
    expect(r.trace.filter((e) => e.t === 'hazard')).toHaveLength(2);
  });
});

describe('calls the model does not have', () => {
  it('compiles them to a trap naming the function and lists them before the run', async () => {
    const p = await compile(`
      int helper(int x);
      int f(int x) {
        if (x > 0)
          return lookup_swap_cache(x) + 1;
        return helper(x);
      }`);
    expect(p.errors).toEqual([]);
    expect(p.unresolvedCalls).toEqual([
      { name: 'lookup_swap_cache', file: 't.c', line: 6, function: 'f' },
      { name: 'helper', file: 't.c', line: 7, function: 'f' },
    ]);
    rt.reset();
    const ok = p.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f', args: [5] }] });
    expect(ok.verdict).toBe('error');
    expect(ok.detail).toBe('f() calls `lookup_swap_cache()`, which the model does not have (t.c:6)');
    expect(ok.stack).toEqual([{ function: 'f', file: 't.c', line: 6 }]);
    rt.reset();
    const neg = p.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f', args: [-5] }] });
    expect(neg.detail).toBe('f() calls `helper()`, which the model does not have (t.c:7)');
  });

  it('never silently skips: a function pointer to a declared-only function traps when called', async () => {
    const r = await run1(`
      void missing_cb(int x);
      void f(void) { void (*cb)(int) = missing_cb; cb(1); }`, 'f');
    expect(r.verdict).toBe('error');
    expect(r.detail).toContain('`missing_cb()`, which the model does not have');
  });

  it('turns a function that does not compile into a trap and keeps the others running', async () => {
    const p = await compile(`
      int good(void) { return 1; }
      int bad(void) { return no_such_variable + 1; }
      int calls_bad(void) { return good() + bad(); }`);
    expect(p.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual(['t.c:4: unknown identifier `no_such_variable`']);
    expect(go(p, 'good').verdict).toBe('completed');
    const r = go(p, 'calls_bad');
    expect(r.verdict).toBe('error');
    expect(r.detail).toBe('bad() does not compile: t.c:4: unknown identifier `no_such_variable`');
  });
});

describe('budgets', () => {
  it('stops an endless loop in bounded steps', async () => {
    const p = await compile(`void spin(void) { unsigned long n = 0; for (;;) n++; }
      void spin_goto(void) { again: goto again; }
      void spin_empty(void) { while (1) ; }`);
    for (const fn of ['spin', 'spin_goto', 'spin_empty']) {
      const r = go(p, fn, { steps: 5000 });
      expect(r.verdict).toBe('budget');
      expect(r.budget).toBe('steps');
      expect(r.steps).toBeLessThanOrEqual(5002);
      expect(r.detail).toContain(`in ${fn}()`);
    }
  });

  it('stops endless recursion at the call depth', async () => {
    const p = await compile(`long down(long n) { return down(n + 1) + 1; }`);
    const r = go(p, 'down', { callDepth: 100 }, [0n]);
    expect(r.verdict).toBe('budget');
    expect(r.budget).toBe('call-depth');
    expect(r.stack).toHaveLength(101);
    expect(r.detail).toBe('call depth 100 exceeded calling down()');
  });

  it('stops runaway model memory (stack and allocations)', async () => {
    const p = await compile(`
      struct big { long a[512]; };
      long deep(long n) { struct big b = {}; b.a[0] = n; return deep(n + 1) + b.a[0]; }
      long lits(void) { long n = 0; for (;;) n += (struct big){ .a = { 1 } }.a[0]; return n; }`);
    const a = go(p, 'deep', { stackBytes: 64 * 1024 }, [0n]);
    expect([a.verdict, a.budget]).toEqual(['budget', 'memory']);
    expect(a.detail).toMatch(/stack of 65536 bytes exhausted in deep\(\)/);
    const b = go(p, 'lits', { memoryBytes: 1 << 20 });
    expect([b.verdict, b.budget]).toEqual(['budget', 'memory']);
  });
});

describe('run-time errors', () => {
  it('makes division by zero a bug', async () => {
    const r = await run1(`int f(int d) { return 10 / d; }`, 'f', [0]);
    expect(r.verdict).toBe('bug');
    expect(r.detail).toBe('division by zero in `10 / d`');
  });

  it('checks builtin return values against the prototype', async () => {
    const p = await compileProgram({
      sources: [{ path: 't.c', text: 'unsigned long bad(void);\nunsigned long f(void) { return bad() + bool_ok(); }' }],
      builtins: {
        bad: { proto: 'unsigned long bad(void)', fn: () => 'oops' as unknown as bigint },
        bool_ok: { proto: 'bool bool_ok(void)', fn: () => true as unknown as number },
      },
    });
    expect(p.errors).toEqual([]);
    const r = p.run({ threads: [{ name: 'm', entry: 'f' }] });
    expect(r.verdict).toBe('error');
    expect(r.detail).toBe('builtin bad() returned string oops for `unsigned long`');
  });

  it('reports a JS exception in a builtin as an internal error with the model position', async () => {
    const p = await compileProgram({
      sources: [{ path: 't.c', text: 'int f(void) {\n  return broken();\n}' }],
      builtins: { broken: { proto: 'int broken(void)', fn: () => { throw new Error('kaput'); } } },
    });
    const r = p.run({ threads: [{ name: 'm', entry: 'f' }] });
    expect(r.verdict).toBe('error');
    expect(r.detail).toBe('internal error: kaput');
    expect(r.loc).toEqual({ file: 't.c', line: 2, function: 'f' });
    expect(r.internal).toBeInstanceOf(Error);
  });
});

describe('a non-void function that reaches its closing brace', () => {
  const G = `
static int g(int x)
{
	if (x)
		return 1;
}
`;
  it('ends the run with bug at the closing brace when the caller uses the value', async () => {
    for (const use of ['return g(0);', 'return g(0) + 1;', 'if (g(0)) return 3; return 4;', 'int v; v = g(0); return 0;', 'int (*fp)(int) = g; return fp(0);']) {
      const r = await run1(`${G}int f(void) { ${use} }`, 'f');
      expect(r.verdict, use).toBe('bug');
      expect(r.detail, use).toBe('control reaches end of non-void function g() (t.c:7) and the caller uses its value');
      expect(r.stack, use).toEqual([
        { function: 'f', file: 't.c', line: 8 },
        { function: 'g', file: 't.c', line: 7 },
      ]);
    }
  });

  it('is harmless when the caller discards the value, as in C', async () => {
    for (const use of ['g(0); return 5;', '(void)g(0); return 5;', '(g(0)); return 5;']) {
      const r = await run1(`${G}int f(void) { ${use} }`, 'f');
      expect(r.verdict, use).toBe('completed');
      expect(r.value, use).toBe(5);
    }
    // a call in the arguments of a discarded call is used
    const r = await run1(`${G}static int h(int v) { return v; }\nint f(void) { h(g(0)); return 5; }`, 'f');
    expect(r.verdict).toBe('bug');
    expect(r.stack!.map((s) => s.function)).toEqual(['f', 'g']);
  });

  it('a value the function does return is unaffected', async () => {
    const r = await run1(`${G}int f(void) { return g(2) + 1; }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(2);
  });

  it('an uninitialised int or pointer returned to a runtime caller ends the run with bug, not a JS error', async () => {
    const r = await run1(`int f(void) {\n\tint x;\n\treturn x;\n}`, 'f');
    expect(r.verdict).toBe('bug');
    expect(r.detail).toBe('f() (t.c:2) returns an uninitialised value, and its caller in the runtime uses it');
  });
});
