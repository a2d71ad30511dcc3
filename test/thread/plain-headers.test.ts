// The fast path's own header reader (plain-headers.ts, plain-content-type.ts, plain-from.ts,
// plain-mail.ts) against mailparser, shape by shape: each mail below must come out of
// decodePlain exactly as mailparser decodes it, and each says which reader took it, so that a
// case meant for our reader cannot silently drift to the mailsplit fallback (and pass without
// testing anything). A fixed-seed property test then mixes the same pieces at random.
// The corpora-wide differential test is test/thread/fast-path.test.ts.
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePlain, decodeWithMailparser, mailOf } from '../../src/thread/mime/mime-decode.js';
import { loadMailparser, PARSER_OPTIONS } from '../../src/thread/mime/mailparser-headers.js';
import { FROM, readPlainHeaders, utf8Of } from '../../src/thread/mime/plain-headers.js';
import { plainBody } from '../../src/thread/mime/plain-content-type.js';
import { simpleFrom } from '../../src/thread/mime/plain-from.js';

// decodePlain falls back to mailparser's header decoding, which decodeMessage loads on demand.
beforeAll(async () => {
  await loadMailparser();
});

/** Which code read the header block: ours, or mailsplit's MimeNode (fallback). */
function reader(raw: Buffer): 'ours' | 'mailsplit' {
  const h = readPlainHeaders(raw);
  return h !== null && plainBody(h) === 'plain' ? 'ours' : 'mailsplit';
}

/** Whether plain-from.ts read the first From itself (else processHeaders did). */
function fromReadByUs(raw: Buffer): boolean {
  const f = readPlainHeaders(raw)?.fields[FROM]?.[0];
  return f !== undefined && simpleFrom(utf8Of(f.text)) !== undefined;
}

async function expectSameAsMailparser(raw: Buffer): Promise<void> {
  const fast = decodePlain(raw);
  const slow = await decodeWithMailparser(raw);
  expect(fast).not.toBeNull();
  expect(fast).toEqual(slow);
  expect(slow).toEqual(mailOf(await simpleParser(raw, PARSER_OPTIONS)));
}

const mail = (...lines: string[]): Buffer => Buffer.from(lines.join('\n'));
const crlf = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));
const BODY = ['', 'Hello,', '', 'a body line', '-- ', 'sig', ''];

interface Case {
  name: string;
  raw: Buffer;
  /** Who reads the header block. */
  by: 'ours' | 'mailsplit';
  /** For From shapes: whether plain-from.ts reads it (else processHeaders). */
  fromByUs?: boolean;
}

