// Content identity of a diff, after `git patch-id --stable`: what a change does, not how it
// travelled. Per file: its paths, its mode/rename/binary headers, and its added and removed
// lines with all whitespace removed; context and line numbers are left out, so a quoted copy
// with lost indentation, re-wrapped lines or trimmed context has the same identity. The file
// hashes are combined order-independently, like --stable.
import * as crypto from 'node:crypto';
import type { FileDiff } from './types.js';

const NOT_IDENTITY = /^(?:similarity index|dissimilarity index|index )/;

/** sha1 hex of a string: the one-shot crypto.hash (Node >= 20.12) saves a Hash object per call. */
const sha1: (s: string) => string =
  typeof crypto.hash === 'function'
    ? (s) => crypto.hash('sha1', s, 'hex')
    : (s) => crypto.createHash('sha1').update(s).digest('hex');

/**
 * The digest of one file: its pieces joined and hashed at once, which equals one update per
 * piece, since every piece ends in an ASCII `\0` or `\n` (no surrogate pair forms across a join).
 */
function fileDigest(f: FileDiff): string {
  const pieces = [`${f.old ?? '/dev/null'}\0${f.new ?? '/dev/null'}\0`];
  for (const e of f.extended) {
    // The blob ids of a text diff change with its context; for a binary file they are the change.
    if (NOT_IDENTITY.test(e) && !(f.binary && e.startsWith('index '))) continue;
    pieces.push(e.replace(/\s+/g, '') + '\n');
  }
  for (const hunk of f.hunks) {
    for (const l of hunk.lines) if (l.op !== ' ') pieces.push(l.op + l.text.replace(/\s+/g, '') + '\n');
  }
  return sha1(pieces.join(''));
}

export function diffIdentity(files: readonly FileDiff[]): string {
  const parts = files.map(fileDigest).sort();
  return sha1(parts.join('\n'));
}

/** One file of a diff as isQuotedPartOf compares it: its paths and its +/- lines, each hashed. */
export interface FileChanges {
  /** `old\0new`, or null when the hunks came without a file header. */
  paths: string | null;
  /** A 32-bit hash of each +/- line with its op and all whitespace removed, in order. */
  lines: ArrayLike<number>;
}

/** The files of a diff as isQuotedPartOf compares them. */
export function fileChanges(files: readonly FileDiff[]): FileChanges[] {
  return files.map((f) => {
    const lines: number[] = [];
    for (const hunk of f.hunks) for (const l of hunk.lines) if (l.op !== ' ') lines.push(lineHash(l.op + l.text.replace(/\s+/g, '')));
    return { paths: f.headerless ? null : `${f.old ?? '/dev/null'}\0${f.new ?? '/dev/null'}`, lines };
  });
}

/** FNV-1a over the UTF-16 units: a quote is matched line by line, so a collision only matters in the same place. */
function lineHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

function isSubsequence(part: ArrayLike<number>, whole: ArrayLike<number>): boolean {
  let j = 0;
  for (let i = 0; i < part.length; i++) {
    while (j < whole.length && whole[j] !== part[i]) j++;
    if (j === whole.length) return false;
    j++;
  }
  return true;
}

/**
 * A reviewer's trimmed quote of a diff: every file of `part` with a change matches a file of
 * `whole` (same paths, or any file when the quote lost its headers) whose +/- lines contain
 * the quoted ones in order; a quote that runs on past a file header it cut matches that file
 * and the ones after it. Whitespace is ignored as in diffIdentity. Links a quote whose
 * identity differs only because hunks or lines were cut from it to the diff it copies.
 */
export function isQuotedPartOf(part: readonly FileChanges[], whole: readonly FileChanges[]): boolean {
  let changes = 0;
  for (const f of part) {
    if (f.lines.length === 0) continue;
    changes += f.lines.length;
    if (f.paths === null) {
      if (!whole.some((w) => isSubsequence(f.lines, w.lines))) return false;
      continue;
    }
    const at = whole.findIndex((w) => w.paths === f.paths);
    if (at < 0) return false;
    if (isSubsequence(f.lines, whole[at]!.lines)) continue;
    const onwards = whole.slice(at).flatMap((w) => Array.from(w.lines));
    if (!isSubsequence(f.lines, onwards)) return false;
  }
  return changes > 0;
}
