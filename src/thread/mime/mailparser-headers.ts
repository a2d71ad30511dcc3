// mailparser's own header decoding (processHeaders: addressparser, libmime's RFC 2047 words,
// Message-ID bracketing), reached through one MailParser instance: both are internal to it.
// The fast path falls back to these for every field it does not read itself.
import { MailParser, type AddressObject, type HeaderLines } from 'mailparser';
import type { Person } from '../types.js';

export const PARSER_OPTIONS = {
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepCidLinks: true,
} as const;

/** What mailparser's processHeaders/libmime look like from here. */
interface HeaderDecoder {
  processHeaders(lines: HeaderLines): Map<string, unknown>;
  libmime: { decodeHeader(line: string): { value?: unknown } | null };
}

/** One MailParser, only for its header decoding (stateless per call). */
const headerDecoder = new MailParser(PARSER_OPTIONS) as unknown as HeaderDecoder;

/** Header lines decoded as mailparser decodes a message's headers. */
export function processHeaders(lines: HeaderLines): Map<string, unknown> {
  return headerDecoder.processHeaders(lines);
}

/** A header line's value as libmime's decodeHeader gives it (unfolded, trimmed; no RFC 2047 decoding). */
export function headerValue(line: string): string {
  return String(headerDecoder.libmime.decodeHeader(line)?.value ?? '').trim();
}

/** The first address with a name or an address, as the mail's sender. */
export function firstPerson(a: AddressObject | undefined): Person | null {
  const v = a?.value.find((x) => x.address || x.name);
  if (!v) return null;
  return { name: (v.name || v.address || '').trim(), email: (v.address ?? '').trim() };
}
