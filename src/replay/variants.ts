// Every distinct diff of the input is a candidate variant, taken at its first appearance (the
// parser links a quoted copy to it through `quotedFrom`, by content identity). `.patch`/`.diff`
// input files are messages of the parse like any other, so they come in the same way.
import type { Diff } from '../patch/types.js';
import type { Message, ThreadParse } from '../thread/types.js';

export interface VariantCandidate {
  diff: Diff;
  /** The message of the diff's first appearance. */
  message: Message;
  /** Later messages carrying the same diff. */
  copies: string[];
}

export function collectVariants(parse: ThreadParse): VariantCandidate[] {
  const byId = new Map<string, VariantCandidate>();
  const order: string[] = [];
  // Earliest first (undated last, then input order) so that "first appearance" is the date order
  // the parser used for quotedFrom, whatever order the tree lists messages in.
  const messages = parse.messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => dateKey(a.m) - dateKey(b.m) || a.i - b.i)
    .map((x) => x.m);
  for (const m of messages) {
    for (const d of m.diffs) {
      const seen = byId.get(d.id);
      if (seen) {
        if (!seen.copies.includes(m.id) && seen.message.id !== m.id) seen.copies.push(m.id);
        continue;
      }
      byId.set(d.id, { diff: d, message: m, copies: [] });
      order.push(d.id);
    }
  }
  // A copy the parser saw first elsewhere (quotedFrom set) must not be taken as the original
  // when the original is in the input: swap them if date order disagreed.
  for (const id of order) {
    const c = byId.get(id)!;
    if (c.diff.quotedFrom === null) continue;
    const orig = messages.find((m) => m.id === c.diff.quotedFrom);
    const od = orig?.diffs.find((d) => d.id === id);
    if (orig && od) {
      c.copies = [c.message.id, ...c.copies.filter((x) => x !== orig.id)];
      c.diff = od;
      c.message = orig;
    }
  }
  return order.map((id) => byId.get(id)!);
}

function dateKey(m: Message): number {
  const t = m.date ? Date.parse(m.date) : NaN;
  return Number.isFinite(t) ? t : Number.MAX_SAFE_INTEGER;
}
