// The mbox "From_" line: the envelope line that starts every message of an mbox.
// Same rule as git mailsplit: a body line such as `From here on ...` must not split a message,
// so the line must also carry an `hh:mm:ss` time followed by a plausible year
// (`From mboxrd@z Thu Jan  1 00:00:00 1970`, `From 1a2b... Mon Sep 17 00:00:00 2001`).

const TIME_THEN_YEAR = /(\d)\d?:(\d\d):(\d\d)\s+(\d+)/g;

/** True when `line` (without its line end) is an mbox envelope line. */
export function isFromLine(line: string): boolean {
  if (line.length < 20 || !line.startsWith('From ')) return false;
  // git looks at the last colon of the line; we look at the last time-like group.
  let last: RegExpExecArray | null = null;
  TIME_THEN_YEAR.lastIndex = 5;
  for (let m = TIME_THEN_YEAR.exec(line); m; m = TIME_THEN_YEAR.exec(line)) last = m;
  if (!last) return false;
  return Number(last[4]) > 90;
}

/** lore and public-inbox write mboxrd files whose envelope sender is the literal `mboxrd@z`. */
export function isMboxrdFromLine(line: string): boolean {
  return line.startsWith('From mboxrd@z ');
}
