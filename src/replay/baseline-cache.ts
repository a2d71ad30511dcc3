// Baseline runs kept on disk. A run of a base's own sources is a pure function of those
// sources, the scenario (with its budgets) and the code that runs it (the model's modules and
// the C grammar), so its Outcome is kept, brotli-compressed, under a digest of all of them and
// read back instead of run again: from the package's own precomputed baselines
// (precompute-baselines.ts), else from the cache directory the CLI names, where new ones go. Off
// unless the CLI turns it on (`review --no-cache` leaves it off): library callers, the Action and
// tests run everything.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

let code: string | null = null;

/**
 * Digest of the code a run executes: every module of src/model (lib/model when built), which
 * the model imports nothing outside of, and the two wasm files of the C parser.
 */
function codeDigest(): string {
  if (code) return code;
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts|c|h|patch|json)$/.test(e.name)) h.update(p.slice(root.length)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  const root = fileURLToPath(new URL('../model/', import.meta.url));
  walk(root);
  return (code = h.digest('hex'));
}

async function grammarDigest(): Promise<string> {
  const { locateWasm } = await import('../model/interp/ts-parser.js');
  const { runtime, grammar } = locateWasm();
  return createHash('sha256').update(readFileSync(runtime)).update(readFileSync(grammar)).digest('hex');
}

let grammar: Promise<string> | null = null;

/** What a baseline run is of: a base's own sources, compiled for `kernel` under `config`. */
export interface BaselineOf {
  kernel: string;
  config: readonly string[];
  sources: readonly ModelSource[];
}

/** The file name of a run of `of` over `scenario`, the same in every cache directory. */
export async function baselineName(of: BaselineOf, scenario: Scenario): Promise<string> {
  const h = createHash('sha256');
  h.update(codeDigest()).update('\0').update(await (grammar ??= grammarDigest())).update('\0');
  h.update(of.kernel).update('\0').update(of.config.join(',')).update('\0');
  for (const s of of.sources) h.update(s.path).update('\0').update(s.text).update('\0');
  // Where the scenario was read from is no part of what it does.
  const { source: _source, ...what } = scenario;
  h.update(JSON.stringify(what, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
  return `${h.digest('hex')}.br`;
}

/**
 * Baselines shipped with the package (lib/baselines/, written by scripts/precompute-baselines.mjs
 * when the package is installed): the bundled scenarios on every base, read like the cache.
 */
export function shippedBaselineDir(): string {
  return fileURLToPath(new URL('../baselines/', import.meta.url));
}

/** The kept outcome of this baseline run, or null (none kept, or a file that does not decode). */
export async function cachedBaseline(of: BaselineOf, scenario: Scenario): Promise<Outcome | null> {
  if (!dir) return null;
  const name = await baselineName(of, scenario);
  for (const d of [shippedBaselineDir(), dir]) {
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
export async function keepBaseline(of: BaselineOf, scenario: Scenario, outcome: Outcome, into: string | null = dir): Promise<void> {
  if (!into) return;
  const bytes = encodeOutcome(outcome);
  if (!bytes) return;
  // Brotli at quality 5: an hmm baseline 4.5 MB -> about 0.15 MB, read back in a few milliseconds.
  const packed = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  const file = join(into, await baselineName(of, scenario));
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
