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

export function splitQuoted(body: string): QuotedLine[] {
  const raw = body.includes('\r') ? body.split(/\r?\n/) : body.split('\n');
  // A body ending in a newline does not have an extra empty last line.
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const out: QuotedLine[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const q = quoteDepthOf(raw[i]!);
    out[i] = { depth: q.depth, text: q.text, lineNo: i + 1 };
  }
  return out;
}
