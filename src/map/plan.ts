// From an accepted alignment to text edits on the model file: removed lines delete the model
// tokens they aligned with (whole lines when the model line holds nothing else), added lines go
// in where the removed ones were, or before the statement that follows them, or after the one
// that precedes them. Edits are offsets into the original model text, so the hunks of a file
// can be planned independently and applied bottom-up.
import { outlineTranslationUnit } from '../model/interp/source-outline.js';
import { statementAt, statementSummaryAt } from './describe.js';
import { changeBlocks, type HunkSides } from './hunk-sides.js';
import { MIN_REMOVED_LINE, type Fit } from './fit.js';
import { functionAtLine, type FileIndex } from './model-index.js';
import type { Change, MapNote, PlanProblem } from './types.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface HunkPlan {
  edits: Edit[];
  /** Model lines the old side aligned with. */
  modelLines: { start: number; end: number } | null;
  /** What the first change to code does where it goes: before `foo(...)`, replacing a statement ... */
  change: Change;
  /** Model line of the first change. */
  line: number;
  /** Model function of the first change; at file level, the first function the hunk adds, else null. */
  function: string | null;
  /** Model function the first change is inside (null at file level). */
  inFunction: string | null;
  notes: MapNote[];
}

type Anchor = { pos: number; mode: 'line' | 'before-token' | 'after-token'; change: Change; line: number; tok: number; side: 'before' | 'after' };

const TERMINATORS = new Set([';', '{', '}']);

