// The jsdiff proof used across the patch tests must be able to fail.
import { describe, expect, it } from 'vitest';
import { applyFailures, sidesOf } from './apply-helper.js';
import { parsePatch } from 'diff';

describe('applyFailures', () => {
  const good = '--- a/x\n+++ b/x\n@@ -3,2 +3,3 @@ f\n a\n+b\n c\n';

  it('passes a valid diff and rebuilds both sides around filler lines', () => {
    expect(applyFailures(good)).toEqual([]);
    const s = sidesOf(parsePatch(good)[0]!);
    expect(s.old).toBe('filler line 1\nfiller line 2\na\nc\n');
    expect(s.expected).toBe('filler line 1\nfiller line 2\na\nb\nc\n');
  });

  it('reports a diff whose counts lie (what our reader must never emit)', () => {
    expect(applyFailures('--- a/x\n+++ b/x\n@@ -1,5 +1,3 @@\n a\n+b\n c\n')[0]).toMatch(/cannot parse/);
  });

  it('reports overlapping hunks that cannot both apply', () => {
    const bad = '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n@@ -1,1 +1,2 @@\n a\n+d\n';
    expect(applyFailures(bad)).not.toEqual([]);
  });
});
