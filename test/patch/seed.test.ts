// The first real input: a web-archive copy of an LKML reply where Peter Xu's proposed diff is
// quoted at depth 1 between `---8<---` cut lines, with all leading whitespace lost.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, diffIdentity } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';

const SEED = new URL('../../fixtures/threads/000_00c7ef2d00851f1b.txt', import.meta.url);

describe('seed thread 000_00c7ef2d00851f1b', () => {
  const body = readFileSync(SEED, 'utf8');
  const diffs = findDiffs(splitQuoted(body));

  it('has exactly one diff, at depth 1, inside scissors', () => {
    expect(diffs).toHaveLength(1);
    const [d] = diffs;
    expect(d!.quoteDepth).toBe(1);
    expect(d!.origin).toBe('scissors');
    const lines = body.split('\n');
    expect(lines[d!.firstLine - 1]).toBe('> diff --git a/mm/rmap.c b/mm/rmap.c');
    expect(lines[d!.lastLine - 1]).toBe('> address + page_size(page)), args->owner);');
  });

  it('reads mm/rmap.c with one hunk in page_make_device_exclusive_one, +6 -0', () => {
    const [d] = diffs;
    expect(d!.files).toHaveLength(1);
    const f = d!.files[0]!;
    expect([f.old, f.new]).toEqual(['mm/rmap.c', 'mm/rmap.c']);
    expect(f.extended).toEqual(['index a94d9aed9d95..360ce86f3822 100644']);
    expect(f.hunks).toHaveLength(1);
    const h = f.hunks[0]!;
    expect(h.function).toBe('page_make_device_exclusive_one');
    expect(h.context).toBe('static bool page_make_device_exclusive_one(struct page *page,');
    expect([h.oldStart, h.oldLines, h.newStart, h.newLines]).toEqual([2042, 6, 2042, 12]);
    expect([h.added, h.removed]).toEqual([6, 0]);
    expect(h.lines.map((l) => l.op).join('')).toBe('   ++++++   ');
    expect(h.lines[4]).toEqual({ op: '+', text: ' * Make sure thps split as device exclusive entries only support pte', lineNo: 103 });
  });

  it('lists every repair against its body line', () => {
    const lines = body.split('\n');
    const repairs = diffs[0]!.repairs.map((r) => [r.kind, r.line, lines[r.line - 1]]);
    expect(repairs).toEqual([
      ['context-space-restored', 99, '> swp_entry_t entry;'],
      ['context-space-restored', 100, '> pte_t swp_pte;'],
      ['blank-context-restored', 101, '>'],
      ['context-space-restored', 108, '> mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,'],
      ['context-space-restored', 109, '> vma->vm_mm, address, min(vma->vm_end,'],
      ['context-space-restored', 110, '> address + page_size(page)), args->owner);'],
    ]);
  });

  it('is text that jsdiff parses and applies', () => {
    expect(diffs[0]!.text).toMatch(/^diff --git a\/mm\/rmap.c b\/mm\/rmap.c\n/);
    expect(applyFailures(diffs[0]!.text)).toEqual([]);
  });

  it('has the identity of the clean original (tabs and context intact)', () => {
    const clean = [
      'diff --git a/mm/rmap.c b/mm/rmap.c',
      'index a94d9aed9d95..360ce86f3822 100644',
      '--- a/mm/rmap.c',
      '+++ b/mm/rmap.c',
      '@@ -2042,6 +2042,12 @@ static bool page_make_device_exclusive_one(struct page *page,',
      ' \tswp_entry_t entry;',
      ' \tpte_t swp_pte;',
      ' ',
      '+\t/*',
      '+\t * Make sure thps split as device exclusive entries only support pte',
      '+\t * level for now.',
      '+\t */',
      '+\tsplit_huge_pmd_address(vma, address, false, page);',
      '+',
      ' \tmmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,',
      ' \t\t\t\t      vma->vm_mm, address, min(vma->vm_end,',
      ' \t\t\t\t      address + page_size(page)), args->owner);',
    ];
    const cleanDiffs = findDiffs(clean.map((text, i) => ({ depth: 0, text, lineNo: i + 1 })));
    expect(cleanDiffs).toHaveLength(1);
    expect(cleanDiffs[0]!.repairs).toEqual([]);
    expect(diffIdentity(diffs[0]!.files)).toBe(diffIdentity(cleanDiffs[0]!.files));
    expect(diffIdentity(diffs[0]!.files)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('does not read the quoted code snippets as diffs', () => {
    // `anon_mapping = ...` and `struct anon_vma *page_anon_vma(...)` are quoted code without
    // hunk structure: the only diff is the scissors one.
    expect(diffs.every((d) => d.firstLine > 90)).toBe(true);
  });
});

it('the fixture copy of the seed is the shared one', () => {
  const shared = '/work/shared/seed/000_00c7ef2d00851f1b.txt';
  if (!existsSync(shared)) return;
  expect(readFileSync(SEED, 'utf8')).toBe(readFileSync(shared, 'utf8'));
});
