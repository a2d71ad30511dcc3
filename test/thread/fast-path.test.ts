// Differential test of the plain-text fast path (src/thread/mime-decode.ts): on every message of
// the conformance corpora and of a generated LKML-like mbox, the fast path either declines
// (null: mailparser decodes it) or gives exactly the DecodedMail mailparser gives. The mailparser
// path (MailParser driven by lean-mailparser.ts) is itself checked against simpleParser, the
// documented way to use mailparser, except that format=flowed is undone by our own decoder
// (src/thread/mime/flowed.ts, tested against libmime's in flowed.test.ts): for a flowed mail the
// reference is simpleParser's text with flowing left in, undone by that decoder. Targeted header
// shapes: test/thread/plain-headers.test.ts.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from './corpus.js';
import { readInput } from '../../src/thread/input/read-input.js';
import { UnreadableInput } from '../../src/thread/input/input-error.js';
import { simpleParser } from 'mailparser';
import { decodePlain, decodeWithMailparser, mailOf } from '../../src/thread/mime/mime-decode.js';
import { loadMailparser, PARSER_OPTIONS } from '../../src/thread/mime/mailparser-headers.js';
import { writeCorpus } from '../../bench/corpus.js';
import type { DecodedMail } from '../../src/thread/mime/decoded-mail.js';
import { decodeFlowed } from '../../src/thread/mime/flowed.js';

// decodePlain falls back to mailparser's header decoding, which decodeMessage loads on demand.
beforeAll(async () => {
  await loadMailparser();
});

interface Tally {
  messages: number;
  fast: number;
}

/** The DecodedMail from simpleParser's result: what decodeWithMailparser gave before it drove MailParser itself. */
async function viaSimpleParser(raw: Buffer): Promise<DecodedMail> {
  const text = raw.toString('latin1');
  const flowed = /^Content-Type:[^\n]*(?:\n[ \t][^\n]*)*format=("?)flowed\1/im.exec(text);
  if (!flowed) return mailOf(await simpleParser(raw, PARSER_OPTIONS));
  // The same mail with flowing left in (format=fixed), then undone as decodeWithMailparser does.
  const header = flowed[0].replace(/format=("?)flowed\1/i, 'format=$1fixed$1');
  const fixed = await simpleParser(Buffer.from(text.slice(0, flowed.index) + header + text.slice(flowed.index + flowed[0].length), 'latin1'), PARSER_OPTIONS);
  const delSp = /delsp=("?)yes\1/i.test(flowed[0]);
  return mailOf({ ...fixed, text: decodeFlowed(fixed.text ?? '', delSp) });
}

/** Every mail message in `file` (mboxes and single mails; other files are skipped). */
async function* mails(file: string): AsyncGenerator<{ raw: Buffer; where: string }> {
  try {
    for await (const m of readInput(file)) {
      if ((m.layout === 'mbox' || m.layout === 'mail') && !m.orphan) yield { raw: m.raw, where: `${file} #${m.index}` };
    }
  } catch (err) {
    if (!(err instanceof UnreadableInput)) throw err;
  }
}

async function compare(file: string, tally: Tally): Promise<void> {
  for await (const { raw, where } of mails(file)) {
    tally.messages++;
    const fast = decodePlain(raw);
    const reference = await viaSimpleParser(raw).catch((err: unknown) => err as Error);
    let slow;
    try {
      slow = await decodeWithMailparser(raw);
    } catch (err) {
      // mailparser refuses it: so does simpleParser, and the fast path must not take it either.
      expect(reference, `${where}: simpleParser reads what MailParser refuses`).toBeInstanceOf(Error);
      expect((err as Error).message).toBe((reference as Error).message);
      expect(fast, `${where}: fast path took a message mailparser refuses`).toBeNull();
      continue;
    }
    expect(slow, `${where}: MailParser path differs from simpleParser`).toEqual(reference);
    if (fast === null) continue;
    tally.fast++;
    expect(fast, where).toEqual(slow);
  }
}

const CORPORA = ['git-t5100', 'patchwork-mail', 'b4-samples', 'git-t4256-format-flowed'];

describe('plain-text fast path = mailparser path', () => {
  for (const name of CORPORA) {
    const c = corpus(name);
    it.skipIf(!c.present)(c.title(`every message of ${name}`), async () => {
      const tally: Tally = { messages: 0, fast: 0 };
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
      for (const f of walk(c.dir).sort()) await compare(f, tally);
      expect(tally.messages).toBeGreaterThan(0);
      // Not vacuous: plain mails exist in these corpora and take the fast path.
      if (name !== 'git-t4256-format-flowed') expect(tally.fast).toBeGreaterThan(0);
    });
  }

  const tmp = mkdtempSync(join(tmpdir(), 'lkml-replay-fast-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('every message of a generated LKML-like mbox (fixed seed)', async () => {
    const file = join(tmp, 'gen.mbox');
    const stats = await writeCorpus(file, { seed: 7, messages: 800 });
    const tally: Tally = { messages: 0, fast: 0 };
    await compare(file, tally);
    expect(tally.messages).toBe(stats.messages);
    // Most generated mails are plain; the QP, base64 and multipart ones must have declined.
    expect(tally.fast).toBeGreaterThan(stats.messages / 2);
    expect(tally.fast).toBeLessThanOrEqual(stats.messages - stats.quotedPrintable - stats.base64 - stats.multipart);
  });

  it('declines what needs MIME decoding', () => {
    const mail = (headers: string, body = 'hello\n'): Buffer => Buffer.from(`From: A <a@b.c>\nSubject: x\n${headers}\n${body}`);
    expect(decodePlain(mail(''))).not.toBeNull();
    expect(decodePlain(mail('Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n'))).not.toBeNull();
    expect(decodePlain(mail('Content-Transfer-Encoding: quoted-printable\n'))).toBeNull();
    expect(decodePlain(mail('Content-Transfer-Encoding: base64\n'))).toBeNull();
    expect(decodePlain(mail('Content-Type: text/plain; charset=iso-8859-1\n'))).toBeNull();
    expect(decodePlain(mail('Content-Type: text/plain; format=flowed\n'))).toBeNull();
    expect(decodePlain(mail('Content-Type: multipart/mixed; boundary=x\n'))).toBeNull();
    expect(decodePlain(mail('Content-Type: text/html\n'))).toBeNull();
    expect(decodePlain(mail('Content-Disposition: attachment; filename=a.patch\n'))).toBeNull();
    // No empty line: no body; left to mailparser.
    expect(decodePlain(Buffer.from('From: A <a@b.c>\nSubject: x\n'))).toBeNull();
  });
});
