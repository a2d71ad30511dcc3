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
const GT = 0x3e;
const FROM_AT_LINE_START = Buffer.from('\nFrom ');
const FROM = Buffer.from('From ');
const QUOTED_FROM = Buffer.from('>From ');

export async function* splitMbox(chunks: AsyncIterable<Buffer>, opts: SplitOptions = {}): AsyncGenerator<MboxEntry> {
  const splitter = new MboxSplitter(opts);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

/**
 * The splitter without the stream: push() takes the next chunk and returns the messages it
 * completed, end() the last one. Synchronous, so a caller can take a chunk's messages at once
 * (one await per chunk, not per message).
 */
export class MboxSplitter {
  private mboxrd: boolean | undefined;
  private index = 0;
  private envelope: string | null = null;
  private parts: Buffer[] = [];
  /** The unfinished last line of the chunks so far. */
  private carry: Buffer[] = [];
  private carryBytes = 0;
  // Messages are contiguous: the next one starts where this one's lines end.
  private lineNo = 1;
  // Bytes of the message being read, and the lines of what was dropped once it got too big.
  private size = 0;
  private droppedLines = 0;
  // The block being scanned starts inside a line (a line longer than the cap was flushed).
  private midLine = false;
  private out: MboxEntry[] = [];

  constructor(opts: SplitOptions = {}) {
    this.mboxrd = opts.mboxrd;
  }

  push(chunk: Buffer): MboxEntry[] {
    const lastNl = chunk.lastIndexOf(NL);
    if (lastNl < 0) {
      this.carry.push(chunk);
      this.carryBytes += chunk.length;
      if (this.carryBytes > MAX_MESSAGE_BYTES) {
        // A line this long is no From_ line: it is message text; stop holding it apart.
        for (const c of this.carry) this.add(c);
        this.carry = [];
        this.carryBytes = 0;
        this.midLine = true;
      }
      return this.take();
    }
    // Whole lines only: the tail after the last newline waits for the next chunk. The carried
    // tail is joined with this chunk's first line only (not the whole chunk: no copy of it).
    let from = 0;
    if (this.carry.length) {
      from = chunk.indexOf(NL) + 1;
      this.carry.push(chunk.subarray(0, from));
      this.scan(Buffer.concat(this.carry));
    }
    if (from <= lastNl) this.scan(chunk.subarray(from, lastNl + 1));
    this.carry = lastNl + 1 < chunk.length ? [chunk.subarray(lastNl + 1)] : [];
    this.carryBytes = this.carry.length ? this.carry[0]!.length : 0;
    return this.take();
  }

  end(): MboxEntry[] {
    if (this.carry.length) this.scan(Buffer.concat(this.carry));
    this.carry = [];
    if (this.envelope !== null || this.parts.length > 0) this.finish();
    return this.take();
  }

  private take(): MboxEntry[] {
    const done = this.out;
    if (done.length) this.out = [];
    return done;
  }

  private add(buf: Buffer): void {
    this.size += buf.length;
    if (this.size <= MAX_MESSAGE_BYTES) {
      this.parts.push(buf);
      return;
    }
    for (const p of this.parts) this.droppedLines += countLines(p);
    this.droppedLines += countLines(buf);
    this.parts = [];
  }

  private finish(): void {
    const start = this.lineNo;
    const envelope = this.envelope;
    if (this.size > MAX_MESSAGE_BYTES) {
      for (const p of this.parts) this.droppedLines += countLines(p);
      this.lineNo += this.droppedLines;
      this.out.push({ index: this.index++, raw: Buffer.alloc(0), envelope, line: start, tooBig: this.size });
      this.parts = [];
      this.size = 0;
      this.droppedLines = 0;
      return;
    }
    const raw = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    this.lineNo += countLines(raw);
    if (envelope === null) {
      // Blank lines before the first From_ line are not a message (git skips them too).
      if (raw.toString('latin1').trim() !== '') this.out.push({ index: this.index++, raw, envelope, line: start });
      return;
    }
    this.out.push({ index: this.index++, raw: this.mboxrd ? unescapeMboxrd(raw) : raw, envelope, line: start });
  }

  /** `block` holds whole lines (or, after a flushed long line, starts inside one). */
  private scan(block: Buffer): void {
    let segStart = 0;
    let s = !this.midLine && block.subarray(0, FROM.length).equals(FROM) ? 0 : nextFromLine(block, 0);
    this.midLine = false;
    while (s >= 0) {
      let e = block.indexOf(NL, s);
      if (e < 0) e = block.length;
      const line = block.toString('latin1', s, block[e - 1] === 0x0d ? e - 1 : e);
      if (isFromLine(line)) {
        if (s > segStart) this.add(block.subarray(segStart, s));
        if (this.envelope !== null || this.parts.length > 0) this.finish();
        this.envelope = line;
        this.lineNo++; // the From_ line itself
        if (this.mboxrd === undefined) this.mboxrd = isMboxrdFromLine(line);
        segStart = e + 1;
      }
      s = nextFromLine(block, e);
    }
    if (segStart < block.length) this.add(block.subarray(segStart));
  }
}

/**
 * Newlines in `raw`, four bytes at a time (a zero-byte test on each 32-bit word XOR "\n\n\n\n"):
 * every message is counted for its line number, so this runs over the whole file.
 */
export function countLines(raw: Buffer): number {
  const len = raw.length;
  let n = 0;
  let i = 0;
  const lead = Math.min(len, (4 - (raw.byteOffset & 3)) & 3);
  for (; i < lead; i++) if (raw[i] === NL) n++;
  const words = (len - i) >>> 2;
  if (words > 0) {
    const u32 = new Uint32Array(raw.buffer, raw.byteOffset + i, words);
    for (let k = 0; k < words; k++) {
      const x = u32[k]! ^ 0x0a0a0a0a;
      // High bit of each byte of t set where that byte of x is zero (exact: no carries across bytes).
      const t = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
      if (t !== 0) n += Math.imul(t >>> 7, 0x01010101) >>> 24;
    }
    i += words * 4;
  }
  for (; i < len; i++) if (raw[i] === NL) n++;
  return n;
}

function nextFromLine(block: Buffer, from: number): number {
  const i = block.indexOf(FROM_AT_LINE_START, from);
  return i < 0 ? -1 : i + 1;
}

/**
 * mboxrd: a body line `>From `, `>>From ` ... was escaped by adding one `>`; take it away.
 * Searches `>From ` itself (rare) rather than every quoted line (a reply has hundreds).
 */
export function unescapeMboxrd(raw: Buffer): Buffer {
  let out: Buffer[] | null = null;
  let copied = 0;
  for (let i = raw.indexOf(QUOTED_FROM); i >= 0; i = raw.indexOf(QUOTED_FROM, i + QUOTED_FROM.length)) {
    // Back over the other `>`s of `>>From `: escaped only when they start the line.
    let p = i;
    while (p > 0 && raw[p - 1] === GT) p--;
    if (p === 0 || raw[p - 1] === NL) {
      (out ??= []).push(raw.subarray(copied, p));
      copied = p + 1;
    }
  }
  if (out === null) return raw;
  out.push(raw.subarray(copied));
  return Buffer.concat(out);
}
