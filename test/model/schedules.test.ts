// Schedules: the default schedule is the plain run's order; a schedule id replays its run exactly;
// the two bundled scenarios with several threads run on every base, and on the bases before the
// 2023 page-reference fix the unmap race frees the page under a thread sleeping on its lock.
import { describe, expect, test } from 'vitest';
import { runScenario, type CompiledBase } from '../../src/model/scenario/run.js';
import { planOf, scheduleId, ScheduleError } from '../../src/model/scenario/schedule.js';
import { BASE_SPECS } from '../../src/model/source/bases.js';
import { searchSchedules } from '../../src/replay/explore/dpor.js';
import { compiled, scenario } from './helpers.js';

const RACES = ['nouveau-race-restore', 'nouveau-race-unmap'];
/** The bases with 7c7b962938dd (2023): remove_device_exclusive_entry() holds a reference while it waits for the page lock. */
const HAVE_2023_FIX = ['v6.13', 'v6.15'];

const plan = (id: string) => ({ trace: 'none' as const, schedule: planOf(id) });
const same = (o: ReturnType<typeof runScenario>) => ({ verdict: o.verdict, result: o.result, hazards: o.hazards, final: { ...o.final, steps: 0 } });

describe('schedule ids', () => {
  test('read back as written; a malformed one is refused with its reason', () => {
    expect([...planOf('cpu@25,unmap@31').choices]).toEqual([[25, 'cpu'], [31, 'unmap']]);
    expect(planOf('default').choices.size).toBe(0);
    expect(() => planOf('cpu@x')).toThrow(ScheduleError);
    expect(() => planOf('')).toThrow(/not a schedule id/);
    expect(scheduleId([])).toBe('default');
  });
});

describe('the scenarios with several threads', () => {
  test('run on every base; their default schedule is the plain run, with the other threads waiting for the setup', async () => {
    for (const spec of BASE_SPECS) {
      const c = await compiled(spec.name);
      for (const name of RACES) {
        const p = runScenario(c, scenario(name), { trace: 'none' });
        expect([spec.name, name, p.verdict, p.result, p.hazards]).toEqual([spec.name, name, 'completed', 0, []]);
        const d = runScenario(c, scenario(name), plan('default'));
        expect(same(d)).toEqual(same(p));
        const log = d.explore!.schedule!;
        expect([log.id, log.preemptions, log.pruned, log.diverged]).toEqual(['default', 0, false, null]);
        // until the setup is done only the first thread is a choice
        const setup = log.points.findIndex((x) => x.enabled.length > 1);
        expect(log.points.slice(0, setup).every((x) => x.chosen === scenario(name).threads[0]!.name)).toBe(true);
      }
    }
  });

  test('a schedule id replays its run exactly, and names itself again', async () => {
    const c = await compiled('v5.14');
    const a = runScenario(c, scenario('nouveau-race-unmap'), plan('cpu@25'));
    const b = runScenario(c, scenario('nouveau-race-unmap'), plan('cpu@25'));
    expect(same(a)).toEqual(same(b));
    expect(a.explore!.schedule!.id).toBe('cpu@25');
    expect(a.explore!.schedule!.preemptions).toBe(1);
  });

  test('a choice the run cannot make there is said so; the run goes on in the default order', async () => {
    const c = await compiled('v5.14');
    const o = runScenario(c, scenario('nouveau-race-unmap'), plan('cpu@3'));
    expect(o.explore!.schedule!.diverged).toBe(3);
    expect(o.explore!.schedule!.id).toBe('default');
  });

  test('before the 2023 fix, freeing the page under a thread asleep on its lock in remove_device_exclusive_entry()', async () => {
    for (const spec of BASE_SPECS.filter((b) => !HAVE_2023_FIX.includes(b.name))) {
      const c: CompiledBase = await compiled(spec.name);
      const o = runScenario(c, scenario('nouveau-race-unmap'), { trace: 'events', schedule: planOf('cpu@25') });
      const h = o.hazards.filter((x) => x.kind === 'wait-on-unreferenced-page');
      expect(h.map((x) => x.detail), spec.name).toEqual([
        'pfn 0x1004 is freed (its last reference dropped in nouveau_atomic_range_fault()) while cpu waits for its page lock in remove_device_exclusive_entry() without holding a reference',
      ]);
      // the CPU thread slept without a reference after dropping mmap_lock; munmap zapped the
      // entry meanwhile and the GPU fault's put_page() was the last
      const events = o.trace.filter((e) => e.t === 'note' && e.fn === '(schedule)').map((e) => (e as { text: string }).text);
      expect(events).toEqual([
        'schedule point 0: gpu runs (starts)',
        expect.stringMatching(/^schedule point 25: cpu runs/),
        expect.stringMatching(/^schedule point \d+: unmap runs/),
        expect.stringMatching(/^schedule point \d+: gpu runs \(unlock_page\(pfn 0x1004\)\)$/),
        expect.stringMatching(/^schedule point \d+: cpu runs/),
      ]);
    }
  });

  test('from the 2023 fix on (v6.13, v6.15) no schedule frees the page under the sleeper', async () => {
    for (const name of HAVE_2023_FIX) {
      const c: CompiledBase = await compiled(name);
      const s = await searchSchedules(async (p) => runScenario(c, scenario('nouveau-race-unmap'), { trace: 'none', schedule: p }), { maxRuns: 1000, bound: 2 });
      expect(s.runs.length, name).toBeGreaterThan(1);
      expect(s.runs.flatMap((o) => o.hazards.filter((x) => x.kind === 'wait-on-unreferenced-page')), name).toEqual([]);
    }
  });
});
