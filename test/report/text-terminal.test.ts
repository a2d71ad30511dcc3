// The text report on a terminal: wrapped to the width with hanging indents (tables and the
// title whole), colour only when asked for and only where the report's structure puts it.
import { describe, expect, test } from 'vitest';
import type { Review } from '../../src/replay/types.js';
import { renderText } from '../../src/report/render-text.js';
import { ansi, wantsColour } from '../../src/report/style.js';
import { wrapLine } from '../../src/report/wrap.js';
import { cli } from '../review/built-cli.js';

describe('wrapLine', () => {
  test('continuations hang under the text after a label or list marker', () => {
    expect(wrapLine('      first cause: the runs part at trace event 60 in a function with a long name', 40)).toEqual([
      '      first cause: the runs part at',
      '                   trace event 60 in a',
      '                   function with a long',
      '                   name',
    ]);
    expect(wrapLine('        - result: 0 → -2 (ENOENT)  [regression]', 24)).toEqual(['        - result: 0 → -2', '          (ENOENT)', '          [regression]']);
    expect(wrapLine('short', 10)).toEqual(['short']);
    // A word longer than the width stays whole.
    expect(wrapLine('  x: aaaaaaaaaaaaaaaaaaaaaaaa b', 12)).toEqual(['  x: aaaaaaaaaaaaaaaaaaaaaaaa', '     b']);
  });
});

test('colour only on a terminal, and not with NO_COLOR or TERM=dumb', () => {
  expect(wantsColour({ isTTY: true }, {})).toBe(true);
  expect(wantsColour({ isTTY: false }, {})).toBe(false);
  expect(wantsColour({}, {})).toBe(false);
  expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
  expect(wantsColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
});

test('the seed on an 80-column terminal: wrapped, coloured where the structure says, escapes from nowhere else', () => {
  const run = cli(['review', 'fixtures/threads/000_00c7ef2d00851f1b.txt', '--scenario', 'nouveau-atomic-small', 'nouveau-atomic-thp-tail', '--format', 'json']);
  const r = JSON.parse(run.stdout) as Review;
  const text = renderText(r, { width: 80, style: ansi });
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  for (const l of plain.split('\n')) if (!/^ {6}\S+ {2,}\S/.test(l) && !l.startsWith('lkml-replay review:')) expect(l.length, l).toBeLessThanOrEqual(80);
  expect(text.split('\n')[0]).toBe('\x1b[1mlkml-replay review: [PATCH v10 07/10] mm: Device exclusive memory access\x1b[0m');
  expect(text).toMatch(/\n {6}nouveau-atomic-small +completed 0 +deadlock, 1 retry +\x1b\[1;31mREGRESSION\x1b\[0m\n/);
  expect(text).toMatch(/\n {6}nouveau-atomic-thp-tail +completed -22 +completed -22 +\x1b\[32msame \(not reached\)\x1b\[0m\n/);
  expect(text).toContain('\n\x1b[1;31m    nouveau-atomic-small: REGRESSION\x1b[0m\n');
  // Without a style the same text has no escape at all.
  expect(renderText(r, { width: 80 })).toBe(plain);
});
