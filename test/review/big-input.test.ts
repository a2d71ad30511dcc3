// How `review` reads a big input: a spilled parse (messages made again when read), variants made
// one at a time, those not replayed kept in a temporary file past a threshold, and the JSON
// written a variant at a time. None of it may change the review: on a generated mbox with many
// variants and on the v10 thread, every format is the same text as from a parse with all in memory.
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import type { Review } from '../../src/replay/types.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { reviewJsonChunks } from '../../src/report/review-json-chunks.js';
import { parseThread } from '../../src/thread/parse-thread.js';
import { tempDir } from '../temp-dir.js';

const MBOX = 'fixtures/threads/v10-07-device-exclusive.mbox';
// One scenario keeps the runs short; the variants and their hunks are what this is about.
const scenarios = loadBundledScenarios().filter((s) => s.name === 'hmm-exclusive');

const inputs: string[] = [];
beforeAll(async () => {
  const file = join(tempDir('lkml-replay-review-big-'), 'gen.mbox');
  await writeCorpus(file, { seed: 20210610, messages: 150 });
  inputs.push(file, MBOX);
}, 120_000);

const formats = (r: Review): string[] => [renderJson(r), renderText(r), renderMarkdown(r)];

describe('review of a big input', () => {
  test('a spilled parse and spilled variants give the same review as all in memory, in every format', async () => {
    for (const input of inputs) {
      const plain = await review({ inputs: [input], parse: await parseThread([input], { store: 'memory' }), scenarios, jobs: 1, spillVariantsFrom: Infinity });
      const lean = await review({ inputs: [input], parse: await parseThread([input], { store: 'spill' }), scenarios, jobs: 1, spillVariantsFrom: 0 });
      expect(formats(lean)).toEqual(formats(plain));
      expect(lean.variants.map((v) => v.id)).toEqual(plain.variants.map((v) => v.id));
      // Written a variant at a time, the JSON is renderJson's text exactly.
      expect([...reviewJsonChunks(lean)].join('')).toBe(renderJson(plain));
      if (input !== MBOX) {
        // The generated mbox has variants of each kind: not placed (spilled), and replayed.
        expect(plain.summary.variants).toBeGreaterThan(10);
        expect(plain.summary.replayed).toBeGreaterThan(0);
        expect(plain.summary.variants).toBeGreaterThan(plain.summary.replayed);
      }
    }
  }, 600_000);

  test('the JSON in chunks of a review without variants', () => {
    const none: Review = {
      bases: [], baselinePatches: [], scenarios: [], variants: [], sequence: null,
      thread: { subject: 'x', inputs: ['x.mbox'], messages: 1, participants: [], first: null, last: null, diffs: 0, distinct: 0, errors: [] },
      summary: { variants: 0, replayed: 0, partial: 0, differences: 0, regressions: 0, partialDifferences: 0 },
    };
    expect([...reviewJsonChunks(none)].join('')).toBe(renderJson(none));
  });
});
