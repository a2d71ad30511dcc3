// Removal hunks, several hunks in one file and in several files, --partial, new functions at
// file level, and a series mail that adds the model's functions (the baseline).
import { beforeAll, describe, expect, it } from 'vitest';
import { placementWords, reasonText } from '../../src/report/placement-words.js';
import { readFileSync } from 'node:fs';
import { compileSources } from '../../src/model/scenario/run.js';
import { applyModelPatch, baseInfo, sourceDir, type ModelSource } from '../../src/model/source/index.js';
import { outlineTranslationUnit } from '../../src/model/interp/source-outline.js';
import { base, diffOf, diffOfText, fixture, fnOf, map, mangle, statementHeads, tempFile, textOf, toks } from './helpers.js';

const V10_PATCH = readFileSync(`${sourceDir()}/v10.patch`, 'utf8');
let textOfBase: ModelSource[];
beforeAll(async () => {
  textOfBase = (await base('v10')).sources;
});

describe('removal hunks', () => {
  it('the v10 base patch applied through the mapper gives exactly the text jsdiff gives', async () => {
    const m = await map(diffOfText(V10_PATCH), 'v5.14');
    expect(m.placements.length).toBeGreaterThanOrEqual(2);
    expect(m.placements.every((p) => p.kind === 'code')).toBe(true);
    const v10 = (await base('v10')).sources;
    for (const s of v10) expect(textOf(m.sources, s.path)).toBe(s.text);
    // and it did change something (the two bases differ)
    expect(textOf(v10, 'mm/rmap.c')).not.toBe(textOf((await base('v5.14')).sources, 'mm/rmap.c'));
  });

  it('a copy of the v10 base patch that lost its indentation gives the same program', async () => {
    const m = await map(await diffOf(tempFile('v10-mangled.patch', mangle(V10_PATCH.slice(V10_PATCH.indexOf('--- a/'))))), 'v5.14');
    expect(m.placements.every((p) => p.kind === 'code')).toBe(true);
    expect(toks(textOf(m.sources, 'mm/rmap.c'))).toBe(toks(textOf((await base('v10')).sources, 'mm/rmap.c')));
  });

  it('the v11 `|| PageTail(page)` change against v10 gives the v5.14 page_make_device_exclusive', async () => {
    const m = await map(await diffOf(fixture('map-v11-pagetail.patch')), 'v10');
    expect(m.placements).toHaveLength(1);
    expect(m.placements[0]).toMatchObject({ kind: 'code', function: 'page_make_device_exclusive' });
    expect(m.placements[0]!.placement).toMatchObject({ kind: 'spliced', change: { kind: 'statement', op: 'replace', statement: 'if (!PageAnon(page)) return false' }, inFunction: 'page_make_device_exclusive' });
    expect(placementWords(m.placements[0]!.placement!)).toBe('replacing `if (!PageAnon(page)) return false` in page_make_device_exclusive');
    const got = fnOf(textOf(m.sources, 'mm/rmap.c'), 'page_make_device_exclusive').text;
    const want = fnOf(textOf((await base('v5.14')).sources, 'mm/rmap.c'), 'page_make_device_exclusive').text;
    expect(toks(got)).toBe(toks(want));
    expect(toks(got)).toContain('if ( ! PageAnon ( page ) || PageTail ( page ) )');
  });
});

