// `lkml-replay review` as a new user runs it: the built CLI on the seed (also with no inputs,
// what `npm start` runs), the three formats, --fail-on exit codes, byte-identical JSON, bad input
// and usage (one line, exit 2), a fast --help.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stepText } from '../../src/report/trace-words.js';
import { cli } from './built-cli.js';
import { mermaidBlocks, mermaidProblems } from '../report/mermaid-check.js';
import { tempDir } from '../temp-dir.js';


const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
const FAST = ['--scenario', 'nouveau-atomic-small', 'nouveau-atomic-thp-tail'];
const T = 600_000;
/** The text report wrapped to 100 columns, its continuation lines joined back (for phrases that may span a wrap). */
const flat = (s: string): string => s.replace(/\n +/g, ' ');

describe('lkml-replay review on the seed (acceptance)', () => {
  test('JSON: the issue\'s schema, the variant, its placement and outcomes', () => {
    const run = cli(['review', SEED, ...FAST, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    for (const k of ['format', 'bases', 'thread', 'scenarios', 'variants']) expect(doc).toHaveProperty(k);
    expect(doc.format).toBe('lkml-replay/review@3');
    expect(doc.bases.map((b: { name: string }) => b.name)).toEqual(['v10']);
    expect(doc.scenarios).toEqual(['nouveau-atomic-small', 'nouveau-atomic-thp-tail']);
    expect(Object.keys(doc.bases[0].baseline)).toEqual(doc.scenarios);
    expect(doc.variants).toHaveLength(1);
    const v = doc.variants[0];
    for (const k of ['id', 'base', 'author', 'date', 'messageId', 'quoteDepth', 'source', 'hunks', 'replayed', 'results']) expect(v).toHaveProperty(k);
    expect(v.base).toMatchObject({ base: 'v10', rule: 'subject', version: 10 });
    expect(v.author.name).toBe('Peter Xu');
    expect(v.quoteDepth).toBe(1);
    expect(v.hunks[0]).toMatchObject({ file: 'mm/rmap.c', function: 'page_make_device_exclusive_one', mapped: true, reason: null });
    expect(v.hunks[0].placement).toMatchObject({ kind: 'spliced', at: { file: 'mm/rmap.c' }, change: { op: 'before', statement: 'mmu_notifier_range_init_owner(...)' }, inFunction: 'page_make_device_exclusive_one' });
    const small = v.results.find((x: { scenario: string }) => x.scenario === 'nouveau-atomic-small');
    for (const k of ['scenario', 'outcome', 'differences']) expect(small).toHaveProperty(k);
    for (const k of ['scenario', 'base', 'verdict', 'result', 'retries', 'detail', 'notifiers', 'hazards', 'final', 'trace']) expect(small.outcome).toHaveProperty(k);
    expect(doc.bases[0].baseline['nouveau-atomic-small']).toMatchObject({ verdict: 'completed', result: 0 });
    expect(small.outcome.verdict).toBe('deadlock');
    for (const d of small.differences) {
      expect(Object.keys(d).slice(-2)).toEqual(['firstCause', 'regression']);
      expect(Object.keys(d.firstCause)).toEqual(['divergence', 'chain']);
      expect(d.firstCause.divergence.variant.index).toBeGreaterThan(0);
    }
    const chain = small.differences.find((d: { kind: string }) => d.kind === 'verdict').firstCause.chain.map(stepText).join(' ');
    for (const s of ['`__split_huge_pmd` (from `split_huge_pmd_address`', 'CLEAR with owner unset', 'does not filter it: seq bumped', '`mmu_interval_read_retry` returns true']) expect(chain).toContain(s);
    const tail = v.results.find((x: { scenario: string }) => x.scenario === 'nouveau-atomic-thp-tail');
    expect(tail.outcome.verdict).toBe(doc.bases[0].baseline['nouveau-atomic-thp-tail'].verdict);
    expect(tail.differences).toEqual([]);
  }, T);

  test('JSON is byte-identical across runs', () => {
    const a = cli(['review', SEED, ...FAST, '--format', 'json']);
    const b = cli(['review', SEED, ...FAST, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout === a.stdout).toBe(true);
  }, T);

  test('no inputs reviews the bundled seed thread (what npm start runs); text by default', () => {
    const run = cli(['review', ...FAST]);
    expect(run.code).toBe(0);
    expect(flat(run.stdout)).toContain(`in ${SEED}`);
    expect(run.stdout).toContain('V1  proposed by Peter Xu');
    expect(run.stdout).toMatch(/nouveau-atomic-small +completed 0 +deadlock, 1 retry +REGRESSION/);
    expect(flat(run.stdout)).toContain(' hunk 1: mm/rmap.c:2042-2053 page_make_device_exclusive_one(): before `mmu_notifier_range_init_owner(...)`');
    // Wrapped to 100 columns (not a terminal); table rows are kept whole.
    for (const l of run.stdout.split('\n')) if (!/^ {6}\S+ {2,}\S/.test(l) && !l.startsWith('lkml-replay review:')) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(flat(run.stdout)).toContain('1. `__split_huge_pmd` (from `split_huge_pmd_address` in `page_make_device_exclusive_one`) issues CLEAR with owner unset');
  }, T);

  test('markdown: the table and valid Mermaid', () => {
    const run = cli(['review', SEED, ...FAST, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## lkml-replay review: /);
    const blocks = mermaidBlocks(run.stdout);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(mermaidProblems(b)).toEqual([]);
  }, T);
});

describe('other acceptance cases through the CLI', () => {
  test('the whole v10 thread: the patch mail is the baseline; Peter\'s diff is the one variant, its copy in the seed reply the same', () => {
    const run = cli(['review', 'fixtures/threads/v10-07-device-exclusive.mbox', '--scenario', 'nouveau-atomic-small', '--format', 'json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.bases.map((b: { name: string }) => b.name)).toEqual(['v10']);
    expect(doc.variants[0].base).toMatchObject({ base: 'v10', rule: 'subject' });
    expect(doc.baselinePatches.map((b: { messageId: string; adds: string[] }) => [b.messageId, b.adds.includes('page_make_device_exclusive_one')])).toEqual([
      ['20210607075855.5084-8-apopple@nvidia.com', true],
    ]);
    expect(doc.variants.map((v: { author: { name: string }; copies: string[]; changed: boolean }) => [v.author.name, v.copies, v.changed])).toEqual([
      ['Peter Xu', ['2773835.D95cIkl9rl@nvdebian'], true],
    ]);
  }, T);

  test('a hunk against a function the model does not have: unplaced with its reason, not replayed', () => {
    const run = cli(['review', 'fixtures/patches/review-unmodelled-function.patch', '--base', 'v10', '--scenario', 'nouveau-atomic-small']);
    expect(run.code).toBe(0);
    // Nothing replayed is said first, with the hunk and where it is in the kernel.
    expect(run.stdout.split('\n')[1]).toMatch(/^ {2}nothing replayed: 1 hunk outside the model: mm\/rmap\.c:\d+-\d+ try_to_migrate_one\(\)/);
    expect(flat(run.stdout)).toMatch(/hunk 1: mm\/rmap\.c:\d+-\d+ try_to_migrate_one\(\): not placed \(function-not-modelled\): try_to_migrate_one\(\) is not in the model/);
    expect(flat(run.stdout)).toContain('not replayed: hunk 1 of mm/rmap.c (try_to_migrate_one) could not be placed');
    expect(run.stdout).not.toContain('replayed on v10');
  }, T);

  test('a variant nobody has seen replays by execution', () => {
    const run = cli(['review', 'fixtures/patches/review-split-after-init.patch', '--base', 'v10', '--scenario', 'nouveau-atomic-small', '--fail-on', 'regression']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/nouveau-atomic-small +completed 0 +deadlock, 1 retry +REGRESSION/);
    expect(flat(run.stdout)).toContain('baseline: `page_make_device_exclusive_one` calls `page_vma_mapped_walk`(); variant: `page_make_device_exclusive_one` calls `split_huge_pmd_address`()');
  }, T);
});

describe('--fail-on', () => {
  test('regression: exit 1 on the seed; never: exit 0', () => {
    expect(cli(['review', SEED, '--scenario', 'nouveau-atomic-small', '--fail-on', 'regression']).code).toBe(1);
    expect(cli(['review', SEED, '--scenario', 'nouveau-atomic-small', '--fail-on', 'never']).code).toBe(0);
  }, T);

  test('--explore: a regression only a failure shows meets --fail-on regression; without exploration nothing does', () => {
    const args = ['review', 'fixtures/patches/explore-check-before-unlock.patch', '--base', 'v5.14', '--scenario', 'nouveau-atomic-small', '--fail-on', 'regression', '-q'];
    expect(cli(args).code).toBe(0);
    const run = cli([...args, '--explore', 'faults']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('lkml-replay: --fail-on regression met: V1 in nouveau-atomic-small\n');
    expect(run.stdout).toBe('V1 A. Reviewer: regression under exploration in nouveau-atomic-small (of 1 scenario on v5.14)\n');
    expect(cli([...args.slice(0, -3), '--explore', 'races']).stderr).toMatch(/--explore takes faults and\/or schedules, not "races"/);
  }, T);

  test('difference without regression: exit 1 for difference, 0 for regression', () => {
    const args = ['review', 'fixtures/patches/review-tail-skip.patch', '--base', 'v10', '--scenario', 'nouveau-atomic-thp-tail'];
    expect(cli([...args, '--fail-on', 'difference']).code).toBe(1);
    expect(cli([...args, '--fail-on', 'regression']).code).toBe(0);
  }, T);

  test('met: one stderr line naming the variants and scenarios that met it', () => {
    const run = cli(['review', SEED, '--scenario', 'nouveau-atomic-small', 'nouveau-atomic-thp-tail', '--fail-on', 'regression', '-q']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('lkml-replay: --fail-on regression met: V1 in nouveau-atomic-small\n');
    expect(run.stdout).toBe('V1 Peter Xu: regression in nouveau-atomic-small (of 2 scenarios on v10)\n');
  }, T);

  test('unreplayed: nothing replayed fails it (alone or with other levels); a replayed thread does not', () => {
    const unmodelled = ['review', 'fixtures/patches/review-unmodelled-function.patch', '--base', 'v10', '--scenario', 'nouveau-atomic-small'];
    expect(cli([...unmodelled, '--fail-on', 'regression']).code).toBe(0);
    const run = cli([...unmodelled, '--fail-on', 'regression,unreplayed', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('lkml-replay: --fail-on unreplayed met: nothing was replayed\n');
    // JSON says it first too.
    expect(Object.keys(JSON.parse(run.stdout)).slice(0, 2)).toEqual(['format', 'notice']);
    expect(JSON.parse(run.stdout).notice[0]).toMatch(/^nothing replayed: 1 hunk outside the model: mm\/rmap\.c:\d+-\d+ try_to_migrate_one\(\) \(function-not-modelled\)$/);
    expect(cli(['review', 'fixtures/patches/review-comment-only.patch', '--base', 'v10', '--scenario', 'nouveau-atomic-small', '--fail-on', 'unreplayed']).code).toBe(0);
  }, T);

  test('nothing differs: exit 0 even for difference', () => {
    expect(cli(['review', 'fixtures/patches/review-comment-only.patch', '--base', 'v10', '--scenario', 'nouveau-atomic-small', '--fail-on', 'difference']).code).toBe(0);
  }, T);
});

describe('bad input and usage: one line naming the problem, exit 2', () => {
  const oneLine = (r: { code: number | null; stderr: string; stdout: string }, what: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(what);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };
  test('a file that is not there', () => oneLine(cli(['review', 'no/such/thread.mbox']), /^lkml-replay: no\/such\/thread\.mbox: /));
  test('a file that is no mail, patch or archive text', () => {
    const f = join(tempDir('lkml-review-'), 'notes.txt');
    writeFileSync(f, 'just some words\nand more\n');
    oneLine(cli(['review', f]), /notes\.txt: /);
  });
  test('a bad --format, --fail-on or --base', () => {
    oneLine(cli(['review', SEED, '--format', 'html']), /'--format <format>' argument 'html' is invalid\. Allowed choices are text, markdown, json, mail\. \(see: lkml-replay review --help\)/);
    oneLine(cli(['review', SEED, '--fail-on', 'always']), /--fail-on must be never, difference, regression, partial or unreplayed/);
    oneLine(cli(['review', SEED, '--base', 'v9']), /'--base <name>' argument 'v9' is invalid\. Allowed choices are v10, v5\.14, v6\.1/);
  });
  test('commander\'s own errors: one lkml-replay line pointing at --help, exit 2', () => {
    const unknown = cli(['review', SEED, '--frobnicate']);
    oneLine(unknown, /^lkml-replay: unknown option '--frobnicate' \(see: lkml-replay review --help\)\n$/);
    oneLine(cli(['review', SEED, '--format']), /^lkml-replay: option '--format <format>' argument missing \(see: lkml-replay review --help\)\n$/);
    oneLine(cli(['frobnicate']), /^lkml-replay: unknown command 'frobnicate' \(see: lkml-replay --help\)\n$/);
    oneLine(cli(['review', SEED, '-q', '--format', 'json']), /-q\/--quiet is for the text format/);
  });
  test('an unknown scenario or a broken scenario file', () => {
    oneLine(cli(['review', SEED, '--scenario', 'nope']), /no bundled scenario "nope"/);
    const f = join(tempDir('lkml-review-'), 'bad.yaml');
    writeFileSync(f, 'name: x\nsteps:\n  - frobnicate: {}\n');
    oneLine(cli(['review', SEED, '--scenario-file', f]), /bad\.yaml: /);
  });
});

test('--help lists the options', () => {
  const r = cli(['review', '--help']);
  expect(r.code).toBe(0);
  for (const o of ['--base', '--scenario', '--scenario-file', '--format', '--fail-on', '--partial']) expect(r.stdout).toContain(o);
});
