// Statements at the token level: a token run ending at `;`, at a block's `{`, or a `}` on its
// own, with initialiser braces and parentheses kept inside. The same grouping is used for hunk
// text (which may start and end anywhere in a function, so tree-sitter would see fragments) and
// for model files, so "the closest model statement" compares like with like.
import type { Tok } from './tokens.js';

type StatementKind = 'stmt' | 'decl' | 'open' | 'close' | 'label' | 'pp';

export interface TokStatement {
  kind: StatementKind;
  /** Token indices [first, end). */
  first: number;
  end: number;
}

const BASE_TYPES = new Set(['unsigned', 'signed', 'long', 'short', 'int', 'char', 'bool', '_Bool', 'void', 'float', 'double']);
const QUALIFIERS = new Set(['static', 'const', 'volatile', 'extern', 'register', 'inline', '__always_inline', '__maybe_unused', '__rcu', '__user', '__iomem', 'noinline']);
const KEYWORDS = new Set(['return', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'default', 'goto', 'break', 'continue', 'sizeof', 'typeof', '__typeof__']);

export function groupStatements(toks: Tok[]): TokStatement[] {
  const out: TokStatement[] = [];
  const n = toks.length;
  const ppStart = (i: number): boolean => toks[i]!.t === '#' && (i === 0 || toks[i - 1]!.line !== toks[i]!.line);
  let i = 0;
  while (i < n) {
    const start = i;
    const t = toks[i]!;
    if (ppStart(i)) {
      // to the end of the directive: its line, and the lines a trailing backslash continues it on
      let line = t.line;
      while (i < n && toks[i]!.line === line) if (toks[i++]!.continues && i < n) line = toks[i]!.line;
      out.push({ kind: 'pp', first: start, end: i });
      continue;
    }
    if (t.t === '}' || t.t === '{') {
      i++;
      out.push({ kind: t.t === '}' ? 'close' : 'open', first: start, end: i });
      continue;
    }
    let paren = 0;
    let init = 0;
    let kind: StatementKind = 'stmt';
    while (i < n) {
      const x = toks[i]!.t;
      if (i > start && ppStart(i)) break;
      if (x === '(' || x === '[') paren++;
      else if (x === ')' || x === ']') paren = Math.max(0, paren - 1);
      else if (x === '{') {
        const prev = i > start ? toks[i - 1]!.t : '';
        if (paren > 0 || init > 0 || prev === '=') init++;
        else {
          i++;
          kind = 'open';
          break;
        }
      } else if (x === '}') {
        if (init > 0) init--;
        else break;
      } else if (x === ';' && paren === 0 && init === 0) {
        i++;
        break;
      } else if (x === ':' && paren === 0 && init === 0 && isLabelHead(toks, start, i)) {
        i++;
        kind = 'label';
        break;
      }
      i++;
    }
    if (i === start) i++; // never stall
    if (kind === 'stmt' && isDeclaration(toks, start, i)) kind = 'decl';
    out.push({ kind, first: start, end: i });
  }
  return out;
}

function isLabelHead(toks: Tok[], start: number, colon: number): boolean {
  const first = toks[start]!.t;
  if (first === 'case' || first === 'default') return true;
  return colon === start + 1 && toks[start]!.kind === 'word' && !KEYWORDS.has(first);
}

/** `[qualifiers] type [*...] name (= ... | [..] | , ...) ;`: a local or global declaration. */
export function isDeclaration(toks: Tok[], first: number, end: number): boolean {
  let j = first;
  const at = (k: number): string => (k < end ? toks[k]!.t : '');
  while (QUALIFIERS.has(at(j))) j++;
  let typed = false;
  if (at(j) === 'struct' || at(j) === 'union' || at(j) === 'enum') {
    j += 2;
    typed = true;
  } else {
    while (BASE_TYPES.has(at(j))) {
      j++;
      typed = true;
    }
  }
  if (!typed) {
    if (j >= end || toks[j]!.kind !== 'word' || KEYWORDS.has(at(j))) return false;
    j++;
  }
  while (QUALIFIERS.has(at(j)) || at(j) === '*') j++;
  if (j >= end || toks[j]!.kind !== 'word' || KEYWORDS.has(at(j))) return false;
  const next = at(j + 1);
  return next === ';' || next === '=' || next === ',' || next === '[';
}
