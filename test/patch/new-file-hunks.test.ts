// A new-file hunk (`--- /dev/null`, `@@ -0,0 +1,N @@`) has no old lines: a `-` or context line
// that mail damage (or a stray edit) put into it cannot belong to it. The reader drops such a
// line with a `stray-line-dropped` repair, so the hunk still creates the file, as jsdiff shows.
// Input: a real new-file patch mail (fixtures/patches/new-file-vphn-selftest.patch).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';

const MAIL = readFileSync(new URL('../../fixtures/patches/new-file-vphn-selftest.patch', import.meta.url), 'utf8');
const NEW_FILE = 'b/tools/testing/selftests/powerpc/vphn/vphn.c';

/** The mail with `line` inserted right after the first line of the new file's hunk. */
function withStray(line: string): string {
  const ls = MAIL.split('\n');
  const at = ls.findIndex((l, i) => l === '@@ -0,0 +1 @@' && ls[i - 1] === `+++ ${NEW_FILE}`);
  expect(at).toBeGreaterThan(0);
  ls.splice(at + 2, 0, line);
  return ls.join('\n');
}

function read(body: string) {
  const ds = findDiffs(splitQuoted(body));
  expect(ds).toHaveLength(1);
  return ds[0]!;
}

describe('a stray line in a new-file hunk', () => {
  it('the clean mail: three files, the two new ones created by -0,0 hunks, no repair, applies', () => {
    const d = read(MAIL);
    expect(d.repairs).toEqual([]);
    expect(d.files.map((f) => f.hunks[0]!.header)).toEqual(['@@ -13,7 +13,7 @@ CFLAGS := -Wall -O2 -flto -Wall -Werror -DGIT_VERSION=\'"$(GIT_VERSION)"\' -I$(CUR', '@@ -0,0 +1,1 @@', '@@ -0,0 +1,1 @@']);
    expect(applyFailures(d.text)).toEqual([]);
  });

  it.each([
    ['-', 'removed'],
    ['-#include "vphn.h"', 'removed'],
    [' ', 'context'],
  ])('%j is dropped and logged on its body line; the file is still created', (stray, what) => {
    const body = withStray(stray);
    const d = read(body);
    const lineNo = body.split('\n').indexOf(stray, body.split('\n').indexOf(`+++ ${NEW_FILE}`)) + 1;
    expect(d.repairs).toEqual([
      { kind: 'stray-line-dropped', line: lineNo, detail: `a ${what} line in a hunk whose old side is empty (-0,0: a new file); dropped` },
    ]);
    const f = d.files.find((x) => x.hunks[0]!.lines.some((l) => l.text === '../../../../../arch/powerpc/mm/vphn.c'))!;
    expect(f.hunks).toHaveLength(1);
    expect(f.hunks[0]).toMatchObject({ header: '@@ -0,0 +1,1 @@', oldStart: 0, oldLines: 0, newLines: 1, removed: 0, added: 1 });
    // the repaired diff is the clean one
    expect(d.text).toBe(read(MAIL).text);
    expect(applyFailures(d.text)).toEqual([]);
  });
});
