// Proof that a repaired diff is a real diff: parse it with jsdiff, rebuild each file's old
// side from its context and removed lines (unknown stretches between hunks filled with the
// same filler lines on both sides), apply the patch with jsdiff, and compare with the new
// side rebuilt from context and added lines.
import { applyPatch, parsePatch, type StructuredPatch } from 'diff';

export interface Sides {
  old: string;
  expected: string;
}

export function sidesOf(p: StructuredPatch): Sides {
  const oldLines: string[] = [];
  const newLines: string[] = [];
  let oldNoEol = false;
  let newNoEol = false;
  let filler = 0;
  for (const h of p.hunks) {
    // 0-based index of the hunk's first old line (jsdiff already turned `-0,0` into oldStart 1).
    const oldFirst = h.oldStart - 1;
    while (oldLines.length < oldFirst) {
      const f = `filler line ${++filler}`;
      oldLines.push(f);
      newLines.push(f);
    }
    let last: '+' | '-' | ' ' = ' ';
    for (const l of h.lines) {
      const op = l[0];
      if (op === '\\') {
        if (last !== '+') oldNoEol = true;
        if (last !== '-') newNoEol = true;
        continue;
      }
      if (op === ' ' || op === '-') oldLines.push(l.slice(1));
      if (op === ' ' || op === '+') newLines.push(l.slice(1));
      last = op as '+' | '-' | ' ';
    }
  }
  const join = (ls: string[], noEol: boolean) => (ls.length === 0 ? '' : ls.join('\n') + (noEol ? '' : '\n'));
  return { old: join(oldLines, oldNoEol), expected: join(newLines, newNoEol) };
}

/** Applies every file of `text` to its rebuilt old side; returns what failed (empty = all good). */
export function applyFailures(text: string): string[] {
  const failures: string[] = [];
  let patches: StructuredPatch[];
  try {
    patches = parsePatch(text);
  } catch (e) {
    return [`jsdiff cannot parse: ${(e as Error).message}`];
  }
  for (const p of patches) {
    if (p.hunks.length === 0) continue;
    const { old, expected } = sidesOf(p);
    // One empty old line without its newline is the empty file, which has no line to remove:
    // such a diff describes no file at all (random soup makes it), so there is nothing to apply.
    if (old === '' && p.hunks.some((h) => h.oldLines > 0)) continue;
    const got = applyPatch(old, p);
    if (got === false) failures.push(`${p.newFileName ?? p.oldFileName}: jsdiff refused the patch`);
    else if (got !== expected) failures.push(`${p.newFileName ?? p.oldFileName}: applied result differs`);
  }
  return failures;
}
