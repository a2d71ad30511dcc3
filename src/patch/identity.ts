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

/** A file's change as patch-id sees it: its +/- lines, whitespace removed, in order. */
function changeLines(f: FileDiff): string[] {
  const out: string[] = [];
  for (const hunk of f.hunks) for (const l of hunk.lines) if (l.op !== ' ') out.push(l.op + l.text.replace(/\s+/g, ''));
  return out;
}

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

function isSubsequence(part: string[], whole: string[]): boolean {
  let j = 0;
  for (const line of part) {
    while (j < whole.length && whole[j] !== line) j++;
    if (j === whole.length) return false;
    j++;
  }
  return true;
}

/**
 * A reviewer's trimmed quote of a diff: every file of `part` with a change matches a file of
 * `whole` (same paths, or any file when the quote lost its headers) whose +/- lines contain
 * the quoted ones in order. Whitespace is ignored as in diffIdentity. Lets a caller link a
 * quote whose identity differs only because hunks or lines were cut from it.
 */
export function isQuotedPartOf(part: readonly FileDiff[], whole: readonly FileDiff[]): boolean {
  let changes = 0;
  for (const f of part) {
    const lines = changeLines(f);
    if (lines.length === 0) continue;
    changes += lines.length;
    const candidates = f.headerless ? whole : whole.filter((w) => w.old === f.old && w.new === f.new);
    if (!candidates.some((w) => isSubsequence(lines, changeLines(w)))) return false;
  }
  return changes > 0;
}
