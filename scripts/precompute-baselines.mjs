#!/usr/bin/env node
// Writes lib/baselines/ (npm's `prepare`, after the build): every bundled scenario run on every
// base, so that a review reads them instead of running them (src/replay/precompute-baselines.ts).
import { precomputeBaselines } from '../lib/replay/precompute-baselines.js';
import { shippedBaselineDir } from '../lib/replay/baseline-cache.js';

const t0 = performance.now();
const ran = await precomputeBaselines(shippedBaselineDir());
process.stderr.write(`lkml-replay: ${ran} baseline(s) run into lib/baselines (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