describe('several hunks and files compose', () => {
  it('three hunks in mm/rmap.c and one in nouveau_svm.c on v10 give v5.14 plus the seed, and the driver change', async () => {
    const m = await map(await diffOf(fixture('map-multi.patch')), 'v10');
    expect(m.placements.map((p) => [p.file, p.kind, p.function])).toEqual([
      ['drivers/gpu/drm/nouveau/nouveau_svm.c', 'code', 'nouveau_svm_range_invalidate'],
      ['mm/rmap.c', 'code', 'page_make_device_exclusive_one'],
      ['mm/rmap.c', 'code', 'page_make_device_exclusive'],
      ['mm/rmap.c', 'code', 'make_device_exclusive_range'],
    ]);
    expect(m.replayable).toBe(true);
    const seeded = await map(await diffOf(fixture('map-seed-tabs.patch')), 'v5.14');
    expect(toks(textOf(m.sources, 'mm/rmap.c'))).toBe(toks(textOf(seeded.sources, 'mm/rmap.c')));
    const svm = textOf((await base('v10')).sources, 'drivers/gpu/drm/nouveau/nouveau_svm.c');
    const old = '\tif (range->event == MMU_NOTIFY_EXCLUSIVE &&\n';
    expect(svm).toContain(old);
    expect(textOf(m.sources, 'drivers/gpu/drm/nouveau/nouveau_svm.c')).toBe(
      svm.replace(old, '\tif ((range->event == MMU_NOTIFY_EXCLUSIVE || range->event == MMU_NOTIFY_CLEAR) &&\n'),
    );
    const compiled = compileSources(baseInfo('v10'), m.sources!);
    expect(compiled.program.unresolvedCalls).toEqual([]);
    expect(compiled.program.errors).toEqual(compileSources(baseInfo('v10'), (await base('v10')).sources).program.errors);
  });

  it('the same diff with every line\'s indentation lost gives the same program', async () => {
    const clean = await map(await diffOf(fixture('map-multi.patch')), 'v10');
    const m = await map(await diffOf(tempFile('multi.patch', mangle(readFileSync(fixture('map-multi.patch'), 'utf8')))), 'v10');
    expect(m.placements.map((p) => p.kind)).toEqual(['code', 'code', 'code', 'code']);
    for (const p of ['mm/rmap.c', 'drivers/gpu/drm/nouveau/nouveau_svm.c']) expect(toks(textOf(m.sources, p))).toBe(toks(textOf(clean.sources, p)));
  });

  it('two sections for the same file apply in order (the second sees the first one\'s result)', async () => {
    const text = readFileSync(fixture('map-seed-tabs.patch'), 'utf8') + readFileSync(fixture('map-v11-pagetail.patch'), 'utf8');
    const d = diffOfText(text);
    expect(d.files.map((f) => f.new)).toEqual(['mm/rmap.c', 'mm/rmap.c']);
    const m = await map(d, 'v10');
    expect(m.placements.map((p) => p.kind)).toEqual(['code', 'code']);
    const got = textOf(m.sources, 'mm/rmap.c');
    expect(toks(fnOf(got, 'page_make_device_exclusive_one').text)).toContain('split_huge_pmd_address ( vma , address , false , page ) ;');
    expect(toks(fnOf(got, 'page_make_device_exclusive').text)).toContain('PageTail ( page )');
  });

  it('the v10 base patch reversed, on v10, gives exactly the v5.14 text', async () => {
    const body = V10_PATCH.slice(V10_PATCH.indexOf('--- a/'));
    const reversed = body
      .split('\n')
      .map((l) => {
        const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@(.*)$/.exec(l);
        if (h) return `@@ -${h[3]},${h[4]} +${h[1]},${h[2]} @@${h[5]}`;
        if (l.startsWith('--- ') || l.startsWith('+++ ')) return l;
        return l.startsWith('+') ? `-${l.slice(1)}` : l.startsWith('-') ? `+${l.slice(1)}` : l;
      })
      .join('\n');
    const m = await map(diffOfText(reversed), 'v10');
    expect(m.placements.every((p) => p.kind === 'code')).toBe(true);
    for (const s of (await base('v5.14')).sources) expect(textOf(m.sources, s.path)).toBe(s.text);
  });

  it('a mail whose hunks were made against a slightly different tree still places what the model has', async () => {
    // split-thp-before-exclusive.patch: its mm/rmap.c hunks were made against a v10 with a blank
    // line the model's v10 does not have (jsdiff refuses it); its lib/test_hmm.c hunk is against
    // the kernel's dmirror_exclusive(), which the model renders differently
    const d = await diffOf(fixture('split-thp-before-exclusive.patch'));
    expect(() => applyModelPatch(textOfBase, d.text.slice(d.text.indexOf('diff --git a/mm/rmap.c')))).toThrow(/does not apply/);
    const m = await map(d, 'v10', { partial: true });
    expect(m.placements.map((p) => [p.file, p.kind])).toEqual([
      ['lib/test_hmm.c', 'unplaced'],
      ['mm/rmap.c', 'code'],
      ['mm/rmap.c', 'code'],
    ]);
    expect(m.placements[0]!.reason).toMatchObject({ kind: 'not-found', closest: { file: 'lib/test_hmm.c', statement: 'ret = make_device_exclusive_range(...)', matched: 14, tokens: 15 } });
    expect(reasonText(m.placements[0]!.reason!)).toMatch(/closest model statement is lib\/test_hmm\.c:\d+ `ret = make_device_exclusive_range\(\.\.\.\)` \(14 of 15 context tokens\)/);
    const fn = toks(fnOf(textOf(m.sources, 'mm/rmap.c'), 'make_device_exclusive_range').text);
    expect(fn).toContain('pages , NULL , NULL ) ; if ( npages < 0 ) return npages ; for ( i = 0 ;');
    expect(fn).toContain('{ if ( PageTail ( pages [ i ] ) || ! trylock_page ( pages [ i ] ) ) {');
    expect(m).toMatchObject({ replayable: true, partial: true });
  });
});

