// Tabs turned into spaces by a mail client or a web archive. When not one line of a file's
// hunks still holds a tab and the file is of a kind the kernel indents with tabs (C, Kconfig,
// Makefiles, device trees), leading spaces are put back as tabs. The tab width is read off the
// lines themselves: the smallest indentation of a code line (4 or 8). Comment continuation
// lines (` * text`) keep their one alignment space. A diff that still has a tab somewhere went
// through intact, so its space-indented lines are genuine and left alone. Indentation that was
// collapsed altogether (`+\t/*` read as `+ /*`) cannot be restored.
import type { FileDiff, HunkLine, Repair } from './types.js';

const TAB_INDENTED = /(?:\.[chS]|\.dtsi?|(?:^|\/)(?:Kconfig[^/]*|Makefile[^/]*|Kbuild))$/;

function indentOf(l: HunkLine): number {
  let i = 0;
  while (i < l.text.length && l.text[i] === ' ') i++;
  return i;
}

/** The width one tab was turned into, or 0 when the lines do not show one. */
function tabWidth(lines: HunkLine[]): number {
  let min = Infinity;
  for (const l of lines) {
    const n = indentOf(l);
    if (n < 2 || n === l.text.length || l.text[n] === '*') continue;
    min = Math.min(min, n);
  }
  return min === 4 || min === 8 ? min : 0;
}

export function restoreTabs(file: FileDiff, repairs: Repair[]): void {
  const path = file.new ?? file.old ?? '';
  if (!TAB_INDENTED.test(path)) return;
  const lines = file.hunks.flatMap((h) => h.lines);
  if (lines.some((l) => l.text.includes('\t'))) return;
  const width = tabWidth(lines);
  if (width === 0) return;
  for (const l of lines) {
    const n = indentOf(l);
    if (n < width || n === l.text.length) continue;
    const tabs = Math.floor(n / width);
    l.text = '\t'.repeat(tabs) + ' '.repeat(n % width) + l.text.slice(n);
    repairs.push({
      kind: 'tab-restored',
      line: l.lineNo,
      detail: `${tabs} leading tab(s) restored from ${tabs * width} spaces (tab width ${width})`,
    });
  }
}
