// Lines that are mail, not diff: snip marks, signatures, greetings, trailers, list footers,
// prose. Used only where a mangled hunk leaves the reader guessing (a context line that lost
// its leading space looks like any other text), never to cut a hunk whose counts agree.

const SNIP = /^\s*(?:\[\s*(?:\.{2,}|\u2026|snip(?:ped)?|cut|trimmed|skip(?:ped)?)\s*\]|<\s*(?:\.{2,}|\u2026|snip(?:ped)?)\s*>|\.{3,}|\u2026)\s*$/i;

/** `[...]`, `[ snip ]`, `<snip>`, `...`: the writer left something out here. */
export function isSnipLine(text: string): boolean {
  if (text.length === 0 || text.length > 40) return false;
  // Most lines start with a visible ASCII character: no need to trim to see the first one.
  const c0 = text.charCodeAt(0);
  const c = c0 > 0x20 && c0 < 0x7f ? text[0] : text.trimStart()[0];
  return (c === '[' || c === '<' || c === '.' || c === '\u2026') && SNIP.test(text);
}

const GREETING = /^(?:thanks|thank you|thx|regards|best|cheers|br|kind regards|best regards|hi|hello|ack|nak|nack|sincerely)\b[^;{}()=]{0,40}$/i;
const TRAILER = /^[A-Z][A-Za-z]*(?:-[A-Za-z]+)*-by:\s/;
const ATTRIBUTION = /\bwrote:\s*$/;
const FOOTER = /^_{10,}\s*$/;

/** Mail furniture after a diff: greetings, trailers, attributions, a list footer. */
export function isJunkLine(text: string): boolean {
  const t = text.trim();
  return GREETING.test(t) || TRAILER.test(t) || ATTRIBUTION.test(t) || FOOTER.test(t);
}

/**
 * A sentence rather than code: starts with a word, several words, none of C's structural
 * punctuation. Code context lines keep `;`, braces, parentheses, `=` or start with `*`/`#`.
 */
export function looksLikeProse(text: string): boolean {
  const t = text.trim();
  if (!/^[A-Za-z]/.test(t)) return false;
  if (/[;{}()=<>[\]#&|"]/.test(t)) return false;
  return t.split(/\s+/).length >= 4;
}
