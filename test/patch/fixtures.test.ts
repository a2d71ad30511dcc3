// Fixture-driven cases (fixtures/patches/README.md says what each file is).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, diffIdentity, fileChanges, isQuotedPartOf } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/patches/${name}`, import.meta.url), 'utf8');

describe('review-rewrapped-quote.txt: a trimmed, commented, re-wrapped quote of the patch', () => {
  const text = fixture('review-rewrapped-quote.txt');
  const body = text.split('\n');
  const diffs = findDiffs(splitQuoted(text));
  const [original] = findDiffs(splitQuoted(fixture('split-thp-before-exclusive.patch')), { patchMail: true });

  it('is one quoted diff of mm/rmap.c, from its diff --git line to the last quoted hunk line', () => {
    expect(diffs).toHaveLength(1);
    const d = diffs[0]!;
    expect([d.quoteDepth, d.origin]).toEqual([1, 'quoted']);
    expect(body[d.firstLine - 1]).toBe('> diff --git a/mm/rmap.c b/mm/rmap.c');
    expect(body[d.lastLine - 1]).toBe('>  \t\t\tcontinue;');
    expect(d.files.map((f) => [f.old, f.new])).toEqual([['mm/rmap.c', 'mm/rmap.c']]);
  });

  it('keeps the first hunk whole across the comment, and its wrapped @@ context', () => {
    const h = diffs[0]!.files[0]!.hunks[0]!;
    expect([h.header, h.added, h.removed]).toEqual([
      '@@ -2042,6 +2042,12 @@ static bool page_make_device_exclusive_one(struct page *page,',
      6,
      0,
    ]);
    expect(h.lines.find((l) => l.text.includes('level for now'))!.text).toBe(
      '\t * level for now, and warn loudly if a caller ever hands us a tail page.',
    );
  });

  it('splits the second hunk at the snip, the part after it under a synthesised header', () => {
    const hunks = diffs[0]!.files[0]!.hunks.slice(1);
    expect(hunks.map((h) => [h.function, h.added, h.removed])).toEqual([
      ['make_device_exclusive_range', 0, 0],
      ['make_device_exclusive_range', 1, 1],
    ]);
    expect(hunks[1]!.oldStart).toBe(hunks[0]!.oldStart + hunks[0]!.oldLines);
  });

  it('logs the joins and the snip against the lines they fixed', () => {
    const repairs = diffs[0]!.repairs.map((r) => [r.kind, body[r.line - 1]]);
    expect(repairs).toEqual([
      ['wrapped-line-joined', 'page_make_device_exclusive_one(struct page *page,'],
      ['wrapped-line-joined', 'page.'],
      ['wrapped-line-joined', 'mm_struct *mm, unsigned long start,'],
      ['snip-marker', '> [...]'],
    ]);
  });

  it('applies, and is recognised as a part of the patch it quotes', () => {
    expect(applyFailures(diffs[0]!.text)).toEqual([]);
    expect(diffIdentity(diffs[0]!.files)).not.toBe(diffIdentity(original!.files));
    expect(isQuotedPartOf(fileChanges(diffs[0]!.files), fileChanges(original!.files))).toBe(true);
  });

  it('reads nothing from the quoted commit message or the reply text', () => {
    expect(diffs[0]!.firstLine).toBeGreaterThan(body.indexOf('[...]'));
  });
});
