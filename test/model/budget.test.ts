// Bounded replay: variants whose code loops forever, recurses without end or allocates without
// bound end with verdict `budget` (naming the budget and where), and the variant after them in the
// same review still gets its own outcome. The variants are real unified diffs made here from the
// model's own mm/rmap.c (jsdiff), placed by the mapper and executed; nothing is keyed on their text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadBundledScenarios, parseScenario, ScenarioError } from '../../src/model/scenario/load.js';
import { budgetsOf, withBudgets } from '../../src/model/scenario/budget.js';
import { review } from '../../src/replay/review.js';
import { renderJson } from '../../src/report/render-json.js';

const RMAP = readFileSync(new URL('../../src/model/source/v5.14/mm/rmap.c', import.meta.url), 'utf8');
const WALK = '\trmap_walk(page, &rwc);';
const CHECK = '\tif (!PageAnon(page) || PageTail(page))';

let dir: string;
/** A patch mail whose diff inserts `code` before `anchor` in page_make_device_exclusive(). */
function variantMail(name: string, day: number, anchor: string, code: string): string {
  expect(RMAP.split(anchor).length, anchor).toBe(2);
  const diff = createTwoFilesPatch('a/mm/rmap.c', 'b/mm/rmap.c', RMAP, RMAP.replace(anchor, code + anchor), undefined, undefined, { context: 3 });
  const body = diff.slice(diff.indexOf('--- a/mm/rmap.c'));
  const file = join(dir, `${name}.patch`);
  writeFileSync(
    file,
    `From: Budget Test <budget@example.org>\nDate: ${day} Jun 2021 12:00:00 +0000\nSubject: [PATCH] mm/rmap: ${name}\n\n---\ndiff --git a/mm/rmap.c b/mm/rmap.c\n${body}`,
  );
  return file;
}

interface JsonVariant {
  label: string;
  source: { file: string };
  replayed: boolean;
  results: { scenario: string; outcome: { verdict: string; budget?: string; detail: string } }[];
}

describe('a review with runaway variants and a normal one', () => {
  let variants: JsonVariant[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lkml-replay-budget-'));
    const inputs = [
      variantMail('count-forever', 1, WALK, '\t{ unsigned long n = 0; for (;;) n++; }\n'),
      variantMail('recurse-forever', 2, CHECK, '\tif (page) page_make_device_exclusive(page, mm, address, owner);\n'),
      variantMail('vmalloc-forever', 3, WALK, '\tfor (;;) vmalloc(PAGE_SIZE);\n'),
      variantMail('vmalloc-huge', 4, WALK, '\tvmalloc(1UL << 40);\n'),
      variantMail('spin-same-state', 5, WALK, '\twhile (1) ;\n'),
      'fixtures/patches/review-split-after-init.patch', // dated 12 Jun 2021: replayed last
    ];
    const small = loadBundledScenarios().filter((s) => s.name === 'nouveau-atomic-small');
    const scenarios = withBudgets(small, { steps: 1_000_000, memory: 16 << 20 });
    const r = await review({ inputs, base: 'v10', scenarios });
    variants = (JSON.parse(renderJson(r)) as { variants: JsonVariant[] }).variants;
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const outcome = (file: string) => {
    const v = variants.find((x) => x.source.file.endsWith(file))!;
    expect(v.replayed).toBe(true);
    return v.results[0]!.outcome;
  };

  test('a loop whose state changes every iteration ends on the step budget, where it spins', () => {
    const o = outcome('count-forever.patch');
    expect(o).toMatchObject({ verdict: 'budget', budget: 'steps' });
    expect(o.detail).toMatch(/^steps budget: step budget of 1000000 statements exhausted in page_make_device_exclusive\(\) at mm\/rmap\.c:\d+/);
  });

  test('recursion without end ends on the call-depth budget, the repeated frames folded', () => {
    const o = outcome('recurse-forever.patch');
    expect(o).toMatchObject({ verdict: 'budget', budget: 'call-depth' });
    expect(o.detail).toMatch(/^call-depth budget: call depth 256 exceeded calling page_make_device_exclusive\(\)/);
    expect(o.detail).toMatch(/make_device_exclusive_range > page_make_device_exclusive ×\d+ at mm\/rmap\.c:\d+\]$/);
    expect(o.detail.length).toBeLessThan(400);
  });

  test('allocation without bound ends on the memory budget, a little or all at once', () => {
    for (const f of ['vmalloc-forever.patch', 'vmalloc-huge.patch']) {
      const o = outcome(f);
      expect(o, f).toMatchObject({ verdict: 'budget', budget: 'memory' });
      expect(o.detail, f).toMatch(/^memory budget: vmalloc\(\d+\) in page_make_device_exclusive\(\) at mm\/rmap\.c:\d+ needs more than the \d+ bytes left of the 16777216-byte model memory budget/);
    }
  });

  test('a loop that comes back to the same state with nothing else to run is a proven livelock (before any budget)', () => {
    const o = outcome('spin-same-state.patch');
    expect(o.verdict).toBe('livelock');
    expect(o.detail).toMatch(/^page_make_device_exclusive\(\) at mm\/rmap\.c:\d+ \(thread main\) came back to the same state/);
  });

  test('the variant after them still gets its own outcome', () => {
    const o = outcome('review-split-after-init.patch');
    expect(o.verdict).toBe('deadlock');
    expect(o.budget).toBeUndefined();
  });
});

