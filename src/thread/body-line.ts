// Where a decoded body sits in the raw message, so that a body line can be shown on the line of
// the input file. Found by comparison, not by reading encodings: the body is located only when
// its lines are the raw lines as they are (LF/CRLF aside), which rules out quoted-printable,
// base64, format=flowed and multipart bodies without having to know about each.

/** 0-based line of `raw` where `body`'s first line is, or null when the body is not stored as it reads. */
export function bodyLineIn(raw: Buffer, body: string): number | null {
  const rawLines = raw.toString('utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  const bodyLines = body.split('\n');
  while (bodyLines.length && bodyLines[bodyLines.length - 1] === '') bodyLines.pop();
  if (!bodyLines.length) return null;
  // The body comes after the first blank line (the end of a mail's header block; in archive text
  // the one after the subject line), and the fields of archive text may follow before it.
  const first = rawLines.indexOf('');
  const limit = Math.min(rawLines.length - bodyLines.length, first + 200);
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
