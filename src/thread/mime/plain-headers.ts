// The header block of a raw mail read straight from its bytes, for the plain-text fast path
// (mime-decode.ts): where the block ends, how many header fields it holds, and the few fields
// DecodedMail needs, each unfolded and trimmed exactly as mailsplit's Headers and libmime's
// decodeHeader do it (lines split at LF with one CR before it dropped, a fold and the blanks
// after it read as one space, JavaScript's trim on the Latin-1 text).
// Whatever is off the shape this reader is sure about (a line without a colon, a bare CR in a
// field it reads, an mbox or HTTP preamble line, no blank line, a block over 64 KiB) makes it
// answer null, and mailsplit reads that mail instead.

/** Largest header block the fast path takes (mailparser refuses past 1 MiB; leave the odd ones to it). */
export const MAX_FAST_HEADER = 64 * 1024;

/** The fields the fast path reads; the index is the field's id. */
export const FIELD_NAMES = [
  'from',
  'subject',
  'message-id',
  'in-reply-to',
  'references',
  'date',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
] as const;

export const FROM = 0;
export const SUBJECT = 1;
export const MESSAGE_ID = 2;
export const IN_REPLY_TO = 3;
export const REFERENCES = 4;
export const DATE = 5;
export const CONTENT_TYPE = 6;
export const TRANSFER_ENCODING = 7;
export const DISPOSITION = 8;

/** One occurrence of a field the fast path reads. */
export interface Field {
  /** First byte of its line. */
  start: number;
  /** End of its last line, before the LF and one CR in front of it. */
  end: number;
  /** Whether continuation lines follow the first one. */
  folded: boolean;
  /** The value as libmime's decodeHeader gives it: unfolded, trimmed, one char per byte (Latin-1). */
  text: string;
}

export interface PlainHeaders {
  /** Offset of the body: the byte after the blank line. */
  bodyStart: number;
  /** Header fields in the block, as many as mailsplit's header lines. */
  count: number;
  /** Occurrences of each read field, in order, by field id (undefined: the mail has none). */
  fields: (Field[] | undefined)[];
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/** Field ids by name length, so most header lines are dismissed on their length alone. */
const BY_LENGTH: number[][] = [];
const NAME_BYTES = FIELD_NAMES.map((n) => Buffer.from(n, 'latin1'));
FIELD_NAMES.forEach((n, id) => (BY_LENGTH[n.length] ??= []).push(id));

/** The mail's header block, or null when mailsplit has to read it. */
export function readPlainHeaders(raw: Buffer): PlainHeaders | null {
  const fields: (Field[] | undefined)[] = new Array<Field[] | undefined>(FIELD_NAMES.length);
  let count = 0;
  let pos = 0;
  // A first line that folds, or an `mbox From ` / `POST ` preamble, is read specially by mailsplit.
  if (isBlank(raw[0]) || startsWith(raw, MBOX_PREAMBLE) || startsWith(raw, HTTP_PREAMBLE)) return null;
  for (;;) {
    let nl = raw.indexOf(LF, pos);
    if (nl < 0 || nl > MAX_FAST_HEADER) return null; // no body, or a huge header block
    if (nl === pos || (nl === pos + 1 && raw[pos] === CR)) {
      // The blank line; an empty header block is left to mailsplit (it reads one empty field there).
      return count === 0 ? null : { bodyStart: nl + 1, count, fields };
    }
    const colon = raw.indexOf(COLON, pos);
    if (colon < 0 || colon > nl) return null; // mailsplit may take the name from a continuation line
    const start = pos;
    let folded = false;
    while (isBlank(raw[nl + 1])) {
      folded = true;
      nl = raw.indexOf(LF, nl + 1);
      if (nl < 0 || nl > MAX_FAST_HEADER) return null;
    }
    pos = nl + 1;
    count++;
    const id = fieldId(raw, start, colon);
    if (id < 0) continue;
    const end = nl > start && raw[nl - 1] === CR ? nl - 1 : nl;
    let text = raw.toString('latin1', colon + 1, end);
    if (folded) text = text.replace(/\r?\n[ \t]*/g, ' ');
    if (text.includes('\r')) return null; // a bare CR: libmime and mailsplit read it in ways of their own
    const f: Field = { start, end, folded, text: text.trim() };
    const list = fields[id];
    if (list) list.push(f);
    else fields[id] = [f];
  }
}

/** The field's line as mailsplit hands it to mailparser's processHeaders (folds joined by CRLF). */
export function mailsplitLine(raw: Buffer, f: Field): string {
  const line = raw.toString('latin1', f.start, f.end);
  return f.folded ? line.replace(/\r?\n/g, '\r\n') : line;
}

/** A field's Latin-1 text as mailparser turns it into a string: its bytes read as UTF-8. */
export function utf8Of(latin1: string): string {
  return /[^\x00-\x7f]/.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
}

/** The id of the field named by raw[start, colon), trimmed and in any case as mailsplit compares names; -1 if not read. */
function fieldId(raw: Buffer, start: number, colon: number): number {
  let s = start;
  let e = colon;
  while (s < e && isTrimmed(raw[s]!)) s++;
  while (e > s && isTrimmed(raw[e - 1]!)) e--;
  const ids = BY_LENGTH[e - s];
  if (!ids) return -1;
  for (const id of ids) if (sameName(raw, s, NAME_BYTES[id]!)) return id;
  return -1;
}

/** raw at `at` spells `name` (lower-case ASCII) in any case. */
function sameName(raw: Buffer, at: number, name: Buffer): boolean {
  for (let i = 0; i < name.length; i++) {
    const b = raw[at + i]!;
    const c = name[i]!;
    // Only a letter may differ, by case; `| 0x20` would also let CR pass for '-'.
    if (b !== c && !(c >= 0x61 && c <= 0x7a && b === c - 0x20)) return false;
  }
  return true;
}

const MBOX_PREAMBLE = Buffer.from('from ', 'latin1');
const HTTP_PREAMBLE = Buffer.from('post ', 'latin1');

function startsWith(raw: Buffer, word: Buffer): boolean {
  return raw.length >= word.length && sameName(raw, 0, word);
}

/** A byte that folds a line onto the one before (mailsplit's folding characters). */
function isBlank(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09;
}

/** What String.prototype.trim drops from a Latin-1 string: TAB..CR, space, NBSP. */
function isTrimmed(b: number): boolean {
  return (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0;
}
