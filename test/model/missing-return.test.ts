// Patches that leave the model C returning nothing, replayed on the real model: a hunk that
// deletes the last `return` of a non-void function, and one that returns a never-written local
// to the runtime (do_swap_page() -> the fault path). Both end the run with verdict `bug` naming
// the C-level fault; before, the runtime failed on the indeterminate value with a JS TypeError
// that surfaced as `error: internal error: Cannot convert a Symbol value to a number`.
import { readFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { compileBase, runScenario } from '../../src/model/scenario/run.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';

const SRC = (f: string) => readFileSync(new URL(`../../src/model/source/v5.14/${f}`, import.meta.url), 'utf8');
const SMALL = loadBundledScenarios().find((s) => s.name === 'nouveau-atomic-small')!;

/** A patch of `file` replacing `from` (once, must be there) by `to`. */
function patchOf(file: string, from: string, to: string) {
  const a = SRC(file);
  expect(a.split(from)).toHaveLength(2);
  return { name: 'test', patch: createTwoFilesPatch(`a/${file}`, `b/${file}`, a, a.replace(from, to)) };
}

describe('a patched model function that returns no value', () => {
  it('deleting `return 0;` from remove_device_exclusive_entry(): bug at its closing brace, with the stack', async () => {
    const end = '\tmmu_notifier_invalidate_range_end(&range);\n\treturn 0;\n}\n';
    const c = await compileBase('v5.14', [patchOf('mm/memory.c', end, '\tmmu_notifier_invalidate_range_end(&range);\n}\n')]);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // the closing brace of the patched function, by its text in the patched source
    const patched = c.sources.find((s) => s.path === 'mm/memory.c')!.text.split('\n');
    const head = patched.findIndex((l) => l.startsWith('static vm_fault_t remove_device_exclusive_entry('));
    const brace = patched.findIndex((l, i) => i > head && l === '}') + 1;
    const o = runScenario(c, SMALL);
    expect(o.verdict).toBe('bug');
    expect(o.detail).toMatch(new RegExp(`^control reaches end of non-void function remove_device_exclusive_entry\\(\\) \\(mm/memory\\.c:${brace}\\) and the caller uses its value \\[stack: .*do_swap_page > remove_device_exclusive_entry at mm/memory\\.c:${brace}\\]$`));
  });

  it('returning a never-written local to the runtime: bug naming the function, not an internal error', async () => {
    const c = await compileBase('v5.14', [uninitialisedReturn()]);
    const o = runScenario(c, SMALL);
    expect(o.verdict).toBe('bug');
    expect(o.detail).toMatch(/^do_swap_page\(\) \(mm\/memory\.c:\d+\) returns an uninitialised value, and its caller in the runtime uses it/);
  });
});

/** remove_device_exclusive_entry() declares `ret`, never writes it, and returns it. */
function uninitialisedReturn() {
  const a = SRC('mm/memory.c');
  const b = a
    .replace('\tstruct mmu_notifier_range range;\n\n\tif (!lock_page_or_retry', '\tstruct mmu_notifier_range range;\n\tvm_fault_t ret;\n\n\tif (!lock_page_or_retry')
    .replace('\tmmu_notifier_invalidate_range_end(&range);\n\treturn 0;\n}\n', '\tmmu_notifier_invalidate_range_end(&range);\n\treturn ret;\n}\n');
  expect(b).not.toBe(a);
  return { name: 'test', patch: createTwoFilesPatch('a/mm/memory.c', 'b/mm/memory.c', a, b) };
}
