// Every input form: mbox (CRLF too), .mbox.gz (and its size cap), maildir, .eml, format-patch
// .patch, bare .diff, stdin; a broken message inside an mbox goes to errors with its index.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseThread } from '../../src/thread/parse-thread.js';
import { readInput } from '../../src/thread/input/read-input.js';

const THREAD = 'fixtures/threads/v10-07-device-exclusive.mbox';
const mbox = readFileSync(THREAD);
const dir = mkdtempSync(join(tmpdir(), 'lkml-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const ids = async (...inputs: string[]) => (await parseThread(inputs)).messages.map((m) => m.id);

const DIFF = ['diff --git a/f.c b/f.c', '--- a/f.c', '+++ b/f.c', '@@ -1,2 +1,3 @@ int f(void)', ' a', '+b', ' c', ''].join('\n');

describe('input forms', async () => {
  const plain = await ids(THREAD);

  it('reads a CRLF copy of the mbox the same way', async () => {
    expect(await ids(write('crlf.mbox', mbox.toString('latin1').replace(/\n/g, '\r\n')))).toEqual(plain);
  });

  it('reads .mbox.gz, detected by its bytes, not its name', async () => {
    expect(await ids(write('t.mbox.gz', gzipSync(mbox)))).toEqual(plain);
    expect(await ids(write('t.data', gzipSync(mbox)))).toEqual(plain);
  });

  it('stops a gzip input that decompresses past the cap: the mails before it kept, the break reported at its index', async () => {
    const big = write('big.mbox.gz', gzipSync(Buffer.concat([mbox, Buffer.alloc(200_000, 0x20)])));
    const got = [];
    for await (const m of readInput(big, { maxGunzipBytes: 100_000 })) got.push(m);
    const last = got.pop()!;
    expect(last.problem).toBe('decompresses to more than 100000 bytes (the gzip cap; LKML_REPLAY_MAX_GUNZIP_BYTES raises it); stopped there');
    expect(last.index).toBe(got.length);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((m) => m.problem === undefined && m.raw.length > 0)).toBe(true);
  });

  it('keeps the mails of a truncated .mbox.gz before the cut, and reports the cut at its index', async () => {
    // Cut short, small enough that the cut falls in the first bytes read to sniff the input.
    const gz = gzipSync(mbox);
    for (const keep of [0.6, 0.9]) {
      const p = await parseThread([write(`cut-${keep}.mbox.gz`, gz.subarray(0, Math.floor(gz.length * keep)))]);
      expect(p.messages.length).toBeGreaterThan(0);
      expect(p.messages.length).toBeLessThan(plain.length);
      expect(p.messages.map((m) => m.id)).toEqual(plain.filter((id) => p.messages.some((m) => m.id === id)));
      expect(p.errors).toEqual([{ file: expect.stringContaining(`cut-${keep}.mbox.gz`), index: p.messages.length, message: 'the gzip data ends early (the file is cut short); read up to there' }]);
    }
  });

  it('reads a maildir (cur/ and new/)', async () => {
    const md = join(dir, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(md, sub), { recursive: true });
    const mails = mbox.toString('latin1').split(/^From mboxrd@z .*\n/m).slice(1);
    mails.forEach((m, i) => writeFileSync(join(md, i % 2 ? 'new' : 'cur', `${1623000000 + i}.M${i}.host`), m));
    const parse = await parseThread([md]);
    expect(parse.messages.map((m) => m.id).sort()).toEqual([...plain].sort());
    expect(parse.messages[0]!.source.format).toBe('maildir');
  });

  it('reads a single .eml and a format-patch .patch', async () => {
    const first = mbox.toString('latin1').split(/^From mboxrd@z .*\n/m)[1]!;
    expect(await ids(write('one.eml', first))).toEqual([plain[0]]);
    const p = await parseThread([write('0007.patch', `From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001\n${first}`)]);
    expect(p.messages[0]!.source.format).toBe('patch');
    expect(p.messages[0]!.diffs).toHaveLength(1);
  });

  it('reads a bare diff as a message with one diff and no sender', async () => {
    const p = await parseThread([write('fix.diff', DIFF)]);
    expect(p.messages).toHaveLength(1);
    const [m] = p.messages;
    expect(m!.subject).toBe('fix.diff');
    expect(m!.idSynthesised).toBe(true);
    expect(m!.diffs[0]!.files[0]!.hunks[0]).toMatchObject({ function: 'f', added: 1, removed: 0 });
  });

  it('reads - from stdin', async () => {
    const got: string[] = [];
    for await (const raw of readInput('-', { stdin: Readable.from([mbox.subarray(0, 1000), mbox.subarray(1000)]) })) {
      got.push(raw.file);
    }
    expect(got).toEqual(Array(11).fill('<stdin>'));
  });

  it('puts a broken message in errors with its index and keeps the others', async () => {
    const parts = mbox.toString('latin1').split(/^(?=From mboxrd@z )/m);
    parts.splice(2, 0, 'From mboxrd@z Thu Jan  1 00:00:00 1970\nthis is not a header line\nnor this\n\n');
    const p = await parseThread([write('broken.mbox', parts.join(''))]);
    expect(p.messages).toHaveLength(11);
    expect(p.errors).toEqual([{ file: join(dir, 'broken.mbox'), index: 2, message: 'no mail headers after the From_ line' }]);
  });

  it('reports text before the first From_ line and a duplicate Message-ID', async () => {
    const p = await parseThread([write('preamble.mbox', Buffer.concat([Buffer.from('stray words\n'), mbox])), THREAD]);
    expect(p.messages).toHaveLength(11);
    expect(p.errors[0]).toEqual({ file: join(dir, 'preamble.mbox'), index: 0, message: '12 bytes before the first From_ line are not a message' });
    expect(p.errors.slice(1)).toHaveLength(11);
    expect(p.errors[1]!.message).toMatch(/^duplicate Message-ID <20210607075855\.5084-8-apopple@nvidia\.com> \(first in .*preamble\.mbox #1\); skipped$/);
  });
});

describe('Outlook and Gmail replies', () => {
  it('attributes a diff inside an Outlook original to the original author', async () => {
    const eml = [
      'From: Boss <boss@example.com>',
      'Subject: RE: [PATCH] f: add b',
      'Message-ID: <outlook@example.com>',
      'Date: Wed, 9 Jun 2021 12:00:00 +0000',
      '',
      'Fine by me.',
      '',
      '-----Original Message-----',
      'From: Dev Eloper [mailto:dev@example.com]',
      'Sent: Wednesday, June 9, 2021 11:00 AM',
      'Subject: [PATCH] f: add b',
      '',
      ...DIFF.split('\n'),
    ].join('\n');
    const p = await parseThread([write('outlook.eml', eml)]);
    const [m] = p.messages;
    expect(m!.quotes[0]).toMatchObject({ depth: 1, author: { name: 'Dev Eloper', email: 'dev@example.com' } });
    expect(m!.diffs).toHaveLength(1);
    expect(m!.diffs[0]).toMatchObject({ quoteDepth: 1, author: { name: 'Dev Eloper', email: 'dev@example.com' } });
  });

  it('attributes a quoted diff under a Gmail attribution', async () => {
    const eml = [
      'From: Reviewer <r@example.com>',
      'Subject: Re: [PATCH] f: add b',
      'Message-ID: <gmail@example.com>',
      '',
      'On Wed, Jun 9, 2021 at 7:38 PM Dev Eloper <dev@example.com> wrote:',
      ...DIFF.trimEnd().split('\n').map((l) => `> ${l}`),
      '',
      'Reviewed-by: Reviewer <r@example.com>',
    ].join('\n');
    const [m] = (await parseThread([write('gmail.eml', eml)])).messages;
    expect(m!.diffs[0]).toMatchObject({ quoteDepth: 1, author: { name: 'Dev Eloper', email: 'dev@example.com' } });
    expect(m!.trailers).toEqual([{ key: 'Reviewed-by', value: 'Reviewer <r@example.com>' }]);
  });
});
