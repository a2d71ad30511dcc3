#!/usr/bin/env node
// What an install precomputes (npm's `prepare`, after the build): lib/baselines/ (every bundled
// scenario run on every base), lib/outlines/ (every base's model files outlined) and
// lib/compile-facts/ (what compiling every base finds), so that a review reads them instead of
// making them (src/replay/precompute.ts).
import { precomputeBaselines, precomputeCompileFacts, precomputeOutlines } from '../lib/replay/precompute.js';
import { shippedBaselineDir } from '../lib/replay/baseline-cache.js';
import { precomputedOutlineDir } from '../lib/model/interp/outline-cache.js';
import { precomputedCompileFactsDir } from '../lib/map/compile-facts-cache.js';

const t0 = performance.now();
const ran = await precomputeBaselines(shippedBaselineDir());
const outlined = await precomputeOutlines(precomputedOutlineDir());
const compiled = await precomputeCompileFacts(precomputedCompileFactsDir());
process.stderr.write(`lkml-replay: ${ran} baseline(s) run into lib/baselines, ${outlined} file(s) outlined into lib/outlines, ${compiled} base(s) compiled into lib/compile-facts (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
