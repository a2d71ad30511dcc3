// Splits a decoded body into lines with their `>` quote depth removed and counted.
// Mail clients write `> > text`, `>> text` and `> >> text`; each `>` is one level. A marker
// must start the line: an indented `>` is text (a diff context line of a file whose own lines
// begin with `>`). The one space a client puts after the last marker is part
// of the marker, so a quoted diff context line `>  foo` keeps its own leading space.
import type { QuotedLine } from '../patch/types.js';

const MARKERS = /^>(?:[ \t]?>)*/;

export function quoteDepthOf(line: string): { depth: number; text: string } {
  const m = MARKERS.exec(line);
  if (!m) return { depth: 0, text: line };
  let depth = 0;
  for (const ch of m[0]) if (ch === '>') depth++;
  let text = line.slice(m[0].length);
  if (text.startsWith(' ')) text = text.slice(1);
  return { depth, text };
}

export function splitQuoted(body: string): QuotedLine[] {
  const raw = body.split(/\r?\n/);
  // A body ending in a newline does not have an extra empty last line.
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((line, i) => ({ ...quoteDepthOf(line), lineNo: i + 1 }));
}
