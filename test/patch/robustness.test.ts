// Bad input never throws and never hangs: lying counts, huge hunks, header floods, binary junk.
// A reading that went quadratic on these sizes would take minutes: the tests' own timeouts
// (HANG) catch it; how fast the reading is belongs to `npm run bench`, not to a test.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, parseDiffText } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';
import { diffPart, quote, webArchive } from './mangle.js';

const find = (body: string) => findDiffs(splitQuoted(body));
const HANG = { timeout: 30_000 };

describe('counts that lie', () => {
  it('far too large: read by content and recounted', () => {
    const [d] = find('--- a/x\n+++ b/x\n@@ -1,999999 +1,999999 @@\n a\n-b\n+c\n\nThanks\n');
    expect(d!.files[0]!.hunks[0]!.header).toBe('@@ -1,2 +1,2 @@');
    expect(d!.repairs.map((r) => r.kind)).toEqual(['hunk-count-fixed']);
    expect(applyFailures(d!.text)).toEqual([]);
  });

  it('zero for a hunk that has lines', () => {
    const [d] = find('--- a/x\n+++ b/x\n@@ -5,0 +5,0 @@\n a\n+b\n a2\n');
    expect(d!.files[0]!.hunks[0]!.header).toBe('@@ -5,2 +5,3 @@');
  });

  it('numbers too big to be numbers: no hunk header at all', () => {
    expect(find('--- a/x\n+++ b/x\n@@ -1,99999999999999999999 +1 @@\n+b\n')).toEqual([]);
  });
});

describe('size', () => {
  const N = 100_000;

  it(`a ${N}-line hunk with honest counts is one hunk`, HANG, () => {
    const body = [`--- a/big.c`, `+++ b/big.c`, `@@ -1,${(3 * N) / 4} +1,${(3 * N) / 4} @@`];
    for (let i = 0; i < N / 2; i++) body.push(` \tline_${i}();`);
    for (let i = 0; i < N / 4; i++) body.push(`-\told_${i}();`, `+\tnew_${i}();`);
    const d = find(body.join('\n'));
    expect(d).toHaveLength(1);
    const h = d[0]!.files[0]!.hunks[0]!;
    expect([h.lines.length, h.added, h.removed]).toEqual([N, N / 4, N / 4]);
    expect(d[0]!.repairs).toEqual([]);
  });

  it(`a ${N}-line web-archive hunk whose counts lie is recovered the same way`, HANG, () => {
    const body = [`> --- a/big.c`, `> +++ b/big.c`, `> @@ -1,7 +1,7 @@`];
    for (let i = 0; i < N; i++) body.push(i % 10 === 0 ? `> +new_${i}();` : `> line_${i}();`);
    const [d] = find(body.join('\n') + '\n\nThanks\n');
    // Space-less lines after the last change cannot be told from prose once the counts lie:
    // the hunk ends at its last +/- line (the 9 context lines after it are dropped).
    expect(d!.files[0]!.hunks[0]!.lines).toHaveLength(N - 9);
    expect(d!.files[0]!.hunks[0]!.added).toBe(N / 10);
    expect(d!.repairs.filter((r) => r.kind === 'hunk-count-fixed')).toHaveLength(1);
  });

  it('100k hunk headers with nothing under them, 100k snips, 100k blank lines: no diff', HANG, () => {
    for (const line of ['@@ -1 +1 @@', '[...]', '', '---8<---', 'diff --git a/x b/x', '> @@ -1,2 +1,2 @@']) {
      const body = Array.from({ length: N }, () => line).join('\n');
      expect(find(body)).toEqual([]);
    }
  });

  it('10x the thread text gives 10x the diffs', HANG, () => {
    const mail = readFileSync(new URL('../../fixtures/patches/split-thp-before-exclusive.patch', import.meta.url), 'utf8');
    const seed = readFileSync(new URL('../../fixtures/threads/000_00c7ef2d00851f1b.txt', import.meta.url), 'utf8');
    const unit = [seed, quote(mail, 1), quote(webArchive(diffPart(mail)), 2), mail].join('\n');
    const small = Array.from({ length: 40 }, () => unit).join('\n');
    const large = Array.from({ length: 400 }, () => unit).join('\n');
    expect(find(large).length).toBe(10 * find(small).length);
  });
});

describe('junk', () => {
  it('binary junk with NULs and control bytes', () => {
    const junk = Buffer.from(Array.from({ length: 1 << 16 }, (_, i) => (i * 2654435761) % 256)).toString('latin1');
    expect(() => find(junk)).not.toThrow();
    expect(() => parseDiffText(junk, 'attachment')).not.toThrow();
  });

  it('a diff header wrapped in binary noise is still found, the noise is not', () => {
    const body = '\u0000\u0001junk\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n\u0000\u0002\u0003\n';
    const [d] = find(body);
    expect(d!.files[0]!.hunks[0]!.lines.map((l) => l.op + l.text)).toEqual(['-a', '+b']);
  });
});

describe('no catastrophic backtracking', () => {
  const blanks = ' '.repeat(50_000);
  it.each([
    ['a ---/+++ pair padded with blanks', `--- a${blanks}x\n+++ b${blanks}y\n@@ -1 +1 @@\n-a\n+b\n`],
    ['a hunk header padded with blanks', `--- a/x\n+++ b/x\n@@ -1 +1${blanks}@@\n-a\n+b\n`],
    ['a blank-padded scissors lookalike', `-${blanks}>8${blanks}-\n`],
    ['a long prose line in a mangled hunk', `> --- a/x\n> +++ b/x\n> @@ -1,3 +1,3 @@\n> a${' word'.repeat(20_000)}\n> +b\n`],
    ['a long signature-like line', `--- a/x\n+++ b/x\n@@ -1,9 +1,9 @@\n a\n+b\n${'Thanks'.padEnd(50_000, ' ')}wrote:${blanks}x\n`],
  ])('%s', HANG, (_, body) => {
    expect(() => find(body)).not.toThrow();
  });
});
