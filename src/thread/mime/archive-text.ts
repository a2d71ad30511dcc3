// Text copied from a web archive (lkml.iu.edu, marc.info style): a subject line, blank line(s),
// `From: Name`, `Date: ...` (maybe `Message-ID:`, `In-Reply-To:`), a blank line, then the body.
// No MIME here: the text is what a browser showed.
import type { DecodedMail } from './decoded-mail.js';
import { parseArchiveDate } from './archive-date.js';
import { idOf, idsIn } from './message-ids.js';
import { parsePerson } from './person.js';

const FIELD = /^([A-Za-z][A-Za-z-]*):\s?(.*)$/;

export function parseArchiveText(text: string): DecodedMail {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const subject = (lines[i++] ?? '').trim();
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const fields = new Map<string, string>();
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const m = FIELD.exec(lines[i]!);
    if (m && !fields.has(m[1]!.toLowerCase())) fields.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const dateHeader = fields.get('date') ?? null;
  const fromHeader = fields.get('from') ?? null;
  return {
    messageId: idOf(fields.get('message-id')),
    from: fromHeader ? parsePerson(fromHeader) : null,
    fromHeader,
    date: dateHeader ? parseArchiveDate(dateHeader) : null,
    dateHeader,
    subject,
    inReplyTo: idOf(fields.get('in-reply-to')),
    references: idsIn(fields.get('references')),
    body: lines.slice(i).join('\n'),
    parts: [],
    hasHeaders: fields.size > 0,
  };
}
