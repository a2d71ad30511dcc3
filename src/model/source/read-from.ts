// Which kernel text each model function of a release tree was read from, as data
// (src/model/source/<release>/read-from.json): the digest of the kernel definition's tokens, and
// where the model's own tokens differ, their digest and why. A test holds every model function
// to it; `lkml-replay model` shows it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from './index.js';

export interface FnProvenance {
  /** Not kernel code: a stand-in for what the model does not run (a fault buffer, an ioctl entry). */
  harness?: true;
  /** For a harness function: the kernel code it stands for. */
  standsFor?: string;
  /** Digest of the kernel definition's tokens (comments and layout aside). */
  kernel?: string;
  /** Kernel path of the definition when it is not the model file's own (mm/ksm.c ...). */
  from?: string;
  /** Digest of the model's tokens, present only when they differ from the kernel's. */
  model?: string;
  /** Why the model differs, one line each; required with `model`. */
  deviations?: string[];
}

export interface ReadFrom {
  /** The kernel release the tree's functions were read from ("v6.13"). */
  release: string;
  /** The tree and commit read, in words a kernel developer can look up. */
  source: string;
  functions: Record<string, Record<string, FnProvenance>>;
}

const cache = new Map<string, ReadFrom | null>();

/** The read-from record of a release tree, or null when it has none. */
export function readFrom(release: string): ReadFrom | null {
  if (!cache.has(release)) {
    const p = join(sourceDir(), release, 'read-from.json');
    cache.set(release, existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as ReadFrom) : null);
  }
  return cache.get(release)!;
}
