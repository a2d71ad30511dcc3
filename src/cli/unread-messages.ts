// Messages that could not be read, one line each on stderr (the errors and exit codes themselves
// are in src/util/errors.ts).
import { visibleControls } from '../report/escape.js';

/**
 * Messages that could not be read while the rest of the input was: one line each on stderr
 * (`file #index: problem`). The caller prints what was read and exits 2 when there were any.
 * Second copies of a mail (`duplicate`) are only listed in the output: overlapping inputs are
 * no bad input.
 */
export function reportUnreadMessages(errors: readonly { file: string; index: number | null; message: string; duplicate?: true }[]): boolean {
  const unread = errors.filter((e) => !e.duplicate);
  for (const e of unread) {
    // Names and texts can come from the mail (a maildir entry's name): no line breaks or terminal
    // escapes reach the terminal, so a problem stays one line.
    const line = visibleControls(`${e.file}${e.index === null ? '' : ` #${e.index}`}: ${e.message}`);
    process.stderr.write(`lkml-replay: ${line}\n`);
  }
  return unread.length > 0;
}