const CASES: Case[] = [
  { name: 'plain LKML mail', by: 'ours', fromByUs: true, raw: mail('From: Jane Doe <jane@example.org>', 'To: x@y.z', 'Subject: [PATCH v2 1/3] mm: fix', 'Date: Tue, 01 Jun 2021 00:04:41 +0000', 'Message-ID: <1@example.org>', 'In-Reply-To: <0@example.org>', 'References: <0@example.org>', 'Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit', ...BODY) },
  { name: 'folded Subject, From and References', by: 'ours', fromByUs: true, raw: mail('From: Jane', ' Doe <jane@example.org>', 'Subject: a long', '\tsubject  folded', '  twice', 'References: <1@a>', ' <2@a>', '\t<3@a>', 'Message-ID:', ' <4@a>', ...BODY) },
  { name: 'tabs around values and inside names', by: 'ours', fromByUs: true, raw: mail('From:\tJane\tDoe\t<jane@example.org>\t', 'Subject:\tx\ty\t', 'Message-ID:\t<5@a>', ...BODY) },
  { name: 'CRLF throughout', by: 'ours', fromByUs: true, raw: crlf('From: Jane Doe <jane@example.org>', 'Subject: crlf', ' folded', 'Message-ID: <6@a>', 'Date: Tue, 01 Jun 2021 00:04:41 +0000', '', 'body\r', 'line', '') },
  { name: 'mixed CRLF and LF, CR CR LF in the body', by: 'ours', raw: Buffer.from('From: a@b.c\r\nSubject: x\n\r\nbody\r\r\nmore\n') },
  { name: 'duplicate headers: first Subject and Message-ID empty, two From, two References', by: 'ours', fromByUs: true, raw: mail('Subject:', 'Subject: second', 'Message-ID:  ', 'Message-ID: <7@a>', 'From: First <first@a.b>', 'From: Second <second@a.b>', 'References: <1@a>', 'References: <2@a> <3@a>', 'In-Reply-To: <2@a>', 'In-Reply-To: <3@a>', ...BODY) },
  { name: 'odd casing and blanks before the colon', by: 'ours', fromByUs: true, raw: mail('X-Mailer: x', 'FROM : Jane <jane@a.b>', 'sUbJeCt\t: odd', 'MESSAGE-id: <8@a>', 'content-TYPE: TEXT/PLAIN; CHARSET="UTF-8"', 'Content-transfer-encoding: 8BIT', ...BODY) },
  { name: 'addr (Comment) From', by: 'ours', fromByUs: true, raw: mail('From: jane@example.org (Jane Doe)', 'Subject: c', ...BODY) },
  { name: 'addr (empty comment) From', by: 'ours', fromByUs: true, raw: mail('From: jane@example.org (  )', 'Subject: c', ...BODY) },
  { name: 'nested comment and comments around a name (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: A (zzz) U Thor <a.u.thor@example.com> (Comment)', 'Subject: c', ...BODY) },
  { name: 'group syntax in From (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: Team: a@b.c, d@e.f;', 'Subject: g', ...BODY) },
  { name: 'empty group in From (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: undisclosed-recipients:;', 'Subject: g', ...BODY) },
  { name: 'two addresses in From (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: a@b.c, Second <d@e.f>', 'Subject: g', ...BODY) },
  { name: 'empty quoted display name', by: 'ours', fromByUs: true, raw: mail('From: "" <jane@example.org>', 'Subject: e', ...BODY) },
  { name: 'blank quoted display name', by: 'ours', fromByUs: true, raw: mail('From: "   " <jane@example.org>', 'Subject: e', ...BODY) },
  { name: 'angle address only', by: 'ours', fromByUs: true, raw: mail('From: <jane@example.org>', 'Subject: e', ...BODY) },
  { name: 'bare address', by: 'ours', fromByUs: true, raw: mail('From: jane@example.org', 'Subject: e', ...BODY) },
  { name: 'quoted name with comma and no blank before <', by: 'ours', fromByUs: true, raw: mail('From: "Doe, Jane"<jane@example.org>', 'Subject: q', ...BODY) },
  { name: 'quoted name with escapes (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: "Jane \\"JD\\" Doe" <jane@example.org>', 'Subject: q', ...BODY) },
  { name: 'quoted name then more text (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: "Jane" Doe <jane@example.org>', 'Subject: q', ...BODY) },
  { name: 'empty From', by: 'ours', fromByUs: true, raw: mail('From:', 'Subject: no sender', ...BODY) },
  { name: 'non-ASCII UTF-8 names and subject', by: 'ours', fromByUs: true, raw: mail('From: Uwe Kleine-König <u.kleine-koenig@pengutronix.de>', 'Subject: Re: tëst — ünïcödé', 'Message-ID: <ü@a>', ...BODY) },
  { name: 'quoted UTF-8 name', by: 'ours', fromByUs: true, raw: mail('From: "Jérôme Glisse" <jglisse@redhat.com>', 'Subject: x', ...BODY) },
  { name: 'UTF-8 whose last byte is 0xA0 (Latin-1 NBSP, trimmed by mailparser)', by: 'ours', fromByUs: true, raw: mail('From: Voilà <v@a.b>', 'Subject: voilà', ...BODY) },
  { name: 'NBSP around a name', by: 'ours', fromByUs: true, raw: mail('From: \u00a0Jane Doe\u00a0 <jane@example.org>', 'Subject: \u00a0x\u00a0', ...BODY) },
  { name: 'invalid UTF-8 bytes in Subject and From', by: 'ours', fromByUs: true, raw: Buffer.concat([Buffer.from('From: J\xe9r\xf4me <j@a.b>\nSubject: caf\xe9\n', 'latin1'), Buffer.from(BODY.join('\n'))]) },
  { name: 'encoded words in From, Subject and References (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: =?utf-8?b?UmFmYcWCIE1pxYJlY2tp?= <zajec5@gmail.com>', 'Subject: =?UTF-8?q?caf=C3=A9?= and =?UTF-8?q?more?=', 'References: =?utf-8?q?<1@a>?= <2@a>', 'Message-ID: <=?x?q?y?=@a>', ...BODY) },
  { name: 'encoded word that decodes to nothing, then a second Subject', by: 'ours', raw: mail('Subject: =?utf-8?q??=', 'Subject: second', 'From: a@b.c', ...BODY) },
  { name: 'punycode domain (processHeaders decodes it)', by: 'ours', fromByUs: false, raw: mail('From: Jane <jane@xn--bcher-kva.example>', 'Subject: p', ...BODY) },
  { name: 'NUL in Subject (libmime word joiner)', by: 'ours', raw: mail('Subject: a__\0JOIN\0__b', 'From: a@b.c', ...BODY) },
  { name: 'control characters in From (processHeaders)', by: 'ours', fromByUs: false, raw: mail('From: Ja\x01ne <jane@example.org>', 'Subject: c', ...BODY) },
  { name: 'missing headers: no From, Subject, Message-ID, Date', by: 'ours', raw: mail('X-Mailer: test', ...BODY) },
  { name: 'header-only mail (blank line, no body)', by: 'ours', raw: mail('From: a@b.c', 'Subject: only headers', '', '') },
  { name: 'FROM : as the first line is an mbox preamble to mailsplit', by: 'mailsplit', raw: mail('FROM : Jane <jane@a.b>', 'Subject: x', ...BODY) },
  { name: 'Message-IDs without brackets, junk In-Reply-To', by: 'ours', raw: mail('Message-ID: 9@a', 'In-Reply-To: Your message of Tue <8@a> (foo)', 'References: 1@a  <2@a>\t3@a', 'From: a@b.c', ...BODY) },
  { name: 'a lone > as Message-ID', by: 'ours', raw: mail('Message-ID: >', 'References: > <', 'From: a@b.c', ...BODY) },
  { name: 'unparseable and empty Date', by: 'ours', raw: mail('Date: not a date', 'From: a@b.c', ...BODY) },
  { name: 'empty Date', by: 'ours', raw: mail('Date:', 'From: a@b.c', ...BODY) },
  { name: 'Content-Type variants: quoted charset, format=fixed, inline disposition', by: 'ours', raw: mail('From: a@b.c', 'Content-Type: text/plain ;charset="utf-8"; format=fixed', 'Content-Disposition: INLINE', ...BODY) },
  { name: 'no Content-Type but an inline disposition', by: 'ours', raw: mail('From: a@b.c', 'Content-Disposition: inline', ...BODY) },
  { name: 'charset twice (mailsplit decides)', by: 'mailsplit', raw: mail('From: a@b.c', 'Content-Type: text/plain; charset=utf-8; charset=us-ascii', ...BODY) },
  { name: 'comment in Content-Type (mailsplit decides)', by: 'mailsplit', raw: mail('From: a@b.c', 'Content-Type: text/plain (plain) ; charset=utf-8', ...BODY) },
  { name: 'inline disposition with a file name (mailsplit decides)', by: 'mailsplit', raw: mail('From: a@b.c', 'Content-Type: text/plain', 'Content-Disposition: inline; filename=a.txt', ...BODY) },
  { name: 'a bare CR in Subject (mailsplit reads the block)', by: 'mailsplit', raw: mail('From: a@b.c', 'Subject: a\rb', 'Message-ID: <m@a>', 'In-Reply-To: <i@a>', 'References: <r@a>', ...BODY) },
  { name: 'a line without a colon (mailsplit reads the block)', by: 'mailsplit', raw: mail('From', ' : a@b.c', 'Subject: x', 'Message-ID: <m@a>', 'In-Reply-To: <i@a>', 'References: <r@a> <s@a>', ...BODY) },
  { name: 'an mbox From_ line left at the top (mailsplit reads the block)', by: 'mailsplit', raw: mail('From a@b Thu Jan  1 00:00:00 1970', 'From: a@b.c', 'Subject: x', ...BODY) },
  { name: 'a first line that folds (mailsplit reads the block)', by: 'mailsplit', raw: mail(' folded: x', 'From: a@b.c', ...BODY) },
];

