// Which kernel text each model function of a base was read from, as data: for a release tree,
// src/model/source/<release>/read-from.json (the digest of the kernel definition's tokens, and
// where the model's own tokens differ, their digest and why); for a posting,
// src/model/source/<name>.read-from.json (the functions its patch changes, each with the mail it
// was posted in). A test holds every model function to it; `lkml-replay model` shows it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseSpec, postedMail, sourceDir } from './index.js';

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
/** @public (scripts/read-from.mjs writes the file this names) */
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

/** Where one function of a base was read from, resolved through the bases a posting applies to. */
export interface FnSource {
  /** `release`: read from a kernel release; `posting`: as a posting's mail has it; `harness`: not kernel code. */
  kind: 'release' | 'posting' | 'harness';
  /** The release ("v5.14"), or the subject of the mail the function was posted in. */
  version: string;
  /** The posting mail's Message-ID. */
  messageId?: string;
  /** Kernel path of the definition when it is not the model file's own (mm/ksm.c). */
  from?: string;
  /** Why the model's statements differ from that text; absent when they are the same. */
  deviations?: string[];
  /** A harness function: the kernel code it stands for. */
  standsFor?: string;
}

/**
 * Where function `name` of `path` in base `base` was read from: a posting's own record for the
 * functions its patch changes, else what the base it applies to says; null when not recorded.
 */
export function functionSource(base: string, path: string, name: string): FnSource | null {
  const spec = baseSpec(base);
  if (!spec) return null;
  const e = readFrom(base)?.functions[path]?.[name];
  if (spec.kind === 'posting') {
    if (!e) return spec.over ? functionSource(spec.over, path, name) : null;
    const mail = postedMail(spec, path);
    return { kind: 'posting', version: e.postedIn ?? mail?.subject ?? base, ...(mail ? { messageId: mail.messageId } : {}), ...(e.model ? { deviations: e.deviations ?? [] } : {}) };
  }
  if (!e) return null;
  if (e.harness) return { kind: 'harness', version: 'model harness', ...(e.standsFor ? { standsFor: e.standsFor } : {}) };
  return { kind: 'release', version: spec.name, ...(e.from ? { from: e.from } : {}), ...(e.model ? { deviations: e.deviations ?? [] } : {}) };
}
