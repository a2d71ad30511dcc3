// Message-IDs as they appear in headers, and a made-up one for mails that have none.
import { createHash } from 'node:crypto';
import { isJsSpace } from '../../util/js-space.js';

const LT = 60;
const GT = 62;

/** Every `<id>` in a header value, without the angle brackets, in order. */
export function idsIn(value: string | null | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  // What /<([^<>\s]+)>/g finds, read char by char (References can hold dozens of ids).
  let at = value.indexOf('<');
  while (at >= 0) {
    let j = at + 1;
    for (;;) {
      const c = value.charCodeAt(j);
      if (Number.isNaN(c) || c === LT || c === GT || isJsSpace(c)) break;
      j++;
    }
    if (j > at + 1 && value.charCodeAt(j) === GT) {
      out.push(value.slice(at + 1, j));
      at = value.indexOf('<', j + 1);
    } else at = value.indexOf('<', at + 1);
  }
  // Some clients drop the brackets: take bare `local@domain` tokens then.
  if (out.length === 0) for (const t of value.split(/\s+/)) if (/^[^\s@<>()]+@[^\s@<>()]+$/.test(t)) out.push(t);
  return out;
}

/** One Message-ID header value without brackets, or null. */
export function idOf(value: string | null | undefined): string | null {
  return idsIn(value)[0] ?? null;
}

/**
 * A deterministic Message-ID for a mail without one (archive text, bare diffs, test mails):
 * made from the mail's bytes, so the same mail always gets the same id and runs and reports
 * stay comparable, while two mails that differ anywhere (even in a header) do not collide.
 */
export function synthesiseId(...content: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const c of content) h.update(c).update('\0');
  return `${h.digest('hex').slice(0, 20)}@synthesised.lkml-replay.invalid`;
}
