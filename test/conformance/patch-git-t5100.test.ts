// git t5100: for each message of sample.mbox, `git mailinfo` writes the patch part (from the
// patch break to the end of the body) to patchNNNN; with --scissors to patchNNNN--scissors.
// Our patchBreak must cut every body at the same line, and the diff we find there must be the
// message's patch (origin 'patch', applicable with jsdiff, equal to jsdiff's strict reading).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, parseDiffText, patchBreak, isScissorsLine } from '../../src/patch/index.js';
import { CORPUS, HAVE_CORPUS, messagesOf, skipNote, strictReadingDiffers } from '../patch/corpus.js';
import { applyFailures } from '../patch/apply-helper.js';

const DIR = `${CORPUS}git-t5100/`;
skipNote('git t5100 (patch part)');

/** Expected files are bytes; 0005 keeps ISO-8859-1 in its patch, the decoder gives UTF-8. */
function expectedText(file: string, charsetHint: 'utf8' | 'latin1'): string {
  return readFileSync(file).toString(charsetHint);
}

const trimEnd = (s: string) => s.replace(/\n+$/, '');

describe.skipIf(!HAVE_CORPUS)('git t5100 sample.mbox: patch break and patch part', async () => {
  const mails = HAVE_CORPUS ? await messagesOf(`${DIR}sample.mbox`) : [];

  it('splits into the 18 messages the test expects', () => {
    expect(mails).toHaveLength(18);
  });

  const cases = mails.flatMap((m, i) => {
    const id = String(i + 1).padStart(4, '0');
    return ['', '--scissors', '--no-inbody-headers', '--message-id']
      .filter((opt) => existsSync(`${DIR}patch${id}${opt}`))
      .map((opt) => ({ id, opt, body: m.body }));
  });

  it.each(cases)('patch$id$opt', ({ id, opt, body }) => {
    const lines = body.split('\n');
    const at = patchBreak(lines, { scissors: opt === '--scissors' });
    const got = at < 0 ? '' : lines.slice(at).join('\n');
    const file = `${DIR}patch${id}${opt}`;
    const charset = id === '0005' ? 'latin1' : 'utf8';
    expect(trimEnd(got)).toBe(trimEnd(expectedText(file, charset)));
  });

  it.each(mails.map((m, i) => ({ id: String(i + 1).padStart(4, '0'), m })))(
    'message $id: the diff after the break is the patch, applies, and reads as jsdiff reads it',
    ({ m }) => {
      const lines = m.body.split('\n');
      const at = patchBreak(lines);
      const diffs = findDiffs(splitQuoted(m.body), { patchMail: true });
      const hasDiff = at >= 0 && lines.slice(at).some((l) => l.startsWith('diff --git '));
      expect(diffs.length > 0).toBe(hasDiff);
      for (const d of diffs) {
        expect(d.origin).toBe('patch');
        expect(d.firstLine).toBeGreaterThan(at);
        expect(applyFailures(d.text)).toEqual([]);
        expect(strictReadingDiffers(lines, d)).toBeNull();
      }
    },
  );

  it('0004: hunk context cut short by git keeps the part it has', () => {
    const d = findDiffs(splitQuoted(mails[3]!.body), { patchMail: true });
    expect(d).toHaveLength(1);
    expect(d[0]!.files.map((f) => f.new)).toEqual(['connect.c']);
  });

  it('0014: a sentence that mentions -- >8 -- is not a cut line; the real one is', () => {
    const lines = mails[13]!.body.split('\n');
    const cuts = lines.filter(isScissorsLine);
    expect(cuts).toEqual([' - - >8 - - please remove everything above this line - - >8 - -']);
    expect(lines.some((l) => l.includes('-- >8 --') && !isScissorsLine(l))).toBe(true);
  });
});

describe.skipIf(!HAVE_CORPUS)('git t5100 single-message cases', () => {
  it('nul-b64: the base64 body with NUL bytes breaks where git breaks', async () => {
    const [m] = await messagesOf(`${DIR}nul-b64.in`);
    const lines = m!.body.split('\n');
    const got = lines.slice(patchBreak(lines)).join('\n');
    expect(trimEnd(got)).toBe(trimEnd(readFileSync(`${DIR}nul-b64.expect`, 'latin1')));
    const d = findDiffs(splitQuoted(m!.body), { patchMail: true });
    expect(d).toHaveLength(1);
    expect(d[0]!.files[0]!.hunks).toHaveLength(2);
    expect(applyFailures(d[0]!.text)).toEqual([]);
  });

  it('nul-plain: a 4-line patch part whose `diff --git` line is followed by binary junk, not a diff', () => {
    const raw = readFileSync(`${DIR}nul-plain`, 'latin1');
    const body = raw.slice(raw.indexOf('\n\n') + 2);
    const lines = body.split('\n');
    const at = patchBreak(lines);
    expect(lines.slice(at).filter((l, i, a) => i < a.length - 1 || l !== '')).toHaveLength(4);
    expect(findDiffs(splitQuoted(body), { patchMail: true })).toEqual([]);
    expect(parseDiffText(body, 'attachment')).toBeNull();
  });

  it('quoted-cr: both messages break at the same line as git (CRs aside)', async () => {
    const mails = await messagesOf(`${DIR}quoted-cr.mbox`);
    expect(mails).toHaveLength(2);
    // In the expected file %% stands for a CR; for message 1 one at a line end goes first.
    const expected = readFileSync(`${DIR}quoted-cr-patch`, 'utf8');
    const noCr = (s: string) => trimEnd(s.replace(/%%/g, '').replace(/\r/g, ''));
    for (const m of mails) {
      const lines = m.body.split('\n');
      expect(noCr(lines.slice(patchBreak(lines)).join('\n'))).toBe(noCr(expected));
      const d = findDiffs(splitQuoted(m.body.replace(/\r$/gm, '')), { patchMail: true });
      expect(d.map((x) => x.files.map((f) => f.new))).toEqual([['configure']]);
    }
  });
});

describe.skipIf(!HAVE_CORPUS)('git t4256: a format=flowed patch (un-flowed by the decoder)', () => {
  it('has one file, mailinfo.c, whose hunks keep their counts and apply', async () => {
    const [m] = await messagesOf(`${CORPUS}git-t4256-format-flowed/patch`);
    const diffs = findDiffs(splitQuoted(m!.body), { patchMail: true });
    expect(diffs).toHaveLength(1);
    const d = diffs[0]!;
    expect(d.origin).toBe('patch');
    expect(d.files.map((f) => [f.old, f.new])).toEqual([['mailinfo.c', 'mailinfo.c']]);
    const hunks = d.files[0]!.hunks;
    expect(hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([
      [237, 11, 237, 22],
      [964, 6, 975, 52],
      [1012, 7, 1069, 7],
      [1022, 13, 1079, 16],
    ]);
    expect(hunks.reduce((n, h) => n + h.added, 0)).toBe(62);
    expect(hunks.reduce((n, h) => n + h.removed, 0)).toBe(2);
    // Thunderbird wrote blank context lines as empty lines; nothing else needed fixing.
    expect(new Set(d.repairs.map((r) => r.kind))).toEqual(new Set(['blank-context-restored']));
    expect(applyFailures(d.text)).toEqual([]);
  });
});
