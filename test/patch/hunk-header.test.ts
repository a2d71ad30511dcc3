import { describe, expect, it } from 'vitest';
import { functionName, parseHunkHeader } from '../../src/patch/index.js';

describe('parseHunkHeader', () => {
  it('reads counts, context and the function it names', () => {
    const h = parseHunkHeader('@@ -2042,6 +2042,12 @@ static bool page_make_device_exclusive_one(struct page *page,')!;
    expect(h).toMatchObject({ oldStart: 2042, oldLines: 6, newStart: 2042, newLines: 12, nonstandard: false });
    expect(h.context).toBe('static bool page_make_device_exclusive_one(struct page *page,');
    expect(functionName(h.context)).toBe('page_make_device_exclusive_one');
  });

  it('defaults omitted counts to 1 and reads a new file header', () => {
    expect(parseHunkHeader('@@ -3 +3 @@')).toMatchObject({ oldLines: 1, newLines: 1, context: null });
    expect(parseHunkHeader('@@ -0,0 +1,5 @@')).toMatchObject({ oldStart: 0, oldLines: 0, newStart: 1, newLines: 5 });
  });

  it("accepts b4's @@@ header and runs of blanks, flagging them nonstandard when they are", () => {
    expect(parseHunkHeader('@@@ -1,1 +1,1 @@ def junk():')).toMatchObject({ oldLines: 1, nonstandard: true, context: 'def junk():' });
    expect(parseHunkHeader('@@  -1,2  +1,3  @@')).toMatchObject({ oldLines: 2, newLines: 3, nonstandard: false });
  });

  it.each(['@@ -a,1 +1 @@', '@@ -1,1 @@', '@@@ -1,1 -1,1 +1,1 @@@', '@@ -1,1 +1,1', 'diff', '@@'])(
    'rejects %j',
    (line) => expect(parseHunkHeader(line)).toBeNull(),
  );
});

describe('functionName', () => {
  it.each([
    ['static bool page_make_device_exclusive_one(struct page *page,', 'page_make_device_exclusive_one'],
    ['int make_device_exclusive_range(struct mm_struct *mm, unsigned long start,', 'make_device_exclusive_range'],
    ['static void __init foo_init(void)', 'foo_init'],
    ['static inline int patchbreak(const struct strbuf *line)', 'patchbreak'],
    ['def junk():', 'junk'],
    ['SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len,', 'SYSCALL_DEFINE3'],
    ['struct page_vma_mapped_walk {', null],
    ['out:', null],
    ['static int __attribute__((unused)) helper(void)', 'helper'],
    [null, null],
  ])('%j -> %j', (context, name) => expect(functionName(context)).toBe(name));
});
