// The streaming splitter: From_ line rule, mboxrd unescaping, CRLF, chunk boundaries anywhere.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MboxSplitter, countLines, splitMbox, unescapeMboxrd } from '../../src/thread/input/mbox-split.js';
import { isFromLine } from '../../src/thread/input/from-line.js';

async function split(text: string | Buffer, chunkSize = 1 << 16, opts = {}): Promise<string[]> {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
  }
  const out: string[] = [];
  for await (const e of splitMbox(chunks(), opts)) out.push((e.envelope === null ? '!' : '') + e.raw.toString('latin1'));
  return out;
}

const MBOX = [
  'From a@b Thu Jan  1 00:00:00 1970',
  'Subject: one',
  '',
  'From here on the body goes on.',
  'From 10 to 20 is not an envelope either',
  '',
  'From mboxrd@z Thu Jan  1 00:00:00 1970',
  'Subject: two',
  '',
  'body two',
  '',
].join('\n');

describe('isFromLine', () => {
  it('takes envelope lines with a time and a year', () => {
    expect(isFromLine('From mboxrd@z Thu Jan  1 00:00:00 1970')).toBe(true);
    expect(isFromLine('From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001')).toBe(true);
    expect(isFromLine('From apopple@nvidia.com Mon Jun  7 07:58:52 2021')).toBe(true);
  });
  it('refuses body lines that merely start with From', () => {
    expect(isFromLine('From here on the body goes on.')).toBe(false);
    expect(isFromLine('From not mangled but this line should have been escaped')).toBe(false);
    expect(isFromLine('From: a header')).toBe(false);
    expect(isFromLine('From 10:30:00 in 12 minutes')).toBe(false);
  });
});

describe('splitMbox', () => {
  it('splits on From_ lines only', async () => {
    const parts = await split(MBOX);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('From here on the body goes on.');
    expect(parts[1]).toMatch(/^Subject: two\n/);
  });

  it('gives the same messages whatever the chunk size (streaming)', async () => {
    const whole = await split(MBOX);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 64 }), async (n) => {
        expect(await split(MBOX, n)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('finds From_ lines in CRLF files', async () => {
    const parts = await split(MBOX.replace(/\n/g, '\r\n'), 7);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toMatch(/^Subject: two\r\n/);
  });

  it('reports non-blank text before the first From_ line, skips blank lines', async () => {
    expect(await split('\n  \n' + MBOX)).toHaveLength(2);
    const parts = await split('junk line\n' + MBOX);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe('!junk line\n');
  });

  it('unescapes >From only in mboxrd (lore From mboxrd@z turns it on)', async () => {
    const body = 'Subject: x\n\n>From the start\n>>From twice\n >From indented\n';
    const rd = await split('From mboxrd@z Thu Jan  1 00:00:00 1970\n' + body);
    expect(rd[0]).toContain('\nFrom the start\n>From twice\n >From indented\n');
    const o = await split('From x@y Thu Jan  1 00:00:00 1970\n' + body);
    expect(o[0]).toContain('\n>From the start\n>>From twice\n');
    const forced = await split('From x@y Thu Jan  1 00:00:00 1970\n' + body, 5, { mboxrd: true });
    expect(forced[0]).toContain('\nFrom the start\n');
  });

  it('unescapeMboxrd handles a first line and leaves other > lines alone', () => {
    expect(unescapeMboxrd(Buffer.from('>From a\n> b\n>>From c')).toString()).toBe('From a\n> b\n>From c');
  });
});

describe('splitter internals', () => {
  // Pieces that make the edge cases likely: line ends, quote marks, `From `, CR.
  const text = fc.array(fc.constantFrom('\n', '>', '>>', 'From ', 'x', ' ', '\r\n', 'From x Thu Jan  1 00:00:00 1970\n'), { maxLength: 60 }).map((a) => a.join(''));

  it('countLines counts every newline whatever the buffer offset', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 7 }), (s, pad) => {
        const buf = Buffer.concat([Buffer.alloc(pad, 'y'), Buffer.from(s)]).subarray(pad);
        expect(countLines(buf)).toBe(s.split('\n').length - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('unescapeMboxrd takes one > off exactly the lines matching ^>+From ', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(unescapeMboxrd(Buffer.from(s)).toString()).toBe(s.replace(/^>(>*From )/gm, '$1'));
      }),
      { numRuns: 300 },
    );
  });

  it('MboxSplitter gives the same messages as splitMbox, chunk by chunk', async () => {
    const whole = await split(MBOX);
    const s = new MboxSplitter();
    const got: string[] = [];
    const buf = Buffer.from(MBOX);
    for (let i = 0; i < buf.length; i += 9) for (const e of s.push(buf.subarray(i, i + 9))) got.push(e.raw.toString('latin1'));
    for (const e of s.end()) got.push(e.raw.toString('latin1'));
    expect(got).toEqual(whole);
  });
});
