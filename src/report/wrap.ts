// Word-wrapping of report lines to a width. A line's continuation hangs under its text: after
// the leading spaces and a list marker (`- `, `3. `) or a short label (`first cause: `,
// `thread:    `), so a wrapped item still reads as one. Tables are left alone by their callers;
// a word longer than the width (a long path) stays whole on its own line.

const LABEL = /^(\s*)((?:[-*]|\d+\.)\s+|[A-Za-z][\w -]{0,14}:\s+)?/;

export function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const m = LABEL.exec(line)!;
  let hang = m[0].length;
  // A hang past the middle leaves too little room: fall back to the indent plus four.
  if (hang > width / 2) hang = m[1]!.length + 4;
  const pad = ' '.repeat(hang);
  const head = line.slice(0, m[0].length);
  const words = line.slice(m[0].length).split(/ +/).filter((w) => w !== '');
  const out: string[] = [];
  let cur = head;
  let curHasWord = false;
  for (const w of words) {
    if (curHasWord && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = pad + w;
    } else {
      cur = curHasWord ? `${cur} ${w}` : cur + w;
    }
    curHasWord = true;
  }
  out.push(cur);
  return out;
}
