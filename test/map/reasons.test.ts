// Hunks that change nothing the model runs, and hunks that cannot be placed, each with its
// precise reason.
import { describe, expect, it } from 'vitest';
import { placementWords, reasonText } from '../../src/report/placement-words.js';
import { base, diffOf, diffOfText, fixture, map, textOf, toks } from './helpers.js';

describe('hunks with nothing to replay', () => {
  it('a comment-only change in page_make_device_exclusive_one is no-code-change, placed in that function', async () => {
    const m = await map(await diffOf(fixture('map-comment-only.patch')), 'v10');
    expect(m.placements).toHaveLength(1);
    expect(m.placements[0]).toMatchObject({ kind: 'no-code-change', mapped: true, function: 'page_make_device_exclusive_one', unplaced: null });
    expect(m.placements[0]!.placement).toMatchObject({ kind: 'comments-only', at: { file: 'mm/rmap.c' }, inFunction: 'page_make_device_exclusive_one' });
    expect(placementWords(m.placements[0]!.placement!)).toBe('in page_make_device_exclusive_one: comments or whitespace only');
    expect(m).toMatchObject({ replayable: true, partial: false, stoppedBy: null });
    // nothing is spliced: the sources are the base's
    expect(m.sources).toEqual((await base('v10')).sources);
  });

  it('a re-wrapped statement (whitespace only) is no-code-change', async () => {
    const m = await map(await diffOf(fixture('map-whitespace-only.patch')), 'v5.14');
    expect(m.placements[0]).toMatchObject({ kind: 'no-code-change', mapped: true, function: 'page_make_device_exclusive_one' });
    expect(m.replayable).toBe(true);
    expect(textOf(m.sources, 'mm/rmap.c')).toBe(textOf((await base('v5.14')).sources, 'mm/rmap.c'));
  });

  it('Documentation/ is no-behaviour and does not stop a replay', async () => {
    const m = await map(await diffOf(fixture('map-documentation.patch')), 'v10');
    expect(m.placements[0]).toMatchObject({ kind: 'no-behaviour', mapped: true, file: 'Documentation/vm/hmm.rst', function: null });
    expect(m.placements[0]!.placement).toEqual({ kind: 'no-behaviour', path: 'Documentation/vm/hmm.rst', why: 'documentation' });
    expect(placementWords(m.placements[0]!.placement!)).toBe('Documentation/vm/hmm.rst: documentation, no behaviour to replay');
    expect(m).toMatchObject({ replayable: true, stoppedBy: null });
  });
});

