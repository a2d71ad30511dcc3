// The `thread` text view: the reply tree, one line a message:
//   2021-06-10 00:18  Alistair Popple  [PATCH v10 7/10]  1 diff (1 quoted)  Reviewed-by x1
// Placeholders for missing parents show as `(not in input) <id>`; unlinked mails and
// unreadable messages are listed after the tree, so nothing is dropped silently. Every line is
// made of input (subjects, names, maildir entry names): control characters are written as \xNN.
import type { Message, Person, SubjectTags, ThreadParse } from '../thread/types.js';
import { visibleControls } from './escape.js';

export function threadText(parse: ThreadParse): string {
  const out: string[] = [];
  // Only ids and parents are kept, not the messages: a lean parse makes each message when it is
  // read, and a big mbox's messages would not fit in memory all at once.
  const parents = new Map<string, string | null>();
  for (const m of parse.messages) parents.set(m.id, m.parent);
  const unlinkedLines = new Map<string, string>();
  const placeholders = new Map(parse.placeholders.map((p) => [p.id, p]));
  const unlinked = new Set(parse.unlinked);
  const shown = new Set<string>();

  // Depth in the tree, counting placeholders (a missing parent is still one level).
  const depthOf = (id: string): number => {
    let d = 0;
    for (let p = parentOf(id); p !== null && d < 100; p = parentOf(p)) d++;
    return d;
  };
  const parentOf = (id: string): string | null => parents.get(id) ?? placeholders.get(id)?.parent ?? null;

  for (const m of parse.messages) {
    if (unlinked.has(m.id)) {
      unlinkedLines.set(m.id, '  ' + messageLine(m));
      continue;
    }
    // Placeholders above this message that have not been printed yet.
    const missing: string[] = [];
    for (let p = m.parent; p !== null && !parents.has(p) && !shown.has(p); p = parentOf(p)) missing.unshift(p);
    for (const p of missing) {
      shown.add(p);
      out.push(`${indent(depthOf(p))}(not in input) <${p}>`);
    }
    out.push(indent(depthOf(m.id)) + messageLine(m));
  }
  if (parse.unlinked.length) {
    out.push('', 'Same subject, but no reply header links them to the tree:');
    for (const id of parse.unlinked) {
      const line = unlinkedLines.get(id);
      if (line !== undefined) out.push(line);
    }
  }
  if (parse.errors.length) {
    out.push('', 'Not read:');
    for (const e of parse.errors) out.push(`  ${e.file}${e.index === null ? '' : ` #${e.index}`}: ${e.message}`);
  }
  return out.map(visibleControls).join('\n') + '\n';
}

/** Long back-and-forths would run off the screen: past 12 levels the depth is written out. */
const MAX_INDENT = 12;

function indent(depth: number): string {
  if (depth <= MAX_INDENT) return '  '.repeat(depth);
  return '  '.repeat(MAX_INDENT) + `[${depth}] `;
}

export function messageLine(m: Message): string {
  const parts = [m.date ? m.date.slice(0, 16).replace('T', ' ') + 'Z' : '(no date)        ', who(m.from)];
  const tags = tagText(m.tags);
  parts.push(tags || m.subject.slice(0, 60));
  parts.push(diffCount(m));
  const trailers = trailerText(m);
  if (trailers) parts.push(trailers);
  return parts.join('  ');
}

function who(p: Person): string {
  return p.name || p.email || '(unknown sender)';
}

/** `[RFC PATCH v10 7/10]`, `Re: [PATCH]`, `[dpdk-dev]` ... rebuilt from the parsed tags. */
export function tagText(t: SubjectTags | null): string {
  if (!t) return '';
  const words: string[] = [];
  if (t.prefix) words.push(t.prefix);
  if (t.version !== null) words.push(`v${t.version}`);
  if (t.index !== null) words.push(`${t.index}/${t.total ?? '?'}`);
  const lists = t.lists.map((l) => `[${l}]`).join(' ');
  const group = words.length ? `[${words.join(' ')}]` : '';
  return [t.reply ? 'Re:' : '', lists, group].filter(Boolean).join(' ');
}

function diffCount(m: Message): string {
  const n = m.diffs.length;
  if (n === 0) return 'no diff';
  const quoted = m.diffs.filter((d) => d.quotedFrom !== null).length;
  return `${n} diff${n === 1 ? '' : 's'}${quoted ? ` (${quoted} quoted)` : ''}`;
}

function trailerText(m: Message): string {
  return m.trailers.map((t) => `${t.key}: ${t.value}`).join('; ');
}
