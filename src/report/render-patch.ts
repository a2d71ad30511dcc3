// `review --export DIR`: each variant as a patch `git am` applies, in `git format-patch`'s shape:
// author and subject from the mail (an in-body `From:`/`Subject:` first, as git mailinfo reads
// them), the date of the message, a short body saying where the diff came from, and the diff as
// repaired (tabs restored, counts fixed: what was replayed). The file names number the variants.
import type { VariantReview } from '../replay/types.js';
import type { Person } from '../thread/types.js';
import type { Carrier } from './carriers.js';
import { address, encodeText, header, mailDate } from './mail-headers.js';
import { when } from './review-common.js';
import { wrapLine } from './wrap.js';

/** An author with no address (web-archive text names people only) gets one git accepts and nobody owns. */
const NO_ADDRESS = 'unknown@address.invalid';

export interface ExportedPatch {
  /** `0001-V1-mm-device-exclusive-memory-access.patch` */
  name: string;
  text: string;
}

export function renderPatch(v: VariantReview, c: Carrier, n: number): ExportedPatch {
  const author = patchAuthor(v, c);
  const subject = commitSubject(c.inBody?.subject ?? c.subject);
  const from = address(author.email ? author : { name: author.name || 'Unknown', email: NO_ADDRESS })!;
  const origin = c.messageId ? `<${c.messageId}>` : `message ${v.source.index + 1} of ${v.source.file}`;
  const depth = v.quoteDepth ? `, quoted at depth ${v.quoteDepth}` : '';
  const lines = [
    `From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001`,
    header('From', from),
    ...(c.date ? [header('Date', mailDate(c.date))] : []),
    header('Subject', encodeText(`[PATCH] ${subject}`)),
  ];
  const body = wrapLine(`${v.label} of the thread, as proposed by ${author.name || author.email || 'an unknown author'} in ${origin} (${when(c.date)}${depth}), exported by lkml-replay with the repairs its hunks needed to apply.`, 72);
  if (c.messageId) body.push('', `Link: https://lore.kernel.org/r/${encodeURIComponent(c.messageId).replace(/%40/g, '@')}`);
  const ascii = /^[\x00-\x7f]*$/.test(lines.join('\n') + body.join('\n') + c.diff.text);
  if (!ascii) lines.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit');
  const text = `${lines.join('\n')}\n\n${body.join('\n')}\n---\n${c.diff.text}${c.diff.text.endsWith('\n') ? '' : '\n'}-- \nlkml-replay\n\n`;
  return { name: `${String(n).padStart(4, '0')}-${v.label}-${slug(subject)}.patch`, text };
}

/** In-body `From:` (the patch's author), else the diff's author, else the sender; an address from the sender when the names agree. */
function patchAuthor(v: VariantReview, c: Carrier): Person {
  const a = c.inBody?.from ?? v.author ?? c.from;
  if (!a.email && a.name && a.name === c.from.name) return { name: a.name, email: c.from.email };
  return a;
}

/** `Re: [PATCH v10 07/10] mm: Device exclusive memory access` -> `mm: Device exclusive memory access`. */
function commitSubject(s: string): string {
  let t = s.trim();
  for (;;) {
    const next = t.replace(/^((re|aw|fwd?)\s*:\s*)+/i, '').replace(/^\[[^\]]*\]\s*/, '').trim();
    if (next === t) break;
    t = next;
  }
  return t || '(no subject)';
}

/** git format-patch's file-name slug: runs of other characters become one `-`, at most 52 long. */
function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9._]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 52).replace(/[-.]+$/, '') || 'patch';
}
