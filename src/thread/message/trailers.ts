// Trailers the sender wrote (`Reviewed-by: Name <email>` ...): only depth-0 lines, not inside
// a diff, not in the signature, and for a patch mail only in the commit message (before the
// patch break). `> Reviewed-by:` in a quote is someone else's and is not taken (patchwork, b4).
import type { QuotedLine } from '../../patch/types.js';
import type { Trailer } from '../types.js';

const TRAILER_KEYS = [
  'Signed-off-by',
  'Reviewed-by',
  'Acked-by',
  'Tested-by',
  'Reported-by',
  'Suggested-by',
  'Fixes',
  'Link',
] as const;

const BY_LOWER = new Map(TRAILER_KEYS.map((k) => [k.toLowerCase(), k]));
const TRAILER_LINE = /^([A-Za-z][A-Za-z-]*):\s*(\S.*?)\s*$/;

export interface TrailerScope {
  /** 1-based body line numbers that belong to a diff. */
  inDiff: (lineNo: number) => boolean;
  /** Lines from this 1-based line number on are not the commit message/reply text. */
  endLine?: number;
}

export function findTrailers(lines: QuotedLine[], scope: TrailerScope): Trailer[] {
  const out: Trailer[] = [];
  for (const l of lines) {
    if (scope.endLine !== undefined && l.lineNo >= scope.endLine) break;
    if (l.depth === 0 && isSignatureSeparator(l.text)) break;
    if (l.depth !== 0 || scope.inDiff(l.lineNo)) continue;
    const t = parseTrailer(l.text);
    if (t) out.push(t);
  }
  return out;
}

export function parseTrailer(text: string): Trailer | null {
  const m = TRAILER_LINE.exec(text);
  if (!m) return null;
  const key = BY_LOWER.get(m[1]!.toLowerCase());
  if (!key) return null;
  return { key, value: cleanValue(m[2]!) };
}

/** `Name <a@b<mailto:a@b>>` (Outlook's HTML-to-text) becomes `Name <a@b>`. */
function cleanValue(v: string): string {
  // The pattern holds two `<`; a value with fewer (nearly all) has nothing to clean.
  if (v.indexOf('<') === v.lastIndexOf('<')) return v;
  return v.replace(/<([^<>\s]+@[^<>\s]+)<mailto:\1>>/gi, '<$1>');
}

/** `-- ` (with its space) starts a signature; `--` alone does not (b4 and git agree). */
export function isSignatureSeparator(text: string): boolean {
  return text === '-- ';
}
