// A small C tokenizer for aligning hunks with model sources: comments and whitespace are dropped,
// so a web-archive copy that lost its indentation, tabs turned into spaces, re-wrapped calls and
// changed comments all give the same token stream. It works line by line and carries the
// "inside a block comment" state across lines, because hunk sides are tokenised one line at a
// time (each token must stay attributable to its hunk line).

type TokKind = 'word' | 'num' | 'str' | 'punct';

export interface Tok {
  t: string;
  kind: TokKind;
  /** Offsets in the tokenised text (a model file) or in the line (a hunk line). */
  start: number;
  end: number;
  /** 1-based line of a model file, or the index of the hunk line. */
  line: number;
  /** The last token of a line that ends in a backslash: a directive goes on to the next line. */
  continues?: true;
}

export type CommentState = 'code' | 'comment';

const PUNCT3 = new Set(['...', '<<=', '>>=']);
const PUNCT2 = new Set(['->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '##']);

/**
 * Tokens of one line, starting in `state`; returns the state at the end of the line. A
 * backslash at the end of a line (macro continuation) is whitespace.
 */
export function tokenizeLine(text: string, state: CommentState, line: number, base = 0): { toks: Tok[]; state: CommentState } {
  const toks: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (state === 'comment') {
      const close = text.indexOf('*/', i);
      if (close < 0) return { toks, state };
      i = close + 2;
      state = 'code';
      continue;
    }
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\\') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      state = 'comment';
      i += 2;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') break;
    const start = i;
    if (/[A-Za-z_$]/.test(c)) {
      i++;
      while (i < n && /[\w$]/.test(text[i]!)) i++;
      // a string or char literal with an encoding prefix (L"x", u8"x") is one token
      if (i < n && (text[i] === '"' || text[i] === "'") && /^(L|u|U|u8)$/.test(text.slice(start, i))) {
        i = skipQuoted(text, i);
        toks.push({ t: text.slice(start, i), kind: 'str', start: base + start, end: base + i, line });
        continue;
      }
      toks.push({ t: text.slice(start, i), kind: 'word', start: base + start, end: base + i, line });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      i++;
      while (i < n && (/[\w.]/.test(text[i]!) || ((text[i] === '+' || text[i] === '-') && /[eEpP]/.test(text[i - 1]!)))) i++;
      toks.push({ t: text.slice(start, i), kind: 'num', start: base + start, end: base + i, line });
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipQuoted(text, i);
      toks.push({ t: text.slice(start, i), kind: 'str', start: base + start, end: base + i, line });
      continue;
    }
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    const len = PUNCT3.has(three) ? 3 : PUNCT2.has(two) ? 2 : 1;
    i += len;
    toks.push({ t: text.slice(start, i), kind: 'punct', start: base + start, end: base + i, line });
  }
  if (toks.length && /\\\s*$/.test(text)) toks[toks.length - 1]!.continues = true;
  return { toks, state };
}

function skipQuoted(text: string, i: number): number {
  const q = text[i]!;
  i++;
  while (i < text.length && text[i] !== q) i += text[i] === '\\' ? 2 : 1;
  return Math.min(text.length, i + 1);
}

export interface TokenizedText {
  toks: Tok[];
  /** Offset of the start of each line (index = line - 1). */
  lineStarts: number[];
  /** Per line (index = line - 1): index of its first token and one past its last (equal when none). */
  lineToks: { first: number; end: number }[];
}

/** Tokens of a whole file, with absolute offsets and 1-based lines. */
export function tokenizeText(text: string): TokenizedText {
  const toks: Tok[] = [];
  const lineStarts: number[] = [];
  const lineToks: { first: number; end: number }[] = [];
  let state: CommentState = 'code';
  let off = 0;
  const lines = text.split('\n');
  for (let li = 0; li < lines.length; li++) {
    const lineText = lines[li]!;
    lineStarts.push(off);
    const first = toks.length;
    const r = tokenizeLine(lineText, state, li + 1, off);
    state = r.state;
    toks.push(...r.toks);
    lineToks.push({ first, end: toks.length });
    off += lineText.length + 1;
  }
  return { toks, lineStarts, lineToks };
}

/** Token texts of a piece of C, comments and whitespace dropped. */
export function tokenTexts(text: string, state: CommentState = 'code'): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const r = tokenizeLine(line, state, 0);
    state = r.state;
    for (const t of r.toks) out.push(t.t);
  }
  return out;
}

/** Alignment weight of a token: names, numbers and literals say much more than punctuation. */
export function weight(t: Tok): number {
  return t.kind === 'punct' ? 1 : 3;
}

/**
 * Does a hunk start inside a block comment? True when a `*\/` comes before any `/*`, or when the
 * first non-blank line is a comment continuation (` * text`, ` *\/`) and no `/*` opens one first.
 */
export function startsInComment(lines: string[]): boolean {
  for (const l of lines) {
    const stripped = stripLiterals(l);
    const lineCmt = stripped.indexOf('//');
    const code = lineCmt >= 0 ? stripped.slice(0, lineCmt) : stripped;
    const open = code.indexOf('/*');
    const close = code.indexOf('*/');
    if (close >= 0 && (open < 0 || close < open)) return true;
    if (open >= 0) return false;
    if (code.trim() !== '' && !/^\s*\*(\s|$)/.test(code)) return false;
  }
  // only comment continuation lines (and blanks): the hunk is inside a comment throughout
  return lines.some((l) => l.trim() !== '');
}

function stripLiterals(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
}
