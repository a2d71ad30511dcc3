// The same diff after mail mangled it: re-quoted, tabs expanded, context spaces lost, web
// archive whitespace collapse, wrong counts, hard wraps, snips, trailing junk. Each copy must
// read back to the same change (same identity, files, hunks, +/- counts), apply with jsdiff,
// and say what was repaired.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, diffIdentity, type FoundDiff } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';
import { diffPart, hardWrap, quote, trimTrailing, snipAfter, stripContextSpace, tabsToSpaces, webArchive, wrongCounts } from './mangle.js';

const MAIL = readFileSync(new URL('../../fixtures/patches/split-thp-before-exclusive.patch', import.meta.url), 'utf8');
const DIFF = diffPart(MAIL);

const read = (text: string, patchMail = false): FoundDiff[] => findDiffs(splitQuoted(text), { patchMail });
const only = (text: string): FoundDiff => {
  const d = read(text);
  expect(d).toHaveLength(1);
  return d[0]!;
};
const shape = (d: FoundDiff) =>
  d.files.map((f) => [f.old, f.new, f.hunks.map((h) => [h.oldStart, h.newStart, h.function, h.added, h.removed])]);
const kinds = (d: FoundDiff) => [...new Set(d.repairs.map((r) => r.kind))].sort();

describe('the clean fixture', () => {
  const clean = only(DIFF);

  it('reads as 2 files, 3 hunks, no repairs, and renders back byte for byte', () => {
    expect(shape(clean)).toEqual([
      ['lib/test_hmm.c', 'lib/test_hmm.c', [[750, 750, 'dmirror_exclusive', 2, 1]]],
      [
        'mm/rmap.c',
        'mm/rmap.c',
        [
          [2042, 2042, 'page_make_device_exclusive_one', 6, 0],
          [2160, 2166, 'make_device_exclusive_range', 3, 1],
        ],
      ],
    ]);
    expect(clean.repairs).toEqual([]);
    expect(clean.text).toBe(DIFF);
    expect(applyFailures(clean.text)).toEqual([]);
  });

  it('as a patch mail: origin patch, after the diffstat, before the signature', () => {
    const [d] = read(MAIL, true);
    expect(d!.origin).toBe('patch');
    expect(d!.text).toBe(DIFF);
    expect(MAIL.split('\n')[d!.lastLine]).toBe('-- ');
  });
});

describe('mangled copies read back to the same change', () => {
  const clean = only(DIFF);
  const id = diffIdentity(clean.files);

  const cases: [string, string, string[]][] = [
    ['quoted once with `> `', quote(DIFF, 1), []],
    ['quoted three levels deep', quote(DIFF, 3), []],
    ['quoted, trailing blanks trimmed (blank context becomes `>`)', trimTrailing(quote(DIFF, 1)), ['blank-context-restored']],
    ['quoted with `>` and no space (context loses its space)', quote(DIFF, 1, '>'), ['blank-context-restored', 'context-space-restored']],
    ['tabs expanded to 8 spaces', tabsToSpaces(DIFF), ['tab-restored']],
    ['tabs expanded to 4 spaces', tabsToSpaces(DIFF, 4), ['tab-restored']],
    ['context lines stripped of their space', stripContextSpace(DIFF), ['blank-context-restored', 'context-space-restored']],
    ['web archive (all leading whitespace lost)', webArchive(DIFF), ['blank-context-restored', 'context-space-restored']],
    ['web archive, quoted', quote(webArchive(DIFF), 1), ['blank-context-restored', 'context-space-restored']],
    ['counts too large', wrongCounts(DIFF, 2), ['hunk-count-fixed']],
    ['counts too small', wrongCounts(DIFF, -2), ['hunk-count-fixed']],
    ['hard-wrapped at 72 columns', hardWrap(DIFF), ['wrapped-line-joined']],
    ['hard-wrapped and quoted', quote(hardWrap(DIFF), 1), ['wrapped-line-joined']],
    ['quoted, then re-wrapped by the replier (tails lose the `> `)', hardWrap(quote(DIFF, 1)), ['wrapped-line-joined']],
    ['quoted twice, then re-wrapped', hardWrap(quote(DIFF, 2)), ['wrapped-line-joined']],
    ['counts wrong and context stripped', stripContextSpace(wrongCounts(DIFF, 1)), ['blank-context-restored', 'context-space-restored', 'hunk-count-fixed']],
    ['tabs expanded, quoted twice', quote(tabsToSpaces(DIFF), 2), ['tab-restored']],
  ];

  it.each(cases)('%s', (_, text, expectedKinds) => {
    const d = only(text);
    expect(diffIdentity(d.files)).toBe(id);
    expect(shape(d)).toEqual(shape(clean));
    expect(kinds(d)).toEqual(expectedKinds);
    expect(applyFailures(d.text)).toEqual([]);
    for (const r of d.repairs) expect(r.line).toBeGreaterThan(0);
  });

  it('tabs expanded to 8 and restored give the original text exactly', () => {
    expect(only(tabsToSpaces(DIFF)).text).toBe(DIFF);
    expect(only(quote(tabsToSpaces(DIFF), 2)).text).toBe(DIFF);
  });

  it('tabs expanded to 4 come back as tabs, alignment within a tab stop being ambiguous', () => {
    const d = only(tabsToSpaces(DIFF, 4));
    const restored = d.text.split('\n');
    const original = DIFF.split('\n');
    expect(restored).toHaveLength(original.length);
    // 4 tabs + 6 spaces and 5 tabs + 2 spaces look the same at width 4: compare at width 4.
    expect(tabsToSpaces(d.text, 4)).toBe(tabsToSpaces(DIFF, 4));
    expect(restored.filter((l) => l.includes('\t')).length).toBe(original.filter((l) => l.includes('\t')).length);
  });

  it('stripped context spaces restored give the original text exactly', () => {
    expect(only(stripContextSpace(DIFF)).text).toBe(DIFF);
    expect(only(wrongCounts(DIFF, 3)).text).toBe(DIFF);
  });

  it('a wrap joins back to the line it was cut from', () => {
    const wrapped = hardWrap(DIFF);
    expect(wrapped).not.toBe(DIFF);
    const d = only(wrapped);
    const joined = d.repairs.filter((r) => r.kind === 'wrapped-line-joined').map((r) => wrapped.split('\n')[r.line - 1]);
    expect(joined).toContain('page *page,');
    expect(d.files[1]!.hunks[0]!.function).toBe('page_make_device_exclusive_one');
    expect(d.files[1]!.hunks[0]!.context).toBe('static bool page_make_device_exclusive_one(struct page *page,');
  });

  it('each repair names the body line it fixed', () => {
    const text = quote(stripContextSpace(DIFF), 1);
    const body = text.split('\n');
    for (const r of only(text).repairs) {
      if (r.kind === 'blank-context-restored') expect(body[r.line - 1]).toMatch(/^> ?$/);
      if (r.kind === 'context-space-restored') expect(body[r.line - 1]).toMatch(/^> \t/);
    }
  });
});

