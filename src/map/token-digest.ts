// A function's code as tokens, comments and layout aside, and a short digest of them: what
// "the model's statements are the kernel's" is checked against (read-from.json of each release
// tree holds the digest of the kernel's definition).
import { createHash } from 'node:crypto';
import type { FileIndex, IndexedFunction } from './model-index.js';

export function functionTokens(file: FileIndex, fn: IndexedFunction): string {
  return file.toks.slice(fn.tokFirst, fn.tokEnd).map((t) => t.t).join(' ');
}

export function tokenDigest(tokens: string): string {
  return createHash('sha1').update(tokens).digest('hex').slice(0, 16);
}
