// Precomputed compile facts: each base's facts, read back, are those its compile gives; current
// files are not made again; reading is off unless a directory is named, and sources nobody
// precomputed are compiled as always.
import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { compileFacts, factsOfCompile, sourcesDigest } from '../../src/map/compile-check.js';
import { precomputedCompileFacts, usePrecomputedCompileFacts } from '../../src/map/compile-facts-cache.js';
import { loadCParser } from '../../src/model/interp/ts-parser.js';
import { baseInfo, loadBase } from '../../src/model/source/index.js';
import { precomputeCompileFacts } from '../../src/replay/precompute.js';
import { tempDir } from '../temp-dir.js';

beforeAll(() => loadCParser());
afterEach(() => usePrecomputedCompileFacts(null));

/** A JSON round trip: what a file keeps (a missing optional field is no field). */
const kept = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

test('precomputed compile facts are those a compile of the base gives', async () => {
  const dir = tempDir('compile-facts-');
  const kernel = baseInfo('v10').spec.kernel;
  const sources = loadBase('v10').sources;
  expect(await precomputeCompileFacts(dir, ['v10'])).toBe(1);
  expect(await precomputeCompileFacts(dir, ['v10'])).toBe(0);
  const digest = sourcesDigest(sources);
  expect(precomputedCompileFacts(kernel, digest)).toBeNull();
  usePrecomputedCompileFacts(dir);
  const read = precomputedCompileFacts(kernel, digest);
  const fresh = factsOfCompile(kernel, sources);
  expect(isDeepStrictEqual(read, kept(fresh))).toBe(true);
  // Sources nobody precomputed (one function more) are compiled.
  const more = [...sources.slice(0, -1), { ...sources.at(-1)!, text: `${sources.at(-1)!.text}\nint unmodelled_caller(void) { return no_such_function(); }\n` }];
  expect(precomputedCompileFacts(kernel, sourcesDigest(more))).toBeNull();
  expect(compileFacts(kernel, more).unresolved.map((u) => u.name)).toContain('no_such_function');
  // Another base's file replaces this one.
  await precomputeCompileFacts(dir, ['v5.14']);
  expect(readdirSync(dir)).toHaveLength(1);
});
