// mailparser's own header decoding (processHeaders: addressparser, libmime's RFC 2047 words,
// Message-ID bracketing), reached through one MailParser instance: both are internal to it.
// The fast path falls back to these for every field it does not read itself. mailparser (with
// iconv-lite, libmime and the rest: about 0.13 s of CPU to load) is loaded only when a mail
// needs it: until loadMailparser() has run, these throw MailparserNotLoaded, and
// decodeMessage() loads it and decodes that mail again.
import type { AddressObject, HeaderLines, MailParser } from 'mailparser';
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

/** Thrown by the header decoders below before loadMailparser() has run. */
export class MailparserNotLoaded extends Error {
  constructor() {
    super('mailparser is not loaded: call loadMailparser() first');
  }
}

let loading: Promise<typeof MailParser> | null = null;
/** One MailParser, only for its header decoding (stateless per call); set once loaded. */
let headerDecoder: HeaderDecoder | null = null;

/** mailparser's MailParser class, loaded once (and the header decoder made). */
export function loadMailparser(): Promise<typeof MailParser> {
  loading ??= import('mailparser').then((m) => {
    headerDecoder = new m.MailParser(PARSER_OPTIONS) as unknown as HeaderDecoder;
    return m.MailParser;
  });
  return loading;
}

function decoder(): HeaderDecoder {
  if (!headerDecoder) throw new MailparserNotLoaded();
  return headerDecoder;
}

/** Header lines decoded as mailparser decodes a message's headers. */
export function processHeaders(lines: HeaderLines): Map<string, unknown> {
  return decoder().processHeaders(lines);
}

/** A header line's value as libmime's decodeHeader gives it (unfolded, trimmed; no RFC 2047 decoding). */
export function headerValue(line: string): string {
  return String(decoder().libmime.decodeHeader(line)?.value ?? '').trim();
}

/** The first address with a name or an address, as the mail's sender. */
export function firstPerson(a: AddressObject | undefined): Person | null {
  const v = a?.value.find((x) => x.address || x.name);
  if (!v) return null;
  return { name: (v.name || v.address || '').trim(), email: (v.address ?? '').trim() };
}
