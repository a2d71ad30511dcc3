// Baseline runs kept on disk. A run of a base's own sources is a pure function of those
// sources, the scenario (with its budgets) and the code that runs it (the model's modules and
// the C grammar), so its Outcome is kept under a digest of all of them and read back instead of
// run again. Off unless the CLI turns it on (`review --no-cache` leaves it off): library callers
// and tests run everything.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledBase } from '../model/scenario/run.js';
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

/** The cache file of a run of `compiled` (a base's own sources) over `scenario`. */
async function fileOf(cacheDir: string, compiled: CompiledBase, scenario: Scenario): Promise<string> {
  const h = createHash('sha256');
  h.update(codeDigest()).update('\0').update(await (grammar ??= grammarDigest())).update('\0');
  h.update(compiled.base.spec.kernel).update('\0').update(compiled.config.join(',')).update('\0');
  for (const s of compiled.sources) h.update(s.path).update('\0').update(s.text).update('\0');
  h.update(JSON.stringify(scenario, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
  return join(cacheDir, `${h.digest('hex')}.bin`);
}

/** The kept outcome of this baseline run, or null (none kept, or a file that does not decode). */
export async function cachedBaseline(compiled: CompiledBase, scenario: Scenario): Promise<Outcome | null> {
  if (!dir) return null;
  const file = await fileOf(dir, compiled, scenario);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  try {
    return decodeOutcome(bytes);
  } catch {
    return null;
  }
}

/** Keeps a baseline run's outcome; a cache that cannot be written is no error (the run stands). */
export async function keepBaseline(compiled: CompiledBase, scenario: Scenario, outcome: Outcome): Promise<void> {
  if (!dir) return;
  const bytes = encodeOutcome(outcome);
  if (!bytes) return;
  const file = await fileOf(dir, compiled, scenario);
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole under another name, then renamed: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch {
    // read-only or full disk: the next review runs it again
  }
}
