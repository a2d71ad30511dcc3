// Header lines for the mails review writes (replies, exported patches): RFC 2047 encoded words
// for text that is not ASCII, addresses as `Name <addr>` with the name quoted when it has
// specials, and long lines folded at whitespace (RFC 5322 2.2.3) so no line passes 78 columns.
import type { Person } from '../thread/types.js';

/** A header value that is text (a subject): as it is when ASCII, else base64 encoded words. */
export function encodeText(s: string): string {
  const clean = s.replace(/[\r\n\t]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  // Encoded words of at most 75 characters: 45 bytes of UTF-8 a piece, never splitting a character.
  const words: string[] = [];
  let cur = '';
  for (const ch of clean) {
    if (Buffer.byteLength(cur + ch) > 45) {
      words.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) words.push(cur);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(' ');
}

/** `Peter Xu <peterx@redhat.com>`; a name with specials is quoted, one not in ASCII encoded. */
export function address(p: Person): string | null {
  const email = p.email.replace(/[\s<>]/g, '');
  if (!email) return null;
  const name = p.name.replace(/[\r\n\t]+/g, ' ').trim();
  if (!name) return email;
  const shown = !/^[\x20-\x7e]*$/.test(name) ? encodeText(name) : /[()<>@,;:\\".[\]]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
  return `${shown} <${email}>`;
}

/** `Name: value`, folded before a space so that no line passes 78 columns when it can be helped. */
export function header(name: string, value: string): string {
  const words = value.split(' ');
  const lines: string[] = [];
  let cur = `${name}:`;
  for (const w of words) {
    if (cur.length + 1 + w.length > 78 && cur.trim() !== `${name}:`) {
      lines.push(cur);
      cur = ` ${w}`;
    } else {
      cur += ` ${w}`;
    }
  }
  lines.push(cur);
  return lines.join('\n');
}

/** RFC 5322 date in UTC: `Wed, 09 Jun 2021 16:05:06 +0000`. */
export function mailDate(iso: string): string {
  return new Date(iso).toUTCString().replace(/GMT$/, '+0000');
}