describe('unplaced hunks', () => {
  it('a hunk in try_to_unmap_one (not in the model) is function-not-modelled and stops the replay', async () => {
    const m = await map(await diffOf(fixture('map-unmodelled-function.patch')), 'v10');
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'unplaced', mapped: false, unplaced: 'function-not-modelled', function: 'try_to_unmap_one', placement: null, modelLines: null });
    expect(p.reason).toMatchObject({ kind: 'function-not-modelled', function: 'try_to_unmap_one', file: 'mm/rmap.c' });
    expect(reasonText(p.reason!)).toMatch(/^try_to_unmap_one\(\) is not in the model's mm\/rmap\.c \(it has: .*page_make_device_exclusive_one.*\)$/);
    expect(reasonText(p.reason!)).toContain('make_device_exclusive_range');
    expect(m).toMatchObject({ replayable: false, partial: false, sources: null });
    expect(m.stoppedBy).toBe(p);
  });

  it('a hunk in a runtime primitive (page_remove_rmap) is function-is-runtime-primitive', async () => {
    const m = await map(await diffOf(fixture('map-runtime-primitive.patch')), 'v10');
    expect(m.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'function-is-runtime-primitive', function: 'page_remove_rmap' });
    expect(m.placements[0]!.reason).toEqual({ kind: 'runtime-primitive', function: 'page_remove_rmap' });
    expect(reasonText(m.placements[0]!.reason!)).toContain('TypeScript runtime');
    expect(m.replayable).toBe(false);
  });

  it('a file the model does not have (fs/exec.c) is file-not-modelled', async () => {
    const m = await map(await diffOf(fixture('map-unmodelled-file.patch')), 'v10');
    expect(m.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'file-not-modelled', file: 'fs/exec.c' });
    expect(m.placements[0]!.reason).toMatchObject({ kind: 'file-not-modelled', path: 'fs/exec.c', modelFiles: expect.arrayContaining(['mm/rmap.c']) });
    expect(reasonText(m.placements[0]!.reason!)).toMatch(/^fs\/exec\.c is not a model file \(the model has .*mm\/rmap\.c/);
    expect(m.stoppedBy?.file).toBe('fs/exec.c');
  });

  it('a hunk that names no file, in a function the model lacks, is no-file-named, not a file the model lacks', async () => {
    const m = await map(diffOfText('@@ -10,3 +10,4 @@ static int frobnicate_widget(struct widget *w)\n \tint x;\n+\tx = 1;\n \treturn x;\n \t}\n'), 'v10');
    expect(m.placements[0]).toMatchObject({ kind: 'unplaced', unplaced: 'no-file-named', function: 'frobnicate_widget' });
    expect(m.placements[0]!.reason).toEqual({ kind: 'unknown-function', function: 'frobnicate_widget' });
    expect(reasonText(m.placements[0]!.reason!)).toBe('the hunk names no file, and its `@@` context names frobnicate_widget(), which the model does not have');
  });

  it('an added call to a function the model lacks is calls-unknown-function, naming it', async () => {
    const m = await map(await diffOf(fixture('map-unknown-call.patch')), 'v10');
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'unplaced', unplaced: 'calls-unknown-function', function: 'page_make_device_exclusive_one' });
    expect(reasonText(p.reason!)).toMatch(/calls `lru_add_drain_all\(\)` \(mm\/rmap\.c:\d+\), which the model has neither as C nor as a runtime primitive/);
    // the line named is that of the added call in the spliced text: where the notifier
    // initialisation was in the base
    const rmap = textOf((await base('v10')).sources, 'mm/rmap.c').split('\n');
    const init = rmap.findIndex((l) => l.includes('mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE')) + 1;
    expect(p.reason).toEqual({ kind: 'calls-unknown', calls: [{ name: 'lru_add_drain_all', at: [{ file: 'mm/rmap.c', line: init }], added: true, elsewhere: [] }] });
    expect(reasonText(p.reason!)).toContain(`(mm/rmap.c:${init})`);
    expect(m.replayable).toBe(false);
    const partial = await map(await diffOf(fixture('map-unknown-call.patch')), 'v10', { partial: true });
    expect(partial.replayable).toBe(false); // nothing else to replay
  });

  it('removing a function the model still calls is calls-unknown-function, saying it is gone', async () => {
    const text = textOf((await base('v10')).sources, 'mm/rmap.c');
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('void rmap_walk(struct page *page'));
    let end = start;
    while (lines[end] !== '}') end++;
    const body = lines.slice(start, end + 2); // the function and the blank line after it
    const ctx = lines[end + 2]!;
    const d = diffOfText(`--- a/mm/rmap.c\n+++ b/mm/rmap.c\n@@ -${start + 1},${body.length + 1} +${start + 1},1 @@\n${body.map((l) => `-${l}`).join('\n')}\n ${ctx}\n`);
    const m = await map(d, 'v10');
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'unplaced', unplaced: 'calls-unknown-function' });
    expect(p.reason).toMatchObject({ kind: 'calls-unknown', calls: [{ name: 'rmap_walk', added: false }] });
    expect(reasonText(p.reason!)).toMatch(/^with this hunk spliced in, `rmap_walk\(\)` \(mm\/rmap\.c:\d+\) is called but the model no longer has it$/);
    const partialRun = await map(d, 'v10', { compile: false });
    expect(partialRun.placements[0]!.placement).toMatchObject({ kind: 'spliced', at: { file: 'mm/rmap.c', line: start + 1 }, change: { kind: 'statement', op: 'remove', statement: 'void rmap_walk(...)' } });
    expect(placementWords(partialRun.placements[0]!.placement!)).toMatch(/^removing `void rmap_walk\(\.\.\.\)`/);
  });

  it('context that is not in the function is context-not-found, with the closest model statement', async () => {
    const m = await map(await diffOf(fixture('map-context-missing.patch')), 'v10');
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'unplaced', unplaced: 'context-not-found', function: 'page_make_device_exclusive_one' });
    const rmap = textOf((await base('v10')).sources, 'mm/rmap.c').split('\n');
    const line = rmap.findIndex((l) => l.trim() === 'set_pte_at(mm, address, pvmw.pte, swp_pte);') + 1;
    expect(line).toBeGreaterThan(0);
    expect(p.reason).toMatchObject({
      kind: 'not-found',
      region: { file: 'mm/rmap.c', function: 'page_make_device_exclusive_one' },
      strict: false,
      closest: { file: 'mm/rmap.c', line, statement: 'set_pte_at(mm, address, pvmw.pte, swp_pte)', matched: 12, tokens: 13 },
    });
    expect(reasonText(p.reason!)).toContain(`the closest model statement is mm/rmap.c:${line} \`set_pte_at(mm, address, pvmw.pte, swp_pte)\` (12 of 13 context tokens)`);
    expect(reasonText(p.reason!)).toMatch(/^context not found in page_make_device_exclusive_one\(\) \(mm\/rmap\.c\): \d+ of \d+ context words match/);
  });

  it('context that fits two places equally well is context-ambiguous, naming both', async () => {
    const m = await map(await diffOf(fixture('map-ambiguous.patch')), 'v10');
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'unplaced', unplaced: 'context-ambiguous' });
    const rmap = textOf((await base('v10')).sources, 'mm/rmap.c').split('\n');
    const puts = rmap.map((l, i) => (l.trim() === 'put_page(pages[i]);' ? i + 1 : 0)).filter(Boolean);
    expect(puts).toHaveLength(2);
    expect(p.reason).toMatchObject({ kind: 'ambiguous', places: [{ file: 'mm/rmap.c', line: puts[0] }, { file: 'mm/rmap.c', line: puts[1] }] });
    expect(reasonText(p.reason!)).toContain(`mm/rmap.c:${puts[0]} and mm/rmap.c:${puts[1]}`);
  });

  it('added code that does not parse is does-not-parse', async () => {
    const m = await map(await diffOf(fixture('map-does-not-parse.patch')), 'v10');
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'unplaced', unplaced: 'does-not-parse' });
    expect(p.reason).toMatchObject({ kind: 'does-not-parse', file: 'mm/rmap.c', function: 'page_make_device_exclusive_one' });
    expect(reasonText(p.reason!)).toMatch(/page_make_device_exclusive_one\(\) in mm\/rmap\.c does not parse: syntax error/);
    expect(m.replayable).toBe(false);
  });
});

