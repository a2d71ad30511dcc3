// A hunk larger than every place it could fit is left unplaced before any alignment (the
// alignment costs hunk tokens x region tokens), with both sizes in the reason; a big hunk of
// added lines in a modelled function is still placed (added lines are spliced, not aligned).
import { beforeAll, describe, expect, it } from 'vitest';
import { placementWords, reasonText } from '../../src/report/placement-words.js';
import { initMapper, mapDiffSync, type MapBase } from '../../src/map/index.js';
import { diffOfText, map, textOf } from './helpers.js';

const MODEL = `int first(struct page *page)
{
	lock_page(page);
	foo(page);
	return 0;
}
`;

const toy = (): MapBase => ({ name: 'toy', kernel: '5.14', sources: [{ path: 'mm/toy.c', text: MODEL }] });
const run = (body: string[], header = '@@ -1,1 +1,1 @@ int first(struct page *page)') =>
  mapDiffSync(diffOfText(['--- a/mm/toy.c', '+++ b/mm/toy.c', header, ...body].join('\n')), toy(), { compile: false });
const repeat = (n: number, line: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => line(i));

beforeAll(async () => {
  await initMapper();
});

describe('a hunk larger than the model it must fit in', () => {
  it('statements the model lacks: too many words for 60% to match, unplaced with both sizes', () => {
    const m = run([...repeat(200, (i) => ` \tx${i} = ${i};`), ' \tlock_page(page);', '-\tfoo(page);', '+\tbar(page);']);
    expect(m.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'context-not-found', function: 'first' });
    // `first` plus the rest of the file is the whole file here: the file's size is named
    expect(m.placements[0]!.reason).toEqual({
      kind: 'too-large',
      hunk: { lines: 202, tokens: 810 },
      largest: { file: 'mm/toy.c', function: null, lines: 6, tokens: 23 },
      regions: 1,
      minCoverage: 0.6,
      maxPerModelToken: 4,
    });
    expect(reasonText(m.placements[0]!.reason!)).toBe(
      'hunk of 202 old-side lines (810 tokens) is larger than mm/toy.c, 6 lines (23 tokens): it is not aligned ' +
        '(a match needs 60% of the context\'s words; at most 4 hunk tokens per model token)',
    );
    expect(m.replayable).toBe(false);
  });

  it('declarations the model lacks are free to skip, up to 4 hunk tokens per model token', () => {
    const decls = (n: number): string[] => [...repeat(n, (i) => ` \tint x${i};`), ' \tlock_page(page);', '-\tfoo(page);', '+\tbar(page);'];
    // 5 declarations: 15 + 10 tokens, under 4 x 23; the declarations are skipped and the hunk placed
    const small = run(decls(5));
    expect(small.placements[0]).toMatchObject({ kind: 'code', function: 'first' });
    expect(textOf(small.sources, 'mm/toy.c')).toContain('bar(page);');
    // 40 declarations: 130 tokens, over 4 x 23: not aligned
    const big = run(decls(40));
    expect(big.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'context-not-found' });
    expect(reasonText(big.placements[0]!.reason!)).toMatch(/^hunk of 42 old-side lines \(130 tokens\) is larger than mm\/toy\.c/);
  });

  it('in a file the model does not have, searched across model files: file-not-modelled as before', () => {
    const m = mapDiffSync(
      diffOfText(['--- a/mm/other.c', '+++ b/mm/other.c', '@@ -1,1 +1,1 @@', ...repeat(200, (i) => ` \tx${i} = ${i};`), '-\ty = 1;', '+\ty = 2;'].join('\n')),
      toy(),
      { compile: false },
    );
    expect(m.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'file-not-modelled' });
  });
});

describe('many added lines in a modelled function', () => {
  it('3,000 new statements inside page_make_device_exclusive_one are placed and spliced', async () => {
    const added = repeat(3000, (i) => `+\tpteval = ptep_clear_flush(vma, address + ${i}, pvmw.pte);`);
    const diff = diffOfText(
      [
        '--- a/mm/rmap.c',
        '+++ b/mm/rmap.c',
        '@@ -212,5 +212,3005 @@ static bool page_make_device_exclusive_one(struct page *page,',
        ' \tmmu_notifier_invalidate_range_start(&range);',
        ' ',
        ...added,
        ' \twhile (page_vma_mapped_walk(&pvmw)) {',
        ' \t\t/* Unexpected PMD-mapped THP? */',
        ' \t\tVM_BUG_ON_PAGE(!pvmw.pte, page);',
      ].join('\n'),
    );
    const m = await map(diff, 'v10');
    expect(m.placements[0]).toMatchObject({ kind: 'code', function: 'page_make_device_exclusive_one' });
    expect(placementWords(m.placements[0]!.placement!)).toMatch(/before `while \(page_vma_mapped_walk\(&pvmw\)\) \{` in page_make_device_exclusive_one$/);
    const rmap = textOf(m.sources, 'mm/rmap.c');
    expect(rmap).toContain('address + 0, pvmw.pte);');
    expect(rmap).toContain('address + 2999, pvmw.pte);');
  });
});
