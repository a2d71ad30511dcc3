// Whether a mail read by plain-headers.ts is a plain-text body the fast path may hand out as it
// is, decided from Content-Type, Content-Transfer-Encoding and Content-Disposition as mailsplit's
// MimeNode decides it, for the simple ASCII shapes only: `text/plain; charset=us-ascii`,
// `charset="UTF-8"`, `7bit`, `inline`. Anything else (comments, RFC 2231 parameters, quoting
// beyond a bare token, a parameter twice, 8-bit bytes) is 'unsure' and left to MimeNode.
import { CONTENT_TYPE, DISPOSITION, TRANSFER_ENCODING, type PlainHeaders } from './plain-headers.js';

/** plain: the body is the text; mime: it needs mailparser; unsure: ask mailsplit. */
export type PlainBody = 'plain' | 'mime' | 'unsure';

const ASCII_OR_UTF8 = new Set(['ascii', 'usascii', 'utf8']);
const NO_TRANSFER_ENCODING = new Set(['', '7bit', '8bit', 'binary']);

/** Printable ASCII and tab only: what the shapes below are written for. */
const PLAIN_ASCII = /^[\t\x20-\x7e]*$/;
/** A bare `type/subtype` up to the first `;`: that is the content type, whatever the parameters. */
const TYPE = /^([A-Za-z0-9!#$%&'+.^_`|~-]+\/[A-Za-z0-9!#$%&'+.^_`|~-]+)[ \t]*(?:;|$)/;
/** `type/subtype` then `; name=token` or `; name="token"` parameters, nothing else. */
const CONTENT_TYPE_SHAPE =
  /^([A-Za-z0-9!#$%&'+.^_`|~-]+\/[A-Za-z0-9!#$%&'+.^_`|~-]+)((?:[ \t]*;[ \t]*[A-Za-z0-9_.-]+=(?:[A-Za-z0-9!#$%&'+.^_`|~-]+|"[A-Za-z0-9!#$%&'+.^_`|~-]+"))*)$/;
const PARAMETER = /;[ \t]*([A-Za-z0-9_.-]+)=("?)([^";\t ]+)\2/g;

export function plainBody(h: PlainHeaders): PlainBody {
  const ct = h.fields[CONTENT_TYPE]?.[0]?.text;
  const cte = h.fields[TRANSFER_ENCODING]?.[0]?.text ?? '';
  const cd = h.fields[DISPOSITION]?.[0]?.text;
  if (cd !== undefined && !/^inline$/i.test(cd)) return 'unsure';
  if (!PLAIN_ASCII.test(cte) || cte.includes('(')) return 'unsure';
  if (!NO_TRANSFER_ENCODING.has(cte.toLowerCase().trim())) return 'mime';
  // No Content-Type (and no attachment disposition): text/plain in no charset.
  if (ct === undefined) return 'plain';
  if (!PLAIN_ASCII.test(ct)) return 'unsure';
  const type = TYPE.exec(ct);
  if (type && type[1]!.toLowerCase() !== 'text/plain') return 'mime';
  const m = CONTENT_TYPE_SHAPE.exec(ct);
  if (!m || m[1]!.toLowerCase() !== 'text/plain') return 'unsure';
  const params = new Map<string, string>();
  for (const p of m[2]!.matchAll(PARAMETER)) {
    const name = p[1]!.toLowerCase();
    if (params.has(name)) return 'unsure';
    params.set(name, p[3]!);
  }
  if (params.get('format')?.toLowerCase() === 'flowed') return 'mime';
  const charset = params.get('charset');
  if (charset !== undefined && !ASCII_OR_UTF8.has(charset.toLowerCase().replace(/[^a-z0-9]+/g, ''))) return 'mime';
  return 'plain';
}
