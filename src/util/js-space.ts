// Whitespace as String.prototype.trim and the regex class \s see it (the same set), read char
// by char so that the body passes can ask "blank?" or "what is the last visible char?" on every
// line without building a trimmed copy.

/** True for a UTF-16 code unit that trim() removes and /\s/ matches. */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Index of the last char that is not whitespace, or -1 for a blank string. */
export function lastNonSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isJsSpace(s.charCodeAt(i))) i--;
  return i;
}

/** Index of the first char that is not whitespace, or s.length for a blank string. */
export function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && isJsSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Same as `s.trim() === ''`. */
export function isBlank(s: string): boolean {
  return lastNonSpace(s) < 0;
}
