// Where a decoded body sits in the raw message, so that a body line can be shown on the line of
// the input file. Found by comparison, not by reading encodings: the body is located only when
// its lines are the raw lines as they are (LF/CRLF aside), which rules out quoted-printable,
// base64, format=flowed and multipart bodies without having to know about each.

/** How many raw lines after the first blank one the body may start (archive text puts fields there). */
const SEARCH_LINES = 200;

/** 0-based line of `raw` where `body`'s first line is, or null when the body is not stored as it reads. */
export function bodyLineIn(raw: Buffer, body: string): number | null {
  // The body's lines without its trailing empty ones, as one string: a match is this text at the
  // start of a raw line, followed by a line end.
  let end = body.length;
  while (end > 0 && body.charCodeAt(end - 1) === LF) end--;
  if (end === 0) return null;
  const text = raw.toString('utf8');
  // A CR before LF in the raw text is no part of a line; rare enough to compare line by line then.
  if (text.includes('\r')) return byLines(text, body);
  const want = end === body.length ? body : body.slice(0, end);
  // The body comes after the first blank line (the end of a mail's header block; in archive text
  // the one after the subject line), and the fields of archive text may follow before it.
  let first = 0;
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    if (nl === pos || pos === text.length) break;
    if (nl < 0) {
      first = -1;
      break;
    }
    pos = nl + 1;
    first++;
  }
  if (first < 0) pos = 0;
  for (let o = Math.max(0, first); o <= first + SEARCH_LINES; o++) {
    // slice + === compares flat memory; startsWith reads char by char (several times slower here).
    const after = pos + want.length;
    if ((after === text.length || text.charCodeAt(after) === LF) && text.slice(pos, after) === want) return o;
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return null;
}

const LF = 10;

/** The same search over split lines, with one CR dropped from each raw line's end. */
function byLines(text: string, body: string): number | null {
  const rawLines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const bodyLines = body.split('\n');
  while (bodyLines.length && bodyLines[bodyLines.length - 1] === '') bodyLines.pop();
  if (!bodyLines.length) return null;
  const first = rawLines.indexOf('');
  const limit = Math.min(rawLines.length - bodyLines.length, first + SEARCH_LINES);
  for (let o = Math.max(0, first); o <= limit; o++) {
    let ok = true;
    for (let k = 0; k < bodyLines.length; k++) {
      if (rawLines[o + k] !== bodyLines[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return o;
  }
  return null;
}
