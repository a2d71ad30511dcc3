// diffIdentity: what makes two diffs the same change; isQuotedPartOf: a trimmed quote of one.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, diffIdentity, fileChanges, isQuotedPartOf, type FileDiff } from '../../src/patch/index.js';
import { diffPart, quote } from './mangle.js';

const DIFF = diffPart(readFileSync(new URL('../../fixtures/patches/split-thp-before-exclusive.patch', import.meta.url), 'utf8'));
const files = (text: string): FileDiff[] => {
  const d = findDiffs(splitQuoted(text));
  expect(d).toHaveLength(1);
  return d[0]!.files;
};
const id = (text: string) => diffIdentity(files(text));

describe('diffIdentity', () => {
  const base = id(DIFF);

  it('is a sha1 hex digest', () => expect(base).toMatch(/^[0-9a-f]{40}$/));

  it('ignores context, line numbers, function context and hunk boundaries', () => {
    const moved = DIFF.replace('@@ -750,7 +750,8 @@ static int dmirror_exclusive(struct dmirror *dmirror,', '@@ -10,7 +10,8 @@');
    expect(id(moved)).toBe(base);
    const otherContext = DIFF.replace(' \t\tunsigned long mapped;', ' \t\tunsigned long unmapped;');
    expect(id(otherContext)).toBe(base);
  });

  it('does not depend on file order (like --stable)', () => {
    const at = DIFF.indexOf('diff --git a/mm/rmap.c');
    expect(id(DIFF.slice(at) + DIFF.slice(0, at))).toBe(base);
  });

  it('changes with an added or removed line, a path, or the order of lines in a file', () => {
    expect(id(DIFF.replace('+\tif (npages < 0)', '+\tif (npages <= 0)'))).not.toBe(base);
    expect(id(DIFF.replace('-\t\tif (!trylock_page(pages[i])) {', '-\t\tif (!trylock_page(pages[i]))  {'))).toBe(base); // whitespace only
    expect(id(DIFF.replace(/lib\/test_hmm\.c/g, 'lib/test_hmm2.c'))).not.toBe(base);
    const swapped = DIFF.replace('+\tif (npages < 0)\n+\t\treturn npages;', '+\t\treturn npages;\n+\tif (npages < 0)');
    expect(id(swapped)).not.toBe(base);
  });

  it('tells a mode change and a rename apart from nothing', () => {
    const mode = 'diff --git a/x.sh b/x.sh\nold mode 100644\nnew mode 100755\n';
    const rename = 'diff --git a/x.sh b/y.sh\nsimilarity index 100%\nrename from x.sh\nrename to y.sh\n';
    expect(id(mode)).not.toBe(id(rename));
    expect(id(mode)).not.toBe(id(mode.replace('100755', '100775')));
  });
});

describe('isQuotedPartOf', () => {
  const whole = files(DIFF);

  it('a quote with one hunk and some lines cut is part of the diff', () => {
    const q = quote(DIFF, 1)
      .split('\n')
      .filter((l) => !l.includes('PageTail') && !l.includes('trylock_page') && !l.includes('* level for now'))
      .join('\n');
    const part = files(q);
    expect(diffIdentity(part)).not.toBe(diffIdentity(whole));
    expect(isQuotedPartOf(fileChanges(part), fileChanges(whole))).toBe(true);
  });

  it('a bare quoted hunk (no file header) is part of the diff it came from', () => {
    const q = DIFF.split('\n');
    const at = q.findIndex((l) => l.startsWith('@@ -2160'));
    const part = files(quote(q.slice(at).join('\n'), 1));
    expect(part[0]!.headerless).toBe(true);
    expect(isQuotedPartOf(fileChanges(part), fileChanges(whole))).toBe(true);
  });

  it('a different change, a change in another file, or no change at all is not', () => {
    expect(isQuotedPartOf(fileChanges(files(DIFF.replace('+\tif (npages < 0)', '+\tif (npages <= 0)'))), fileChanges(whole))).toBe(false);
    expect(isQuotedPartOf(fileChanges(files(DIFF.replace(/mm\/rmap\.c/g, 'mm/gup.c'))), fileChanges(whole))).toBe(false);
    expect(isQuotedPartOf([], fileChanges(whole))).toBe(false);
  });
});

describe('diffIdentity is the patch-id digest, hashed piece by piece', () => {
  // The digest as written out in full: one hash update per header and per +/- line, each
  // line stripped of its whitespace on its own. The one-string hashing must give the same.
  const reference = (fs: readonly FileDiff[]): string => {
    const parts = fs.map((f) => {
      const h = createHash('sha1');
      h.update(`${f.old ?? '/dev/null'}\0${f.new ?? '/dev/null'}\0`);
      for (const e of f.extended) {
        if (/^(?:similarity index|dissimilarity index|index )/.test(e) && !(f.binary && e.startsWith('index '))) continue;
        h.update(e.replace(/\s+/g, '') + '\n');
      }
      for (const hunk of f.hunks) for (const l of hunk.lines) if (l.op !== ' ') h.update(l.op + l.text.replace(/\s+/g, '') + '\n');
      return h.digest('hex');
    });
    return createHash('sha1').update(parts.sort().join('\n')).digest('hex');
  };
  const withText = (texts: string[]): FileDiff[] => {
    const f = structuredClone(files(DIFF));
    const lines = f.flatMap((x) => x.hunks.flatMap((h) => h.lines)).filter((l) => l.op !== ' ');
    texts.forEach((t, i) => (lines[i % lines.length]!.text = t));
    return f;
  };

  it('on the fixture, as sent and mangled', () => {
    expect(diffIdentity(files(DIFF))).toBe(reference(files(DIFF)));
    const spaced = DIFF.replace(/\t/g, '        ');
    expect(diffIdentity(files(spaced))).toBe(reference(files(spaced)));
  });

  it('on lines with unicode blanks, lone surrogates, NULs and a newline inside a line', () => {
    for (const texts of [
      ['\u00a0x\u2003y\u3000', '\ufeffz\u2028w', 'a\u000bb\u000cc\rd'],
      ['\ud83d', '\ude00 tail', 'pair \ud83d\ude00 ok', '\u0000nul\u0000'],
      ['one\ntwo', '  three  '],
      ['', ' ', '\t\t'],
    ]) {
      const f = withText(texts);
      expect(diffIdentity(f)).toBe(reference(f));
    }
  });
});
