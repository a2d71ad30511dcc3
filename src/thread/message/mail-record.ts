// Stage one of parsing: everything about one message that does not need the rest of the thread.
// Records keep the diffs and the attribution facts, not the body, so memory stays small on
// big mboxes; stage two (parse-thread.ts) adds the tree, quote-layer fallback and diff links.
import { basename } from 'node:path';
import type { FoundDiff, QuotedLine } from '../../patch/index.js';
import { findDiffs, isPatchBreakLine, parseDiffText } from '../../patch/index.js';
import { depthsWithText, splitQuoted } from './quote-depth.js';
import type { DecodedMail } from '../mime/decoded-mail.js';
import { decodeMessage } from '../mime/decode-message.js';
import { parseArchiveText } from '../mime/archive-text.js';
import type { RawMail } from '../input/read-input.js';
import { synthesiseId } from '../mime/message-ids.js';
import { bumpOutlookQuotes } from './outlook-blocks.js';
import { findAttributions, type Attribution } from './attribution.js';
import { findTrailers } from './trailers.js';
import { inBodyHeaders } from './inbody-headers.js';
import { splitSubject, tagsOf } from './subject-tags.js';
import { bodyLineIn } from './body-line.js';
import type { InBodyHeaders, MessagePosition, MessageSource, Person, SeriesFacts, SubjectTags, Trailer } from '../types.js';
import { findSeriesFacts } from './series-facts.js';

export interface MailRecord {
  id: string;
  idSynthesised: boolean;
  from: Person;
  date: Date | null;
  subject: string;
  tags: SubjectTags | null;
  /** Reply marker in the subject: then the mail is no patch submission. */
  reply: boolean;
  inReplyTo: string | null;
  references: string[];
  source: MessageSource;
  attributions: Attribution[];
  textDepths: Set<number>;
  found: FoundDiff[];
  /** In-body headers after a depth-0 scissors line: who wrote a `-- >8 --` patch in a reply. */
  scissorsAuthor: Person | null;
  trailers: Trailer[];
  series: SeriesFacts;
  inBody: InBodyHeaders | null;
  position: MessagePosition;
}

export class BrokenMessage extends Error {}

