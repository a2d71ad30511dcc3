// The `thread` text view: the reply tree, one line a message:
//   2021-06-10 00:18  Alistair Popple  [PATCH v10 7/10]  1 diff (1 quoted)  Reviewed-by x1
// Placeholders for missing parents show as `(not in input) <id>`; unlinked mails and
// unreadable messages are listed after the tree, so nothing is dropped silently. Every line is
// made of input (subjects, names, maildir entry names): control characters are written as \xNN.
import type { Message, Person, SubjectTags, ThreadParse } from '../thread/types.js';
import { IdTable } from '../util/id-table.js';
import { int32s, uint8s } from '../util/grow-array.js';
import { visibleControls } from './escape.js';

export function threadText(parse: ThreadParse): string {
  return [...threadTextLines(parse)].join('');
}

/**
 * The text view a line at a time (each with its newline), so a big mbox's tree is written as it
 * is made. Only ids and parents are kept, numbered in an IdTable, not the messages or a Map of
 * strings: a spilled parse makes each message when it is read, and a big mbox's messages (or their
 * ids as JS strings) would not fit in memory all at once.
 */
export function* threadTextLines(parse: ThreadParse): Generator<string> {
  const ids = new IdTable();
  // By id number: the message's parent (-1 none), the placeholder's parent, and which it is.
  const msgParent = int32s();
  const phParent = int32s();
  const kind = uint8s();
  const depth1 = int32s();
  const MESSAGE = 1;
  const PLACEHOLDER = 2;
  const number = (id: string): number => {
    const n = ids.add(id);
    while (kind.length <= n) {
      kind.push(0);
      depth1.push(0);
      msgParent.push(-1);
      phParent.push(-1);
    }
    return n;
  };
  for (const m of parse.messages) {
    const i = number(m.id);
    const p = m.parent === null ? -1 : number(m.parent);
    kind.array[i]! |= MESSAGE;
    msgParent.array[i] = p;
  }
  for (const ph of parse.placeholders) {
    const i = number(ph.id);
    const p = ph.parent === null ? -1 : number(ph.parent);
    kind.array[i]! |= PLACEHOLDER;
    phParent.array[i] = p;
  }
  const unlinkedLines = new Map<string, string>();
  const unlinked = new Set(parse.unlinked);
  const shown = new Set<number>();

  // A message's parent, else (a root, or a placeholder) the placeholder's parent.
  const parentOf = (i: number): number => {
    const k = kind.array[i]!;
    if (k & MESSAGE && msgParent.array[i]! >= 0) return msgParent.array[i]!;
    return k & PLACEHOLDER ? phParent.array[i]! : -1;
  };
  // Depth in the tree, counting placeholders (a missing parent is still one level). Kept per id
  // once known (as depth + 1; 0: not yet), so a 10,000-deep chain costs a step a message.
  const depthOf = (i: number): number => {
    const chain: number[] = [];
    let p = i;
    for (; p >= 0 && depth1.array[p] === 0 && chain.length <= ids.size; p = parentOf(p)) chain.push(p);
    let d = p >= 0 ? depth1.array[p]! : 0;
    for (let k = chain.length - 1; k >= 0; k--) depth1.array[chain[k]!] = ++d;
    return depth1.array[i]! - 1;
  };
  const line = (s: string): string => visibleControls(s) + '\n';

  for (const m of parse.messages) {
    if (unlinked.has(m.id)) {
      unlinkedLines.set(m.id, '  ' + messageLine(m));
      continue;
    }
    // Placeholders above this message that have not been printed yet.
    const missing: number[] = [];
    for (let p = m.parent === null ? -1 : ids.find(m.parent); p >= 0 && !(kind.array[p]! & MESSAGE) && !shown.has(p); p = parentOf(p)) missing.unshift(p);
    for (const p of missing) {
      shown.add(p);
      yield line(`${indent(depthOf(p))}(not in input) <${ids.text(p)}>`);
    }
    yield line(indent(depthOf(ids.find(m.id))) + messageLine(m));
  }
  if (parse.unlinked.length) {
    yield line('');
    yield line('Same subject, but no reply header links them to the tree:');
    for (const id of parse.unlinked) {
      const l = unlinkedLines.get(id);
      if (l !== undefined) yield line(l);
    }
  }
  if (parse.errors.length) {
    yield line('');
    yield line('Not read:');
    for (const e of parse.errors) yield line(`  ${e.file}${e.index === null ? '' : ` #${e.index}`}: ${e.message}`);
  }
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
