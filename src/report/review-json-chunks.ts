// renderJson's bytes a piece at a time: a big input's review has thousands of variants, and
// one string of all of them (hundreds of MB on a 1 GB mbox, past V8's longest string) would
// hold what the review keeps in a temporary file (replay/variant-store.ts). Each variant is
// stringified alone and indented to its place; the rest of the document is renderJson's own.
import type { Review } from '../replay/types.js';
import { renderJson } from './render-json.js';
import { replayNotice } from './replay-notice.js';

/** Stands for the variants in the document around them; JSON writes the NULs as \u0000. */
const HOLE = '\u0000variants\u0000';

export function* reviewJsonChunks(r: Review): Generator<string> {
  if (!r.variants.length) {
    yield renderJson(r);
    return;
  }
  const doc = renderJson({ ...r, variants: HOLE as unknown as Review['variants'] }, replayNotice(r));
  // The last one: subjects and names from the input come before the variants, never after.
  const hole = `"variants": ${JSON.stringify(HOLE)}`;
  const at = doc.lastIndexOf(hole) + '"variants": '.length;
  yield doc.slice(0, at) + '[\n';
  let i = 0;
  for (const v of r.variants) {
    // An element of the top-level object's array sits at depth 2: four spaces.
    yield `${i++ ? ',\n' : ''}    ${JSON.stringify(v, null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield '\n  ]' + doc.slice(at + JSON.stringify(HOLE).length);
}
