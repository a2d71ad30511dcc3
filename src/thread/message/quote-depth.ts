// Splits a decoded body into lines with their `>` quote depth removed and counted.
// Mail clients write `> > text`, `>> text` and `> >> text`; each `>` is one level. A marker
// must start the line: an indented `>` is text (a diff context line of a file whose own lines
// begin with `>`). The one space a client puts after the last marker is part
// of the marker, so a quoted diff context line `>  foo` keeps its own leading space.
import type { QuotedLine } from '../../patch/types.js';
import { isBlank } from '../../util/js-space.js';

// Same rule as /^>(?:[ \t]?>)*/ followed by one optional space, read char by char: this runs on
// every body line of every message.
const GT = 62;
const SPACE = 32;
const TAB = 9;

export function quoteDepthOf(line: string): { depth: number; text: string } {
  const at = markersEnd(line, 0);
  return at === 0 ? { depth: 0, text: line } : { depth: markerDepth, text: line.slice(at) };
}

/** Depth of the markers markersEnd() last read (a variable, not an object a line: hot path). */
let markerDepth = 0;

/**
 * Where the text starts after the quote markers at `i` (i itself when there are none), their
 * depth left in markerDepth. The one rule for markers: splitQuoted and quoteDepthOf both use it.
 */
function markersEnd(s: string, i: number): number {
  markerDepth = 0;
  if (s.charCodeAt(i) !== GT) return i;
  i++;
  markerDepth = 1;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === GT) {
      markerDepth++;
      i++;
    } else if ((c === SPACE || c === TAB) && s.charCodeAt(i + 1) === GT) {
      markerDepth++;
      i += 2;
    } else break;
  }
  if (s.charCodeAt(i) === SPACE) i++;
  return i;
}

/**
 * The body's lines (split at LF, a CR before it dropped; no extra empty line after a final
 * newline), each with its depth. Reads the markers straight off the body so a quoted line costs
 * one substring, not a line and then its text.
 */
export function splitQuoted(body: string): QuotedLine[] {
  const out: QuotedLine[] = [];
  const len = body.length;
  let pos = 0;
  while (pos < len) {
    const nl = body.indexOf('\n', pos);
    let end = nl < 0 ? len : nl;
    if (nl > pos && body.charCodeAt(nl - 1) === CR) end--;
    // The chars after `end` are CR, LF or none, so the marker scan can read past it safely.
    const i = pos < end ? markersEnd(body, pos) : pos;
    const depth = pos < end ? markerDepth : 0;
    out.push({ depth, text: body.slice(i, end), lineNo: out.length + 1 });
    pos = nl < 0 ? len : nl + 1;
  }
  return out;
}

const CR = 13;

/** The depths that carry text, for the quote layers (src/thread/tree/quote-layers.ts). */
export function depthsWithText(lines: readonly { depth: number; text: string }[]): Set<number> {
  const out = new Set<number>();
  for (const l of lines) if (!isBlank(l.text)) out.add(l.depth);
  return out;
}
