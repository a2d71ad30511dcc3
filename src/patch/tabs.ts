// Tabs turned into spaces by a mail client or a web archive. Kernel code indents with tabs,
// so when the other lines of the same file still carry tabs (or the file is C-like and none
// does), a leading run of 8 spaces is put back as a tab. Indentation that was collapsed
// altogether (`+\t/*` read as `+ /*`) cannot be restored and is left as found.
import type { FileDiff, Repair } from './types.js';

const TAB_INDENTED_LANGUAGES = /(?:\.[chS]|\.dtsi?|(?:^|\/)(?:Kconfig[^/]*|Makefile[^/]*|Kbuild))$/;

export function restoreTabs(file: FileDiff, repairs: Repair[]): void {
  const lines = file.hunks.flatMap((h) => h.lines);
  const someTabIndented = lines.some((l) => l.text.startsWith('\t'));
  const path = file.new ?? file.old ?? '';
  if (!someTabIndented && !TAB_INDENTED_LANGUAGES.test(path)) return;
  for (const l of lines) {
    if (!l.text.startsWith('        ')) continue;
    const lead = /^[ \t]*/.exec(l.text)![0];
    const spaces = lead.replace(/\t/g, '        ').length;
    const tabs = Math.floor(spaces / 8);
    const restored = '\t'.repeat(tabs) + ' '.repeat(spaces % 8) + l.text.slice(lead.length);
    if (restored === l.text) continue;
    l.text = restored;
    repairs.push({ kind: 'tab-restored', line: l.lineNo, detail: `${tabs} leading tab(s) restored from spaces` });
  }
}
