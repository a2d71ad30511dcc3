// Real upstream patches (../shared/real-patches, read in place) mapped onto the model whatever
// their comments say: a comment block removed whole takes the model's own comment with it, a
// header hunk is found by the prototype it changes, and stubs the model's config compiles out
// carry no behaviour.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { placementWords, reasonText } from '../../src/report/placement-words.js';
import { base, diffOf, diffOfText, fnOf, map, textOf } from './helpers.js';
import { initMapper } from '../../src/map/index.js';

const REAL = resolve(process.env.LKML_REPLAY_SHARED ?? resolve(import.meta.dirname, '../../../shared'), 'real-patches');

beforeAll(async () => {
  await initMapper();
});

describe.skipIf(!existsSync(REAL))('real patches on v5.14', () => {
  it('08 (remove the stale page locking in __split_huge_pmd): every hunk placed, the comment block removed with the model\'s own words', async () => {
    const m = await map(await diffOf(join(REAL, '08-huge_memory-remove-stale-locking-__split_huge_pmd-rfc.patch')), 'v5.14');
    expect(m.placements.map((p) => [p.kind, p.function])).toEqual([
      ['code', '__split_huge_pmd'],
      ['code', '__split_huge_pmd'],
      ['code', '__split_huge_pmd'],
    ]);
    expect(m.replayable).toBe(true);
    const fn = fnOf(textOf(m.sources, 'mm/huge_memory.c'), '__split_huge_pmd').text;
    expect(fn).not.toMatch(/do_unlock_page|repeat:|trylock_page|reuse_swap_page/);
    // the model's comment (worded differently from the kernel's) went as a whole: nothing of it is left
    expect(fn).not.toContain('stable mapcount');
    expect(fn).toMatch(/if \(!page\)\n\t\t\tpage = pmd_page\(\*pmd\);\n\t\tif \(PageMlocked\(page\)\)/);
  });

  it('09 (__split_huge_pmd takes a folio): header hunks found by the prototype they change, refused as the C compiler would while the definitions cannot change; the !THP stubs carry no behaviour', async () => {
    const m = await map(await diffOf(join(REAL, '09-huge_memory-__split_huge_pmd-take-folio.patch')), 'v5.14');
    const header = m.placements.filter((p) => p.file === 'include/linux/huge_mm.h');
    expect(header.map((p) => [p.kind, p.function])).toEqual([
      ['unplaced', '__split_huge_pmd'],
      ['unplaced', 'split_huge_pmd_address'],
      ['no-behaviour', '__split_huge_pmd'],
    ]);
    // the prototypes take a folio, the definitions (whose hunks do not compile on 5.14) a page
    for (const [i, fn] of [[0, '__split_huge_pmd'], [1, 'split_huge_pmd_address']] as const) {
      expect(header[i]!.reason).toMatchObject({ kind: 'does-not-compile', file: 'mm/huge_memory.c', function: fn });
      expect(reasonText(header[i]!.reason!)).toMatch(new RegExp(`conflicting types for ${fn}\\(\\) \\(its prototype at include/linux/huge_mm\\.h:\\d+ is \`void \\(.*struct folio \\*\\)\`\\)`));
    }
    expect(header[2]!.placement).toMatchObject({ kind: 'compiled-out', at: { file: 'include/linux/huge_mm.h' }, off: { directive: '#ifdef CONFIG_TRANSPARENT_HUGEPAGE', branch: 'else' } });
    expect(placementWords(header[2]!.placement!)).toContain("code the model's configuration compiles out (the #else branch of `#ifdef CONFIG_TRANSPARENT_HUGEPAGE`, not taken)");
    // the folio code itself cannot be replayed on a page-based base: not as an error verdict
    expect(m.placements.filter((p) => p.file === 'mm/huge_memory.c').every((p) => p.kind === 'unplaced')).toBe(true);
    expect(m.replayable).toBe(false);
  });
});

describe('removed lines must be the model\'s code', () => {
  it('a removed line whose code differs from the model\'s statement is refused, not fuzzily replaced', async () => {
    // v10's `unsigned long i;` removed from a base that has `long i;`
    const d = diffOfText('--- a/mm/rmap.c\n+++ b/mm/rmap.c\n@@ -1,5 +1,5 @@\n {\n \tlong npages = (end - start) >> PAGE_SHIFT;\n-\tunsigned long i;\n+\tint i;\n \n \tnpages = get_user_pages_remote(mm, start, npages,\n');
    const m = await map(d, 'v5.14');
    expect(m.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'context-not-found', function: 'make_device_exclusive_range' });
    expect(m.placements[0]!.reason).toMatchObject({ kind: 'removed-line-differs', line: 'unsigned long i;', model: { statement: 'long i', matched: 3, tokens: 4 } });
    expect(reasonText(m.placements[0]!.reason!)).toMatch(/the removed line `unsigned long i;` differs in code from the model's `long i` there \(3 of 4 tokens match\)/);
    // the same hunk against the base it was written for places exactly
    const on10 = (await map(d, 'v10')).placements[0]!;
    expect(on10.kind).toBe('code');
    expect(on10.match!.matched).toBe(on10.match!.tokens);
    void base;
  });
});
