// The message that carried each variant, read again from the parsed thread: what a reply to it
// (`--format mail`) and a patch of it (`review --export`) need beyond the Review: its headers
// and the variant's diff as that message carries it. One pass over the messages, holding only
// the carriers.
import type { Review } from '../replay/types.js';
import type { Diff, InBodyHeaders, Message, Person } from '../thread/types.js';

export interface Carrier {
  /** Null when the mail had none (web-archive text): a reply then has no In-Reply-To. */
  messageId: string | null;
  subject: string;
  date: string | null;
  from: Person;
  inReplyTo: string | null;
  references: string[];
  inBody: InBodyHeaders | null;
  diff: Diff;
}

/** Carriers by variant label (V1, V2 ...). */
export function collectCarriers(r: Review, messages: Iterable<Message>): Map<string, Carrier> {
  // Two variants can come from one message (two diffs in it).
  const wanted = new Map<string, { label: string; id: string }[]>();
  let count = 0;
  for (const v of r.variants) {
    const key = `${v.source.file}\u0000${v.source.index}`;
    wanted.set(key, [...(wanted.get(key) ?? []), { label: v.label, id: v.id }]);
    count++;
  }
  const out = new Map<string, Carrier>();
  for (const m of messages) {
    for (const w of wanted.get(`${m.source.file}\u0000${m.source.index}`) ?? []) {
      const diff = m.diffs.find((d) => d.id === w.id);
      if (diff && !out.has(w.label)) out.set(w.label, carrier(m, diff));
    }
    if (out.size === count) break;
  }
  return out;
}

function carrier(m: Message, diff: Diff): Carrier {
  return {
    messageId: m.idSynthesised ? null : m.id,
    subject: m.subject,
    date: m.date,
    from: m.from,
    inReplyTo: m.inReplyTo,
    references: [...m.references],
    inBody: m.inBody,
    diff,
  };
}
