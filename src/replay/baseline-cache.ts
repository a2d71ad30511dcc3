// Baseline runs kept on disk. A run of a base's own sources is a pure function of those
// sources, the scenario (with its budgets) and the code that runs it (the model's modules and
// the C grammar), so its Outcome is kept, brotli-compressed, under a digest of all of them and
// read back instead of run again: from the package's own precomputed baselines
// (precompute.ts), else from the cache directory the CLI names, where new ones go. Off
// unless the CLI turns it on (`review --no-cache` leaves it off): library callers, the Action and
// tests run everything.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { modelCodeDigest } from '../model/code-digest.js';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { ModelSource } from '../model/source/index.js';
import type { Outcome, Scenario } from '../model/scenario/types.js';
import { decodeOutcome, encodeOutcome } from './outcome-codec.js';

let dir: string | null = null;

/** Where baselines are kept from now on in this process; null: nowhere (the default). */
export function useBaselineCache(path: string | null): void {
  dir = path;
}

export function baselineCacheDir(): string | null {
  return dir;
}

/** What a baseline run is of: a base's own sources, compiled for `kernel` under `config`. */
export interface BaselineOf {
  kernel: string;
  config: readonly string[];
  sources: readonly ModelSource[];
}

/**
 * The file name of a run of `of` over `scenario`, the same in every cache directory; null where
 * the model's code cannot be named (a bundle): nothing is kept then.
 */
export function baselineName(of: BaselineOf, scenario: Scenario): string | null {
  const code = modelCodeDigest();
  if (!code) return null;
  const h = createHash('sha256');
  h.update(code).update('\0');
  h.update(of.kernel).update('\0').update(of.config.join(',')).update('\0');
  for (const s of of.sources) h.update(s.path).update('\0').update(s.text).update('\0');
  // Where the scenario was read from is no part of what it does.
  const { source: _source, ...what } = scenario;
  h.update(JSON.stringify(what, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
  return `${h.digest('hex')}.br`;
}

/**
 * Baselines shipped with the package (lib/baselines/, written by scripts/precompute.mjs
 * when the package is installed): the bundled scenarios on every base, read like the cache.
 */
export function shippedBaselineDir(): string {
  return fileURLToPath(new URL('../baselines/', import.meta.url));
}

/** The kept outcome of this baseline run, or null (none kept, or a file that does not decode). */
export function cachedBaseline(of: BaselineOf, scenario: Scenario): Outcome | null {
  const cacheDir = dir;
  const name = cacheDir && baselineName(of, scenario);
  if (!cacheDir || !name) return null;
  for (const d of [shippedBaselineDir(), cacheDir]) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(d, name));
    } catch {
      continue;
    }
    try {
      return decodeOutcome(brotliDecompressSync(bytes));
    } catch {
      // not ours, or cut short: run it again
    }
  }
  return null;
}

/** Keeps a baseline run's outcome; a cache that cannot be written is no error (the run stands). */
export function keepBaseline(of: BaselineOf, scenario: Scenario, outcome: Outcome, into: string | null = dir): void {
  const name = into && baselineName(of, scenario);
  if (!name) return;
  const bytes = encodeOutcome(outcome);
  if (!bytes) return;
  // Brotli at quality 5: an hmm baseline 4.5 MB -> about 0.15 MB, read back in a few milliseconds.
  const packed = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  const file = join(into, name);
  try {
    mkdirSync(into, { recursive: true });
    // Written whole under another name, then renamed: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, packed);
    renameSync(tmp, file);
  } catch {
    // read-only or full disk: the next review runs it again
  }
}