describe('plain header reader = mailparser, shape by shape', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      expect(reader(c.raw), 'reader that took it').toBe(c.by);
      if (c.fromByUs !== undefined) expect(fromReadByUs(c.raw), 'From read by plain-from.ts').toBe(c.fromByUs);
      await expectSameAsMailparser(c.raw);
    });
  }

  it('leaves to mailparser what needs MIME decoding, and what it cannot end', async () => {
    const m = (headers: string[]): Buffer => mail('From: A <a@b.c>', 'Subject: x', ...headers, ...BODY);
    for (const h of [
      ['Content-Transfer-Encoding: quoted-printable'],
      ['Content-Transfer-Encoding: BASE64'],
      ['Content-Type: text/plain; charset=iso-8859-1'],
      ['Content-Type: text/plain; format=flowed'],
      ['Content-Type: multipart/mixed; boundary="=-=-="'],
      ['Content-Type: text/html'],
      ['Content-Disposition: attachment; filename=a.patch'],
    ]) {
      expect(decodePlain(m(h)), h[0]).toBeNull();
      // The mailparser path reads the header fields with the same reader: still mailparser's result.
      expect(await decodeWithMailparser(m(h))).toEqual(mailOf(await simpleParser(m(h), PARSER_OPTIONS)));
    }
    // No blank line: no body; a header block over 64 KiB.
    expect(decodePlain(mail('From: A <a@b.c>', 'Subject: x'))).toBeNull();
    const huge = mail('From: A <a@b.c>', ...Array.from({ length: 1100 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(60)}`), ...BODY);
    expect(huge.indexOf('\n\n')).toBeGreaterThan(64 * 1024);
    expect(readPlainHeaders(huge)).toBeNull();
    expect(decodePlain(huge)).toBeNull();
    // Just under 64 KiB is ours.
    const big = mail('From: A <a@b.c>', ...Array.from({ length: 800 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(60)}`), ...BODY);
    expect(reader(big)).toBe('ours');
    await expectSameAsMailparser(big);
  });
});

