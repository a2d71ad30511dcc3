// Two patches of the first posting of the 2025 "mm: fixes for device-exclusive entries" series
// (../shared/real-patches/13 and 16, v1 03/12 and 06/12, written on 6.14-rc, whose files are
// v6.13's but for the nouveau fix b3fefbb30a16), with no --base: both go to v6.13, the base
// they were written for as closely as the model has it, and each hunk says what stops it there.
// The one behaviour a scenario can see -- 06/12's mprotect() no longer downgrading writable
// device-exclusive entries -- replays with --partial.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import { reasonText } from '../../src/report/placement-words.js';

const REAL = resolve(process.env.LKML_REPLAY_SHARED ?? resolve(import.meta.dirname, '../../../shared'), 'real-patches');
const P = (name: string) => resolve(REAL, name);
const pick = (...names: string[]) => loadBundledScenarios().filter((s) => names.includes(s.name));

describe.skipIf(!existsSync(REAL))('the 2025 series, v1 03/12 and 06/12, no --base', () => {
  test('03/12 (make_device_exclusive_range() -> make_device_exclusive()) chooses v6.13; what it needs first is named', async () => {
    const r = await review({ inputs: [P('13-rmap-convert-to-make_device_exclusive.patch')], scenarios: [] });
    const v = r.variants[0]!;
    expect(v.base).toMatchObject({ base: 'v6.13', rule: 'closest' });
    expect(v.series).toMatchObject({ version: 1, index: 3, total: 12, missing: [1, 2] });
    const by = (file: string, fn: string) => v.hunks.filter((h) => h.file === file && h.function === fn);
    // written on top of 02/12, which adds the hugetlb check to the line it removes
    expect(by('mm/rmap.c', 'folio_make_device_exclusive')[0]).toMatchObject({ mapped: false, unplaced: 'context-not-found' });
    expect(by('mm/rmap.c', 'folio_make_device_exclusive')[0]!.reason).toMatchObject({ kind: 'removed-line-differs', line: expect.stringContaining('folio_test_hugetlb(folio)') });
    expect(reasonText(by('mm/rmap.c', 'folio_make_device_exclusive')[0]!.reason!)).toContain('folio_test_hugetlb(folio)');
    // written on top of the nouveau fix b3fefbb30a16, which declares `folio`
    expect(by('drivers/gpu/drm/nouveau/nouveau_svm.c', 'nouveau_atomic_range_fault')[0]).toMatchObject({ mapped: false, unplaced: 'does-not-compile' });
    expect(by('drivers/gpu/drm/nouveau/nouveau_svm.c', 'nouveau_atomic_range_fault')[0]!.reason).toMatchObject({ kind: 'does-not-compile', message: 'unknown identifier `folio`' });
    // the function the rmap.c hunk would add is v6.15's
    const calls = v.hunks.find((h) => h.unplaced === 'calls-unknown-function')!.reason!;
    expect(calls).toMatchObject({ kind: 'calls-unknown', calls: expect.arrayContaining([expect.objectContaining({ name: 'make_device_exclusive', added: true, elsewhere: ['v6.15'] })]) });
    expect(reasonText(calls)).toContain('the model has `make_device_exclusive` in v6.15');
    expect(v.replayed).toBe(false);
  }, 600_000);

  test('06/12 (one SWP_DEVICE_EXCLUSIVE type) chooses v6.13; with --partial its mprotect hunk leaves writable entries writable', async () => {
    const r = await review({ inputs: [P('16-single-SWP_DEVICE_EXCLUSIVE-entry-type.patch')], partial: true, scenarios: pick('hmm-exclusive-mprotect') });
    const v = r.variants[0]!;
    expect(v.base).toMatchObject({ base: 'v6.13', rule: 'closest' });
    expect(v.hunks.filter((h) => h.mapped).map((h) => [h.file, h.function])).toEqual([['mm/mprotect.c', 'change_pte_range']]);
    expect(v.hunks.filter((h) => h.unplaced === 'function-is-runtime-primitive').map((h) => h.file)).toEqual(['include/linux/swapops.h', 'include/linux/swapops.h', 'include/linux/swapops.h']);
    expect(v).toMatchObject({ replayed: true, partial: true });
    const x = v.results.find((y) => y.scenario === 'hmm-exclusive-mprotect')!;
    expect([x.outcome.verdict, x.outcome.result, x.changed]).toEqual(['completed', 0, true]);
    expect(x.outcome.final.processes[0]!.ptes.every((l) => /device-exclusive-write pfn/.test(l))).toBe(true);
    expect(r.bases[0]!.baseline['hmm-exclusive-mprotect']!.final.processes[0]!.ptes.every((l) => /device-exclusive-read pfn/.test(l))).toBe(true);
  }, 600_000);
});
