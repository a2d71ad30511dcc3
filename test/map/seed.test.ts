// The seed's diff (Peter Xu's split_huge_pmd_address() before the EXCLUSIVE notifier, quoted in a
// web-archive copy that lost every line's leading whitespace) mapped onto both bases, and the
// same hunk in other shapes (re-indented, re-wrapped, comments changed, no `@@` function) giving
// the same program.
import { beforeAll, describe, expect, it } from 'vitest';
import { placementWords } from '../../src/report/placement-words.js';
import { readFileSync } from 'node:fs';
import { compileSources } from '../../src/model/scenario/run.js';
import { baseInfo } from '../../src/model/source/index.js';
import type { Diff } from '../../src/thread/types.js';
import { SEED, base, diffOf, fixture, fnOf, map, mangle, statementHeads, tempFile, textOf, toks } from './helpers.js';

const BASES = ['v10', 'v5.14'] as const;
const FN = 'page_make_device_exclusive_one';
const CALL = 'split_huge_pmd_address(vma, address, false, page);';

let seed: Diff;
beforeAll(async () => {
  seed = await diffOf(SEED);
});

describe.each(BASES)('the seed diff on %s', (b) => {
  it('reads as one quoted hunk by Peter Xu whose context lost its indentation', () => {
    expect(seed.author?.name).toBe('Peter Xu');
    expect(seed.quoteDepth).toBe(1);
    expect(seed.files[0]!.hunks[0]!.lines.filter((l) => l.op === ' ').every((l) => !/^\t/.test(l.text))).toBe(true);
  });

  it(`maps into ${FN} (mm/rmap.c) before the EXCLUSIVE notifier's initialisation`, async () => {
    const m = await map(seed, b);
    expect(m.placements).toHaveLength(1);
    const p = m.placements[0]!;
    expect(p).toMatchObject({ kind: 'code', mapped: true, file: 'mm/rmap.c', function: FN, unplaced: null, reason: null });
    expect(p.placement).toMatchObject({ kind: 'spliced', at: { file: 'mm/rmap.c' }, change: { kind: 'statement', op: 'before', statement: 'mmu_notifier_range_init_owner(...)' }, inFunction: FN });
    expect(placementWords(p.placement!)).toBe('before `mmu_notifier_range_init_owner(...)` in page_make_device_exclusive_one');
    expect(m).toMatchObject({ replayable: true, partial: false, stoppedBy: null, addsModelledFunctions: [] });
    const baseText = textOf((await base(b)).sources, 'mm/rmap.c');
    const at = p.placement!.kind === 'spliced' ? p.placement!.at.line : 0;
    expect(baseText.split('\n')[at - 1]).toMatch(/^\tmmu_notifier_range_init_owner\(&range, MMU_NOTIFY_EXCLUSIVE,/);
    expect(p.modelLines!.start).toBeLessThanOrEqual(at);
    expect(p.modelLines!.end).toBeGreaterThanOrEqual(at + 2);
    // the body lines are those of the hunk's first and last line in the mail's body
    const lines = seed.files[0]!.hunks[0]!.lines;
    expect(p.bodyLines).toEqual({ start: lines[0]!.lineNo, end: lines[lines.length - 1]!.lineNo });
    expect(p.bodyLines.end - p.bodyLines.start).toBe(11);
  });

  it('splices the call (and its comment) between the locals and the notifier initialisation', async () => {
    const m = await map(seed, b);
    const text = textOf(m.sources, 'mm/rmap.c');
    const heads = statementHeads(text, FN);
    const i = heads.indexOf(CALL);
    expect(i).toBeGreaterThan(0);
    expect(heads[i - 1]).toBe('pte_t swp_pte;');
    expect(heads[i + 1]).toMatch(/^mmu_notifier_range_init_owner\(&range, MMU_NOTIFY_EXCLUSIVE/);
    expect(fnOf(text, FN).text).toContain('Make sure thps split as device exclusive entries only support pte');
    // every other model file is untouched
    const orig = (await base(b)).sources;
    for (const s of m.sources!) if (s.path !== 'mm/rmap.c') expect(s.text).toBe(orig.find((o) => o.path === s.path)!.text);
    // and rmap.c is the base with the six added lines inserted in one place
    const baseLines = textOf(orig, 'mm/rmap.c').split('\n');
    const newLines = text.split('\n');
    const k = newLines.findIndex((l, i) => l !== baseLines[i]);
    expect(newLines.slice(0, k)).toEqual(baseLines.slice(0, k));
    expect(newLines.slice(k + 6)).toEqual(baseLines.slice(k));
    const added = seed.files[0]!.hunks[0]!.lines.filter((l) => l.op === '+').map((l) => l.text.trim());
    expect(newLines.slice(k, k + 6).map((l) => l.trim())).toEqual(added);
  });

  it('gives sources that compile with no new unresolved calls', async () => {
    const m = await map(seed, b);
    const compiled = compileSources(baseInfo(b), m.sources!);
    const baseCompiled = compileSources(baseInfo(b), (await base(b)).sources);
    expect(compiled.program.unresolvedCalls).toEqual(baseCompiled.program.unresolvedCalls);
    expect(compiled.program.errors.length).toBe(baseCompiled.program.errors.length);
    const fn = compiled.program.functions.find((f) => f.name === FN)!;
    expect(fn.error).toBeFalsy();
    expect(compiled.program.functions.some((f) => f.name === 'split_huge_pmd_address')).toBe(true);
  });
});

describe('the same hunk in other shapes gives the same program', () => {
  const shapes: [string, () => Promise<Diff>][] = [
    ['tabs (the clean copy)', () => diffOf(fixture('map-seed-tabs.patch'))],
    ['re-indented with 4 spaces', () => diffOf(fixture('map-seed-spaces4.patch'))],
    ['re-indented with 8 spaces', () => diffOf(fixture('map-seed-spaces8.patch'))],
    ['the notifier call wrapped at other argument boundaries', () => diffOf(fixture('map-seed-rewrapped.patch'))],
    ['the notifier call on one line', () => diffOf(fixture('map-seed-oneline.patch'))],
    ['comments and blank lines changed', () => diffOf(fixture('map-seed-comments.patch'))],
    ['no @@ function context', () => diffOf(fixture('map-seed-nofunc.patch'))],
    ['a bare @@ fragment without file names', () => diffOf(fixture('map-seed-headerless.patch'))],
    ['the clean copy with its leading whitespace stripped again', async () =>
      diffOf(tempFile('mangled.patch', mangle(readFileSync(fixture('map-seed-tabs.patch'), 'utf8'))))],
    ['the depth-0 copy in the v10 thread mbox', async () => {
      const { diffsOf } = await import('./helpers.js');
      const ds = await diffsOf('fixtures/threads/v10-07-device-exclusive.mbox');
      const d = ds.find((x) => x.author?.name === 'Peter Xu' && x.quoteDepth === 0);
      if (!d) throw new Error('no depth-0 diff by Peter Xu');
      return d;
    }],
  ];

  describe.each(BASES)('on %s', (b) => {
    it.each(shapes)('%s', async (_name, get) => {
      const want = await map(seed, b);
      const m = await map(await get(), b);
      expect(m.replayable).toBe(true);
      expect(m.placements.map((p) => [p.kind, p.function, p.file])).toEqual([['code', FN, 'mm/rmap.c']]);
      const got = textOf(m.sources, 'mm/rmap.c');
      // the whole file's token stream (comments and whitespace dropped) is the seed's
      expect(toks(got)).toBe(toks(textOf(want.sources, 'mm/rmap.c')));
      expect(toks(fnOf(got, FN).text)).toContain('split_huge_pmd_address ( vma , address , false , page ) ;');
      expect(toks(got)).not.toBe(toks(textOf((await base(b)).sources, 'mm/rmap.c')));
    });
  });
});

describe('the notifier call wrapped after each of its commas', () => {
  const call = 'mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma, vma->vm_mm, address, min(vma->vm_end, address + page_size(page)), args->owner);';
  const commas = [...call.matchAll(/,/g)].map((m) => m.index!);
  it.each(commas.map((c, i) => [i + 1, c]))('after comma %i', async (_n, at) => {
    const clean = readFileSync(fixture('map-seed-oneline.patch'), 'utf8');
    const wrapped = clean.replace(` \t${call}`, ` \t${call.slice(0, at + 1)}\n \t\t\t\t      ${call.slice(at + 2)}`).replace('@@ -2042,4 +2042,10 @@', '@@ -2042,5 +2042,11 @@');
    expect(wrapped).not.toBe(clean);
    const m = await map(await diffOf(tempFile('wrapped.patch', wrapped)), 'v10');
    const want = await map(seed, 'v10');
    expect(m.placements.map((p) => [p.kind, p.function])).toEqual([['code', FN]]);
    expect(textOf(m.sources, 'mm/rmap.c')).toBe(textOf(want.sources, 'mm/rmap.c'));
  });
});
