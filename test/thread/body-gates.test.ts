// The per-line body passes skip most lines with cheap looks (last visible char, first char) before
// any regex runs. A look that is too tight would silently drop an attribution, an Outlook block or
// a body position, so these tests hold each pass to its plain definition: the regexes run on every
// line, as the passes did before the looks were added (the reference functions below). Edge forms
// first (trailing blanks, CR, no-break spaces, non-ASCII names), then random lines built from the
// pieces the gates look at.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuotedLine } from '../../src/patch/types.js';
import { findAttributions } from '../../src/thread/message/attribution.js';
import { bodyLineIn } from '../../src/thread/message/body-line.js';
import { isBlank, isJsSpace } from '../../src/util/js-space.js';
import { idsIn } from '../../src/thread/mime/message-ids.js';
import { BrokenMessage, readMail } from '../../src/thread/message/mail-record.js';
import { bumpOutlookQuotes } from '../../src/thread/message/outlook-blocks.js';
import { parsePerson } from '../../src/thread/mime/person.js';
import { depthsWithText, quoteDepthOf, splitQuoted } from '../../src/thread/message/quote-depth.js';
import { parseSubjectTags, splitSubject } from '../../src/thread/message/subject-tags.js';
import { parseTrailer } from '../../src/thread/message/trailers.js';
import type { Person } from '../../src/thread/types.js';

// ---- Reference definitions: every line through the regexes, nothing skipped. ----

const WROTE = String.raw`(?:wrote|writes|said|a écrit|schrieb|escribió|scrisse)\s*:\s*$`;
const ON_WROTE = new RegExp(String.raw`^(?:On|Le|Am|El|Il)\s+(.+?)\s*,?\s*` + WROTE, 'i');
const NAME_WROTE = new RegExp(String.raw`^(.{2,100}?)\s+` + WROTE, 'i');
const STAR_BRACKET = /^\*\s+(.+?)\s*\[[^\]]*\]\s*:\s*$/;
const QUOTING = /^Quoting\s+(.+?)\s*\([^)]*\)\s*:\s*$/i;
const TIME_THEN_ZONE =
  /\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[+-]\d{4}|\([A-Z]{2,5}\)|[A-Z]{1,4}T|UTC|GMT|Z)\b)*\s*,?\s*/g;

function refParsePerson(text: string): Person {
  let s = text.trim();
  const em = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/.exec(s);
  const email = em ? em[0].replace(/^mailto:/i, '').replace(/[.>]+$/, '') : '';
  if (em) {
    s = (s.slice(0, em.index) + s.slice(em.index + em[0].length))
      .replace(/<\s*(mailto:)?\s*>|\[\s*(mailto:)?\s*\]|\(\s*\)/gi, '')
      .trim();
  }
  s = s.replace(/^\((.*)\)$/, '$1');
  let name = s.replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim();
  if (name === '') name = email;
  return { name, email };
}

const nonEmpty = (p: Person): Person | null => (p.name || p.email ? p : null);

function refStrong(text: string): Person | null {
  const on = ON_WROTE.exec(text);
  if (on && /\d/.test(on[1]!)) {
    let cut = -1;
    for (const m of on[1]!.matchAll(TIME_THEN_ZONE)) cut = m.index + m[0].length;
    let who = cut >= 0 ? on[1]!.slice(cut) : on[1]!;
    if (cut < 0 && who.includes(',')) who = who.slice(who.lastIndexOf(',') + 1);
    return nonEmpty(refParsePerson(who.replace(/^\s*(at\s+)?/i, '')));
  }
  const star = STAR_BRACKET.exec(text) ?? QUOTING.exec(text);
  return star ? nonEmpty(refParsePerson(star[1]!)) : null;
}

function refWeak(text: string): Person | null {
  const m = NAME_WROTE.exec(text);
  if (!m) return null;
  const who = m[1]!;
  if (!/@/.test(who) && (who.split(/\s+/).length > 4 || /[.!?;]/.test(who))) return null;
  if (/^(on|as|and|but|what|i|you|we|he|she|they)\s/i.test(who)) return null;
  return nonEmpty(refParsePerson(who));
}

