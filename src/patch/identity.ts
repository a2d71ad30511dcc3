// Content identity of a diff, after `git patch-id --stable`: what a change does, not how it
// travelled. Per file: its paths, its mode/rename/binary headers, and its added and removed
// lines with all whitespace removed; context and line numbers are left out, so a quoted copy
// with lost indentation, re-wrapped lines or trimmed context has the same identity. The file
// hashes are combined order-independently, like --stable.
import { createHash } from 'node:crypto';
import type { FileDiff } from './types.js';

const NOT_IDENTITY = /^(?:similarity index|dissimilarity index|index )/;

function fileDigest(f: FileDiff): string {
  const h = createHash('sha1');
  h.update(`${f.old ?? '/dev/null'}\0${f.new ?? '/dev/null'}\0`);
  for (const e of f.extended) {
    // The blob ids of a text diff change with its context; for a binary file they are the change.
    if (NOT_IDENTITY.test(e) && !(f.binary && e.startsWith('index '))) continue;
    h.update(e.replace(/\s+/g, '') + '\n');
  }
  for (const hunk of f.hunks) {
    for (const l of hunk.lines) {
      if (l.op === ' ') continue;
      h.update(l.op + l.text.replace(/\s+/g, '') + '\n');
    }
  }
  return h.digest('hex');
}

export function diffIdentity(files: readonly FileDiff[]): string {
  const parts = files.map(fileDigest).sort();
  return createHash('sha1').update(parts.join('\n')).digest('hex');
}
