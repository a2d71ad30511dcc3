// The DecodedMail of a plain-text mail from the header fields plain-headers.ts read, decoded as
// mailparser's processHeaders decodes them (the mailparser path takes its header fields from here
// too, whenever plain-headers.ts reads the block). A field value with an RFC 2047 word (`=?`), a NUL
// (libmime's word joiner uses one) or a From of a shape plain-from.ts does not know goes to
// processHeaders itself, with the line exactly as mailsplit would have handed it over.
import type { HeaderLines } from 'mailparser';
import type { DecodedMail, TextPart } from './decoded-mail.js';
import { idOf, idsIn } from './message-ids.js';
import { firstPerson, processHeaders } from './mailparser-headers.js';
import { simpleFrom } from './plain-from.js';
import {
  DATE,
  FIELD_NAMES,
  FROM,
  IN_REPLY_TO,
  MESSAGE_ID,
  REFERENCES,
  SUBJECT,
  mailsplitLine,
  utf8Of,
  type Field,
  type PlainHeaders,
} from './plain-headers.js';
import type { AddressObject } from 'mailparser';

/** A plain-text mail: its header fields, and its body as it is. */
export function plainMail(raw: Buffer, h: PlainHeaders): DecodedMail {
  return withHeaderFields(raw, h, bodyOf(raw, h.bodyStart), []);
}

/**
 * The mail with its header fields from the block plain-headers.ts read (also for mails mailparser
 * decodes the body of). One object literal: spreading a fields object into it cost 3 us a mail.
 */
export function withHeaderFields(raw: Buffer, h: PlainHeaders, body: string, parts: TextPart[]): DecodedMail {
  const from = h.fields[FROM]?.[0];
  const date = h.fields[DATE]?.[0];
  return {
    messageId: idOf(firstValue(raw, h, MESSAGE_ID, bracketed)),
    from: from ? senderOf(raw, from) : null,
    // As written: unfolded, trimmed, not decoded (Latin-1, as mailsplit's header lines are).
    fromHeader: from ? from.text : null,
    date: date ? dateOf(utf8Of(date.text)) : null,
    dateHeader: date ? date.text : null,
    subject: (firstValue(raw, h, SUBJECT, (v) => v) ?? '').trim(),
    inReplyTo: idOf(firstValue(raw, h, IN_REPLY_TO, bracketed)),
    references: idsIn(references(raw, h)),
    body,
    parts,
    hasHeaders: h.count > 0,
  };
}

/** A field value libmime's decodeWords would leave as it is: no encoded word, no NUL. */
function undecoded(v: string): boolean {
  return !v.includes('=?') && !v.includes('\0');
}

/** The lines of a field as mailsplit hands them to processHeaders. */
function linesOf(raw: Buffer, id: number, fields: Field[]): HeaderLines {
  return fields.map((f) => ({ key: FIELD_NAMES[id]!, line: mailsplitLine(raw, f) }));
}

/**
 * A field processHeaders keeps once: its first non-empty value (an empty Subject or Message-ID
 * is skipped, a later one counts), after `shape` (what processHeaders makes of the value).
 */
function firstValue(raw: Buffer, h: PlainHeaders, id: number, shape: (v: string) => string): string | undefined {
  const fields = h.fields[id];
  if (!fields) return undefined;
  if (fields.some((f) => !undecoded(f.text))) return processHeaders(linesOf(raw, id, fields)).get(FIELD_NAMES[id]!) as string | undefined;
  for (const f of fields) {
    const v = utf8Of(f.text);
    if (v) return shape(v);
  }
  return undefined;
}

/** mailparser's ensureMessageIDFormat. */
function bracketed(v: string): string {
  if (v.charAt(0) !== '<') v = '<' + v;
  if (v.charAt(v.length - 1) !== '>') v += '>';
  return v;
}

/** Every References field's Message-IDs, bracketed one by one and joined, as processHeaders lists them. */
function references(raw: Buffer, h: PlainHeaders): string | undefined {
  const fields = h.fields[REFERENCES];
  if (!fields) return undefined;
  if (fields.some((f) => !undecoded(f.text))) {
    const r = processHeaders(linesOf(raw, REFERENCES, fields)).get('references') as string | string[] | undefined;
    return Array.isArray(r) ? r.join(' ') : r;
  }
  const ids: string[] = [];
  for (const f of fields) for (const t of utf8Of(f.text).split(/\s+/)) if (t) ids.push(bracketed(t));
  return ids.join(' ');
}

/** The first From field's sender: read here when its shape is simple, by processHeaders otherwise. */
function senderOf(raw: Buffer, from: Field): DecodedMail['from'] {
  const simple = simpleFrom(utf8Of(from.text));
  if (simple !== undefined) return simple;
  return firstPerson(processHeaders(linesOf(raw, FROM, [from])).get('from') as AddressObject | undefined);
}

/** The Date read as mailparser reads it, but null when it does not parse (see decodeWithMailparser). */
function dateOf(v: string): Date | null {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The bytes after the header block as UTF-8 with LF line ends, as mailparser hands out a plain part. */
function bodyOf(raw: Buffer, start: number): string {
  const text = raw.toString('utf8', start);
  // mailparser turns CRLF and LF into LF; decodeWithMailparser then CRLF once more ("\r\r\n" -> "\n").
  return raw.indexOf(0x0d, start) < 0 ? text : text.replace(/\r?\n/g, '\n').replace(/\r\n/g, '\n');
}
