// The compile facts of the bundled bases' own sources, precomputed when the package is installed
// (src/replay/precompute.ts, into lib/compile-facts/): every spliced variant is checked against
// its base's facts (compile-check.ts), and compiling a base only for them costs as much as
// compiling the variant. A file is named by a digest of the model's code, of the code that draws
// the facts from a compile, and of the kernel and sources compiled; only the CLI turns the
// reading on.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelCodeDigest } from '../model/code-digest.js';
import type { CompileFacts } from './compile-check.js';

let reading: string | null = null;

/** Read precomputed compile facts from `dir` from now on in this process; null: never (the default). */
export function usePrecomputedCompileFacts(dir: string | null): void {
  reading = dir;
}

/** lib/compile-facts/ beside lib/map/ (src/compile-facts/ from the sources, which has none). */
export function precomputedCompileFactsDir(): string {
  return fileURLToPath(new URL('../compile-facts/', import.meta.url));
}

let ownCode: string | null | undefined;

/** This module and compile-check's, whose shape of the facts the files keep. */
function mapCode(): string | null {
  if (ownCode !== undefined) return ownCode;
  try {
    const h = createHash('sha256');
    const self = fileURLToPath(import.meta.url);
    for (const f of [self, join(dirname(self), `compile-check${extname(self)}`)]) h.update(readFileSync(f)).update('\0');
    ownCode = h.digest('hex');
  } catch {
    ownCode = null;
  }
  return ownCode;
}

/** The file name of the facts of `sourcesDigest` compiled for `kernel`; null where the code cannot be named (a bundle). */
export function compileFactsFileName(kernel: string, sourcesDigest: string): string | null {
  const model = modelCodeDigest();
  const map = mapCode();
  if (!model || !map) return null;
  return `${createHash('sha256').update(model).update('\0').update(map).update('\0').update(kernel).update('\0').update(sourcesDigest).digest('hex')}.json`;
}

/** The precomputed facts of `sourcesDigest` compiled for `kernel`, or null. */
export function precomputedCompileFacts(kernel: string, sourcesDigest: string): CompileFacts | null {
  const dir = reading;
  const name = dir && compileFactsFileName(kernel, sourcesDigest);
  if (!dir || !name) return null;
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as CompileFacts;
  } catch {
    return null;
  }
}

/** Writes `facts`, those of `sourcesDigest` compiled for `kernel`, into `dir` under their file name. */
export function writeCompileFacts(dir: string, kernel: string, sourcesDigest: string, facts: CompileFacts): void {
  const name = compileFactsFileName(kernel, sourcesDigest);
  if (!name) return;
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(facts));
  renameSync(tmp, join(dir, name));
}