/** Decodes one raw mail and extracts its own facts; throws BrokenMessage when it is no message. */
export async function readMail(raw: RawMail): Promise<MailRecord> {
  if (raw.problem !== undefined) throw new BrokenMessage(raw.problem);
  if (raw.orphan) throw new BrokenMessage(`${raw.raw.length} bytes before the first From_ line are not a message`);
  const source: MessageSource = { file: raw.file, index: raw.index, format: raw.format };
  if (raw.layout === 'diff') return bareDiff(raw, source);
  if (raw.layout === 'mbox' && !startsWithHeaders(raw.raw)) throw new BrokenMessage('no mail headers after the From_ line');
  let mail: DecodedMail;
  try {
    mail = raw.layout === 'archive' ? parseArchiveText(raw.raw.toString('utf8')) : await decodeMessage(raw.raw);
  } catch (err) {
    throw new BrokenMessage(`cannot decode: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!mail.hasHeaders && mail.body.trim() === '') throw new BrokenMessage('empty message');
  const at = bodyLineIn(raw.raw, mail.body);
  return fromDecoded(mail, source, raw.raw, { line: raw.line, body: at === null ? null : raw.line + at });
}

function fromDecoded(mail: DecodedMail, source: MessageSource, raw: Buffer, position: MessagePosition): MailRecord {
  const subjectParts = splitSubject(mail.subject);
  const patchMail = !subjectParts.reply;
  const outlook = bumpOutlookQuotes(splitQuoted(mail.body));
  const lines = outlook.lines;
  const found = findDiffs(lines, { patchMail });
  for (const part of mail.parts) {
    const d = parseDiffText(part.text, 'attachment');
    if (d) found.push(d);
  }
  const inDiff = (n: number): boolean =>
    found.some((d) => d.origin !== 'attachment' && n >= d.firstLine && n <= d.lastLine);
  const patchStart = patchPartStart(lines);
  // git mailinfo reads in-body headers of any mail that has a patch part, reply or not.
  const inBody = patchStart >= 0 ? inBodyHeaders(firstLines(mail.body, patchStart)) : null;
  // Trailers end at the patch break only in a patch submission; a reply's `---` is prose.
  const trailerScope = { inDiff, ...(patchMail && patchStart >= 0 ? { endLine: patchStart + 1 } : {}) };
  const scissorsAuthor = found.some((d) => d.origin === 'scissors' && d.quoteDepth === 0)
    ? (inBodyHeaders(depthZeroText(lines), { scissors: true })?.from ?? null)
    : null;
  const from = mail.from ?? { name: '', email: '' };
  const id = mail.messageId ?? synthesiseId(raw);
  const attributions = findAttributions(lines);
  return {
    id,
    idSynthesised: mail.messageId === null,
    from,
    date: mail.date,
    subject: mail.subject,
    tags: tagsOf(subjectParts),
    reply: subjectParts.reply,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    source,
    attributions: outlook.attributions.length ? attributions.concat(outlook.attributions) : attributions,
    textDepths: depthsWithText(lines),
    found,
    scissorsAuthor,
    trailers: findTrailers(lines, trailerScope),
    series: findSeriesFacts(lines, trailerScope),
    inBody,
    position,
  };
}

/** `body.split('\n').slice(0, n)` without splitting the rest of the body. */
function firstLines(body: string, n: number): string[] {
  const out: string[] = [];
  let pos = 0;
  while (out.length < n) {
    const nl = body.indexOf('\n', pos);
    if (nl < 0) {
      out.push(body.slice(pos));
      break;
    }
    out.push(body.slice(pos, nl));
    pos = nl + 1;
  }
  return out;
}

function depthZeroText(lines: QuotedLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) if (l.depth === 0) out.push(l.text);
  return out;
}

/** 0-based body line where git's patch part starts, as the diff finder sees it (quotes never break), or -1. */
function patchPartStart(lines: QuotedLine[]): number {
  // patchBreak over the depth-0 texts with quoted lines as `>` (never a break), without
  // building that array for every mail.
  for (const l of lines) if (l.depth === 0 && isPatchBreakLine(l.text)) return l.lineNo - 1;
  return -1;
}

/** A .patch/.diff (or stdin) holding only a diff: a message with no headers. */
function bareDiff(raw: RawMail, source: MessageSource): MailRecord {
  const text = raw.raw.toString('utf8').replace(/\r\n/g, '\n');
  const d = parseDiffText(text, 'patch');
  if (!d) throw new BrokenMessage('no diff found');
  const subject = raw.file === '<stdin>' ? '(diff on standard input)' : basename(raw.file);
  return {
    id: synthesiseId(text),
    idSynthesised: true,
    from: { name: '', email: '' },
    date: null,
    subject,
    tags: null,
    reply: false,
    inReplyTo: null,
    references: [],
    source,
    attributions: [],
    textDepths: new Set([0]),
    found: [d],
    scissorsAuthor: null,
    trailers: [],
    series: { baseCommit: null, changeId: null },
    inBody: null,
    // The diff's line numbers count the file's own lines.
    position: { line: raw.line, body: raw.line },
  };
}

/** After the From_ line comes a header field or the blank line that ends an empty header. */
function startsWithHeaders(raw: Buffer): boolean {
  // /^[!-9;-~]+:/ on the first line, or that line is empty (a CR before its LF aside), read
  // off the bytes: this runs on every message.
  let i = 0;
  for (;;) {
    const b = raw[i];
    if (b === undefined || b < 0x21 || b > 0x7e || b === COLON) break;
    i++;
  }
  if (i > 0) return raw[i] === COLON;
  const b0 = raw[0];
  return b0 === undefined || b0 === LF || (b0 === CR && (raw.length === 1 || raw[1] === LF));
}

const COLON = 0x3a;
const LF = 0x0a;
const CR = 0x0d;
