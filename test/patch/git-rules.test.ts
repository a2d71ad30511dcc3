// git mailinfo's two line rules, case by case.
import { describe, expect, it } from 'vitest';
import { isPatchBreakLine, isScissorsLine, patchBreak } from '../../src/patch/index.js';

describe('isScissorsLine (git is_scissors_line)', () => {
  it.each([
    '-- >8 --',
    '---8<---',
    '-- 8< --',
    '-- %< --',
    '-->%-----',
    ' - - >8 - - please remove everything above this line - - >8 - -',
    '------------------------ >8 ------------------------',
    '-- >8 -- cut here -- >8 --',
    '- - - \u2702 - - - \u2702 - - -',
  ])('cuts at %j', (line) => expect(isScissorsLine(line)).toBe(true));

  it.each([
    ['no mark at all', '------------------------'],
    ['too narrow (6 visible)', '--8<--'],
    ['a sentence that mentions the mark', 'This line is not a scissors mark -- >8 -- but talks about it.'],
    ['a mark with no perforation to speak of', 'cut >8 here please, thanks'],
    ['blanks outweigh dashes', '-  -  -  >8  -  -  -'],
    ['empty', ''],
    ['the seed prose', 'I thought plumb it right before your EXCLUSIVE notifier init would work?'],
  ])('does not cut at %s', (_, line) => expect(isScissorsLine(line)).toBe(false));

  it('measures width in UTF-8 bytes like git (a 3-byte mark counts 3)', () => {
    expect(isScissorsLine('- \u2702 -')).toBe(false); // 7 bytes wide
    expect(isScissorsLine('-- \u2702 --')).toBe(true); // 9 bytes wide
  });
});

describe('isPatchBreakLine (git patchbreak)', () => {
  it.each([
    'diff --git a/x b/x',
    'diff -u a/x b/x',
    'diff -urN linux.orig/mm linux/mm',
    'Index: bfd/elflink.c',
    '--- a/mm/rmap.c',
    '--- mm/rmap.c\t2021-06-10 12:00:00',
    '---',
    '---   ',
    '---\t',
  ])('breaks at %j', (line) => expect(isPatchBreakLine(line)).toBe(true));

  it.each([
    ['four dashes', '----'],
    ['a `---` run glued to text', '---8<---'],
    ['two spaces before a name', '---  x'],
    ['the signature separator', '-- '],
    ['prose starting with diff', 'diff between v1 and v2'],
    ['prose starting with difficult', 'difficult to say'],
    ['Different', 'Different approach'],
    ['Index without a space', 'Index:foo'],
    ['a quoted separator', '> ---'],
  ])('does not break at %s', (_, line) => expect(isPatchBreakLine(line)).toBe(false));
});

describe('patchBreak', () => {
  it('is the first breaking line, or -1', () => {
    expect(patchBreak(['subject text', '', 'Signed-off-by: A <a@b>', '---', ' x | 1 +', '', 'diff --git a/x b/x'])).toBe(3);
    expect(patchBreak(['just', 'a', 'reply'])).toBe(-1);
    expect(patchBreak([])).toBe(-1);
  });

  it('with --scissors a cut line that also looks like `--- x` is skipped', () => {
    const lines = ['--- >8 ---', 'message', '---', 'diff --git a/x b/x'];
    expect(patchBreak(lines)).toBe(0);
    expect(patchBreak(lines, { scissors: true })).toBe(2);
  });
});
