// Input-derived strings (subjects, names, file and maildir entry names, message ids, error
// messages that quote them) on their way to a terminal or a markdown comment: a mail can carry
// line breaks, terminal escapes and markup, none of which may act on the reader's screen.

/**
 * C0 controls (tab and line breaks included: the strings are one-line fields), DEL and the C1
 * controls (U+0080-U+009F: U+009B is a one-character CSI to many terminals) as `\xNN`.
 */
export function visibleControls(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Markdown prose: controls visible, no raw HTML (`<!--`, `<img>`, message ids are `<...>`), no entities. */
export function mdProse(s: string): string {
  return visibleControls(s).replace(/&(?=[a-z#0-9]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A string that is input and nothing else (a subject, a name): its markdown punctuation is
 * escaped too, so `*`, `_`, backticks and `[text](url)` / `![img](url)` show as typed. Apply
 * before composing it into prose that then goes through mdProse (which does not touch `\`).
 */
export function mdLiteral(s: string): string {
  return s.replace(/[\\`*_[\]~]/g, (c) => `\\${c}`);
}

/**
 * An inline code span around input: a backtick fence longer than any backtick run inside (the
 * CommonMark rule), with a space inside when the text starts or ends with a backtick.
 */
export function mdCode(s: string): string {
  const text = visibleControls(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A GFM table cell: prose without line breaks, pipes escaped (even inside code spans). */
export function mdCell(s: string): string {
  return s.replace(/\n/g, ' ').replace(/\|/g, '\\|');
}
