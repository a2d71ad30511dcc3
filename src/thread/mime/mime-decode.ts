// The two ways a raw RFC 5322 message becomes a DecodedMail, behind decodeMessage():
//
// - mailparser (its MailParser, driven by lean-mailparser.ts), for anything MIME needs decoding
//   in: multipart, quoted-printable, base64, charsets other than ASCII/UTF-8, format=flowed,
//   attachments;
// - the plain-text fast path, for a single text/plain part with no transfer encoding (7bit, 8bit,
//   binary or none) in US-ASCII/UTF-8 (or no charset): its body is the bytes after the header
//   block as UTF-8, exactly what mailparser hands out for such a part.
//
// The fast path reads the header block from the bytes itself (plain-headers.ts) and the fields
// of simple shapes too (plain-mail.ts, plain-from.ts); a field that is not simple (RFC 2047
// words, an address list of another shape) goes through mailparser's own processHeaders. A
// header block it is not sure about is read with mailsplit's own MimeNode (the class
// mailparser's splitter builds), as mailparser would read it. Whatever needs MIME decoding goes
// to mailparser; test/thread/fast-path.test.ts proves both paths give the same DecodedMail on
// every conformance mail.
import MimeNode from '@zone-eu/mailsplit/lib/mime-node.js';
import type { AddressObject, HeaderLines } from 'mailparser';
import type { DecodedMail, TextPart } from './decoded-mail.js';
import { idOf, idsIn } from './message-ids.js';
import { firstPerson, headerValue, loadMailparser, processHeaders } from './mailparser-headers.js';
import type { LeanAttachment, LeanParsed } from './lean-mailparser.js';
import { MAX_FAST_HEADER, readPlainHeaders } from './plain-headers.js';
import { plainBody } from './plain-content-type.js';
import { plainMail, withHeaderFields } from './plain-mail.js';

/** The header fields DecodedMail uses; processHeaders treats lines one by one, so decoding only these is the same. */
const WANTED = new Set(['from', 'subject', 'message-id', 'in-reply-to', 'references']);

export async function decodeWithMailparser(raw: Buffer): Promise<DecodedMail> {
  const [{ ALL_ROOT_KEYS, MIME_ROOT_KEYS, leanParse }] = await Promise.all([import('./lean-mailparser.js'), loadMailparser()]);
  // The header fields are read as on the fast path when the block is plain enough; mailparser decodes the body.
  const h = readPlainHeaders(raw);
  if (h === null) return mailOf(await leanParse(raw, mayHoldDiff, ALL_ROOT_KEYS));
  const m = await leanParse(raw, mayHoldDiff, MIME_ROOT_KEYS);
  return withHeaderFields(raw, h, normaliseLineEnds(m.text ?? ''), m.attachments.flatMap(textPart));
}

/** The DecodedMail of what mailparser parsed (leanParse, or simpleParser's ParsedMail). */
export function mailOf(m: LeanParsed): DecodedMail {
  const h = m.headers as Map<string, unknown> | undefined;
  return decoded(
    {
      messageId: h?.get('message-id') as string | undefined,
      from: h?.get('from') as AddressObject | undefined,
      subject: h?.get('subject') as string | undefined,
      inReplyTo: h?.get('in-reply-to') as string | undefined,
      references: h?.get('references') as string | string[] | undefined,
    },
    m.headerLines,
    m.text ?? '',
    m.attachments.flatMap(textPart),
  );
}

const ASCII_OR_UTF8 = new Set(['ascii', 'usascii', 'utf8']);
const NO_TRANSFER_ENCODING = new Set(['', '7bit', '8bit', 'binary']);

/**
 * The fast path: a DecodedMail, or null when the message needs mailparser. Throws
 * MailparserNotLoaded when a header field needs mailparser's decoding and it is not loaded yet.
 */
