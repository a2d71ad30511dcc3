// Outlines of the bundled bases' model files, precomputed when the package is installed
// (src/replay/precompute.ts, into lib/outlines/): choosing a base maps a diff on every base, and
// outlining their files with tree-sitter is most of what a review with nothing to replay costs.
// A file is named by a digest of the text and of the code that outlines it (code-digest.ts);
// only the CLI turns the reading on.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelCodeDigest } from '../code-digest.js';
import type { Outline } from './source-outline.js';

let reading: string | null = null;

/** Read precomputed outlines from `dir` from now on in this process; null: never (the default). */
export function usePrecomputedOutlines(dir: string | null): void {
  reading = dir;
}

/** lib/outlines/ beside lib/model/ (src/outlines/ from the sources, which has none). */
export function precomputedOutlineDir(): string {
  return fileURLToPath(new URL('../../outlines/', import.meta.url));
}

function nameOf(text: string): string | null {
  const code = modelCodeDigest();
  return code && `${createHash('sha256').update(code).update('\0').update(text).digest('hex')}.json`;
}

/** The precomputed outline of `text` (outlined without options), or null. */
export function precomputedOutline(text: string): Outline | null {
  const dir = reading;
  const name = dir && nameOf(text);
  if (!dir || !name) return null;
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as Outline;
  } catch {
    return null;
  }
}

/** The file name of `text`'s outline (null where the code cannot be named: nothing is kept). */
export function outlineFileName(text: string): string | null {
  return nameOf(text);
}

/** Writes `outline`, the outline of `text`, into `dir` under its file name. */
export function writeOutline(dir: string, text: string, outline: Outline): void {
  const name = nameOf(text);
  if (!name) return;
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(outline));
  renameSync(tmp, join(dir, name));
}
