// git t5100 (mailsplit/mailinfo test data): the split and the info part (author, email,
// subject, date, in-body headers, RFC 2047, mboxrd). msg/patch files are the diff finder's
// (test/conformance/patch-*). Cases we deliberately answer differently are listed with why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, path } from '../thread/corpus.js';
import { parseThread } from '../../src/thread/parse-thread.js';
import { readInput } from '../../src/thread/input/read-input.js';
import { decodeMessage } from '../../src/thread/mime/decode-message.js';
import { inBodyHeaders } from '../../src/thread/message/inbody-headers.js';
import { mailInfo } from '../../src/thread/tree/mail-info.js';
import type { Message } from '../../src/thread/types.js';

const t5100 = corpus('git-t5100');
const f = (name: string) => path(t5100.dir, name);

/** Cases where our author differs from git's on purpose: why, and what we give instead. */
const DIFFERS: Record<string, { why: string; ours: { author: string; email: string } }> = {
  info0001: {
    why: 'git keeps RFC 2822 comments in the author ("A (zzz) U Thor (Comment)"); we give the display name from mailparser\'s address parser, which is what a review report should show',
    ours: { author: 'A U Thor', email: 'a.u.thor@example.com' },
  },
  'comment.expect': {
    why: 'as info0001: the comment before the display name is dropped',
    ours: { author: 'A U Thor', email: 'somebody@example.com' },
  },
  'rfc2047-info-0004': {
    why: 'as info0001: the (ISO8859-8 encoded) comment after the address is dropped',
    ours: { author: 'Nathaniel Borenstein', email: 'nsb@thumper.bellcore.com' },
  },
  info0015: {
    why: 'the in-body "From: bogosity" has no address: git blanks Author and Email, we do not take a From: line without an address as a header and keep the mail\'s author',
    ours: { author: 'A U Thor', email: 'a.u.thor@example.com' },
  },
};

// Not compared: the variants for mailinfo options we do not offer, --no-inbody-headers
// (info0015/0016/0018--no-inbody-headers) and --message-id (0012: changes msg only).

function parseInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^(Author|Email|Subject|Date): ?(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

function expectInfo(m: Message, expectedFile: string): void {
  const want = parseInfo(readFileSync(f(expectedFile), 'utf8'));
  const got = mailInfo(m);
  const differs = DIFFERS[expectedFile];
  expect(got.author, `${expectedFile} Author`).toBe(differs ? differs.ours.author : (want.Author ?? ''));
  expect(got.email, `${expectedFile} Email`).toBe(differs ? differs.ours.email : (want.Email ?? ''));
  expect(got.subject, `${expectedFile} Subject`).toBe(want.Subject ?? '');
  if (want.Date !== undefined) {
    const wantDate = want.Date.trim();
    // A parseable date is compared as an instant; an in-body date as the text git copies.
    if (got.date && /^\d{4}-\d\d-\d\dT/.test(got.date)) expect(Date.parse(got.date)).toBe(Date.parse(wantDate));
    else expect(got.date?.trim()).toBe(wantDate);
  }
}

async function count(file: string, opts = {}): Promise<number> {
  let n = 0;
  for await (const _ of readInput(file, opts)) n++;
  return n;
}

describe.skipIf(!t5100.present)(t5100.title('git t5100: mailsplit and mailinfo info'), () => {
  it('splits sample.mbox into 18 messages (leading blank lines are not a message)', async () => {
    expect(await count(f('sample.mbox'))).toBe(18);
    expect(await count(f('rfc2047-samples.mbox'))).toBe(11);
  });

  describe('sample.mbox info', async () => {
    const parse = t5100.present ? await parseThread([f('sample.mbox')]) : null;
    const cases = Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(4, '0'));
    it.each(cases)('info%s', (n) => {
      expect(parse!.errors).toEqual([]);
      const m = parse!.messages.find((x) => x.source.index === Number(n) - 1)!;
      expectInfo(m, `info${n}`);
    });

    // 0003 is a reply (`re: [PATCH]`) whose body starts with in-body From:/Subject: lines: its
    // diff is A U Thor's, not the sender's, as git mailinfo says.
    it.each(cases)('info%s: a diff in the sender\'s own text is by the author mailinfo gives', (n) => {
      const m = parse!.messages.find((x) => x.source.index === Number(n) - 1)!;
      const { author, email } = mailInfo(m);
      for (const d of m.diffs.filter((x) => x.quoteDepth === 0 && x.origin !== 'scissors')) expect(d.author).toEqual({ name: author, email });
    });

    it('0003: the reply\'s diff is A U Thor\'s', () => {
      const m = parse!.messages.find((x) => x.source.index === 2)!;
      expect(m.tags?.reply).toBe(true);
      expect(m.diffs.map((d) => d.author?.name)).toEqual(['A U Thor']);
    });
  });

  it('0014 --scissors: in-body headers after the cut line', async () => {
    const want = parseInfo(readFileSync(f('info0014--scissors'), 'utf8'));
    let i = 0;
    for await (const raw of readInput(f('sample.mbox'))) {
      if (i++ !== 13) continue;
      const body = (await decodeMessage(raw.raw)).body.split('\n');
      const before = body.findIndex((l) => l.startsWith('---') && !/>8|8</.test(l));
      const hdr = inBodyHeaders(body.slice(0, before), { scissors: true });
      expect(hdr?.from).toEqual({ name: want.Author, email: want.Email });
      expect(hdr?.subject?.replace(/^\[PATCH\]\s*/, '')).toBe(want.Subject);
    }
  });

  it.each(Array.from({ length: 11 }, (_, i) => String(i + 1).padStart(4, '0')))('rfc2047-info-%s', async (n) => {
    const parse = await parseThread([f('rfc2047-samples.mbox')]);
    const m = parse.messages.find((x) => x.source.index === Number(n) - 1)!;
    expectInfo(m, `rfc2047-info-${n}`);
  });

  it.each(['info-from', 'comment', 'quoted-string', 'embed-from'])('%s.in', async (name) => {
    const parse = await parseThread([f(`${name}.in`)]);
    expect(parse.messages).toHaveLength(1);
    expectInfo(parse.messages[0]!, `${name}.expect`);
  });

  it('quoted-cr.mbox info (2 base64 messages)', async () => {
    const parse = await parseThread([f('quoted-cr.mbox')]);
    expect(parse.messages).toHaveLength(2);
    for (const m of parse.messages) expectInfo(m, 'quoted-cr-info');
  });

  it('sample.mboxrd: 2 messages, one > taken from >From lines, others untouched', async () => {
    const bodies: string[] = [];
    for await (const raw of readInput(f('sample.mboxrd'))) bodies.push((await decodeMessage(raw.raw)).body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe(readFileSync(f('0001mboxrd'), 'utf8'));
    expect(bodies[1]).toBe(readFileSync(f('0002mboxrd'), 'utf8'));
  });

  it('quoted-from.in: >From stays escaped in an mboxo file', async () => {
    for await (const raw of readInput(f('quoted-from.in'))) {
      const body = (await decodeMessage(raw.raw)).body;
      // The msg file is the text before the patch break (`---`).
      expect(body.slice(0, body.indexOf('---\n'))).toBe(readFileSync(f('quoted-from.expect'), 'utf8'));
    }
  });

  it('nul-plain: the split keeps NUL bytes', async () => {
    const raws = [];
    for await (const raw of readInput(f('nul-plain'))) raws.push(raw);
    expect(raws).toHaveLength(1);
    expect(raws[0]!.raw.includes(0)).toBe(true);
    const body = (await decodeMessage(raws[0]!.raw)).body;
    expect(body.split('\n').filter((l) => l !== '')).toHaveLength(4);
  });

  it('nul-b64.in: base64 decoding keeps NUL bytes', async () => {
    for await (const raw of readInput(f('nul-b64.in'))) {
      const body = (await decodeMessage(raw.raw)).body;
      expect(body).toContain('\0');
      expect(body).toBe(readFileSync(f('nul-b64.expect'), 'utf8'));
    }
  });
});