describe('budgets of a scenario', () => {
  const head = 'name: b\nsteps:\n  - mmap: { name: buf, size: 4KiB, prot: rw }\n';
  test('default, a step count, or all three; the CLI flags replace them', () => {
    expect(budgetsOf(parseScenario(head))).toEqual({ steps: 20_000_000, depth: 256, memory: 256 << 20 });
    expect(budgetsOf(parseScenario(head + 'budget: 5000\n'))).toEqual({ steps: 5000, depth: 256, memory: 256 << 20 });
    const all = parseScenario(head + 'budget: { steps: 7000, depth: 32, memory: 64MiB }\n');
    expect(budgetsOf(all)).toEqual({ steps: 7000, depth: 32, memory: 64 << 20 });
    expect(budgetsOf(withBudgets([all], { depth: 8 })[0]!)).toEqual({ steps: 7000, depth: 8, memory: 64 << 20 });
    expect(budgetsOf(all).depth).toBe(32); // the original is untouched
  });

  test('a bad budget names the key', () => {
    expect(() => parseScenario(head + 'budget: { depth: 0 }\n', 'x.yaml')).toThrow(new ScenarioError('x.yaml', '`budget.depth` is a positive integer'));
    expect(() => parseScenario(head + 'budget: { memory: lots }\n', 'x.yaml')).toThrow(/^x\.yaml: `budget\.memory`: "lots" is not a size/);
    expect(() => parseScenario(head + 'budget: { time: 1 }\n', 'x.yaml')).toThrow(/unknown key `time`/);
  });
});

describe('the budget flags of the built CLI', () => {
  test('scenarios --max-depth reaches the run: a shallow depth ends it with `budget`', async () => {
    const { cli } = await import('../review/built-cli.js');
    const r = cli(['scenarios', '--base', 'v10', '--scenario', 'nouveau-atomic-small', '--max-depth', '3', '--format', 'json', '--trace', 'none']);
    expect(r.stderr).toBe('');
    const [o] = JSON.parse(r.stdout) as { verdict: string; budget: string; detail: string }[];
    expect(o).toMatchObject({ verdict: 'budget', budget: 'call-depth' });
    expect(o!.detail).toMatch(/^call-depth budget: call depth 3 exceeded calling \w+\(\)/);
  }, 120_000);

  test('a bad budget value is a one-line usage error, exit 2', async () => {
    const { cli } = await import('../review/built-cli.js');
    for (const args of [['review', '--max-memory', 'lots'], ['review', '--max-steps', '0'], ['scenarios', '--max-depth', '-1']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/--max-(memory|steps|depth) must be/);
    }
  }, 120_000);
});
