// Short renderings of model statements for placements and reasons: mmu_notifier_range_init_owner(...).
import type { FileIndex } from './model-index.js';
import type { TokStatement } from './statements.js';

const MAX = 60;

/** One-line summary of a piece of C: whitespace collapsed; a long call shown as `name(...)`. */
export function summarise(text: string): string {
  const flat = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX) return flat.replace(/;$/, '');
  const paren = flat.indexOf('(');
  if (paren >= 12 && paren < MAX) return `${flat.slice(0, paren).trimEnd()}(...)`;
  return `${flat.slice(0, MAX - 3)}...`;
}

/** The statement of a model file that holds token `tok` (binary search over the token statements). */
export function statementAt(file: FileIndex, tok: number): TokStatement | null {
  const st = file.statements;
  let lo = 0;
  let hi = st.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = st[mid]!;
    if (tok < s.first) hi = mid - 1;
    else if (tok >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

export function statementText(file: FileIndex, s: TokStatement): string {
  return file.text.slice(file.toks[s.first]!.start, file.toks[s.end - 1]!.end);
}

export function statementLine(file: FileIndex, s: TokStatement): number {
  return file.toks[s.first]!.line;
}

/** "foo(...)" for the model statement holding token `tok`; the token itself when no statement does. */
export function statementSummaryAt(file: FileIndex, tok: number): string {
  const s = statementAt(file, tok);
  return s ? summarise(statementText(file, s)) : file.toks[tok]!.t;
}
