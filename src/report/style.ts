// Terminal colour for the text report: the CLI picks `ansi` only when stdout is a terminal and
// NO_COLOR is unset (no-color.org); every other reader (a pipe, a file, a test) gets `plain`.
// Colours are added after the report's input-derived text has had its controls made visible,
// so these are the only escape sequences that ever reach the terminal.

export interface Style {
  regression(s: string): string;
  changed(s: string): string;
  same(s: string): string;
  heading(s: string): string;
  notice(s: string): string;
}

const id = (s: string): string => s;
export const plain: Style = { regression: id, changed: id, same: id, heading: id, notice: id };

const sgr = (on: string) => (s: string) => `\x1b[${on}m${s}\x1b[0m`;
export const ansi: Style = {
  regression: sgr('1;31'),
  changed: sgr('33'),
  same: sgr('32'),
  heading: sgr('1'),
  notice: sgr('1;33'),
};

/** Colour on a terminal unless NO_COLOR is set to anything non-empty (or TERM is dumb). */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}