export function planHunk(sides: HunkSides, fit: Fit): HunkPlan | { problem: PlanProblem } {
  const file = fit.file;
  const toks = file.toks;
  const lf = fit.lines;
  const edits: Edit[] = [];
  const notes: MapNote[] = [];
  let firstChange: Change | null = null;
  let firstLine = 0;
  let firstIsCode = false;
  let firstAtFileLevel = false;
  let addedFunctions: string[] = [];
  const matchedBefore = (k: number): number => {
    for (let x = k - 1; x >= 0; x--) if (lf[x]!.modelLast >= 0) return lf[x]!.modelLast;
    return -1;
  };
  const matchedAfter = (k: number): number => {
    for (let x = k + 1; x < lf.length; x++) if (lf[x]!.modelFirst >= 0) return lf[x]!.modelFirst;
    return -1;
  };
  const lineEnd = (line: number): number => (line < file.lineStarts.length ? file.lineStarts[line]! : file.text.length);
  const indentOf = (line: number): string => /^[ \t]*/.exec(file.text.slice(file.lineStarts[line - 1]!, lineEnd(line)))![0];
  const mangled = sides.lines.every((l) => !/^(\t| {2})/.test(l.text));

  for (const b of changeBlocks(sides)) {
    const block = sides.lines.slice(b.first, b.end);
    const removed = block.filter((l) => l.op === '-');
    const added = block.filter((l) => l.op === '+');
    // --- removed lines: which model text goes
    let tokFirst = -1;
    let tokLast = -1;
    const gapDeletes: number[] = [];
    for (const r of removed) {
      const f = lf[r.old]!;
      if (f.tokens === 0) {
        const c = f.comment;
        if (c) {
          // A comment the hunk removes whole takes the model's comment there with it, whatever
          // either says. Of a comment removed in part, only lines the model has word for word
          // go, and never one that opens or closes the model's comment.
          const whole = sides.oldLines.slice(c.from, c.to + 1).every((l) => l.op === '-');
          if (whole) {
            if (r.old === c.from) for (let l = c.modelFrom; l <= c.modelTo; l++) gapDeletes.push(l);
          } else if (f.gapLine && !/\/\*|\*\//.test(modelLine(file, f.gapLine))) gapDeletes.push(f.gapLine);
        } else if (f.gapLine) gapDeletes.push(f.gapLine);
        continue;
      }
      const ok = f.words === 0 ? f.matchedTokens * 2 >= f.tokens : f.matchedWords >= MIN_REMOVED_LINE * f.words && f.matchedTokens * 2 >= f.tokens;
      if (f.matchedTokens === 0) {
        const before = matchedBefore(r.old);
        const after = matchedAfter(r.old);
        const clean = before >= 0 && after === before + 1;
        if (f.declaration || clean) {
          notes.push({ kind: 'removed-line-missing', line: r.text.trim() });
          continue;
        }
        return { problem: { kind: 'removed-line-missing', line: r.text.trim(), model: null } };
      }
      const there = { matched: f.matchedTokens, tokens: f.tokens };
      if (!ok) {
        const st = statementAt(file, f.modelFirst);
        return { problem: { kind: 'removed-line-missing', line: r.text.trim(), model: st ? { statement: statementSummaryAt(file, f.modelFirst), ...there } : null } };
      }
      if (f.matchedTokens < f.tokens) {
        // The code it removes is not the model's: replaying it would remove something else.
        return { problem: { kind: 'removed-line-differs', line: r.text.trim(), model: { statement: statementSummaryAt(file, f.modelFirst), ...there } } };
      }
      if (tokFirst < 0 || f.modelFirst < tokFirst) tokFirst = f.modelFirst;
      if (f.modelLast > tokLast) tokLast = f.modelLast;
    }
    const dels: { start: number; end: number; whole: boolean }[] = [];
    if (tokFirst >= 0) {
      // whole model statements go, but never a token that context lines matched
      const floor = matchedBefore(removed[0]!.old);
      const ceil = matchedAfter(removed[removed.length - 1]!.old);
      const s1 = statementAt(file, tokFirst);
      const s2 = statementAt(file, tokLast);
      tokFirst = Math.min(tokFirst, s1 ? Math.max(s1.first, floor + 1) : tokFirst);
      tokLast = Math.max(tokLast, s2 ? Math.min(s2.end - 1, ceil >= 0 ? ceil - 1 : Infinity) : tokLast);
      const a = toks[tokFirst]!;
      const z = toks[tokLast]!;
      const whole = file.lineToks[a.line - 1]!.first === tokFirst && file.lineToks[z.line - 1]!.end - 1 === tokLast;
      dels.push(whole ? { start: file.lineStarts[a.line - 1]!, end: lineEnd(z.line), whole } : { start: a.start, end: z.end, whole });
    }
    for (const gl of gapDeletes) dels.push({ start: file.lineStarts[gl - 1]!, end: lineEnd(gl), whole: true });
    dels.sort((x, y) => x.start - y.start);
    const merged: typeof dels = [];
    for (const d of dels) {
      const last = merged[merged.length - 1];
      if (last && d.start <= last.end) {
        last.end = Math.max(last.end, d.end);
        last.whole = last.whole && d.whole;
      } else merged.push({ ...d });
    }
    // --- where the added lines go
    let anchor: Anchor | null = null;
    if (merged.length) {
      const d = merged[0]!;
      const line = lineOfOffset(file, d.start);
      const op = added.length ? 'replace' : 'remove';
      const change: Change =
        tokFirst >= 0 ? { kind: 'statement', op, statement: statementSummaryAt(file, tokFirst) } : { kind: 'line', op, line, text: file.text.slice(d.start, lineEnd(line)).trim() };
      anchor = { pos: d.start, mode: d.whole ? 'line' : 'before-token', change, line, tok: tokFirst, side: 'before' };
    } else if (added.length) {
      anchor = neighbourAnchor(sides, fit, b.first, b.end);
      if (!anchor) return { problem: { kind: 'no-anchor' } };
    }
    for (const d of merged) edits.push({ start: d.start, end: d.end, text: '' });
    let fileLevelBlock = false;
    if (added.length && anchor) {
      let pos = anchor.pos;
      let mode = anchor.mode;
      const texts = added.map((l) => l.text);
      const newFns = fileLevelFunctions(texts.join('\n'));
      const fnLevel = newFns.length > 0;
      fileLevelBlock = fnLevel;
      if (fnLevel) {
        // a new function goes between functions, never inside one
        addedFunctions = [...addedFunctions, ...newFns];
        const fn = functionAtLine(file, anchor.line);
        if (fn && pos > file.lineStarts[fn.startLine - 1]! && pos < lineEnd(fn.endLine)) {
          pos = anchor.side === 'after' ? lineEnd(fn.endLine) : file.lineStarts[fn.startLine - 1]!;
          mode = 'line';
          anchor = { ...anchor, line: anchor.side === 'after' ? fn.endLine : fn.startLine };
        }
        const line = lineOfOffset(file, pos);
        const above = [...file.functions].reverse().find((f) => f.endLine < line);
        const below = file.functions.find((f) => f.startLine >= line);
        anchor.change = { kind: 'add-functions', functions: newFns, after: above?.name ?? null, before: above ? null : (below?.name ?? null) };
      }
      const indentLine = mode === 'line' ? Math.min(file.lineStarts.length, lineOfOffset(file, pos)) : anchor.line;
      const indent = mangled && !fnLevel ? indentOf(indentLine) || indentOf(Math.max(1, indentLine - 1)) : '';
      const lines = texts.map((t) => (indent && t.trim() ? indent + (/^\s*\*(?!\/)|^\s*\*\/|^\s*\*$/.test(t) ? ' ' : '') + t.trimStart() : t));
      const joined = lines.join('\n');
      let text: string;
      if (mode === 'line') text = pos === file.text.length && !file.text.endsWith('\n') ? `\n${joined}` : `${joined}\n`;
      else if (mode === 'before-token') text = merged.length && !merged[0]!.whole ? joined : `${joined}\n${indentOf(anchor.line)}`;
      else text = `\n${joined}\n${indentOf(anchor.line)}`;
      edits.push({ start: pos, end: pos, text });
    }
    // the placement names the first change to code (a comment-only block comes last)
    const codeBlock = tokFirst >= 0 || added.some((l) => sides.newLineTokens[l.index]! > 0);
    // (a block that removes anything has an anchor: where the removed text was)
    if (anchor && (!firstChange || (codeBlock && !firstIsCode))) {
      firstChange = anchor.change;
      firstLine = anchor.line;
      firstIsCode = codeBlock;
      firstAtFileLevel = fileLevelBlock;
    }
  }
  // model lines the old side aligned with
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of lf) {
    const ls = [f.modelFirst >= 0 ? toks[f.modelFirst]!.line : 0, f.modelLast >= 0 ? toks[f.modelLast]!.line : 0, f.gapLine];
    for (const l of ls) if (l) {
      lo = Math.min(lo, l);
      hi = Math.max(hi, l);
    }
  }
  if (!firstLine) firstLine = lo === Infinity ? 0 : lo;
  const fn = firstLine && !firstAtFileLevel ? functionAtLine(file, firstLine) : null;
  const fnName = fn?.name ?? addedFunctions[0] ?? null;
  // sort: position, then deletions after a zero-width insertion at the same place
  edits.sort((x, y) => x.start - y.start || (x.end - x.start) - (y.end - y.start));
  return {
    edits,
    modelLines: lo === Infinity ? null : { start: lo, end: hi },
    change: firstChange ?? { kind: 'none' },
    line: firstLine,
    function: fnName,
    inFunction: fn?.name ?? null,
    notes,
  };
}

