// Precomputed outlines: each base model file's outline, read back, is the outline tree-sitter
// gives; current files are not made again; reading is off unless a directory is named, and
// only texts outlined without options are read.
import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { precomputedOutline, usePrecomputedOutlines } from '../../src/model/interp/outline-cache.js';
import { initOutline, outlineTranslationUnit } from '../../src/model/interp/source-outline.js';
import { loadBase } from '../../src/model/source/index.js';
import { precomputeOutlines } from '../../src/replay/precompute.js';
import { tempDir } from '../temp-dir.js';

beforeAll(() => initOutline());
afterEach(() => usePrecomputedOutlines(null));

test('a precomputed outline is the outline tree-sitter gives, for every model file of a base', async () => {
  const dir = tempDir('outlines-');
  const sources = loadBase('v10').sources;
  const made = await precomputeOutlines(dir, ['v10']);
  expect(made).toBe(new Set(sources.map((s) => s.text)).size);
  expect(await precomputeOutlines(dir, ['v10'])).toBe(0);
  expect(precomputedOutline(sources[0]!.text)).toBeNull();
  usePrecomputedOutlines(dir);
  for (const s of sources) {
    const kept = precomputedOutline(s.text);
    usePrecomputedOutlines(null);
    const fresh = outlineTranslationUnit(s.text);
    usePrecomputedOutlines(dir);
    expect(isDeepStrictEqual(kept, fresh), s.path).toBe(true);
    expect(isDeepStrictEqual(outlineTranslationUnit(s.text), fresh), s.path).toBe(true);
  }
  // A text nobody precomputed is outlined as always.
  expect(precomputedOutline('int f(void) { return 0; }\n')).toBeNull();
  expect(outlineTranslationUnit('int f(void) { return 0; }\n').functions.map((f) => f.name)).toEqual(['f']);
  // Another base's files replace these.
  await precomputeOutlines(dir, ['v5.14']);
  expect(readdirSync(dir)).toHaveLength(new Set(loadBase('v5.14').sources.map((s) => s.text)).size);
});
