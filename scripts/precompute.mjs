#!/usr/bin/env node
// What an install precomputes (npm's `prepare`, after the build): lib/baselines/ (every bundled
// scenario run on every base) and lib/outlines/ (every base's model files outlined), so that a
// review reads them instead of making them (src/replay/precompute.ts).
import { precomputeBaselines, precomputeOutlines } from '../lib/replay/precompute.js';
import { shippedBaselineDir } from '../lib/replay/baseline-cache.js';
import { precomputedOutlineDir } from '../lib/model/interp/outline-cache.js';

const t0 = performance.now();
const ran = await precomputeBaselines(shippedBaselineDir());
const outlined = await precomputeOutlines(precomputedOutlineDir());
process.stderr.write(`lkml-replay: ${ran} baseline(s) run into lib/baselines, ${outlined} file(s) outlined into lib/outlines (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