function refAttributions(lines: QuotedLine[]) {
  const out: { depth: number; person: Person; lineNo: number }[] = [];
  const follows = (i: number, depth: number): boolean => {
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.text.trim() === '' && lines[j]!.depth <= depth) continue;
      return lines[j]!.depth > depth;
    }
    return false;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const text = l.text.trim();
    if (text === '') continue;
    let person = refStrong(text);
    let used = 1;
    if (!person && /^(On|Le|Am)\s/i.test(text) && !text.endsWith(':')) {
      const next = lines[i + 1];
      if (next && next.depth === l.depth && next.text.trim().length < 80) {
        person = refStrong(text + (text.endsWith('<') ? '' : ' ') + next.text.trim());
        used = 2;
      }
    }
    if (!person) {
      person = refWeak(text);
      if (person && !follows(i, l.depth)) person = null;
    }
    if (person) {
      out.push({ depth: l.depth + 1, person, lineNo: l.lineNo });
      i += used - 1;
    }
  }
  return out;
}

function refSplitQuoted(body: string): QuotedLine[] {
  const raw = body.includes('\r') ? body.split(/\r?\n/) : body.split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((line, i) => ({ ...quoteDepthOf(line), lineNo: i + 1 }));
}

const ORIGINAL_MESSAGE = /^-{3,}\s*Original Message\s*-{3,}\s*$/i;
const RULE = /^_{10,}\s*$/;
const HEADER = /^(From|Sent|Date|To|Cc|Subject|Von|Gesendet|An|Betreff):\s*(.*)$/i;

function refOutlook(lines: QuotedLine[]) {
  const starts = (i: number): boolean => {
    const t = lines[i]!.text.trim();
    if (ORIGINAL_MESSAGE.test(t)) return true;
    const next = lines[i + 1];
    return RULE.test(t) && next !== undefined && /^(From|Von):\s*\S/i.test(next.text.trim());
  };
  const out: QuotedLine[] = [];
  const attributions: { depth: number; person: Person; lineNo: number }[] = [];
  let extra = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const depth = l.depth + extra;
    if (starts(i)) {
      let j = i + 1;
      let person: Person | null = null;
      for (; j < lines.length && lines[j]!.depth === l.depth; j++) {
        const h = HEADER.exec(lines[j]!.text.trim());
        if (!h) break;
        if (/^(from|von)$/i.test(h[1]!)) person = refParsePerson(h[2]!);
      }
      for (let k = i; k < j; k++) out.push({ ...lines[k]!, depth: lines[k]!.depth + extra });
      if (person && (person.name || person.email)) attributions.push({ depth: depth + 1, person, lineNo: l.lineNo });
      extra++;
      i = j - 1;
      continue;
    }
    out.push(extra ? { ...l, depth } : l);
  }
  return { lines: out, attributions };
}

function refBodyLineIn(raw: Buffer, body: string): number | null {
  const rawLines = raw.toString('utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  const bodyLines = body.split('\n');
  while (bodyLines.length && bodyLines[bodyLines.length - 1] === '') bodyLines.pop();
  if (!bodyLines.length) return null;
  const first = rawLines.indexOf('');
  const limit = Math.min(rawLines.length - bodyLines.length, first + 200);
  for (let o = Math.max(0, first); o <= limit; o++) {
    if (bodyLines.every((b, k) => rawLines[o + k] === b)) return o;
  }
  return null;
}

function refIdsIn(value: string): string[] {
  const out = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (out.length === 0) for (const t of value.split(/\s+/)) if (/^[^\s@<>()]+@[^\s@<>()]+$/.test(t)) out.push(t);
  return out;
}

function refSplitSubject(subject: string) {
  let s = subject.trim();
  let reply = false;
  const groups: string[] = [];
  const closing = (t: string): number => {
    let depth = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '[') depth++;
      else if (t[i] === ']' && --depth === 0) return i;
    }
    return -1;
  };
  for (;;) {
    const r = /^\s*(re|aw|sv|fw|fwd|antw|odp|vs)(\[\d+\])?\s*:\s*/i.exec(s);
    if (r) {
      reply = true;
      s = s.slice(r[0].length);
      continue;
    }
    if (s.startsWith('[')) {
      const end = closing(s);
      if (end < 0) break;
      groups.push(s.slice(1, end).replace(/[[\]]/g, ' ').trim());
      s = s.slice(end + 1).trimStart();
      continue;
    }
    break;
  }
  const bare = /^((?:RFC\s+)?PATCH(?:v\d+)?(?:\s+v\d+)?(?:\s+\d+\/\d+)?)\s*:?\s+/i.exec(s);
  if (bare && /\d|v\d/i.test(bare[1]!)) {
    groups.push(bare[1]!);
    s = s.slice(bare[0].length);
  }
  return { reply, groups, rest: s.replace(/^:\s*/, '').trim() };
}

// ---- Edge forms. ----

const people = (body: string) => findAttributions(splitQuoted(body)).map((a) => [a.depth, a.person.name, a.person.email]);

