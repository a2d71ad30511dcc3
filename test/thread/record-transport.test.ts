// The worker's records travel with their hunk lines packed into columns: after a structured
// clone and unpacking they are the records read on one thread, field for field.
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/thread/input/read-input.js';
import { readMail, type MailRecord } from '../../src/thread/message/mail-record.js';
import { settleRecord } from '../../src/thread/lean-record.js';
import { packLines, unpackLines } from '../../src/thread/record-transport.js';

async function records(...files: string[]): Promise<MailRecord[]> {
  const out: MailRecord[] = [];
  for (const f of files) for await (const raw of readInput(f)) out.push(settleRecord(await readMail(raw), false));
  return out;
}

describe('packLines / unpackLines', () => {
  it('give back every hunk line (op, text, line number, no-newline marker) after a clone', async () => {
    const original = await records('fixtures/threads/v10-07-device-exclusive.mbox', 'fixtures/patches/new-file-vphn-selftest.patch');
    const lines = original.flatMap((r) => r.found.flatMap((d) => d.files.flatMap((f) => f.hunks.flatMap((h) => h.lines))));
    expect(lines.length).toBeGreaterThan(300);
    expect(lines.some((l) => l.noNewline)).toBe(true);
    const expected = structuredClone(original);

    const sent = await records('fixtures/threads/v10-07-device-exclusive.mbox', 'fixtures/patches/new-file-vphn-selftest.patch');
    const packed = packLines(sent);
    expect(packed.lineNos.length).toBe(lines.length);
    // What a worker posts: the records now hold no lines.
    expect(sent.every((r) => r.found.every((d) => d.files.every((f) => f.hunks.every((h) => h.lines.length === 0))))).toBe(true);
    const got = structuredClone(sent);
    unpackLines(got, structuredClone(packed));
    expect(got).toEqual(expected);
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  });

  it('skips broken messages (null) and leaves a lean record without lines as it is', async () => {
    const lean = (await records('fixtures/threads/v10-07-device-exclusive.mbox')).map((r) => settleRecord(r, true));
    const withNull = [null, ...lean, null];
    const packed = packLines(withNull);
    expect(packed.lineNos.length).toBe(0);
    const got = structuredClone(withNull);
    unpackLines(got, packed);
    expect(got).toEqual(structuredClone(withNull));
  });
});