/** Before the statement that follows the change block, or after the one that precedes it. */
function neighbourAnchor(sides: HunkSides, fit: Fit, first: number, end: number): Anchor | null {
  const lf = fit.lines;
  const prevK = first > 0 ? sides.lines[first - 1]!.old : -1;
  const nextK = end < sides.lines.length ? sides.lines[end]!.old : -1;
  const tokAnchored = (k: number): boolean => k >= 0 && lf[k]!.modelFirst >= 0;
  const gapAnchored = (k: number): boolean => k >= 0 && lf[k]!.gapLine > 0;
  if (tokAnchored(nextK)) return before(fit, nextK);
  if (tokAnchored(prevK) || gapAnchored(prevK)) return after(fit, prevK);
  if (gapAnchored(nextK)) return before(fit, nextK);
  // look further out: the nearest line the model has, the following one on a tie
  for (let d = 1; d < lf.length; d++) {
    const n = nextK >= 0 ? nextK + d : -1;
    const p = prevK >= 0 ? prevK - d : -1;
    if (n >= 0 && n < lf.length && (tokAnchored(n) || gapAnchored(n))) return before(fit, n);
    if (p >= 0 && (tokAnchored(p) || gapAnchored(p))) return after(fit, p);
  }
  return null;
}

function before(fit: Fit, k: number): Anchor {
  const file = fit.file;
  const f = fit.lines[k]!;
  if (f.modelFirst < 0) {
    const line = f.gapLine;
    return { pos: file.lineStarts[line - 1]!, mode: 'line', change: { kind: 'line', op: 'before', line, text: null }, line, tok: -1, side: 'before' };
  }
  let t = f.modelFirst;
  // back to the start of the model's statement when the hunk line matched only its tail
  let floor = -1;
  for (let x = k - 1; x >= 0; x--) if (fit.lines[x]!.modelLast >= 0) {
    floor = fit.lines[x]!.modelLast;
    break;
  }
  while (t - 1 > floor && t - 1 >= fit.region.from && !TERMINATORS.has(file.toks[t - 1]!.t) && !isPpLine(file, file.toks[t - 1]!.line)) t--;
  const tok = file.toks[t]!;
  const lt = file.lineToks[tok.line - 1]!;
  const change: Change = { kind: 'statement', op: 'before', statement: statementSummaryAt(file, t) };
  if (lt.first === t) return { pos: file.lineStarts[tok.line - 1]!, mode: 'line', change, line: tok.line, tok: t, side: 'before' };
  return { pos: tok.start, mode: 'before-token', change, line: tok.line, tok: t, side: 'before' };
}

