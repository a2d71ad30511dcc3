// Our own streaming mbox splitter. It reads chunks and hands out one message at a time, so a
// 1 GB mbox is split in flat memory. Only lines that start with `From ` are looked at
// closely (found with Buffer.indexOf, not line by line), which keeps it near `git mailsplit`
// speed. Bytes are kept as they are (CRLF included); decoding is decodeMessage()'s job.
import { isFromLine, isMboxrdFromLine } from './from-line.js';

export interface MboxEntry {
  /** 0-based position in the mbox. */
  index: number;
  /** The message without its From_ line (mboxrd `>From ` already unescaped). */
  raw: Buffer;
  /** The From_ line, or null for text found before the first one. */
  envelope: string | null;
  /** 1-based line of the mbox file where `raw` starts (the line after the From_ line). */
  line: number;
  /** Set (to the message's size) when it was larger than MAX_MESSAGE_BYTES: `raw` is then empty. */
  tooBig?: number;
}

/**
 * Largest message kept. LKML mails are at most a few MB; anything past this (a gzip bomb's one
 * endless message, a line with no end) is counted, not held, so memory stays flat.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 ** 2;

export interface SplitOptions {
  /** Unescape `>From ` lines. Default: only when the first From_ line is lore's `From mboxrd@z`. */
  mboxrd?: boolean;
}

const NL = 0x0a;
const FROM_AT_LINE_START = Buffer.from('\nFrom ');
const FROM = Buffer.from('From ');

export async function* splitMbox(
  chunks: AsyncIterable<Buffer>,
  opts: SplitOptions = {},
): AsyncGenerator<MboxEntry> {
  let mboxrd = opts.mboxrd;
  let index = 0;
  let envelope: string | null = null;
  let parts: Buffer[] = [];
  let carry: Buffer[] = [];
  let carryBytes = 0;
  // Messages are contiguous: the next one starts where this one's lines end.
  let lineNo = 1;
  // Bytes of the message being read, and the lines of what was dropped once it got too big.
  let size = 0;
  let droppedLines = 0;
  // The block being scanned starts inside a line (a line longer than the cap was flushed).
  let midLine = false;

  function add(buf: Buffer): void {
    size += buf.length;
    if (size <= MAX_MESSAGE_BYTES) {
      parts.push(buf);
      return;
    }
    for (const p of parts) droppedLines += countLines(p);
    droppedLines += countLines(buf);
    parts = [];
  }

  function* finish(): Generator<MboxEntry> {
    const start = lineNo;
    if (size > MAX_MESSAGE_BYTES) {
      for (const p of parts) droppedLines += countLines(p);
      lineNo += droppedLines;
      yield { index: index++, raw: Buffer.alloc(0), envelope, line: start, tooBig: size };
      parts = [];
      size = 0;
      droppedLines = 0;
      return;
    }
    const raw = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    parts = [];
    size = 0;
    lineNo += countLines(raw);
    if (envelope === null) {
      // Blank lines before the first From_ line are not a message (git skips them too).
      if (raw.toString('latin1').trim() !== '') yield { index: index++, raw, envelope, line: start };
      return;
    }
    yield { index: index++, raw: mboxrd ? unescapeMboxrd(raw) : raw, envelope, line: start };
  }

  function* scan(block: Buffer): Generator<MboxEntry> {
    let segStart = 0;
    let s = !midLine && block.subarray(0, FROM.length).equals(FROM) ? 0 : nextFromLine(block, 0);
    midLine = false;
    while (s >= 0) {
      let e = block.indexOf(NL, s);
      if (e < 0) e = block.length;
      const line = block.toString('latin1', s, e).replace(/\r$/, '');
      if (isFromLine(line)) {
        if (s > segStart) add(block.subarray(segStart, s));
        if (envelope !== null || parts.length > 0) yield* finish();
        envelope = line;
        lineNo++; // the From_ line itself
        if (mboxrd === undefined) mboxrd = isMboxrdFromLine(line);
        segStart = e + 1;
      }
      s = nextFromLine(block, e);
    }
    if (segStart < block.length) add(block.subarray(segStart));
  }

  for await (const chunk of chunks) {
    const lastNl = chunk.lastIndexOf(NL);
    if (lastNl < 0) {
      carry.push(chunk);
      carryBytes += chunk.length;
      if (carryBytes > MAX_MESSAGE_BYTES) {
        // A line this long is no From_ line: it is message text; stop holding it apart.
        for (const c of carry) add(c);
        carry = [];
        carryBytes = 0;
        midLine = true;
      }
      continue;
    }
    // Whole lines only: the tail after the last newline waits for the next chunk.
    const head = chunk.subarray(0, lastNl + 1);
    const block = carry.length ? Buffer.concat([...carry, head]) : head;
    carry = lastNl + 1 < chunk.length ? [chunk.subarray(lastNl + 1)] : [];
    carryBytes = carry.length ? carry[0]!.length : 0;
    yield* scan(block);
  }
  if (carry.length) yield* scan(Buffer.concat(carry));
  if (envelope !== null || parts.length > 0) yield* finish();
}

function countLines(raw: Buffer): number {
  let n = 0;
  for (let i = raw.indexOf(NL); i >= 0; i = raw.indexOf(NL, i + 1)) n++;
  return n;
}

function nextFromLine(block: Buffer, from: number): number {
  const i = block.indexOf(FROM_AT_LINE_START, from);
  return i < 0 ? -1 : i + 1;
}

/** mboxrd: a body line `>From `, `>>From ` ... was escaped by adding one `>`; take it away. */
export function unescapeMboxrd(raw: Buffer): Buffer {
  const out: Buffer[] = [];
  let copied = 0;
  let p = raw[0] === GT ? 0 : quoteAtLineStart(raw, 0);
  while (p >= 0) {
    let q = p;
    while (raw[q] === GT) q++;
    if (raw.subarray(q, q + FROM.length).equals(FROM)) {
      out.push(raw.subarray(copied, p));
      copied = p + 1;
    }
    p = quoteAtLineStart(raw, q);
  }
  if (copied === 0) return raw;
  out.push(raw.subarray(copied));
  return Buffer.concat(out);
}

const GT = 0x3e;

function quoteAtLineStart(raw: Buffer, from: number): number {
  const i = raw.indexOf('\n>', from);
  return i < 0 ? -1 : i + 1;
}