describe('snips, comments and junk around a quoted diff', () => {
  const clean = only(DIFF);

  it('a reviewer comment between quoted hunks does not split the diff', () => {
    const q = quote(DIFF, 1).split('\n');
    const at = q.findIndex((l) => l.startsWith('> @@ -2160'));
    const text = [...q.slice(0, at), '', 'Why is this needed?', '', ...q.slice(at)].join('\n');
    const d = only(text);
    expect(diffIdentity(d.files)).toBe(diffIdentity(clean.files));
    expect(d.repairs).toEqual([]);
  });

  it('a comment inside a hunk whose counts agree across it', () => {
    const q = quote(DIFF, 1).split('\n');
    const at = q.findIndex((l) => l.includes('split_huge_pmd_address'));
    const text = [...q.slice(0, at + 1), '', 'Is this safe for hugetlb?', '', ...q.slice(at + 1)].join('\n');
    expect(diffIdentity(only(text).files)).toBe(diffIdentity(clean.files));
  });

  it('a `[...]` snip inside a hunk splits it, with a synthesised header for the rest', () => {
    const q = quote(DIFF, 1)
      .split('\n')
      .filter((l) => !l.includes('* level for now') && !l.includes('* Make sure thps'));
    const text = snipAfter(q.join('\n'), (l) => l === '> +\t/*', '> [...]');
    const d = only(text);
    const rmap = d.files[1]!;
    expect(rmap.hunks).toHaveLength(3);
    expect(rmap.hunks.map((h) => h.function)).toEqual([
      'page_make_device_exclusive_one',
      'page_make_device_exclusive_one',
      'make_device_exclusive_range',
    ]);
    expect(kinds(d)).toEqual(['snip-marker']);
    const snip = d.repairs.find((r) => r.kind === 'snip-marker')!;
    expect(text.split('\n')[snip.line - 1]).toBe('> [...]');
    expect(applyFailures(d.text)).toEqual([]);
  });

  it('a snip written at the reviewer depth between quoted lines works the same', () => {
    const q = quote(DIFF, 1).split('\n');
    const at = q.findIndex((l) => l === '> +\t/*');
    const text = [...q.slice(0, at + 1), '', '[...]', '', ...q.slice(at + 3)].join('\n');
    const d = only(text);
    expect(d.files[1]!.hunks).toHaveLength(3);
    expect(kinds(d)).toEqual(['snip-marker']);
  });

  it('signature and thanks after a quoted diff with counts too large are dropped and logged', () => {
    const text = quote(wrongCounts(DIFF, 2), 1) + '> --\n> Thanks,\n> Peter\n';
    const d = only(text);
    expect(diffIdentity(d.files)).toBe(diffIdentity(clean.files));
    expect(kinds(d)).toEqual(['hunk-count-fixed', 'trailing-junk-dropped']);
  });

  it('trailing thanks right after a web-archive diff are not context', () => {
    const text = quote(webArchive(wrongCounts(DIFF, 2)), 1) + '>\n> Thanks,\n>\n> --\n> Peter Xu\n';
    const d = only(text);
    expect(diffIdentity(d.files)).toBe(diffIdentity(clean.files));
    expect(d.files[1]!.hunks[1]!.lines.at(-1)!.text).toBe('continue;');
  });
});

describe('a comment inside a hunk, where the quote resumes with a blank context line', () => {
  it('keeps the hunk whole', () => {
    const q = quote(DIFF, 1).split('\n');
    // In the second mm/rmap.c hunk `+\t\treturn npages;` is followed by a blank context line.
    const at = q.indexOf('> +\t\treturn npages;');
    expect(q[at + 1]).toBe('>  ');
    const text = [...q.slice(0, at + 1), '', 'Should this not be -EFAULT?', '', ...q.slice(at + 1)].join('\n');
    const d = only(text);
    expect(diffIdentity(d.files)).toBe(diffIdentity(only(DIFF).files));
    expect(d.files[1]!.hunks.map((h) => h.header)).toEqual(only(DIFF).files[1]!.hunks.map((h) => h.header));
    expect(d.repairs).toEqual([]);
  });
});
