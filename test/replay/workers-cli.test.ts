// The built CLI with the scenarios spread over worker threads and with everything in the main
// thread: the review JSON of the whole v10 thread is the same bytes; a bad --jobs is a usage error.
import { describe, expect, test } from 'vitest';
import { cli } from '../review/built-cli.js';

const V10 = 'fixtures/threads/v10-07-device-exclusive.mbox';
const T = 600_000;

describe('review --jobs', () => {
  test(
    'the v10 thread: --jobs 2 (workers) and --jobs 1 (main thread) print the same JSON bytes',
    () => {
      const one = cli(['review', V10, '--format', 'json', '--jobs', '1']);
      const two = cli(['review', V10, '--format', 'json', '--jobs', '2']);
      for (const r of [one, two]) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const doc = JSON.parse(two.stdout) as { scenarios: string[]; variants: { results: unknown[] }[] };
      // every bundled scenario ran, so both workers had scenarios to run
      expect(doc.scenarios.length).toBeGreaterThanOrEqual(4);
      expect(doc.variants.some((v) => v.results.length === doc.scenarios.length)).toBe(true);
      expect(two.stdout === one.stdout).toBe(true);
    },
    T,
  );

  test('exploring faults and schedules in workers gives the same bytes as in the main thread', () => {
    const args = ['review', 'fixtures/patches/explore-page-ref-before-lock.patch', '--base', 'v6.1', '--scenario', 'nouveau-atomic-small', 'nouveau-race-unmap', '--explore', 'faults,schedules', '--format', 'json'];
    const one = cli([...args, '--jobs', '1']);
    const two = cli([...args, '--jobs', '2']);
    expect([one.code, two.code, two.stderr]).toEqual([0, 0, '']);
    expect(JSON.parse(two.stdout).explore.findings).toBeGreaterThan(0);
    expect(two.stdout === one.stdout).toBe(true);
  }, T);

  test('LKML_REPLAY_JOBS=2 gives the same bytes as --jobs 1 on the seed', () => {
    const one = cli(['review', '--format', 'json', '--jobs', '1']);
    const env = process.env.LKML_REPLAY_JOBS;
    process.env.LKML_REPLAY_JOBS = '2';
    try {
      const two = cli(['review', '--format', 'json']);
      expect(two.code).toBe(0);
      expect(two.stdout === one.stdout).toBe(true);
    } finally {
      if (env === undefined) delete process.env.LKML_REPLAY_JOBS;
      else process.env.LKML_REPLAY_JOBS = env;
    }
  }, T);

  test.each(['0', 'two', '1000', '1.5'])('--jobs %s: one line, exit 2', (n) => {
    const r = cli(['review', '--jobs', n]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`--jobs must be a whole number from 1 to 999, not "${n}"`)]);
  });
});