describe('--partial', () => {
  it('without it a diff with an unplaced code hunk is not replayable and names that hunk', async () => {
    const m = await map(await diffOf(fixture('map-partial.patch')), 'v10');
    expect(m.placements.map((p) => p.kind)).toEqual(['unplaced', 'code']);
    expect(m).toMatchObject({ replayable: false, partial: false, sources: null });
    expect(m.stoppedBy).toMatchObject({ hunkIndex: 0, unplaced: 'function-not-modelled', function: 'try_to_unmap_one' });
  });

  it('with it the placed hunks are spliced and the result is flagged partial', async () => {
    const m = await map(await diffOf(fixture('map-partial.patch')), 'v10', { partial: true });
    expect(m).toMatchObject({ replayable: true, partial: true });
    expect(m.stoppedBy?.hunkIndex).toBe(0);
    const seeded = await map(await diffOf(fixture('map-seed-tabs.patch')), 'v10');
    expect(textOf(m.sources, 'mm/rmap.c')).toBe(textOf(seeded.sources, 'mm/rmap.c'));
  });

  it('a diff whose every code hunk is placed is never flagged partial', async () => {
    const m = await map(await diffOf(fixture('map-seed-tabs.patch')), 'v10', { partial: true });
    expect(m).toMatchObject({ replayable: true, partial: false, stoppedBy: null });
  });
});

describe('whole functions in added lines', () => {
  it('a new helper goes in at file level, between two functions, and is called by the changed function', async () => {
    const m = await map(await diffOf(fixture('map-new-helper.patch')), 'v10');
    expect(m.placements.map((p) => [p.kind, p.function])).toEqual([
      ['code', 'page_exclusive_candidate'],
      ['code', 'page_make_device_exclusive'],
    ]);
    expect(m.placements[0]!.placement).toMatchObject({ kind: 'spliced', change: { kind: 'add-functions', functions: ['page_exclusive_candidate'], after: 'page_make_device_exclusive_one', before: null } });
    expect(placementWords(m.placements[0]!.placement!)).toBe('adding page_exclusive_candidate() after page_make_device_exclusive_one()');
    expect(m.addsModelledFunctions).toEqual([]);
    const text = textOf(m.sources, 'mm/rmap.c');
    const names = outlineTranslationUnit(text).functions.map((f) => f.name);
    const at = names.indexOf('page_exclusive_candidate');
    expect(names.slice(at - 1, at + 2)).toEqual(['page_make_device_exclusive_one', 'page_exclusive_candidate', 'page_make_device_exclusive']);
    expect(statementHeads(text, 'page_make_device_exclusive')).toContain('if (!page_exclusive_candidate(page))');
    const compiled = compileSources(baseInfo('v10'), m.sources!);
    expect(compiled.program.unresolvedCalls).toEqual([]);
    expect(compiled.program.functions.find((f) => f.name === 'page_exclusive_candidate')?.error).toBeFalsy();
  });

  it('a series mail adding the modelled functions reports them in addsModelledFunctions', async () => {
    const m = await map(await diffOf(fixture('map-adds-functions.patch')), 'v10');
    expect(m.addsModelledFunctions).toEqual(['page_make_device_exclusive_one', 'page_make_device_exclusive', 'make_device_exclusive_range']);
    const rmap = m.placements.find((p) => p.file === 'mm/rmap.c')!;
    expect(rmap).toMatchObject({ kind: 'baseline', mapped: true });
  });

  it('a diff that moves a modelled function (removes and re-adds it) does not count as adding it', async () => {
    const src = textOf((await base('v10')).sources, 'mm/rmap.c');
    const fn = fnOf(src, 'page_not_mapped').text.split('\n');
    // remove page_not_mapped where it is, add it again at the end of the file
    const lines = src.split('\n');
    const start = lines.indexOf(fn[0]!);
    const hunk1 = [`@@ -${start},${fn.length + 2} +${start},1 @@`, ` ${lines[start - 2]}`, ...[lines[start - 1]!, ...fn].map((l) => `-${l}`), ` ${lines[start + fn.length]}`].join('\n');
    const last = lines.length - 1; // the file ends with a newline: lines[last] is ''
    const hunk2 = [`@@ -${last - 1},2 +${last - 1},${2 + fn.length + 1} @@`, ` ${lines[last - 2]}`, ` ${lines[last - 1]}`, '+', ...fn.map((l) => `+${l}`)].join('\n');
    const d = diffOfText(`--- a/mm/rmap.c\n+++ b/mm/rmap.c\n${hunk1}\n${hunk2}\n`);
    const m = await map(d, 'v10');
    expect(m.addsModelledFunctions).toEqual([]);
    expect(m.placements.map((p) => p.kind)).toEqual(['code', 'code']);
    const names = outlineTranslationUnit(textOf(m.sources, 'mm/rmap.c')).functions.map((f) => f.name);
    expect(names[names.length - 1]).toBe('page_not_mapped');
    expect(names.filter((n) => n === 'page_not_mapped')).toHaveLength(1);
  });
});
