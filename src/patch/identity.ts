// Content identity of a diff, after `git patch-id --stable`: what a change does, not how it
// travelled. Per file: its paths, its mode/rename/binary headers, and its added and removed
// lines with all whitespace removed; context and line numbers are left out, so a quoted copy
// with lost indentation, re-wrapped lines or trimmed context has the same identity. The file
// hashes are combined order-independently, like --stable.
import { createHash } from 'node:crypto';
import type { FileDiff } from './types.js';

const NOT_IDENTITY = /^(?:similarity index|dissimilarity index|index )/;

/** A file's change as patch-id sees it: its +/- lines, whitespace removed, in order. */
function changeLines(f: FileDiff): string[] {
  const out: string[] = [];
  for (const hunk of f.hunks) for (const l of hunk.lines) if (l.op !== ' ') out.push(l.op + l.text.replace(/\s+/g, ''));
  return out;
}

function fileDigest(f: FileDiff): string {
  const h = createHash('sha1');
  h.update(`${f.old ?? '/dev/null'}\0${f.new ?? '/dev/null'}\0`);
  for (const e of f.extended) {
    // The blob ids of a text diff change with its context; for a binary file they are the change.
    if (NOT_IDENTITY.test(e) && !(f.binary && e.startsWith('index '))) continue;
    h.update(e.replace(/\s+/g, '') + '\n');
  }
  for (const l of changeLines(f)) h.update(l + '\n');
  return h.digest('hex');
}

export function diffIdentity(files: readonly FileDiff[]): string {
  const parts = files.map(fileDigest).sort();
  return createHash('sha1').update(parts.join('\n')).digest('hex');
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
