import { describe, it, expect } from 'vitest';
import { compileProgram } from '../../src/model/interp/index.js';

describe('smoke', () => {
  it('runs a tiny program', async () => {
    const p = await compileProgram({
      sources: [{ path: 'a.c', text: `
struct pair { int a; long b; };
static int add(int x, int y) { return x + y; }
long f(long npages) {
  unsigned long i = 0;
  int n = 0;
  struct pair p = { .a = 3 };
  for (i = 0; i < npages; i++) n = add(n, 1);
  p.b = n;
  return p.a + p.b;
}
` }],
    });
    expect(p.errors).toEqual([]);
    const r = p.run({ threads: [{ name: 't', entry: 'f', args: [10n] }] });
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(13n);
  });
});
