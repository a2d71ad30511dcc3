// The scenario format: what a kernel developer writes by hand is read strictly.
import { chooseScenarios } from '../../src/model/scenario/select.js';
import { describe, expect, test } from 'vitest';
import { loadBundledScenarios, parseScenario, parseSize } from '../../src/model/scenario/load.js';
import { outcomesText } from '../../src/model/scenario/render.js';
import { runScenario } from '../../src/model/scenario/run.js';
import { compiled, scenario } from './helpers.js';

const fail = (m: string): never => {
  throw new Error(m);
};

describe('scenario files', () => {
  test('the bundled scenarios: the seven of issue 3 and two with several threads', () => {
    expect(loadBundledScenarios().map((s) => s.name).sort()).toEqual([
      'hmm-exclusive', 'hmm-exclusive-cow', 'hmm-exclusive-mprotect', 'hmm-exclusive-thp',
      'nouveau-atomic-small', 'nouveau-atomic-thp-head', 'nouveau-atomic-thp-tail',
      'nouveau-race-restore', 'nouveau-race-unmap',
    ]);
    expect(loadBundledScenarios().filter((s) => s.threads.length > 1).map((s) => s.threads.map((t) => t.name))).toEqual([['cpu', 'gpu'], ['gpu', 'cpu', 'unmap']]);
    // the two run when named, or when schedules are explored; a review runs the seven by default
    expect(chooseScenarios(loadBundledScenarios(), [], [])).toHaveLength(7);
    expect(chooseScenarios(loadBundledScenarios(), [], [], { schedules: true })).toHaveLength(9);
    expect(chooseScenarios(loadBundledScenarios(), ['nouveau-race-unmap'], []).map((s) => s.name)).toEqual(['nouveau-race-unmap']);
  });

  test('thread names are lower-case words (schedule ids name them)', () => {
    expect(() => parseScenario('name: t\nthreads:\n  GPU: []\n')).toThrow(/thread name "GPU": use lower-case letters/);
  });

  test('sizes, pages, values, errnos and threads', () => {
    expect(parseSize('2MiB+4KiB', 'x', fail)).toBe(0x201000n);
    const s = parseScenario(`
name: two-threads
thp: true
setup:
  - mmap: { name: buf, size: 4MiB, prot: rw }
threads:
  gpu:
    - gpu-atomic-fault: { at: buf, page: 3, expect: -EBUSY }
  cpu:
    - write: { at: buf, pages: 2, value: index+1 }
`);
    expect(s.thp).toBe(true);
    expect(s.threads.map((t) => t.name)).toEqual(['gpu', 'cpu']);
    expect(s.threads[0]!.steps[0]).toEqual({ op: 'gpu-atomic-fault', at: 'buf', offset: 0x3000n, expect: -16, process: 'main' });
    expect(s.threads[1]!.steps[0]).toMatchObject({ op: 'write', pages: 2, value: { kind: 'index', plus: 1 } });
  });

  test.each([
    ['name: x\nsetup:\n  - mmap: { name: b, size: 4KiB, colour: red }', /unknown key `colour`/],
    ['name: x\nsteps:\n  - write: { at: nowhere }', /`at` names a buffer made by an earlier mmap/],
    ['name: x\nsteps:\n  - teleport: {}', /unknown step `teleport`/],
    ['name: x\nsetup:\n  - mmap: { name: b, size: 5000 }', /multiple of 4KiB/],
    ['name: x\nsetup:\n  - mmap: { name: b, size: 4KiB }\nsteps:\n  - write: { at: b, process: child }', /no process `child`/],
    ['name: Bad Name', /lower-case/],
  ])('rejects %j', (text, msg) => {
    expect(() => parseScenario(text, 'x.yaml')).toThrow(msg);
  });

  test('a hand-written scenario file runs: two threads, the CPU racing a GPU fault', async () => {
    const s = parseScenario(`
name: race
setup:
  - mmap: { name: buf, size: 4KiB, prot: rw }
  - write: { at: buf, value: 7 }
  - nouveau-init: { device: nouveau }
threads:
  gpu:
    - gpu-atomic-fault: { at: buf }
  cpu:
    - write: { at: buf, value: increment }
    - read: { at: buf, expect: 8 }
`);
    const o = runScenario(await compiled('v5.14'), s, { trace: 'none' });
    expect(o.verdict).toBe('completed');
    expect(o.final.asserts.failed).toEqual([]);
  });
});

describe('threads', () => {
  test('a CPU thread touching the THP the stuck GPU worker holds locked joins the deadlock', async () => {
    const s = parseScenario(`
name: thp-head-with-cpu
thp: true
setup:
  - mmap: { name: buf, size: 2MiB, prot: rw }
  - write: { at: buf, value: index }
  - nouveau-init: { device: nouveau }
threads:
  gpu:
    - gpu-atomic-fault: { at: buf }
  cpu:
    - write: { at: buf, page: 7, pages: 1, value: increment }
`);
    const o = runScenario(await compiled('v5.14'), s, { trace: 'events' });
    expect(o.verdict).toBe('deadlock');
    // the worker waits for itself; the CPU (which dropped mmap_lock to retry, then sleeps on the
    // page lock) waits for the worker
    expect(o.detail).toMatch(/gpu waits for page lock of pfn (0x[0-9a-f]+) held by gpu \(itself\)/);
    const blocks = o.trace.filter((e) => e.t === 'lock' && e.op === 'block').map((e) => (e as { thread: string }).thread);
    expect(blocks).toContain('cpu');
  });
});

describe('text output', () => {
  test('one line a scenario; details list notifier traffic and hazards', async () => {
    const o = runScenario(await compiled('v10'), scenario('nouveau-atomic-thp-tail'), { trace: 'none' });
    const text = outcomesText([o], true).split('\n');
    expect(text[0]).toMatch(/^nouveau-atomic-thp-tail\s+v10\s+completed\s+result -22 \(-EINVAL\)\s+retries 0\s+tail-mapping-read$/);
    expect(text).toContain('    notifier CLEAR owner unset from __split_huge_pmd (from split_huge_pmd in follow_pmd_mask): nouveau_svm_range_invalidate seq-bumped, nouveau_svmm_invalidate_range_start called');
    expect(text.some((l) => l.startsWith('    hazard tail-mapping-read in page_lock_anon_vma_read: '))).toBe(true);
  });
});
