// `lkml-replay scenarios` and `lkml-replay model` through commander, on the sources (not lib/).
import { Command } from 'commander';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { registerScenarios } from '../../src/cli/commands/scenarios.js';
import { registerModel } from '../../src/cli/commands/model.js';
import { InputError, UsageError } from '../../src/util/errors.js';

async function cli(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerScenarios(program);
  registerModel(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    await program.parseAsync(['node', 'lkml-replay', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('lkml-replay scenarios', () => {
  test('text: one line a scenario', async () => {
    const out = await cli('scenarios', '--base', 'v10', '--scenario', 'nouveau-atomic-small', 'nouveau-atomic-thp-tail');
    expect(out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^nouveau-atomic-small\s+v10\s+completed\s+result 0\s+retries 0\s+no hazards$/),
      expect.stringMatching(/^nouveau-atomic-thp-tail\s+v10\s+completed\s+result -22 \(-EINVAL\)\s+retries 0\s+tail-mapping-read$/),
    ]);
  });

  test('json: Outcomes with the fields of issue 3, in order', async () => {
    const [o] = JSON.parse(await cli('scenarios', '--base', 'v5.14', '--scenario', 'nouveau-atomic-thp-head', '--format', 'json', '--trace', 'events'));
    expect(Object.keys(o)).toEqual(['scenario', 'base', 'verdict', 'result', 'retries', 'detail', 'notifiers', 'hazards', 'final', 'trace']);
    expect([o.scenario, o.base, o.verdict, o.retries]).toEqual(['nouveau-atomic-thp-head', 'v5.14', 'deadlock', 1]);
    expect(o.trace.some((e: { t: string }) => e.t === 'call')).toBe(false);
  });

  test('bad input is a usage or input error (exit 2)', async () => {
    await expect(cli('scenarios', '--base', 'v9')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(cli('scenarios', '--scenario', 'nope')).rejects.toBeInstanceOf(UsageError);
    await expect(cli('scenarios', '--scenario-file', '/nonexistent.yaml')).rejects.toBeInstanceOf(InputError);
    await expect(cli('scenarios', '--scenario', 'nouveau-atomic-small', '--patch', '/nonexistent.patch')).rejects.toBeInstanceOf(InputError);
  });
});

describe('lkml-replay scenarios --explore, --fault, --schedule', () => {
  test('--explore: the base\'s own findings beyond the plain run, each with the flag that replays it', async () => {
    const out = await cli('scenarios', '--base', 'v6.1', '--scenario', 'nouveau-race-unmap', '--explore', 'schedules', '--preemptions', '1');
    expect(out).toMatch(/^nouveau-race-unmap on v6.1, explored: \d+ schedule runs; \d+ beyond the plain run$/m);
    expect(out).toContain('under schedule cpu@25: completed 0');
    expect(out).toContain('replay: --schedule cpu@25');
    expect(out).toMatch(/shows: hazard wait-on-unreferenced-page in `nouveau_atomic_range_fault`/);
  });

  test('--fault and --schedule run each scenario under them and say whether they applied', async () => {
    const id = 'nouveau_svm_fault_model/nouveau_atomic_range_fault/make_device_exclusive_range/get_user_pages_remote#1=efault';
    const out = await cli('scenarios', '--base', 'v5.14', '--scenario', 'nouveau-atomic-small', 'hmm-exclusive-thp', '--fault', id);
    expect(out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^nouveau-atomic-small\s+v5.14\s+completed\s+result -22 \(-EINVAL\)/),
      `    fault ${id}: failed here (get_user_pages_remote() fails with -EFAULT)`,
      expect.stringMatching(/^hmm-exclusive-thp\s+v5.14\s+completed\s+result -16/),
      `    fault ${id}: not reached in this scenario (nothing failed)`,
    ]);
    const [o] = JSON.parse(await cli('scenarios', '--base', 'v5.14', '--scenario', 'nouveau-race-unmap', '--schedule', 'cpu@25', '--format', 'json', '--trace', 'none'));
    expect(o.explore.schedule.id).toBe('cpu@25');
    expect(o.hazards.map((h: { kind: string }) => h.kind)).toContain('wait-on-unreferenced-page');
  });

  test('bad values are usage errors naming the flag', async () => {
    await expect(cli('scenarios', '--explore', 'races')).rejects.toThrow(/--explore takes faults and\/or schedules, not "races"/);
    await expect(cli('scenarios', '--fault', 'get_user_pages_remote')).rejects.toThrow(/--fault takes a failure point id/);
    await expect(cli('scenarios', '--schedule', 'cpu:25')).rejects.toThrow(/--schedule: not a schedule id/);
    await expect(cli('scenarios', '--explore', 'faults', '--max-faults', '0')).rejects.toBeInstanceOf(UsageError);
  });
});

describe('lkml-replay scenarios --patch', () => {
  test('a git format-patch mail (signature and all) applies as review reads it, and replays', async () => {
    const out = await cli('scenarios', '--base', 'v10', '--scenario', 'nouveau-atomic-small', '--patch', 'fixtures/patches/review-split-after-init.patch');
    expect(out).toMatch(/^nouveau-atomic-small\s+v10 \+ fixtures\/patches\/review-split-after-init\.patch\s+deadlock\s+result none\s+retries 1/);
  });

  test('a diff that does not apply, or no diff at all, is an input error naming the file once', async () => {
    const err = await cli('scenarios', '--base', 'v10', '--patch', 'fixtures/patches/split-thp-before-exclusive.patch').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe('fixtures/patches/split-thp-before-exclusive.patch');
    expect((err as InputError).message).toBe('fixtures/patches/split-thp-before-exclusive.patch: does not apply to lib/test_hmm.c');
    const none = await cli('scenarios', '--patch', 'fixtures/patches/README.md').catch((e: unknown) => e);
    expect(none).toBeInstanceOf(InputError);
    expect((none as InputError).message).toBe('fixtures/patches/README.md: no unified diff found');
  });
});

describe('lkml-replay model', () => {
  test('lists model C with line ranges, primitives with prototypes, bases and scenarios', async () => {
    const d = JSON.parse(await cli('model', '--format', 'json'));
    const fn = (n: string) => d.functions.find((f: { name: string }) => f.name === n);
    expect(fn('page_make_device_exclusive_one')).toMatchObject({ kind: 'model C', file: 'mm/rmap.c', compiles: true });
    expect(fn('__split_huge_pmd')).toMatchObject({ kind: 'model C', file: 'mm/huge_memory.c' });
    expect(fn('nouveau_atomic_range_fault')).toMatchObject({ file: 'drivers/gpu/drm/nouveau/nouveau_svm.c' });
    expect(fn('trylock_page')).toMatchObject({ kind: 'TypeScript primitive', proto: 'bool trylock_page(struct page *page)' });
    expect(d.functions.filter((f: { compiles?: boolean }) => f.compiles === false)).toEqual([]);
    expect(d.bases.map((b: { name: string }) => b.name)).toEqual(['v10', 'v5.14', 'v6.1', 'v6.13', 'v6.15']);
    expect(d.scenarios).toHaveLength(9);
    const text = await cli('model');
    expect(text).toMatch(/^Model C of v5.14 \(\d+ functions; a hunk can change these\), each with the kernel text it was read from:/);
  });

  test('says which kernel text each function of each base was read from', async () => {
    const d = JSON.parse(await cli('model', '--format', 'json'));
    expect(d.base).toBe('v5.14');
    const fn = (n: string) => d.functions.find((f: { name: string }) => f.name === n);
    expect(fn('make_device_exclusive_range').readFrom).toEqual({ kind: 'release', version: 'v5.14' });
    expect(fn('rmap_walk_ksm').readFrom).toMatchObject({ kind: 'release', version: 'v5.14', from: 'mm/ksm.c', deviations: [expect.stringMatching(/^not modelled: KSM pages/)] });
    expect(fn('dmirror_model_ioctl').readFrom).toEqual({ kind: 'harness', version: 'model harness', standsFor: 'dmirror_fops_unlocked_ioctl()' });
    const base = (n: string) => d.bases.find((b: { name: string }) => b.name === n);
    expect(base('v5.14')).toMatchObject({ kind: 'release' });
    expect(base('v10')).toMatchObject({ kind: 'posting', over: 'v5.14' });
    const inV10 = (n: string) => base('v10').functions.find((f: { name: string }) => f.name === n).readFrom;
    // what the posting's patch changes is as posted, with the mail; the rest is the base's
    expect(inV10('make_device_exclusive_range')).toEqual({ kind: 'posting', version: '[PATCH v10 07/10] mm: Device exclusive memory access', messageId: '20210607075855.5084-8-apopple@nvidia.com' });
    expect(inV10('dmirror_exclusive')).toMatchObject({ kind: 'posting', version: '[PATCH v10 08/10] mm: Selftests for exclusive device memory' });
    expect(inV10('nouveau_atomic_range_fault')).toMatchObject({ kind: 'posting', version: '[PATCH v10 10/10] nouveau/svm: Implement atomic SVM access' });
    expect(inV10('copy_nonpresent_pte')).toMatchObject({ kind: 'posting', deviations: [expect.stringMatching(/one-vma prototype/)] });
    expect(inV10('restore_exclusive_pte')).toEqual({ kind: 'release', version: 'v5.14' });
    expect(base('v10').functions.every((f: { readFrom: unknown }) => f.readFrom !== null)).toBe(true);

    const text = (await cli('model', '--base', 'v10')).split('\n');
    expect(text[0]).toMatch(/^Model C of v10 /);
    expect(text).toContainEqual(expect.stringMatching(/^ {4}page_make_device_exclusive +lines \d+-\d+ +as posted in \[PATCH v10 07\/10\] mm: Device exclusive memory access$/));
    expect(text).toContainEqual(expect.stringMatching(/^ {4}dmirror_model_ioctl +lines \d+-\d+ +model harness$/));
    expect(text).toContainEqual(expect.stringMatching(/^ {4}rmap_walk_file +lines \d+-\d+ +v5.14, differs$/));
    expect(text).toContainEqual(expect.stringMatching(/^ {9}as posted in \[PATCH v10 08\/10\] mm: Selftests for exclusive device memory: dmirror_check_atomic, dmirror_exclusive$/));
    expect(text).toContainEqual(expect.stringMatching(/^ {9}\d+ as read from v5.14, \d+ differ from it for recorded reasons, 5 model harness$/));
    await expect(cli('model', '--base', 'v9')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});
