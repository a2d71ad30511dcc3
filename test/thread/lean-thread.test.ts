// The lean parse (`thread` on any input: threading keys in memory, everything else spilled to a
// temporary file and made again when read, src/thread/lean-thread.ts) gives the same `thread`
// JSON and text, byte for byte, as the plain parse: on the v10 thread, the seed plus a
// duplicate of it, and a generated corpus with undated mails, a broken message and a duplicate.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseThread } from '../../src/thread/parse-thread.js';
import { threadJson } from '../../src/report/thread-json.js';
import { threadText } from '../../src/report/thread-text.js';
import { writeCorpus } from '../../bench/corpus.js';

const THREAD = 'fixtures/threads/v10-07-device-exclusive.mbox';
const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';

const tmp = mkdtempSync(join(tmpdir(), 'lkml-replay-lean-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const gen = join(tmp, 'gen.mbox');

beforeAll(async () => {
  await writeCorpus(gen, { seed: 23, messages: 600 });
  // Some mails lose their Date (they keep input order at the end), then a headerless message
  // and a second copy of the first mail.
  const mails = readFileSync(gen, 'latin1').split(/^(?=From mboxrd@z )/m);
  writeFileSync(gen, mails.map((m, i) => (i % 9 === 4 ? m.replace(/^Date: .*\r?\n/m, '') : m)).join(''), 'latin1');
  appendFileSync(gen, 'From mboxrd@z Thu Jan  1 00:00:00 1970\nnot a header line\n\n' + mails[0]!, 'latin1');
}, 120_000);

async function both(inputs: string[]) {
  const plain = await parseThread(inputs, { mboxrd: true, workers: 0 });
  const lean = await parseThread(inputs, { mboxrd: true, workers: 0, lean: true });
  return { plain, lean };
}

describe('lean parse', () => {
  it('v10 thread: same JSON and text', async () => {
    const { plain, lean } = await both([THREAD, SEED]);
    expect(lean.messages).toHaveLength(12);
    expect(lean.messages.some((m) => m.diffs.some((d) => d.quotedFrom !== null))).toBe(true);
    expect(threadJson(lean)).toBe(threadJson(plain));
    expect(threadText(lean)).toBe(threadText(plain));
  });

  it('a duplicate is reported against the first copy, as in the plain parse', async () => {
    const { plain, lean } = await both([THREAD, THREAD]);
    expect(lean.errors).toHaveLength(11);
    expect(lean.errors).toEqual(plain.errors);
  });

  it('generated corpus: same JSON and text, and the same Message objects (less hunk lines)', async () => {
    const { plain, lean } = await both([gen]);
    expect(lean.messages.length).toBeGreaterThan(500);
    expect(lean.messages.filter((m) => m.date === null).length).toBeGreaterThan(40);
    expect(lean.errors.map((e) => e.message)).toEqual(['no mail headers after the From_ line', expect.stringContaining('duplicate Message-ID')]);
    expect(threadJson(lean)).toBe(threadJson(plain));
    expect(threadText(lean)).toBe(threadText(plain));
    // Whole messages through JSON.stringify (a spilled diff writes its parts in Diff's key order).
    const strip = (v: unknown): string => JSON.stringify(v, (k, x: unknown) => (k === 'lines' ? undefined : x));
    expect(strip(lean)).toBe(strip(plain));
  });
});
