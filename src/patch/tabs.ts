// Tabs turned into spaces by a mail client or a web archive. When not one line of a file's
// hunks still holds a tab and the file is of a kind the kernel indents with tabs (C, Kconfig,
// Makefiles, device trees), leading spaces are put back as tabs. How the tabs were expanded is
// read off the lines themselves: a width of 8 or 4, counted from the line start (a literal
// replacement) or from the column after the diff marker (a real tab stop expansion); the
// reading that puts the most code lines on a tab stop wins, 8 before 4. A diff that still has
// a tab somewhere went through intact, so its space-indented lines are genuine and left
// alone. Indentation collapsed altogether (`+\t/*` read as `+ /*`) cannot be restored.
import type { FileDiff, HunkLine, Repair } from './types.js';

const TAB_INDENTED = /(?:\.[chS]|\.dtsi?|(?:^|\/)(?:Kconfig[^/]*|Makefile[^/]*|Kbuild))$/;

function indentOf(l: HunkLine): number {
  let i = 0;
  while (i < l.text.length && l.text[i] === ' ') i++;
  return i;
}

interface Expansion {
  width: number;
  /** Columns before the text's first character when the tabs were expanded. */
  offset: number;
}

/** How the tabs were expanded, or null when the lines show no tab stops. */
function expansionOf(lines: HunkLine[]): Expansion | null {
  // Code lines only: a comment's ` * text` is aligned by one space after the tabs.
  const indents: number[] = [];
  for (const l of lines) {
    const n = indentOf(l);
    if (n >= 2 && n < l.text.length && l.text[n] !== '*') indents.push(n);
  }
  if (indents.length === 0) return null;
  let best: Expansion | null = null;
  let bestScore = 0;
  for (const width of [8, 4]) {
    for (const offset of [0, 1]) {
      let score = 0;
      for (const n of indents) if ((n + offset) % width === 0 && n + offset >= width) score++;
      if (score > bestScore) {
        best = { width, offset };
        bestScore = score;
      }
    }
  }
  return best;
}

export function restoreTabs(file: FileDiff, repairs: Repair[]): void {
  const path = file.new ?? file.old ?? '';
  if (!TAB_INDENTED.test(path)) return;
  // Usually a tab shows up within the first lines: looked for before any array is built.
  for (const h of file.hunks) for (const l of h.lines) if (l.text.includes('\t')) return;
  const lines = file.hunks.flatMap((h) => h.lines);
  const x = expansionOf(lines);
  if (!x) return;
  for (const l of lines) {
    const n = indentOf(l);
    const tabs = Math.floor((n + x.offset) / x.width);
    if (tabs === 0 || n === l.text.length) continue;
    const spaces = (n + x.offset) % x.width;
    l.text = '\t'.repeat(tabs) + ' '.repeat(spaces) + l.text.slice(n);
    repairs.push({
      kind: 'tab-restored',
      line: l.lineNo,
      detail: `${tabs} leading tab(s) restored from ${n} spaces (tab width ${x.width})`,
    });
  }
}
