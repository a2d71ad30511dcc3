// Splits a decoded body into lines with their `>` quote depth removed and counted.
// Mail clients write `> > text`, `>> text` and `> >> text`; each `>` is one level. A marker
// must start the line: an indented `>` is text (a diff context line of a file whose own lines
// begin with `>`). The one space a client puts after the last marker is part
// of the marker, so a quoted diff context line `>  foo` keeps its own leading space.
import type { QuotedLine } from '../patch/types.js';

// Same rule as /^>(?:[ \t]?>)*/ followed by one optional space, read char by char: this runs on
// every body line of every message.
const GT = 62;
const SPACE = 32;
const TAB = 9;

export function quoteDepthOf(line: string): { depth: number; text: string } {
  if (line.charCodeAt(0) !== GT) return { depth: 0, text: line };
  let i = 1;
  let depth = 1;
  for (;;) {
    const c = line.charCodeAt(i);
    if (c === GT) {
      depth++;
      i++;
    } else if ((c === SPACE || c === TAB) && line.charCodeAt(i + 1) === GT) {
      depth++;
      i += 2;
    } else break;
  }
  if (line.charCodeAt(i) === SPACE) i++;
  return { depth, text: line.slice(i) };
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
    let i = pos;
    let depth = 0;
    if (body.charCodeAt(i) === GT && i < end) {
      i++;
      depth = 1;
      for (;;) {
        const c = body.charCodeAt(i);
        if (c === GT) {
          depth++;
          i++;
        } else if ((c === SPACE || c === TAB) && body.charCodeAt(i + 1) === GT) {
          depth++;
          i += 2;
        } else break;
      }
      if (body.charCodeAt(i) === SPACE) i++;
    }
    out.push({ depth, text: body.slice(i, end), lineNo: out.length + 1 });
    pos = nl < 0 ? len : nl + 1;
  }
  return out;
}

const CR = 13;
