// Access to the shared conformance corpus (../shared/conformance beside the checkout). Files
// are read in place, never copied into the project. When the folder is absent the conformance
// suites skip and say so.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parsePatch } from 'diff';
import { readInput } from '../../src/thread/input/read-input.js';
import { decodeMessage } from '../../src/thread/mime/decode-message.js';
import type { DecodedMail } from '../../src/thread/mime/decoded-mail.js';
import type { FoundDiff } from '../../src/patch/index.js';

// LKML_REPLAY_SHARED points elsewhere (the thread suites honour it too).
const SHARED = process.env.LKML_REPLAY_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPUS = join(SHARED, 'conformance') + '/';
export const HAVE_CORPUS = existsSync(CORPUS);

export function skipNote(suite: string): void {
  if (!HAVE_CORPUS) console.warn(`${suite}: skipped, the conformance corpus ${CORPUS} is not here`);
}

/** Every message of an mbox/mail file, decoded (the thread side's reader and decoder). */
export async function messagesOf(path: string): Promise<DecodedMail[]> {
  const out: DecodedMail[] = [];
  for await (const m of readInput(path)) out.push(await decodeMessage(m.raw));
  return out;
}

export const isReply = (subject: string): boolean => /^re[:\s]/i.test(subject.trim());

/**
 * On a diff that needed no repair, our reading must equal jsdiff's strict one over the same
 * body lines: same files, same hunk headers, same lines.
 */
export function strictReadingDiffers(bodyLines: string[], d: FoundDiff): string | null {
  if (d.repairs.length > 0 || d.quoteDepth !== 0) return null;
  const segment = bodyLines.slice(d.firstLine - 1, d.lastLine).join('\n') + '\n';
  let strict;
  try {
    strict = parsePatch(segment).filter((p) => p.hunks.length > 0);
  } catch (e) {
    return `jsdiff rejects the original lines ${d.firstLine}-${d.lastLine}: ${(e as Error).message}`;
  }
  const ours = d.files.filter((f) => f.hunks.length > 0);
  if (strict.length !== ours.length) return `files: jsdiff ${strict.length}, ours ${ours.length}`;
  for (let i = 0; i < ours.length; i++) {
    const a = strict[i]!.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines, h.lines.filter((l) => !l.startsWith('\\'))]);
    const b = ours[i]!.hunks.map((h) => [
      h.oldLines === 0 ? h.oldStart + 1 : h.oldStart, // jsdiff's convention for empty sides
      h.oldLines,
      h.newLines === 0 ? h.newStart + 1 : h.newStart,
      h.newLines,
      h.lines.map((l) => l.op + l.text),
    ]);
    if (JSON.stringify(a) !== JSON.stringify(b)) return `file ${i}: hunks differ from jsdiff's`;
  }
  return null;
}