describe('plain header reader = mailparser, random mixes (fixed seed)', () => {
  const key = (name: string): fc.Arbitrary<string> =>
    fc.constantFrom(name, name.toUpperCase(), name.toLowerCase(), `${name} `, `${name}\t`);
  const value = fc.constantFrom(
    'Jane Doe <jane@example.org>',
    '"Doe, Jane" <jane@example.org>',
    'jane@example.org (Jane Doe)',
    'jane@example.org',
    '<jane@example.org>',
    '=?utf-8?q?J=C3=A9r=C3=B4me?= <j@a.b>',
    'Uwe Kleine-König <u@a.b>',
    'Voilà',
    'Team: a@b.c, d@e.f;',
    '<1@a> <2@a>',
    '3@a',
    '=?UTF-8?B?w6k=?=',
    '',
    '   ',
    'Tue, 01 Jun 2021 00:04:41 +0000',
    'text/plain; charset=utf-8',
    '8bit',
    'inline',
    '"quoted \\" name" <q@a.b>',
    'a (b (c)) <d@e.f>',
  );
  const field = fc
    .tuple(
      fc.oneof(
        key('From'),
        key('Subject'),
        key('Message-ID'),
        key('In-Reply-To'),
        key('References'),
        key('Date'),
        key('Content-Type'),
        key('Content-Transfer-Encoding'),
        key('Content-Disposition'),
        fc.constantFrom('To', 'Cc', 'X-Mailer', 'Received'),
      ),
      fc.array(value, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(' ', '\t', ''),
      fc.array(fc.constantFrom('\n ', '\n\t', ' ', '\n  '), { minLength: 1, maxLength: 3 }),
    )
    .map(([k, vs, lead, folds]) => `${k}:${lead}${vs.map((v, i) => (i ? folds[i % folds.length]! : '') + v).join('')}`);
  // Mostly a plain first line; sometimes one that leaves the block to mailsplit (no colon, bare CR).
  const first = fc.constantFrom('X-First: 1', 'X-First: 1', 'X-First: 1', 'No colon here', 'X-First: a\rb');
  const message = fc
    .tuple(first, fc.array(field, { minLength: 0, maxLength: 8 }), fc.boolean(), fc.constantFrom('body\n', 'a\r\nb\r\n', ''))
    .map(([top, fields, useCrlf, body]) => {
      const text = [top, ...fields].join('\n') + '\n\n' + body;
      return Buffer.from(useCrlf ? text.replace(/\n/g, '\r\n') : text);
    });

  it('gives mailparser’s DecodedMail, and our reader takes most of them', async () => {
    let ours = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        runs++;
        const slow = await decodeWithMailparser(raw);
        expect(slow).toEqual(mailOf(await simpleParser(raw, PARSER_OPTIONS)));
        const fast = decodePlain(raw);
        if (fast !== null) expect(fast).toEqual(slow);
        if (reader(raw) === 'ours') ours++;
      }),
      { seed: 20210610, numRuns: 300 },
    );
    expect(ours).toBeGreaterThan(runs / 4);
  });
});
