// git mailinfo's "cut here" rule (`is_scissors_line`), measured in UTF-8 bytes as git does.
// A scissors line is a perforation (dashes, blanks) carrying at least one scissors mark
// (`>8`, `8<`, `>%`, `%<`, or U+2702), at least 8 visible bytes wide, with the perforation
// covering more than a third of it and blanks less than half of the perforation. That is why
// `-- >8 --` is a cut line but a sentence that merely mentions `-- >8 --` is not.

const SCISSORS_PAIRS = ['>8', '8<', '>%', '%<'];
const BLACK_SCISSORS = '\u2702'; // 3 bytes in UTF-8

/** A scissors mark anywhere in the line: the same four pairs and U+2702, in one regex scan. */
const ANY_MARK = />[8%]|[8%]<|\u2702/;

/** Cheap pre-check so long bodies do not pay the byte walk on every line. */
function mayBeScissors(line: string): boolean {
  return ANY_MARK.test(line);
}

function isBlank(ch: string): boolean {
  // C isspace() in the "C" locale.
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

export function isScissorsLine(line: string): boolean {
  if (!mayBeScissors(line)) return false;
  let scissors = 0;
  let gap = 0;
  let perforation = 0;
  let inPerforation = false;
  let firstVisible = -1; // byte offsets
  let lastVisible = -1;
  let byte = 0;
  for (let i = 0; i < line.length; ) {
    const ch = line[i]!;
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (isBlank(ch)) {
      if (inPerforation) {
        perforation++;
        gap++;
      }
    } else {
      // Like git, a mark counts from its first byte: a line ending in `>8` is one byte
      // narrower than it looks.
      if (firstVisible < 0) firstVisible = byte;
      lastVisible = byte;
      if (ch === '-') {
        inPerforation = true;
        perforation++;
      } else if (SCISSORS_PAIRS.includes(line.slice(i, i + 2))) {
        inPerforation = true;
        perforation += 2;
        scissors += 2;
        i += 2;
        byte += 2;
        continue;
      } else if (ch === BLACK_SCISSORS) {
        inPerforation = true;
        perforation += 3;
        scissors += 3;
      } else {
        inPerforation = false;
        lastVisible = byte + width - 1;
      }
    }
    i += units;
    byte += width;
  }
  const visible = firstVisible < 0 ? 0 : lastVisible - firstVisible + 1;
  return scissors > 0 && visible >= 8 && visible < perforation * 3 && gap * 2 < perforation;
}
