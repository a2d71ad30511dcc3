#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in lib/ (built by `npm run build`, run by `prepare`).
import '../lib/cli/main.js';