describe('attribution lines the cheap looks must not skip', () => {
  it.each([
    ['trailing spaces', 'On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple wrote:   ', 'Alistair Popple'],
    ['trailing tab', 'On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple wrote:\t', 'Alistair Popple'],
    ['a lone CR at the end', 'On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple wrote:\r', 'Alistair Popple'],
    ['a no-break space at the end', 'On Wed, Jun 9, 2021 at 7:38 PM Jane Doe wrote:\u00a0', 'Jane Doe'],
    ['an ideographic space at the end', 'On Wed, Jun 9, 2021 at 7:38 PM Jane Doe wrote:\u3000', 'Jane Doe'],
    ['a space before the colon', 'Le mer. 9 juin 2021 à 19:38, Jérôme Glisse a écrit :', 'Jérôme Glisse'],
    ['German', 'Am 09.06.21 um 12:05 Christian König schrieb:', 'Christian König'],
    ['Spanish, capitals', 'EL 9/6/2021 12:05, JOSÉ PÉREZ ESCRIBIÓ:', 'JOSÉ PÉREZ'],
    ['leading blanks', '  \u00a0On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple wrote:', 'Alistair Popple'],
  ])('%s', (_what, line, name) => {
    expect(people(`${line}\n> quoted text\n`)).toEqual([[1, name, expect.any(String)]]);
    const lines = splitQuoted(`${line}\n> quoted text\n`);
    expect(findAttributions(lines)).toEqual(refAttributions(lines));
  });

  it.each([
    ['non-ASCII name, trailing blanks', 'Jiří Slabý wrote:  ', 'Jiří Slabý', ''],
    ['address, CR', 'Jane Doe <jane@example.org> writes:\r', 'Jane Doe', 'jane@example.org'],
    ['upper-case verb', 'JANE DOE WROTE:', 'JANE DOE', ''],
    ['said, no-break space before the colon', 'Jane Doe said\u00a0:', 'Jane Doe', ''],
    ['Italian', 'Mario Rossi scrisse:', 'Mario Rossi', ''],
  ])('`Name wrote:` with %s', (_what, line, name, email) => {
    expect(people(`${line}\n> quoted text\n`)).toEqual([[1, name, email]]);
    const lines = splitQuoted(`${line}\n> quoted text\n`);
    expect(findAttributions(lines)).toEqual(refAttributions(lines));
  });

  it('joins a wrapped attribution whose second line has trailing blanks or starts with blanks', () => {
    expect(people('On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple\n   wrote:  \t\n> x\n')).toEqual([
      [1, 'Alistair Popple', ''],
    ]);
    expect(people('\ton Wed, Jun 9, 2021 at 7:38 PM Jane Doe <\njane@example.org> wrote:\u00a0\n> x\n')).toEqual([
      [1, 'Jane Doe', 'jane@example.org'],
    ]);
    // `On` must be a word of its own.
    expect(people('Once, Jun 9, 2021 at 7:38 PM Jane Doe\nwrote:\n> x\n')).toEqual([]);
  });
});

describe('Outlook blocks with odd spacing', () => {
  const block = (marker: string) =>
    bumpOutlookQuotes(splitQuoted(`Fine.\n${marker}\nFrom: Jane Doe [mailto:jane@example.org]\nSent: today\n\nOriginal\n`));
  it.each([
    ['indented marker', '   -----Original Message-----'],
    ['tab and no-break space in front', '\t\u00a0-----Original Message-----'],
    ['trailing blanks', '-----Original Message-----  \t'],
    ['spaces inside', '---- Original Message ----'],
    ['lower case', '-----original message-----'],
    ['indented rule', '  ______________________________'],
    ['rule with a CR', '______________________________\r'],
  ])('%s', (_what, marker) => {
    const { lines, attributions } = block(marker);
    expect(lines.map((l) => l.depth)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(attributions).toEqual([{ depth: 1, person: { name: 'Jane Doe', email: 'jane@example.org' }, lineNo: 2 }]);
  });

  it('leaves a body without a block as it is', () => {
    const lines = splitQuoted('a - b\n--- \n-- \n_x_\n> quoted\n');
    const { lines: out, attributions } = bumpOutlookQuotes(lines);
    expect(out).toEqual(lines);
    expect(attributions).toEqual([]);
  });
});

describe('whitespace as trim() sees it', () => {
  it('isJsSpace agrees with trim() and \\s on every UTF-16 code unit', () => {
    const bad: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (isJsSpace(c) !== (s.trim() === '') || isJsSpace(c) !== /\s/.test(s)) bad.push(c);
    }
    expect(bad).toEqual([]);
  });

  it('counts a line of no-break spaces as blank and a zero-width space as text', () => {
    expect([...depthsWithText(splitQuoted('> \u00a0\u3000\n>> \u200b\n'))]).toEqual([2]);
    expect(isBlank(' \t\r\ufeff')).toBe(true);
  });
});

