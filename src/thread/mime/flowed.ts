// format=flowed (RFC 3676) undone, as libmime's decodeFlowed undoes it (mailparser's own), with
// one difference for diffs. A flowed line that ends in a space is soft-broken: it joins the next
// line of the same quote depth. Space-stuffing puts a space before every line that starts with
// one, so a diff's blank context line (one space) is sent as two spaces, and then reads as a
// soft break: joined, it turns the next line (a `+` line, say) into context and loses a line.
// So inside a hunk (after an `@@` line, while lines carry diff markers) a line with nothing but
// blanks after its stuffing is a line of its own. A long hunk line wrapped by the client still
// ends in a space with text before it, and is joined back as RFC 3676 says.
//
// Decoded here on the transfer- and charset-decoded text (after mailparser), which for the ASCII
// space, `>` and line ends that flowing works on is the same as decoding before the charset.

/** The text of a text/plain part with format=flowed undone; `delSp`: the part said delsp=yes. */
export function decodeFlowed(text: string, delSp: boolean): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  // The paragraph being joined: its quote depth and prefix (`> `, `>>` ...) and its pieces (none
  // empty). Kept as pieces, joined once: a long paragraph is not rescanned on every line.
  let parts: string[] = [];
  let length = 0;
  let blank = true;
  let depth = 0;
  let prefix = '';
  let inHunk = false;
  const push = (piece: string): void => {
    if (piece === '') return;
    parts.push(piece);
    length += piece.length;
    if (blank && !/^[ \t]*$/.test(piece)) blank = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let d = 0;
    while (line.charCodeAt(d) === GT) d++;
    const prefixLength = d && line.charCodeAt(d) === SPACE ? d + 1 : d;
    const content = line.slice(prefixLength);
    const last = parts.length ? parts[parts.length - 1]! : '';
    // The paragraph ends in a space: a soft break, unless it is a signature separator (`-- `)
    // or a hunk's blank context line (blanks only, stuffing aside).
    const hard = (length === 3 && parts.join('') === '-- ') || (inHunk && blank);
    if (d === depth && last.endsWith(' ') && !hard) {
      if (delSp) {
        parts.pop();
        length -= last.length;
        push(last.slice(0, -1));
        push(content);
      } else {
        // Unquoted, a continuation's leading space can only be stuffing (RFC 3676 4.4); quoted,
        // the stuffing is part of the prefix.
        push(d ? content : content.replace(/^ /, ''));
      }
      continue;
    }
    if (i > 0) out.push(prefix + parts.join(''));
    parts = [];
    length = 0;
    blank = true;
    depth = d;
    prefix = line.slice(0, prefixLength);
    push(content);
    inHunk = hunkGoesOn(inHunk, d === 0 && content.startsWith(' ') ? content.slice(1) : content);
  }
  if (length || prefix) out.push(prefix + parts.join(''));
  // Space-stuffing off every line (RFC 3676 4.4), as libmime does it.
  return out.join('\n').replace(/^ /gm, '');
}

const GT = 62;
const SPACE = 32;

/**
 * After this line, is a hunk still being read? It starts at an `@@ -` line and goes on while
 * lines carry diff markers (or are empty: a blank context line a client emptied).
 */
function hunkGoesOn(inHunk: boolean, text: string): boolean {
  if (text.startsWith('@@ -')) return true;
  if (!inHunk) return false;
  const c = text.charCodeAt(0);
  return text === '' || c === SPACE || c === PLUS || c === MINUS || c === BACKSLASH;
}

const PLUS = 43;
const MINUS = 45;
const BACKSLASH = 92;