function after(fit: Fit, k: number): Anchor {
  const file = fit.file;
  const f = fit.lines[k]!;
  const nextLineStart = (line: number): number => (line < file.lineStarts.length ? file.lineStarts[line]! : file.text.length);
  if (f.modelLast < 0) {
    const line = f.gapLine;
    return { pos: nextLineStart(line), mode: 'line', change: { kind: 'line', op: 'after', line, text: null }, line, tok: -1, side: 'after' };
  }
  let u = f.modelLast;
  let ceil = fit.region.to;
  for (let x = k + 1; x < fit.lines.length; x++) if (fit.lines[x]!.modelFirst >= 0) {
    ceil = fit.lines[x]!.modelFirst;
    break;
  }
  // on to the end of the model's statement when the hunk line matched only its head
  while (!TERMINATORS.has(file.toks[u]!.t) && u + 1 < ceil && u + 1 < file.toks.length) u++;
  const tok = file.toks[u]!;
  const lt = file.lineToks[tok.line - 1]!;
  const change: Change = { kind: 'statement', op: 'after', statement: statementSummaryAt(file, u) };
  if (lt.end - 1 === u) return { pos: nextLineStart(tok.line), mode: 'line', change, line: tok.line, tok: u, side: 'after' };
  return { pos: tok.end, mode: 'after-token', change, line: tok.line, tok: u, side: 'after' };
}

function modelLine(file: FileIndex, line: number): string {
  const s = file.lineStarts[line - 1]!;
  const e = line < file.lineStarts.length ? file.lineStarts[line]! : file.text.length;
  return file.text.slice(s, e);
}

function isPpLine(file: FileIndex, line: number): boolean {
  const lt = file.lineToks[line - 1]!;
  return lt.first < lt.end && file.toks[lt.first]!.t === '#';
}

export function lineOfOffset(file: FileIndex, off: number): number {
  const ls = file.lineStarts;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid]! <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Functions (with a return type) that added text defines: such code belongs at file level. */
function fileLevelFunctions(text: string): string[] {
  if (!/\)\s*\{/.test(text)) return [];
  const o = outlineTranslationUnit(text);
  return o.functions.filter((f) => definesTypedFunction(f.signature, f.name)).map((f) => f.name);
}

export function definesTypedFunction(signature: string, name: string): boolean {
  const at = signature.indexOf(name);
  return at > 0 && /[A-Za-z_]\w*[\s*]*$/.test(signature.slice(0, at));
}