export function decodePlain(raw: Buffer): DecodedMail | null {
  const h = readPlainHeaders(raw);
  const body = h === null ? 'unsure' : plainBody(h);
  if (body === 'mime') return null;
  if (h === null || body === 'unsure') return decodePlainWithMailsplit(raw);
  return plainMail(raw, h);
}

/** The fast path for what plain-headers.ts / plain-content-type.ts are unsure about: mailsplit reads the block. */
function decodePlainWithMailsplit(raw: Buffer): DecodedMail | null {
  // The header block ends at the first empty line, as mailsplit's splitter ends it (lines end at LF).
  // (mailparser's splitter passes it our options, none of which MimeNode reads.)
  const node = new MimeNode(false, {});
  let start = 0;
  let ended = false;
  while (start < raw.length) {
    const nl = raw.indexOf(0x0a, start);
    if (nl < 0 || nl > MAX_FAST_HEADER) return null; // no body, or a huge header block
    const line = raw.subarray(start, nl + 1);
    start = nl + 1;
    if (node.addHeaderChunk(line)) {
      ended = true;
      break;
    }
  }
  if (!ended) return null;
  node.parseHeaders();
  if (node.multipart || node.contentType !== 'text/plain' || node.flowed) return null;
  if (node.disposition && node.disposition !== 'inline') return null;
  if (!NO_TRANSFER_ENCODING.has(node.encoding || '')) return null;
  const charset = node.charset || 'utf-8';
  if (!ASCII_OR_UTF8.has(charset.toLowerCase().replace(/[^a-z0-9]+/g, ''))) return null;
  const headers = node.headers as unknown as { lines: HeaderLines; getList(): HeaderLines };
  const lines = headers.getList();
  const h = processHeaders(lines.filter((l) => WANTED.has(l.key)));
  const text = raw.toString('utf8', start).replace(/\r?\n/g, '\n');
  return decoded(
    {
      messageId: h.get('message-id') as string | undefined,
      from: h.get('from') as AddressObject | undefined,
      subject: h.get('subject') as string | undefined,
      inReplyTo: h.get('in-reply-to') as string | undefined,
      references: h.get('references') as string | string[] | undefined,
    },
    headers.lines,
    text,
    [],
  );
}

interface Fields {
  messageId: string | undefined;
  from: AddressObject | undefined;
  subject: string | undefined;
  inReplyTo: string | undefined;
  references: string | string[] | undefined;
}

/** The DecodedMail both paths hand out, from mailparser's decoded fields. */
function decoded(f: Fields, headerLines: HeaderLines, text: string, parts: TextPart[]): DecodedMail {
  return {
    messageId: idOf(f.messageId),
    from: firstPerson(f.from),
    fromHeader: rawHeader(headerLines, 'from'),
    date: dateOf(headerLines),
    dateHeader: rawHeader(headerLines, 'date'),
    subject: (f.subject ?? '').trim(),
    inReplyTo: idOf(f.inReplyTo),
    references: idsIn(Array.isArray(f.references) ? f.references.join(' ') : f.references),
    body: normaliseLineEnds(text),
    parts,
    hasHeaders: headerLines.length > 0,
  };
}

/**
 * The first Date header read as mailparser reads it, but null when it does not parse
 * (mailparser gives the time of parsing then, which would make output depend on the clock).
 */
function dateOf(lines: HeaderLines): Date | null {
  const l = lines.find((h) => h.key === 'date');
  if (!l) return null;
  const v = headerValue(l.line);
  const d = new Date(Buffer.from(v, 'binary').toString());
  return Number.isNaN(d.getTime()) ? null : d;
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

/** Attachments that can hold a diff: text/x-patch, text/x-diff and text/plain ones, or named *.patch / *.diff. */
function mayHoldDiff(contentType: string, filename: string | undefined): boolean {
  return DIFF_TYPES.test(contentType) || (filename ? /\.(patch|diff)$/i.test(filename) : false);
}

/** The text of an attachment that can hold a diff. */
function textPart(a: LeanAttachment): TextPart[] {
  if (!mayHoldDiff(a.contentType, a.filename)) return [];
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
