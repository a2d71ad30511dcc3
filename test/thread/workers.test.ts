// Worker threads give the same parse as one thread, byte for byte: run on the compiled lib/
// (the worker module is lib/thread/record-worker.js), on a generated mbox with a broken message
// and a duplicate in it. Also: a lean parse prints the same `thread` JSON.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from './built-cli.js';
import { writeCorpus } from '../../bench/corpus.js';

type ParseModule = typeof import('../../src/thread/parse-thread.js');
type JsonModule = typeof import('../../src/report/thread-json.js');
type PoolModule = typeof import('../../src/thread/record-pool.js');

const tmp = mkdtempSync(join(tmpdir(), 'lkml-replay-workers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let lib: { parse: ParseModule; json: JsonModule; pool: PoolModule };
const file = join(tmp, 'gen.mbox');

beforeAll(async () => {
  ensureBuilt();
  const load = <T>(rel: string): Promise<T> => import(pathToFileURL(join(ROOT, 'lib', rel)).href) as Promise<T>;
  lib = { parse: await load('thread/parse-thread.js'), json: await load('report/thread-json.js'), pool: await load('thread/record-pool.js') };
  await writeCorpus(file, { seed: 11, messages: 700 });
  // Every tenth mail loses its Date (undated mails keep their input order, so a batch handed
  // back out of order would show), then a message with no headers and a copy of the first.
  const mails = readFileSync(file, 'latin1').split(/^(?=From mboxrd@z )/m);
  const undated = mails.map((m, i) => (i % 10 === 3 ? m.replace(/^Date: .*\r?\n/m, '') : m));
  writeFileSync(file, undated.join(''), 'latin1');
  appendFileSync(file, 'From mboxrd@z Thu Jan  1 00:00:00 1970\nnot a header line\n\n' + mails[0]!, 'latin1');
}, 120_000);

describe('worker threads', () => {
  it('the compiled worker module is there', () => {
    expect(lib.pool.poolAvailable()).toBe(true);
  });

  it('give the same ThreadParse as one thread (every field, hunk lines too)', async () => {
    const one = await lib.parse.parseThread([file], { mboxrd: true, workers: 0 });
    const two = await lib.parse.parseThread([file], { mboxrd: true, workers: 2 });
    expect(one.messages.length).toBeGreaterThan(600);
    expect(one.messages.filter((m) => m.date === null).length).toBeGreaterThan(60);
    expect(one.errors.map((e) => e.message)).toEqual([
      'no mail headers after the From_ line',
      expect.stringContaining('duplicate Message-ID'),
    ]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(lib.json.threadJson(two)).toBe(lib.json.threadJson(one));
  });

  it('report progress in bytes and messages, ending with done', async () => {
    const seen: { bytes: number; messages: number; done: boolean }[] = [];
    await lib.parse.parseThread([file], { mboxrd: true, workers: 2, onProgress: (p) => seen.push(p) });
    const last = seen[seen.length - 1]!;
    expect(last.done).toBe(true);
    expect(last.messages).toBe(702);
    expect(seen.every((p, i) => i === 0 || p.bytes >= seen[i - 1]!.bytes)).toBe(true);
  });

  it('a lean parse prints the same thread JSON and keeps no hunk lines', async () => {
    const full = await lib.parse.parseThread([file], { mboxrd: true, workers: 0 });
    const lean = await lib.parse.parseThread([file], { mboxrd: true, workers: 2, lean: true });
    expect(lib.json.threadJson(lean)).toBe(lib.json.threadJson(full));
    const hunks = lean.messages.flatMap((m) => m.diffs.flatMap((d) => d.files.flatMap((f) => f.hunks)));
    expect(hunks.length).toBeGreaterThan(100);
    expect(hunks.every((h) => h.lines.length === 0)).toBe(true);
  });
});
