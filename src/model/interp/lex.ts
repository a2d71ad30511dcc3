// A small C tokenizer for the preprocessor layer: conditional expressions, macro bodies, macro
// arguments and annotation blanking. tree-sitter parses the C itself; this only needs to see
// identifiers, numbers, strings, character constants and punctuators, and to skip comments.

type TokKind = 'id' | 'num' | 'str' | 'chr' | 'punct';

export interface Tok {
  kind: TokKind;
  text: string;
  /** Offsets into the lexed text. */
  start: number;
  end: number;
}

const PUNCTS = [
  '...', '<<=', '>>=', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '##',
];

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

/** Tokens of `text`, comments and whitespace skipped. Never throws: unknown bytes become punct. */
export function lex(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (c === 92 /* \ */ && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += 2;
      continue;
    }
    if (c === 47 /* / */ && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === 47 && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    const start = i;
    if (isIdStart(c)) {
      while (i < n && isIdPart(text.charCodeAt(i))) i++;
      out.push({ kind: 'id', text: text.slice(start, i), start, end: i });
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && /[0-9]/.test(text[i + 1] ?? ''))) {
      // pp-number: digits, letters, dots, and exponent signs
      i++;
      while (i < n) {
        const d = text[i]!;
        if (/[0-9A-Za-z_.]/.test(d)) i++;
        else if ((d === '+' || d === '-') && /[eEpP]/.test(text[i - 1]!)) i++;
        else break;
      }
      out.push({ kind: 'num', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const q = text[i]!;
      i++;
      while (i < n && text[i] !== q && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      out.push({ kind: q === '"' ? 'str' : 'chr', text: text.slice(start, i), start, end: i });
      continue;
    }
    let p = text[i]!;
    for (const cand of PUNCTS) {
      if (text.startsWith(cand, i)) {
        p = cand;
        break;
      }
    }
    i += p.length;
    out.push({ kind: 'punct', text: p, start, end: i });
  }
  return out;
}

/**
 * Split a macro/call argument text (without the outer parentheses) at top-level commas.
 * Returns the raw text of each argument with its offset in `text`; `()` gives [].
 */
export function splitArgs(text: string): { text: string; offset: number }[] {
  const toks = lex(text);
  if (toks.length === 0) return [];
  const out: { text: string; offset: number }[] = [];
  let depth = 0;
  let segStart = 0;
  for (const t of toks) {
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (t.text === ',' && depth === 0) {
      out.push(trimmed(text, segStart, t.start));
      segStart = t.end;
    }
  }
  out.push(trimmed(text, segStart, text.length));
  return out;
}

function trimmed(text: string, a: number, b: number): { text: string; offset: number } {
  const raw = text.slice(a, b);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), offset: a + lead };
}

/** 1-based line number of offset `at` in `text`. */
export function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
