// The review as JSON (README "Review JSON"): the Review data model with its keys in a fixed
// order. Nothing in it depends on time, paths outside the inputs or the machine, so two runs on
// the same inputs print the same bytes.
import type { Review } from '../replay/types.js';
import { replayNotice } from './replay-notice.js';

export const REVIEW_FORMAT = 'lkml-replay/review@3';

/** The document `review --format json` prints (schemas/review.schema.json is made from this type). */
export interface ReviewDocument {
  format: typeof REVIEW_FORMAT;
  /** What was not replayed, before anything else (empty when every variant was replayed whole). */
  notice: string[];
  bases: Review['bases'];
  thread: Review['thread'];
  baselinePatches: Review['baselinePatches'];
  scenarios: Review['scenarios'];
  variants: Review['variants'];
  summary: Review['summary'];
  /** Only with --explore, --fault or --schedule: what was explored and how far. */
  explore?: NonNullable<Review['explore']>;
  sequence: Review['sequence'];
  /** Only in one share of a sharded review (`review --shard i/n`), for `merge`. */
  shard?: NonNullable<Review['shard']>;
}

/** `notice`: given by reviewJsonChunks, which renders the document around a stand-in for the variants. */
export function renderJson(r: Review, notice: string[] = replayNotice(r)): string {
  const doc: ReviewDocument = {
    format: REVIEW_FORMAT,
    notice,
    bases: r.bases,
    thread: r.thread,
    baselinePatches: r.baselinePatches,
    scenarios: r.scenarios,
    variants: r.variants,
    summary: r.summary,
    ...(r.explore ? { explore: r.explore } : {}),
    sequence: r.sequence,
    ...(r.shard ? { shard: r.shard } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
