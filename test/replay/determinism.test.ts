// Replay is deterministic: the same input gives byte-identical review JSON from separate processes,
// whatever the time zone and locale, and the JSON carries no wall-clock value (no run time, no
// duration): the only dates in it are the messages' own.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli, ROOT } from '../review/built-cli.js';

const SCENARIOS = ['--scenario', 'nouveau-atomic-small', 'nouveau-atomic-thp-tail'];
const ENVS: Record<string, string>[] = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Asia/Kathmandu', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }, // +05:45, decimal comma
];

function review(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [join(ROOT, 'bin/lkml-replay.js'), 'review', input, ...SCENARIOS, '--format', 'json'], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', fail);
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe.each([
  ['the v10 thread', 'fixtures/threads/v10-07-device-exclusive.mbox'],
  ['the seed', 'fixtures/threads/000_00c7ef2d00851f1b.txt'],
])('review --format json of %s', (_name, input) => {
  test('is byte-identical from two processes with different TZ and LANG, and holds no wall-clock value', async () => {
    cli(['--version']); // builds lib/ first when the sources are newer
    const [a, b] = await Promise.all(ENVS.map((env) => review(input, env)));
    for (const r of [a!, b!]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(a!.stdout.length).toBeGreaterThan(10_000);
    expect(b!.stdout === a!.stdout).toBe(true);
    const doc = JSON.parse(a!.stdout) as { variants: unknown[] };
    expect(doc.variants.length).toBeGreaterThan(0);
    // Every timestamp is a message date of 2021 (the thread's), none is the time of the run.
    const stamps = a!.stdout.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/g) ?? [];
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) expect(s.slice(0, 4), s).toBe('2021');
    expect(a!.stdout).not.toMatch(/"(generatedAt|timestamp|elapsed|duration|durationMs|ms|time)"\s*:/);
  }, 900_000);
});