describe('code that does not compile on the base', () => {
  it('is not placed: does-not-compile with the compiler\'s message and the undeclared names, never replayed into an error verdict', async () => {
    const m = await map(await diffOf(fixture('map-compile-error.patch')), 'v10');
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'unplaced', unplaced: 'does-not-compile', function: 'page_make_device_exclusive_one' });
    expect(p.reason).toMatchObject({ kind: 'does-not-compile', file: 'mm/rmap.c', function: 'page_make_device_exclusive_one', message: 'unknown identifier `flags`' });
    expect(reasonText(p.reason!)).toMatch(/^with this hunk spliced in, page_make_device_exclusive_one\(\) does not compile: unknown identifier `flags` \(mm\/rmap\.c:\d+\)/);
    expect(p.missing).toContainEqual({ kind: 'identifier', name: 'flags', knownIn: [] });
    expect(m.replayable).toBe(false);
    // with --partial nothing else is left to replay
    expect((await map(await diffOf(fixture('map-compile-error.patch')), 'v10', { partial: true })).replayable).toBe(false);
  });

  it('a prototype changed without its definition and callers: the header hunk is blamed, named by the prototype it changes', async () => {
    const m = await map(await diffOf(fixture('map-prototype-callers.patch')), 'v6.15');
    const p = m.placements[0]!;
    // the model's header has a #define with a continued line just above: it is no part of the prototype
    expect(p).toMatchObject({ file: 'include/linux/rmap.h', kind: 'unplaced', unplaced: 'does-not-compile', function: 'make_device_exclusive' });
    expect(p.reason).toMatchObject({ kind: 'does-not-compile', file: 'mm/rmap.c', function: 'make_device_exclusive' });
    expect(reasonText(p.reason!)).toMatch(/^with this hunk spliced in, make_device_exclusive\(\) does not compile: conflicting types for make_device_exclusive\(\) \(its prototype at include\/linux\/rmap\.h:\d+ is `struct page \* \(struct mm_struct \*, unsigned long, struct folio \* \*\)`\)/);
    expect(m.replayable).toBe(false);
  });
});

describe('placements are deterministic', () => {
  it('mapping the same diff twice gives the same result', async () => {
    const d = await diffOf(fixture('map-multi.patch'));
    const a = await map(d, 'v10');
    const b = await map(d, 'v10');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(toks(textOf(a.sources, 'mm/rmap.c'))).toBe(toks(textOf(b.sources, 'mm/rmap.c')));
  });
});
