// The one place a raw RFC 5322 message is decoded (quoted-printable, base64, charsets, RFC 2047,
// format=flowed, multipart), through mailparser. Everything else works on DecodedMail, so a
// later fast path for plain 7-bit mails can be added here without touching the callers.
import type { ParsedMail, Attachment, AddressObject, HeaderLines } from 'mailparser';
import type { DecodedMail, TextPart } from './decoded-mail.js';
import { idOf, idsIn } from './message-ids.js';
import type { Person } from './types.js';

type SimpleParser = (typeof import('mailparser'))['simpleParser'];
let parser: Promise<SimpleParser> | null = null;

/** mailparser is loaded on first use, so CLI start-up does not pay for it. */
function loadParser(): Promise<SimpleParser> {
  parser ??= import('mailparser').then((m) => m.simpleParser);
  return parser;
}

export async function decodeMessage(raw: Buffer): Promise<DecodedMail> {
  const simpleParser = await loadParser();
  const m: ParsedMail = await simpleParser(raw, {
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
    keepCidLinks: true,
  });
  const fromHeader = rawHeader(m.headerLines, 'from');
  return {
    messageId: idOf(m.messageId),
    from: firstPerson(m.from),
    fromHeader,
    date: m.date && !Number.isNaN(m.date.getTime()) ? m.date : null,
    dateHeader: rawHeader(m.headerLines, 'date'),
    subject: (m.subject ?? '').trim(),
    inReplyTo: idOf(m.inReplyTo),
    references: idsIn(Array.isArray(m.references) ? m.references.join(' ') : m.references),
    body: normaliseLineEnds(m.text ?? ''),
    parts: m.attachments.flatMap(textPart),
    hasHeaders: m.headerLines.length > 0,
  };
}

function firstPerson(a: AddressObject | undefined): Person | null {
  const v = a?.value.find((x) => x.address || x.name);
  if (!v) return null;
  return { name: (v.name || v.address || '').trim(), email: (v.address ?? '').trim() };
}

/** A header's value as written: unfolded, without its name. */
function rawHeader(lines: HeaderLines, key: string): string | null {
  const l = lines.find((h) => h.key === key);
  if (!l) return null;
  return l.line
    .slice(l.line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

const DIFF_TYPES = /^(text\/x-(patch|diff)|text\/plain|application\/x-(patch|diff))$/i;

/** Attachments that can hold a diff: text/x-patch, text/x-diff and text/plain ones. */
function textPart(a: Attachment): TextPart[] {
  const isPatchName = a.filename ? /\.(patch|diff)$/i.test(a.filename) : false;
  if (!DIFF_TYPES.test(a.contentType) && !isPatchName) return [];
  const ct = a.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  return [
    {
      contentType: a.contentType.toLowerCase(),
      filename: a.filename ?? null,
      text: normaliseLineEnds(decodeCharset(a.content, ct?.params?.charset)),
    },
  ];
}

function decodeCharset(buf: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(buf);
  } catch {
    // An unknown or bogus charset name (patchwork's `charset="none"`): read it as UTF-8.
    return new TextDecoder('utf-8').decode(buf);
  }
}

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
