// The two message stores of the thread builder (src/thread/tree/message-store.ts: in memory, or
// spilled to a temporary file with messages made again when read) give the same `thread` JSON
// and text, byte for byte: on the v10 thread, the seed plus a duplicate of it, a generated
// corpus with undated mails, a broken message and a duplicate, and odd threading shapes.
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

const tmp = mkdtempSync(join(tmpdir(), 'lkml-replay-store-'));
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
  const memory = await parseThread(inputs, { mboxrd: true, store: 'memory' });
  const spilled = await parseThread(inputs, { mboxrd: true, store: 'spill', hunkLines: false });
  return { memory, spilled };
}

describe('in-memory and spilled store', () => {
  it('v10 thread: same JSON and text', async () => {
    const { memory, spilled } = await both([THREAD, SEED]);
    expect(spilled.messages).toHaveLength(12);
    expect(spilled.messages.some((m) => m.diffs.some((d) => d.quotedFrom !== null))).toBe(true);
    expect(threadJson(spilled)).toBe(threadJson(memory));
    expect(threadText(spilled)).toBe(threadText(memory));
  });

  it('a duplicate is reported against the first copy, as in memory', async () => {
    const { memory, spilled } = await both([THREAD, THREAD]);
    expect(spilled.errors).toHaveLength(11);
    expect(spilled.errors).toEqual(memory.errors);
  });

  it('generated corpus: same JSON and text, and the same Message objects (less hunk lines)', async () => {
    const { memory, spilled } = await both([gen]);
    expect(spilled.messages.length).toBeGreaterThan(500);
    expect(spilled.messages.filter((m) => m.date === null).length).toBeGreaterThan(40);
    expect(spilled.errors.map((e) => e.message)).toEqual(['no mail headers after the From_ line', expect.stringContaining('duplicate Message-ID')]);
    expect(threadJson(spilled)).toBe(threadJson(memory));
    expect(threadText(spilled)).toBe(threadText(memory));
    // Whole messages through JSON.stringify (a spilled diff writes its parts in Diff's key order).
    const strip = (v: unknown): string => JSON.stringify(v, (k, x: unknown) => (k === 'lines' ? undefined : x));
    expect(strip(spilled)).toBe(strip(memory));
  });

  it('placeholders, loops, self-replies, subject-only trees and non-ASCII ids: the same from both', async () => {
    // Threading on id numbers (typed arrays) must give what the string ids give.
    const mail = (id: string, subject: string, date: string, extra = ''): string =>
      `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Ann <ann@example.org>\nSubject: ${subject}\nDate: ${date}\nMessage-ID: <${id}>\n${extra}\nbody of ${id}\n\n`;
    const text = [
      mail('cover@x', '[PATCH 0/2] mm: thing', 'Mon, 7 Jun 2021 10:00:00 +0000'),
      mail('r1@x', 'Re: [PATCH 0/2] mm: thing', 'Mon, 7 Jun 2021 11:00:00 +0000', 'In-Reply-To: <p1@x>\nReferences: <cover@x> <p1@x>\n'),
      mail('r2@x', 'Re: other', 'Mon, 7 Jun 2021 09:00:00 +0000', 'References: <gone1@x> <gone2@x> <gone3@x>\n'),
      mail('r3@x', 'Re: other', 'Mon, 7 Jun 2021 12:00:00 +0000', 'References: <gone2@x> <gone4@x>\n'),
      mail('same@x', 'Re: [PATCH 0/2] mm: thing', 'Mon, 7 Jun 2021 13:00:00 +0000', 'In-Reply-To: <elsewhere@x>\n'),
      mail('loop-a@x', 'loop', 'Mon, 7 Jun 2021 14:00:00 +0000', 'In-Reply-To: <loop-b@x>\n'),
      mail('loop-b@x', 'Re: loop', 'Mon, 7 Jun 2021 15:00:00 +0000', 'In-Reply-To: <loop-a@x>\nReferences: <loop-b@x> <loop-a@x>\n'),
      mail('self@x', 'self', 'Mon, 7 Jun 2021 16:00:00 +0000', 'In-Reply-To: <self@x>\nReferences: <self@x>\n'),
      mail('grüße-é@x', 'unicode', 'Mon, 7 Jun 2021 17:00:00 +0000'),
      mail('reply-ü@x', 'Re: unicode', 'Mon, 7 Jun 2021 18:00:00 +0000', 'In-Reply-To: <grüße-é@x>\n'),
      mail('nodate@x', 'Re: unicode', 'x', 'In-Reply-To: <grüße-é@x>\n').replace(/^Date: x\n/m, ''),
      mail('cover@x', '[PATCH 0/2] mm: thing', 'Mon, 7 Jun 2021 10:00:00 +0000'),
    ].join('');
    const file = join(tmp, 'shapes.mbox');
    writeFileSync(file, text, 'utf8');
    const { memory, spilled } = await both([file]);
    expect(spilled.messages.map((m) => m.id)).toContain('reply-ü@x');
    expect(spilled.placeholders.map((p) => p.id)).toEqual(expect.arrayContaining(['p1@x', 'gone2@x', 'gone4@x']));
    expect(spilled.unlinked.length).toBeGreaterThan(0);
    expect(spilled.errors).toHaveLength(1);
    expect(threadJson(spilled)).toBe(threadJson(memory));
    expect(threadText(spilled)).toBe(threadText(memory));
  });
});
