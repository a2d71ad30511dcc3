#!/usr/bin/env node
// Writes src/model/source/<release>/read-from.json from a directory of kernel text of that
// release laid out by kernel path (each definition as the kernel has it). For every function
// the model's tree defines: the digest of the kernel definition's tokens and, where the model's
// tokens differ, the model's digest with the reasons already recorded (new differences get
// "UNEXPLAINED", which the test refuses until a reason replaces it). Harness functions keep
// their mark and what they stand for. Needs a build (npm run build).
//
//   node scripts/read-from.mjs v5.14 /path/to/kernel-text "Linux v5.14 (tag v5.14, 7d2a07b76933)"
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [release, krefDir, source] = process.argv.slice(2);
if (!release || !krefDir) {
  console.error('usage: node scripts/read-from.mjs <release> <kernel-text-dir> [source words]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const { initMapper } = await import(join(root, 'lib/map/index.js'));
const { indexFile } = await import(join(root, 'lib/map/model-index.js'));
const { functionTokens, tokenDigest } = await import(join(root, 'lib/map/token-digest.js'));
await initMapper();

const tree = join(root, 'src/model/source', release);
const outFile = join(tree, 'read-from.json');
const old = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : { functions: {} };

function walk(dir, out = []) {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.[ch]$/.test(n)) out.push(p);
  }
  return out;
}

// Every kernel definition by name, with its path; the model file's own path first.
const kernel = new Map();
for (const f of walk(krefDir)) {
  const path = relative(krefDir, f);
  const idx = indexFile(path, readFileSync(f, 'utf8'));
  for (const fn of idx.functions) {
    const list = kernel.get(fn.name) ?? [];
    list.push({ path, digest: tokenDigest(functionTokens(idx, fn)) });
    kernel.set(fn.name, list);
  }
}

const functions = {};
for (const f of walk(tree)) {
  const path = relative(tree, f);
  const idx = indexFile(path, readFileSync(f, 'utf8'));
  if (!idx.functions.length) continue;
  functions[path] = {};
  for (const fn of idx.functions) {
    const was = old.functions?.[path]?.[fn.name] ?? {};
    const model = tokenDigest(functionTokens(idx, fn));
    if (was.harness) {
      functions[path][fn.name] = was.standsFor ? { harness: true, standsFor: was.standsFor } : { harness: true };
      continue;
    }
    const defs = kernel.get(fn.name) ?? [];
    const k = defs.find((d) => d.path === path) ?? defs[0];
    const e = {};
    if (k) {
      e.kernel = k.digest;
      if (k.path !== path) e.from = k.path;
    }
    if (!k || k.digest !== model) {
      e.model = model;
      e.deviations = was.deviations?.length ? was.deviations : ['UNEXPLAINED'];
    }
    functions[path][fn.name] = e;
  }
}
writeFileSync(outFile, JSON.stringify({ release, source: source ?? old.source ?? '', functions }, null, 2) + '\n');
let same = 0, differ = 0, unexplained = 0, harness = 0;
for (const fs of Object.values(functions)) for (const e of Object.values(fs)) {
  if (e.harness) harness++;
  else if (e.model) { differ++; if (e.deviations.includes('UNEXPLAINED')) unexplained++; }
  else same++;
}
console.log(`${outFile}: ${same} as the kernel, ${differ} differ (${unexplained} unexplained), ${harness} harness`);
