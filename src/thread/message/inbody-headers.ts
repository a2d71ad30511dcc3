// In-body headers of a patch mail (git mailinfo): at the very top of the body, after blank
// lines, `From:`, `Subject:`, `Date:` (folded lines allowed), a `[PATCH] subject` line, or a
// format-patch separator `From <sha> Mon Sep 17 00:00:00 2001` (also `>From ...`). They say who
// wrote the patch when someone else sends it, and only count when the mail has a patch part.
// After a scissors line (`-- >8 --`) the header stage starts again.
import { isScissorsLine } from '../../patch/index.js';
import type { InBodyHeaders } from '../types.js';
import { parsePerson } from '../mime/person.js';

const FIELD = /^(From|Subject|Date):\s*(.*)$/i;
const FORMAT_PATCH_SEPARATOR = /^>?From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\s*$/;

export interface InBodyOptions {
  /** Honour scissors lines (git's `--scissors`). */
  scissors?: boolean;
}

/** The in-body headers of the message part (lines before the patch break), or null. */
export function inBodyHeaders(messagePart: readonly string[], opts: InBodyOptions = {}): InBodyHeaders | null {
  let start = 0;
  if (opts.scissors) {
    for (let i = messagePart.length - 1; i >= 0; i--) {
      if (isScissorsLine(messagePart[i]!)) {
        start = i + 1;
        break;
      }
    }
  }
  const raw = new Map<string, string>();
  let i = start;
  while (i < messagePart.length && messagePart[i]!.trim() === '') i++;
  let last: string | null = null;
  for (; i < messagePart.length; i++) {
    const line = messagePart[i]!;
    if (last && /^[ \t]/.test(line) && line.trim() !== '') {
      raw.set(last, `${raw.get(last)!} ${line.trim()}`);
      continue;
    }
    if (FORMAT_PATCH_SEPARATOR.test(line)) {
      last = null;
      continue;
    }
    if (/^\[PATCH\]\s/.test(line) && raw.size === 0) {
      raw.set('subject', line.trim());
      last = 'subject';
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) break;
    last = m[1]!.toLowerCase();
    raw.set(last, m[2]!.trim());
  }
  if (raw.size === 0) return null;
  const from = raw.get('from');
  const person = from !== undefined ? parsePerson(from) : null;
  return {
    // A `From:` line without an address is prose, not a header (t5100 0015 "From: bogosity").
    from: person && person.email ? person : null,
    subject: raw.get('subject') ?? null,
    date: raw.get('date') ?? null,
  };
}
