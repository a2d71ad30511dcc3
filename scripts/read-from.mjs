#!/usr/bin/env node
// Writes the read-from record of a base from a directory of kernel text laid out by kernel path
// (each definition as the kernel, or the posting's mails, have it). Release base: every
// function the model's tree defines, with the digest of the kernel definition's tokens and,
// where the model's tokens differ, the model's digest with the reasons already recorded.
// Posting base: the functions its patch adds or changes over the base it applies to, each with
// the subject of the mail that posts it (the directory holds the post-images of the mails'
// hunks). New differences get "UNEXPLAINED", which the test refuses until a reason replaces it.
// Harness functions keep their mark and what they stand for. Needs a build (npm run build).
//
//   node scripts/read-from.mjs v5.14 /path/to/kernel-text "Linux v5.14 (tag v5.14, 7d2a07b76933)"
//   node scripts/read-from.mjs v10 /path/to/posted-text "[PATCH v10 00/10] ... (2021-06-07)"
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [name, krefDir, source] = process.argv.slice(2);
if (!name || !krefDir) {
  console.error('usage: node scripts/read-from.mjs <base> <kernel-text-dir> [source words]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const { initMapper } = await import(join(root, 'lib/map/index.js'));
const { indexFile } = await import(join(root, 'lib/map/model-index.js'));
const { functionTokens, tokenDigest } = await import(join(root, 'lib/map/token-digest.js'));
const { baseSpec, loadBase, postedMail } = await import(join(root, 'lib/model/source/index.js'));
const { readFromPath } = await import(join(root, 'lib/model/source/read-from.js'));
await initMapper();

const spec = baseSpec(name);
if (!spec) {
  console.error(`unknown base ${name}`);
  process.exit(2);
}
const outFile = readFromPath(name);
const old = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : { functions: {} };

function walk(dir, out = []) {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.[ch]$/.test(n)) out.push(p);
  }
  return out;
}

/** Every function of some sources: path -> name -> digest of its tokens. */
function digests(sources) {
  const out = new Map();
  for (const s of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const idx = indexFile(s.path, s.text);
    const m = new Map();
    for (const fn of idx.functions) m.set(fn.name, tokenDigest(functionTokens(idx, fn)));
    out.set(s.path, m);
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

const models = digests(loadBase(name).sources);
const over = spec.kind === 'posting' ? digests(loadBase(spec.over).sources) : null;
const functions = {};
for (const [path, fns] of models) {
  for (const [fnName, model] of fns) {
    if (over && over.get(path)?.get(fnName) === model) continue; // as the base it applies to
    const was = old.functions?.[path]?.[fnName] ?? {};
    const e = {};
    if (was.harness) {
      Object.assign(e, was.standsFor ? { harness: true, standsFor: was.standsFor } : { harness: true });
    } else {
      const defs = kernel.get(fnName) ?? [];
      const k = defs.find((d) => d.path === path) ?? defs[0];
      if (k) {
        e.kernel = k.digest;
        if (k.path !== path) e.from = k.path;
      }
      if (!k || k.digest !== model) {
        e.model = model;
        e.deviations = was.deviations?.length ? was.deviations : ['UNEXPLAINED'];
      }
    }
    if (over) {
      const mail = postedMail(spec, path);
      e.postedIn = mail ? mail.subject : 'UNEXPLAINED';
    }
    (functions[path] ??= {})[fnName] = e;
  }
}
writeFileSync(outFile, JSON.stringify({ release: name, source: source ?? old.source ?? '', functions }, null, 2) + '\n');
let same = 0, differ = 0, unexplained = 0, harness = 0;
for (const fs of Object.values(functions)) for (const e of Object.values(fs)) {
  if (e.harness) harness++;
  else if (e.model) { differ++; if (e.deviations.includes('UNEXPLAINED')) unexplained++; }
  else same++;
}
console.log(`${outFile}: ${same} as the ${over ? 'posting' : 'kernel'}, ${differ} differ (${unexplained} unexplained), ${harness} harness`);
