// Every distinct diff of the input is a candidate variant, taken at its first appearance (the
// parser links a quoted copy to it through `quotedFrom`, by content identity). `.patch`/`.diff`
// input files are messages of the parse like any other, so they come in the same way.
// A big input's parse is lean (its messages are made again each time one is read), so this
// walks the messages without keeping them: a candidate is a message index and a diff index
// until eachVariant() makes it, one at a time.
import type { Diff, Message, ThreadParse } from '../thread/types.js';

export interface VariantCandidate {
  diff: Diff;
  /** The message of the diff's first appearance. */
  message: Message;
  /** Later messages carrying the same diff. */
  copies: string[];
}

/** A candidate before it is made: where its diff is in parse.messages. */
interface Found {
  message: number;
  messageId: string;
  diff: number;
  quotedFrom: string | null;
  copies: string[];
}

/** The candidates in order of first appearance (see eachVariant). */
export function collectVariants(parse: ThreadParse): VariantCandidate[] {
  return [...eachVariant(parse)];
}

/**
 * The candidates, made one at a time in order of first appearance: earliest first (undated
 * last, then thread order) so that "first appearance" is the date order the parser used for
 * quotedFrom, whatever order the tree lists messages in.
 */
export function* eachVariant(parse: ThreadParse): Generator<VariantCandidate> {
  const messages = parse.messages;
  const n = messages.length;
  // One pass for the date keys, then the messages in date order (stable: thread order for ties).
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = dateKey(messages[i]!);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);

  const byId = new Map<string, Found>();
  const found: Found[] = [];
  // Messages with diffs by id: only they can be the original a quoted copy points at.
  const withDiffs = new Map<string, number>();
  for (const i of order) {
    const m = messages[i]!;
    if (!m.diffs.length) continue;
    if (!withDiffs.has(m.id)) withDiffs.set(m.id, i);
    m.diffs.forEach((d, k) => {
      const seen = byId.get(d.id);
      if (seen) {
        if (!seen.copies.includes(m.id) && seen.messageId !== m.id) seen.copies.push(m.id);
        return;
      }
      const f: Found = { message: i, messageId: m.id, diff: k, quotedFrom: d.quotedFrom, copies: [] };
      byId.set(d.id, f);
      found.push(f);
    });
  }
  byId.clear();

  for (const f of found) {
    let message = messages[f.message]!;
    let diff = message.diffs[f.diff]!;
    let copies = f.copies;
    // A copy the parser saw first elsewhere (quotedFrom set) must not be taken as the original
    // when the original is in the input: swap them if date order disagreed.
    const at = f.quotedFrom === null ? undefined : withDiffs.get(f.quotedFrom);
    if (at !== undefined && at !== f.message) {
      const orig = messages[at]!;
      const od = orig.diffs.find((d) => d.id === diff.id);
      // A trimmed quote of a diff in the input (the parser linked it there): no new proposal.
      if (!od) continue;
      copies = [message.id, ...copies.filter((x) => x !== orig.id)];
      diff = od;
      message = orig;
    }
    yield { diff, message, copies };
  }
}

function dateKey(m: Message): number {
  const t = m.date ? Date.parse(m.date) : NaN;
  return Number.isFinite(t) ? t : Number.MAX_SAFE_INTEGER;
}
