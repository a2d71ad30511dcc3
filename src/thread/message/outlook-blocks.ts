// Outlook quotes without `>`: a `-----Original Message-----` line (or a `____` rule right
// before `From:`), a header block (`From: Name [mailto:email]`, `Sent:`, `To:`, `Subject:`),
// then the original text to the end of the mail. We treat that text as one quote level
// deeper, so a diff inside it is attributed to the original author, not the sender.
import type { QuotedLine } from '../../patch/types.js';
import type { Attribution } from './attribution.js';
import { parsePerson } from '../mime/person.js';
import { isJsSpace } from '../../util/js-space.js';

const ORIGINAL_MESSAGE = /^-{3,}\s*Original Message\s*-{3,}\s*$/i;
const RULE = /^_{10,}\s*$/;
const HEADER = /^(From|Sent|Date|To|Cc|Subject|Von|Gesendet|An|Betreff):\s*(.*)$/i;

export interface OutlookResult {
  lines: QuotedLine[];
  attributions: Attribution[];
}

export function bumpOutlookQuotes(lines: QuotedLine[]): OutlookResult {
  // Nearly every mail has no block: then the lines are the result as they are.
  let i0 = 0;
  while (i0 < lines.length && !startsOutlookBlock(lines, i0)) i0++;
  if (i0 === lines.length) return { lines, attributions: [] };
  const out: QuotedLine[] = lines.slice(0, i0);
  const attributions: Attribution[] = [];
  let extra = 0;
  for (let i = i0; i < lines.length; i++) {
    const l = lines[i]!;
    const depth = l.depth + extra;
    if (startsOutlookBlock(lines, i)) {
      // The marker and its header block stay at this depth (they are the attribution).
      let j = i + 1;
      let person = null;
      for (; j < lines.length && lines[j]!.depth === l.depth; j++) {
        const h = HEADER.exec(lines[j]!.text.trim());
        if (!h) break;
        if (/^(from|von)$/i.test(h[1]!)) person = parsePerson(h[2]!);
      }
      for (let k = i; k < j; k++) out.push({ ...lines[k]!, depth: lines[k]!.depth + extra });
      if (person && (person.name || person.email)) attributions.push({ depth: depth + 1, person, lineNo: l.lineNo });
      extra++;
      i = j - 1;
      continue;
    }
    out.push(extra ? { ...l, depth } : l);
  }
  return { lines: out, attributions };
}

function startsOutlookBlock(lines: QuotedLine[], i: number): boolean {
  // Both forms start (after blanks) with `-` or `_`: most lines are out after their first
  // visible char. Other whitespace than space/tab in front gets the full look.
  const raw = lines[i]!.text;
  let k = 0;
  let c = raw.charCodeAt(0);
  while (c === SPACE || c === TAB) c = raw.charCodeAt(++k);
  if (c !== DASH && c !== UNDERSCORE && (Number.isNaN(c) || !isJsSpace(c))) return false;
  const t = raw.trim();
  if (ORIGINAL_MESSAGE.test(t)) return true;
  const next = lines[i + 1];
  return RULE.test(t) && next !== undefined && /^(From|Von):\s*\S/i.test(next.text.trim());
}

const SPACE = 32;
const TAB = 9;
const DASH = 45;
const UNDERSCORE = 95;