describe('splitQuoted', () => {
  it.each([
    ['LF', 'a\n> b\n>> c\n'],
    ['CRLF', 'a\r\n> b\r\n>> c\r\n'],
    ['lone CRs kept', 'a\r\r\n>\r\n> \r> x\r'],
    ['no final newline', '> > a\n\n>'],
    ['blank lines at the end', 'a\n\n\n'],
    ['only a newline', '\n'],
    ['empty', ''],
  ])('%s', (_what, body) => {
    expect(splitQuoted(body)).toEqual(refSplitQuoted(body));
  });
});

describe('bodyLineIn', () => {
  const mail = (head: string, body: string, eol = '\n') => Buffer.from((head + '\n' + body).replace(/\n/g, eol));
  it('finds the body after the header block, LF or CRLF', () => {
    expect(bodyLineIn(mail('From: a\nSubject: b\n', 'x\ny\n'), 'x\ny\n')).toBe(3);
    expect(bodyLineIn(mail('From: a\nSubject: b\n', 'x\ny\n', '\r\n'), 'x\ny\n')).toBe(3);
  });
  it('matches whole lines only, and only bodies stored as they read', () => {
    expect(bodyLineIn(mail('From: a\n', 'xy\n'), 'x\n')).toBeNull();
    expect(bodyLineIn(mail('From: a\n', 'x=\n=3D\n'), 'x=3D\n')).toBeNull();
    expect(bodyLineIn(mail('From: a\n', 'x\n'), '\n\n')).toBeNull();
  });
  it('takes body lines that start blank, and a body that is the last line without a newline', () => {
    expect(bodyLineIn(Buffer.from('From: a\n\n\nx'), '\nx')).toBe(2);
    expect(bodyLineIn(Buffer.from('From: a\n\n\nx'), 'x\n\n')).toBe(3);
  });
});

describe('idsIn', () => {
  it.each([
    '<a@b> <c@d>',
    '<<a@b>>',
    '<a b@c> <d@e>',
    '<a\u00a0b@c>',
    '<> <x@y>',
    'a@b c@d',
    '<a@b',
    '<a@b><c@d>',
  ])('%j', (v) => {
    expect(idsIn(v)).toEqual(refIdsIn(v));
  });
});

describe('subjects', () => {
  it.each([
    ['\u00a0 Re: AW:Fwd[2]: [PATCH v2 1/3] x', { reply: true, groups: ['PATCH v2 1/3'], rest: 'x' }],
    ['[PATCH [v2] 1/3]: x', { reply: false, groups: ['PATCH  v2  1/3'], rest: 'x' }],
    ['rfc  PATCH v3 2/8: x', { reply: false, groups: ['rfc  PATCH v3 2/8'], rest: 'x' }],
    ['ODP: sv: vs: x', { reply: true, groups: [], rest: 'x' }],
  ])('%j', (subject, parts) => {
    expect(splitSubject(subject)).toEqual(parts);
    expect(splitSubject(subject)).toEqual(refSplitSubject(subject));
  });

  it('reads PATCH-v2, RFC_v3 and a (v4) after the subject', () => {
    expect(parseSubjectTags('[PATCH-v2 1/2] x')).toMatchObject({ prefix: 'PATCH', version: 2, index: 1, total: 2 });
    expect(parseSubjectTags('[RFC_v3] x')).toMatchObject({ prefix: 'RFC', version: 3, rfc: true });
    expect(parseSubjectTags('mm: thing (V4)')).toMatchObject({ version: 4 });
  });
});

describe('trailers', () => {
  it('cleans an Outlook mailto address and leaves other values as they are', () => {
    expect(parseTrailer('Acked-by: A B <a@b.org<mailto:a@b.org>>')).toEqual({ key: 'Acked-by', value: 'A B <a@b.org>' });
    expect(parseTrailer('Acked-by: A B <a@b.org>')).toEqual({ key: 'Acked-by', value: 'A B <a@b.org>' });
  });
});

