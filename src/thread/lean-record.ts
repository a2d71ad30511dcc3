// The last step of reading one message (on a worker thread when there are workers): each diff's
// content identity is computed here, in parallel, and a lean record drops each hunk's per-line
// array (the diff's text carries the same lines, and the `thread` output prints the text). On a
// big mbox the line objects are most of the memory a record holds.
import { diffIdentity } from '../patch/index.js';
import type { HunkLine } from '../patch/types.js';
import type { MailRecord } from './message/mail-record.js';

/** A record with the identities of its diffs (`found` order). */
export type SettledRecord = MailRecord & { diffIds?: string[] };

/** One shared, frozen empty array for every dropped `lines`. */
const NO_LINES: HunkLine[] = Object.freeze([]) as unknown as HunkLine[];

export function settleRecord(r: MailRecord, lean: boolean): SettledRecord {
  const s: SettledRecord = r;
  s.diffIds = r.found.map((d) => diffIdentity(d.files));
  if (lean) for (const d of r.found) for (const f of d.files) for (const h of f.hunks) h.lines = NO_LINES;
  return s;
}
