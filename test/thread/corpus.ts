// Where the conformance corpora are: `../shared/conformance` beside the checkout (CI lays it
// there). They are read in place, never copied into the project. When they are absent the
// conformance suites are skipped and say so in their title.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared material (read-only): ../shared beside the checkout, or $LKML_REPLAY_SHARED. */
export const SHARED = resolve(process.env.LKML_REPLAY_SHARED ?? join(repoRoot, '../shared'));
const CORPUS = join(SHARED, 'conformance');

export function corpus(name: string): { dir: string; present: boolean; title: (t: string) => string } {
  const dir = join(CORPUS, name);
  const present = existsSync(dir);
  if (!present) console.warn(`conformance corpus ${name}: ${dir} not found, its tests are skipped (CI lays ../shared beside the checkout)`);
  return {
    dir,
    present,
    title: (t) => (present ? t : `${t} (SKIPPED: ${dir} not found; the conformance corpus lives in ../shared)`),
  };
}

export const path = (dir: string, file: string): string => join(dir, file);
