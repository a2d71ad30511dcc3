// Decides what an input is from its first bytes (and, as a hint only, its name).
import { isFromLine } from './from-line.js';
import type { InputFormat } from '../types.js';

/** How the bytes are laid out: many messages, one message, a bare diff, or an archive copy. */
export type Layout = 'mbox' | 'mail' | 'diff' | 'archive';

export type Sniffed =
  | { layout: Layout; format: InputFormat }
  | { layout: 'gzip' }
  | { problem: string };

/** How much of a stream sniff() wants to see. */
export const SNIFF_BYTES = 64 * 1024;

const HEADER_LINE = /^[!-9;-~]+:/;
const MAIL_HEADER = /^(from|date|subject|message-id|received|return-path|delivered-to|mime-version|content-type|to|in-reply-to|references|x-[a-z-]+):/i;
const DIFF_START = /^(diff (--git |-)|Index: |--- \S|\+\+\+ \S|@@ -\d)/;
const ARCHIVE_FIELD = /^(From|Date): ?\S/;

export function sniff(head: Buffer, name: string): Sniffed {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { layout: 'gzip' };
  if (head.length === 0) return { problem: 'empty file' };
  const lines = head.toString('latin1').split('\n', 200).map((l) => l.replace(/\r$/, ''));
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { problem: 'only blank lines' };
  const isPatchName = /\.(patch|diff)$/i.test(name);
  // `git format-patch` output is an mbox (or a single mail): say "patch" when the name does.
  if (isFromLine(lines[first]!)) return { layout: 'mbox', format: isPatchName ? 'patch' : 'mbox' };
  if (isHeaderBlock(lines, first)) return { layout: 'mail', format: isPatchName ? 'patch' : 'eml' };
  // After the mail checks: an mbox may carry a few NUL bytes (t5100's nul-plain) and still be one.
  if (looksBinary(head)) return { problem: 'binary data, not a mailbox, mail, patch or archive text' };
  if (DIFF_START.test(lines[first]!)) return { layout: 'diff', format: 'patch' };
  if (isArchiveText(lines, first)) return { layout: 'archive', format: 'archive-text' };
  // An mbox with a few stray lines on top: the splitter reports them as not a message.
  if (lines.slice(first, first + 20).some(isFromLine)) return { layout: 'mbox', format: isPatchName ? 'patch' : 'mbox' };
  // A .patch/.diff with some words above the diff (a bare `git diff` with a note).
  if (isPatchName && lines.some((l) => DIFF_START.test(l))) return { layout: 'diff', format: 'patch' };
  return { problem: 'not a mailbox, mail, patch or archive text (no From_ line, mail headers or diff at the top)' };
}

/** NUL and other control bytes in more than 1 of 20 bytes: not text (t5100's nul-plain has a few). */
function looksBinary(head: Buffer): boolean {
  const n = Math.min(head.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) bad++;
  }
  return bad * 20 > n;
}

/** RFC 5322 header lines up to the first blank line, with at least one field a mail has. */
function isHeaderBlock(lines: string[], first: number): boolean {
  // `Re: [PATCH] ...` on the first line is an archive copy's subject, not a header named "Re".
  if (/^(re|aw|sv|fwd?):/i.test(lines[first]!)) return false;
  let sawMailField = false;
  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '') return sawMailField;
    if (/^[ \t]/.test(l) && i > first) continue; // folded continuation
    if (!HEADER_LINE.test(l)) return false;
    if (MAIL_HEADER.test(l)) sawMailField = true;
  }
  return sawMailField;
}

/** A web-archive copy: a subject line, blank line(s), then `From: Name` / `Date: ...` lines. */
function isArchiveText(lines: string[], first: number): boolean {
  let i = first + 1;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const fields = new Set<string>();
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    if (!/^[A-Za-z][A-Za-z-]*:/.test(lines[i]!)) return false; // only `Field: value` lines
    const m = ARCHIVE_FIELD.exec(lines[i]!);
    if (m) fields.add(m[1]!);
  }
  return fields.has('From');
}
