// A strict checker for the Mermaid we emit: the sequenceDiagram subset GitHub renders (fixed
// participant ids, `->>` messages, `Note over`, `loop N times ... end`), text without the
// characters Mermaid reads as markup. Returns the problems found (none: valid).
const TEXT = /^[A-Za-z0-9 _.,()[\]\-+=/*&'!|]+$/;

export function mermaidProblems(src: string): string[] {
  const problems: string[] = [];
  const lines = src.replace(/\n$/, '').split('\n');
  if (lines[0] !== 'sequenceDiagram') problems.push(`line 1: ${JSON.stringify(lines[0])} is not "sequenceDiagram"`);
  const declared = new Set<string>();
  let depth = 0;
  let body = false;
  lines.slice(1).forEach((l, i) => {
    const n = i + 2;
    const bad = (why: string) => problems.push(`line ${n}: ${why}: ${JSON.stringify(l)}`);
    let m: RegExpExecArray | null;
    if ((m = /^ {2}participant ([A-Z]) as ([a-z]+)$/.exec(l))) {
      if (body) bad('participant after the first message');
      declared.add(m[1]!);
    } else if ((m = /^(\s+)([A-Z])->>([A-Z]): (.*)$/.exec(l))) {
      body = true;
      if (!declared.has(m[2]!) || !declared.has(m[3]!)) bad('undeclared participant');
      if (!TEXT.test(m[4]!)) bad('text Mermaid may read as markup');
    } else if ((m = /^(\s+)Note over ([A-Z]): (.*)$/.exec(l))) {
      body = true;
      if (!declared.has(m[2]!)) bad('undeclared participant');
      if (!TEXT.test(m[3]!)) bad('text Mermaid may read as markup');
    } else if (/^\s+loop \d+ times$/.test(l)) {
      body = true;
      depth++;
    } else if (/^\s+end$/.test(l)) {
      if (--depth < 0) bad('end without loop');
    } else bad('not a statement of the subset');
  });
  if (depth > 0) problems.push(`${depth} loop(s) not closed`);
  return problems;
}

/** The ```mermaid blocks of a markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}
