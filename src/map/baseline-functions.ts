// Which modelled functions a diff adds whole: a definition (header and body) in added lines, of
// a function the model has as C, and not removed elsewhere in the same diff (that would be a move
// or a rewrite, which is a real change). A series mail that adds the model's functions is the
// thread's baseline, not a variant.
import { outlineTranslationUnit } from '../model/interp/source-outline.js';
import type { FileDiff } from '../patch/types.js';
import type { BaseIndex } from './model-index.js';
import { definesTypedFunction } from './plan.js';
import { groupStatements } from './statements.js';
import { tokenizeLine, type CommentState, type Tok } from './tokens.js';

export interface AddedDefinitions {
  /** Modelled functions added whole, in diff order. */
  functions: string[];
  /** `fileIndex:hunkIndex` of the hunks that add them. */
  hunks: Set<string>;
}

export function addedModelDefinitions(files: FileDiff[], base: BaseIndex): AddedDefinitions {
  const removed = removedDefinitions(files);
  const functions: string[] = [];
  const hunks = new Set<string>();
  files.forEach((fd, fi) =>
    fd.hunks.forEach((h, hi) => {
      for (const block of runs(h.lines, '+')) {
        if (!/\)\s*\{|^\s*\{/m.test(block)) continue;
        const o = outlineTranslationUnit(block);
        for (const f of o.functions) {
          if (!definesTypedFunction(f.signature, f.name)) continue;
          if (o.syntaxErrors.some((e) => e.line >= f.startLine && e.line <= f.endLine)) continue;
          if (!base.definitionsOf(f.name).length || removed.has(f.name)) continue;
          hunks.add(`${fi}:${hi}`);
          if (!functions.includes(f.name)) functions.push(f.name);
        }
      }
    }),
  );
  return { functions, hunks };
}

/** Contiguous runs of lines with one op, as text. */
function runs(lines: { op: string; text: string }[], op: string): string[] {
  const out: string[] = [];
  let cur: string[] | null = null;
  for (const l of lines) {
    if (l.op === op) (cur ??= []).push(l.text);
    else if (cur) {
      out.push(cur.join('\n'));
      cur = null;
    }
  }
  if (cur) out.push(cur.join('\n'));
  return out;
}

const NOT_TYPES = new Set(['return', 'else', 'case', 'goto', 'sizeof', 'do']);

/** Names whose definition header is in removed lines. */
function removedDefinitions(files: FileDiff[]): Set<string> {
  const out = new Set<string>();
  for (const fd of files)
    for (const h of fd.hunks) {
      const toks: Tok[] = [];
      let st: CommentState = 'code';
      h.lines.forEach((l, i) => {
        if (l.op !== '-') return;
        const r = tokenizeLine(l.text, st, i);
        st = r.state;
        toks.push(...r.toks);
      });
      for (const s of groupStatements(toks)) {
        // a header ends in `{`, or is cut off by the end of the removed run (no `;`)
        if (s.kind !== 'open' && toks[s.end - 1]!.t === ';') continue;
        for (let i = s.first + 1; i + 1 < s.end; i++) {
          const t = toks[i]!;
          if (t.kind === 'word' && toks[i + 1]!.t === '(') {
            const prev = toks[i - 1]!;
            if ((prev.kind === 'word' && !NOT_TYPES.has(prev.t)) || prev.t === '*') out.add(t.t);
            break;
          }
        }
      }
    }
  return out;
}
