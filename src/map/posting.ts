// A posting of the series the base models (a diff whose added lines define whole functions the
// model has): its definitions stand in for the model's where they differ, and what it changes
// elsewhere is either already the base's code or outside the model, as the base leaves it out
// too. A posting identical to the base's code is the base's own baseline, not a variant.
import { outlineTranslationUnit } from '../model/interp/source-outline.js';
import type { Hunk } from '../patch/types.js';
import { lcsLength } from './align.js';
import type { BaseIndex, FileIndex, IndexedFunction } from './model-index.js';
import { definesTypedFunction, type Edit } from './plan.js';
import { tokenizeText } from './tokens.js';

export interface DefinitionSwap {
  name: string;
  /** Model file holding the definition, and the offsets of the definition in its text. */
  file: FileIndex;
  fn: IndexedFunction;
  /** The posting's definition as written. */
  text: string;
  /** Tokens of the posting's definition, and how many the model's has in order (LCS). */
  tokens: number;
  matched: number;
}

/** The definitions of modelled functions a hunk's added lines carry, each against the model's. */
export function definitionSwaps(hunk: Hunk, base: BaseIndex, fileOf: (path: string) => FileIndex | undefined): DefinitionSwap[] {
  const out: DefinitionSwap[] = [];
  const lines = hunk.lines;
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.op !== '+') {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i]!.op === '+') i++;
    const block = lines.slice(start, i).map((l) => l.text);
    const text = block.join('\n');
    if (!/\)\s*\{|^\s*\{/m.test(text)) continue;
    const o = outlineTranslationUnit(text);
    for (const f of o.functions) {
      if (!definesTypedFunction(f.signature, f.name)) continue;
      const def = base.definitionsOf(f.name)[0];
      if (!def) continue;
      const file = fileOf(def.path) ?? base.file(def.path)!;
      const fn = file.functions.find((g) => g.name === f.name) ?? def.fn;
      const posted = block.slice(f.startLine - 1, f.endLine).join('\n');
      const a = tokenizeText(posted).toks.map((t) => t.t);
      const b = file.toks.slice(fn.tokFirst, fn.tokEnd).map((t) => t.t);
      out.push({ name: f.name, file, fn, text: posted, tokens: a.length, matched: lcsLength(a, b) });
    }
  }
  return out;
}

/** The edit that puts the posting's definition in place of the model's. */
export function swapEdit(s: DefinitionSwap): Edit {
  const f = s.file;
  const start = f.lineStarts[s.fn.startLine - 1]!;
  const end = s.fn.endLine < f.lineStarts.length ? f.lineStarts[s.fn.endLine]! - 1 : f.text.length;
  return { start, end, text: s.text };
}
