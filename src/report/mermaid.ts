// Mermaid `sequenceDiagram`s of driver, mm and notifier interactions (src/replay/interactions.ts),
// in the subset GitHub renders without surprises: fixed participant ids, `->>` messages,
// `Note over`, `loop ... end`. Text keeps only characters Mermaid takes literally: `;` ends a
// statement, `#` starts an entity, `:` `<` `>` `{` `}` `%` quotes and backticks are markup.
import { ACTORS, type Actor, type Interaction } from '../replay/interactions.js';
import { deedText } from './explore-words.js';
import { happeningText } from './interaction-words.js';
import type { ScheduleStep } from '../replay/types.js';

const ID: Record<Actor, string> = { scenario: 'S', driver: 'D', mm: 'M', notifier: 'N' };
const MAX_TEXT = 140;

export function mermaidText(s: string): string {
  const t = s
    .replace(/->/g, '.')
    .replace(/[^A-Za-z0-9 _.,()[\]\-+=/*&'!|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (t.length > MAX_TEXT ? t.slice(0, MAX_TEXT - 3).trimEnd() + '...' : t) || '-';
}

export function sequenceDiagram(items: Interaction[], also: Interaction[] = []): string {
  const used = new Set<Actor>(['scenario']);
  const visit = (list: Interaction[]) => {
    for (const x of list) {
      if (x.t === 'msg') {
        used.add(x.from);
        used.add(x.to);
      } else if (x.t === 'note') used.add(x.over);
      else visit(x.body);
    }
  };
  visit(items);
  visit(also);
  const out = ['sequenceDiagram'];
  for (const a of ACTORS) if (used.has(a)) out.push(`  participant ${ID[a]} as ${a}`);
  const emit = (list: Interaction[], indent: string) => {
    for (const x of list) {
      if (x.t === 'msg') out.push(`${indent}${ID[x.from]}->>${ID[x.to]}: ${mermaidText(happeningText(x.what))}`);
      else if (x.t === 'note') out.push(`${indent}Note over ${ID[x.over]}: ${mermaidText(happeningText(x.what))}`);
      else {
        out.push(`${indent}loop ${x.times} times`);
        emit(x.body, indent + '  ');
        out.push(`${indent}end`);
      }
    }
  };
  emit(items, '  ');
  return out.join('\n') + '\n';
}

/**
 * A schedule's step list (src/replay/explore/steps.ts) as a sequence diagram: one participant a
 * thread, a message where the scheduler hands over to another thread (what that thread does
 * first), and what each stretch did as a note over its thread.
 */
export function scheduleDiagram(steps: readonly ScheduleStep[]): string {
  const ids = new Map<string, string>();
  for (const s of steps) if (!ids.has(s.thread) && ids.size < 26) ids.set(s.thread, String.fromCharCode(65 + ids.size));
  const out = ['sequenceDiagram'];
  for (const [t, id] of ids) out.push(`  participant ${id} as ${t.toLowerCase().replace(/[^a-z]/g, '') || 'thread'}`);
  let prev: string | null = null;
  for (const s of steps) {
    const id = ids.get(s.thread);
    if (!id) continue;
    const [first, ...rest] = s.did;
    if (prev && prev !== id && first?.kind === 'switch') out.push(`  ${prev}->>${id}: ${mermaidText(deedText(first))}`);
    else if (first) rest.unshift(first);
    if (rest.length) out.push(`  Note over ${id}: ${mermaidText(rest.map(deedText).join('; '))}`);
    prev = id;
  }
  return out.join('\n') + '\n';
}
