// The short account of the input at the top of a review: messages, senders, dates, diffs.
import type { ThreadParse } from '../thread/types.js';
import type { ThreadBrief } from './types.js';

export function brief(parse: ThreadParse, inputs: string[]): ThreadBrief {
  // One pass, holding no message: the first and last dated messages (date order, ties in thread
  // order), each sender at their earliest dated message, the diff ids.
  let first: { date: string; subject: string } | null = null;
  let last: string | null = null;
  const dated = new Map<string, { date: string; i: number }>();
  const anyOrder: string[] = [];
  const seenAny = new Set<string>();
  const files = new Set<string>();
  const ids = new Set<string>();
  let diffs = 0;
  let firstSubject: string | null = null;
  let i = 0;
  for (const m of parse.messages) {
    if (firstSubject === null) firstSubject = m.subject;
    const who = m.from.name || m.from.email;
    if (m.date) {
      if (!first || m.date < first.date) first = { date: m.date, subject: m.subject };
      if (last === null || m.date >= last) last = m.date;
      const had = who ? dated.get(who) : undefined;
      if (who && (!had || m.date < had.date)) dated.set(who, { date: m.date, i });
    }
    if (who && !seenAny.has(who)) {
      seenAny.add(who);
      anyOrder.push(who);
    }
    if (!inputs.length) files.add(m.source.file);
    for (const d of m.diffs) {
      diffs++;
      ids.add(d.id);
    }
    i++;
  }
  const people = first
    ? [...dated].sort(([, a], [, b]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i)).map(([who]) => who)
    : anyOrder;
  const subject = first ? first.subject : firstSubject;
  return {
    subject: subject !== null ? subject.replace(/^((re|aw|fwd?)\s*:\s*)+/i, '') : '',
    inputs: inputs.length ? inputs.map((i) => (i === '-' ? '<stdin>' : i)) : [...files],
    messages: parse.messages.length,
    participants: people,
    first: first?.date ?? null,
    last,
    diffs,
    distinct: ids.size,
    errors: parse.errors,
  };
}
