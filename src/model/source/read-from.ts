// Which kernel text each model function of a base was read from, as data: for a release tree,
// src/model/source/<release>/read-from.json (the digest of the kernel definition's tokens, and
// where the model's own tokens differ, their digest and why); for a posting,
// src/model/source/<name>.read-from.json (the functions its patch changes, each with the mail it
// was posted in). A test holds every model function to it; `lkml-replay model` shows it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseSpec, sourceDir } from './index.js';

export interface FnProvenance {
  /** Not kernel code: a stand-in for what the model does not run (a fault buffer, an ioctl entry). */
  harness?: true;
  /** For a harness function: the kernel code it stands for. */
  standsFor?: string;
  /** Digest of the kernel (or posted) definition's tokens (comments and layout aside). */
  kernel?: string;
  /** Kernel path of the definition when it is not the model file's own (mm/ksm.c ...). */
  from?: string;
  /** Digest of the model's tokens, present only when they differ from the kernel's. */
  model?: string;
  /** Why the model differs, one line each; required with `model`. */
  deviations?: string[];
  /** A posting's function: the subject of the mail it was posted in. */
  postedIn?: string;
}

export interface ReadFrom {
  /** The base the record is for: a kernel release ("v6.13") or a posting ("v10"). */
  release: string;
  /** The tree and commit read, or the posting, in words a kernel developer can look up. */
  source: string;
  /**
   * Release: every function of the tree. Posting: only the functions its patch adds or changes
   * (the others are those of the base it applies to).
   */
  functions: Record<string, Record<string, FnProvenance>>;
}

const cache = new Map<string, ReadFrom | null>();

/** Where the read-from record of base `name` lives. */
export function readFromPath(name: string): string {
  return baseSpec(name)?.kind === 'posting' ? join(sourceDir(), `${name}.read-from.json`) : join(sourceDir(), name, 'read-from.json');
}

/** The read-from record of a base, or null when it has none. */
export function readFrom(name: string): ReadFrom | null {
  if (!cache.has(name)) {
    const p = readFromPath(name);
    cache.set(name, existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as ReadFrom) : null);
  }
  return cache.get(name)!;
}