describe('the first line after an mbox From_ line', () => {
  // The plain definition: that line (latin1, one CR dropped) is empty or starts `name:`.
  const looksLikeHeaders = (raw: Buffer): boolean => {
    const end = raw.indexOf(0x0a);
    const first = raw.toString('latin1', 0, end < 0 ? raw.length : end).replace(/\r$/, '');
    return first === '' || /^[!-9;-~]+:/.test(first);
  };
  const refused = async (raw: Buffer): Promise<boolean> => {
    try {
      await readMail({ file: 't.mbox', index: 0, format: 'mbox', layout: 'mbox', raw, orphan: false, line: 2 });
      return false;
    } catch (err) {
      if (err instanceof BrokenMessage && err.message === 'no mail headers after the From_ line') return true;
      return false;
    }
  };
  it.each([
    'Subject: x\n\nbody\n',
    'X-Y:z\n\nbody\n',
    ': x\n\nbody\n',
    'a b: x\n\nbody\n',
    'Subject x\n\nbody\n',
    '\nbody\n',
    '\r\nbody\n',
    '\r',
    '\r\r\nSubject: x\n\nbody\n',
    '',
    'Subj\u00e9ct: x\n\nbody\n',
    '~!:\n\nbody\n',
  ])('%j', async (text) => {
    const raw = Buffer.from(text, 'latin1');
    expect(await refused(raw)).toBe(!looksLikeHeaders(raw));
  });
});

// ---- Random lines from the pieces the gates look at. ----

const PIECES = [
  'On', 'on', 'Le', 'Am', 'El', 'Il', 'Once', 'Quoting', '*', 'wrote', 'WROTE', 'writes', 'said', 'a écrit',
  'schrieb', 'escribió', 'ESCRIBIÓ', 'scrisse', 'wrote:', ':', ':', ' ', ' ', '  ', '\t', '\u00a0', '\u3000',
  '\r', '\u200b', ',', '<', '>', '> ', '>>', '[2021-06-09]', '(x)', '12:05', '7:38 PM', '+1000', 'Jane', 'Doe',
  'Jiří', 'jane@example.org', '<jane@example.org>', '-----Original Message-----', '---', '-', '_', '__________',
  'From:', 'From: Jane <j@x.org>', 'Sent: now', 'Von:', 'x', 'é', '.', '\n', '\n', '\n', '\r\n', '\n> ', '\n>> ',
];
const body = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('the gated passes give what the plain regexes give', () => {
  it('on random bodies', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(splitQuoted(b)).toEqual(refSplitQuoted(b));
        const lines = splitQuoted(b);
        expect(findAttributions(lines)).toEqual(refAttributions(lines));
        expect(bumpOutlookQuotes(lines)).toEqual(refOutlook(lines));
        expect(depthsWithText(lines)).toEqual(new Set(lines.filter((l) => l.text.trim() !== '').map((l) => l.depth)));
        expect(idsIn(b)).toEqual(refIdsIn(b));
      }),
      { seed: 6, numRuns: 3000 },
    );
  });

  it('parsePerson on random names and addresses', () => {
    const bits = [
      'Jane', 'Doe', ' ', '\t', '\u00a0', '\u2028', 'a@b.org', 'MAILTO:', 'mailto:', '<', '>', '[', ']', '(', ')', '"',
      '\\', '.', ',', ';', ':', "'", 'é', 'x',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...bits), { maxLength: 16 }), (p) => {
        const text = p.join('');
        expect(parsePerson(text)).toEqual(refParsePerson(text));
      }),
      { seed: 6, numRuns: 5000 },
    );
  });

  it('splitSubject on random subjects', () => {
    const bits = [
      'Re', 're', 'RE', 'Aw', 'SV', 'fwd', 'Fw', 'antw', 'Odp', 'vs', ':', ': ', '[2]', '[', ']', '[PATCH', 'PATCH', 'patch',
      'RFC', 'rfc', 'v2', 'PATCHv3', '1/3', ' ', '  ', '\t', '\u00a0', 'x', 'mm', '(v2)', '-',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...bits), { maxLength: 14 }), (p) => {
        const subject = p.join('');
        expect(splitSubject(subject)).toEqual(refSplitSubject(subject));
      }),
      { seed: 6, numRuns: 5000 },
    );
  });

  it('bodyLineIn on random mails and bodies cut from them', () => {
    fc.assert(
      fc.property(body, body, fc.boolean(), fc.nat(5), (head, text, crlf, drop) => {
        const raw = Buffer.from(`${head}\n\n${text}`.replace(/\n/g, crlf ? '\r\n' : '\n'));
        const lines = text.split('\n');
        for (const b of [text, lines.slice(Math.min(drop, lines.length)).join('\n'), `${text}\n\n`, text.replace(/\r/g, '')]) {
          expect(bodyLineIn(raw, b)).toBe(refBodyLineIn(raw, b));
        }
      }),
      { seed: 6, numRuns: 3000 },
    );
  });
});
