// Fuzz: the replay on random statement-level mutations of the modelled functions of the
// device-exclusive path (delete a statement, duplicate one, swap two adjacent ones, negate an
// if-condition, drop a lock or unlock call). Each mutation is a real unified diff of the model's
// own source (jsdiff), reviewed like any variant: the mapper places it, the variant is compiled
// and every scenario is replayed on it. The review never throws, and every replayed variant ends
// each scenario with a verdict (a small step budget bounds each run); a variant the mapper cannot
// place says why. Mutations come from fast-check with a fixed seed; FUZZ_REPLAY_RUNS (or
// FUZZ_RUNS / 50) sets how many.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { variantNoteText } from '../../src/report/placement-words.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { withBudgets } from '../../src/model/scenario/budget.js';
import { review } from '../../src/replay/review.js';
import type { Review } from '../../src/replay/types.js';

const RUNS = Number(process.env.FUZZ_REPLAY_RUNS ?? (process.env.FUZZ_RUNS ? Math.ceil(Number(process.env.FUZZ_RUNS) / 50) : 40));
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed7);
const BATCH = 10;
const VERDICTS = ['completed', 'deadlock', 'livelock', 'bug', 'budget', 'error'];

/** Model files and the functions of the device-exclusive path in them. */
const TARGETS: { file: string; fns: string[] }[] = [
  { file: 'mm/rmap.c', fns: ['make_device_exclusive_range', 'page_make_device_exclusive', 'page_make_device_exclusive_one'] },
  { file: 'drivers/gpu/drm/nouveau/nouveau_svm.c', fns: ['nouveau_atomic_range_fault', 'nouveau_svm_range_invalidate'] },
  { file: 'mm/memory.c', fns: ['remove_device_exclusive_entry', 'restore_exclusive_pte'] },
];
const SRC = (f: string) => readFileSync(new URL(`../../src/model/source/v5.14/${f}`, import.meta.url), 'utf8');

interface Site {
  file: string;
  fn: string;
  /** 0-based line numbers of single-line statements, if-lines and lock calls in the body. */
  stmts: number[];
  ifs: number[];
  locks: number[];
}

const balanced = (s: string) => s.split('(').length === s.split(')').length;
const LOCK = /\b(\w*lock\w*|mmap_read_lock|mmap_read_unlock|spin_lock|spin_unlock|pte_unmap_unlock|unlock_page|trylock_page|lock_page)\s*\(/;

function sites(): Site[] {
  const out: Site[] = [];
  for (const t of TARGETS) {
    const ls = SRC(t.file).split('\n');
    for (const fn of t.fns) {
      const head = ls.findIndex((l, i) => new RegExp(`\\b${fn}\\(`).test(l) && !l.trim().endsWith(';') && /^[a-z]/.test(l) || (i > 0 && /^[a-z]/.test(ls[i - 1]!) && l.startsWith(`${fn}(`)));
      expect(head, `${t.file} ${fn}`).toBeGreaterThanOrEqual(0);
      const open = ls.findIndex((l, i) => i >= head && l === '{');
      const close = ls.findIndex((l, i) => i > open && l === '}');
      const s: Site = { file: t.file, fn, stmts: [], ifs: [], locks: [] };
      for (let i = open + 1; i < close; i++) {
        const l = ls[i]!;
        const prev = ls[i - 1]!.trim();
        const starts = prev === '' || /[;{}]$/.test(prev) || prev.endsWith('*/') || /^\s*(if|else|for|while)\b.*\)$/.test(prev) || prev === 'else';
        if (starts && /^\t+[^\s/*#].*;$/.test(l) && balanced(l) && !/^\t+(case|default)\b/.test(l)) {
          s.stmts.push(i);
          if (LOCK.test(l)) s.locks.push(i);
        }
        if (/^\t+if \(.*\)( \{)?$/.test(l) && balanced(l)) s.ifs.push(i);
      }
      out.push(s);
    }
  }
  return out;
}

type Op = 'delete' | 'duplicate' | 'swap' | 'negate' | 'drop-lock';

function mutate(site: Site, op: Op, k: number): { text: string; what: string } | null {
  const ls = SRC(site.file).split('\n');
  const pick = (xs: number[]) => (xs.length ? xs[k % xs.length]! : -1);
  switch (op) {
    case 'delete':
    case 'drop-lock': {
      const i = pick(op === 'delete' ? site.stmts : site.locks);
      if (i < 0) return null;
      const what = `${op} \`${ls[i]!.trim()}\``;
      ls.splice(i, 1);
      return { text: ls.join('\n'), what };
    }
    case 'duplicate': {
      const i = pick(site.stmts);
      if (i < 0) return null;
      ls.splice(i, 0, ls[i]!);
      return { text: ls.join('\n'), what: `duplicate \`${ls[i]!.trim()}\`` };
    }
    case 'swap': {
      const pairs = site.stmts.filter((i) => site.stmts.includes(i + 1));
      const i = pick(pairs);
      if (i < 0) return null;
      [ls[i], ls[i + 1]] = [ls[i + 1]!, ls[i]!];
      return { text: ls.join('\n'), what: `swap \`${ls[i + 1]!.trim()}\` and \`${ls[i]!.trim()}\`` };
    }
    case 'negate': {
      const i = pick(site.ifs);
      if (i < 0) return null;
      const l = ls[i]!;
      const m = /^(\t+)if \((.*)\)( \{)?$/.exec(l)!;
      ls[i] = `${m[1]}if (!(${m[2]}))${m[3] ?? ''}`;
      return { text: ls.join('\n'), what: `negate \`${l.trim()}\`` };
    }
  }
}

const OPS: Op[] = ['delete', 'duplicate', 'swap', 'negate', 'drop-lock'];

describe(`replay of ${RUNS} random statement-level mutations of the device-exclusive path`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkml-replay-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every mutation ends every scenario with a verdict, or is not replayed with a reason; the review never throws', async () => {
    const all = sites();
    for (const s of all) expect(s.stmts.length, `${s.file} ${s.fn}`).toBeGreaterThan(0);
    // Every distinct mutation (a review takes each distinct diff once); fast-check picks RUNS of
    // them (all, when there are fewer) in an order fixed by the seed.
    const space: { site: Site; text: string; what: string }[] = [];
    const seen = new Set<string>();
    for (const site of all)
      for (const op of OPS)
        for (let k = 0; k < Math.max(site.stmts.length, 1); k++) {
          const r = mutate(site, op, k);
          if (!r || seen.has(r.text)) continue;
          seen.add(r.text);
          space.push({ site, ...r });
        }
    const n = Math.min(RUNS, space.length);
    const chosen = fc.sample(fc.shuffledSubarray(space, { minLength: n, maxLength: n }), { numRuns: 1, seed: SEED })[0]!;
    const files: { file: string; what: string }[] = [];
    for (const { site, text, what } of chosen) {
      const diff = createTwoFilesPatch(`a/${site.file}`, `b/${site.file}`, SRC(site.file), text, undefined, undefined, { context: 3 });
      const f = join(dir, `m${String(files.length).padStart(4, '0')}.patch`);
      const day = new Date(Date.UTC(2021, 0, 1) + files.length * 60_000).toUTCString();
      writeFileSync(f, `From: Fuzz <fuzz@example.org>\nDate: ${day}\nSubject: [PATCH] ${site.fn}: ${what}\n\n---\ndiff --git a/${site.file} b/${site.file}\n${diff.slice(diff.indexOf('--- a/'))}`);
      files.push({ file: f, what: `${site.fn}: ${what}` });
    }
    expect(files.length).toBe(n);
    expect(n).toBeGreaterThanOrEqual(Math.min(RUNS, 150));
    const scenarios = withBudgets(loadBundledScenarios().filter((s) => s.name === 'nouveau-atomic-small'), { steps: 300_000 });
    const verdicts = new Map<string, number>();
    let replayed = 0;
    for (let b = 0; b < files.length; b += BATCH) {
      const batch = files.slice(b, b + BATCH);
      let r: Review | undefined;
      await expect(review({ inputs: batch.map((x) => x.file), base: 'v5.14', scenarios }).then((x) => (r = x))).resolves.toBeDefined();
      // Each mutation is a variant, or a copy of one (the same diff content at another offset:
      // equal by patch identity, as `git patch-id` would say).
      expect(r!.variants.reduce((n, v) => n + 1 + v.copies.length, 0), batch.map((x) => x.what).join('; ')).toBe(batch.length);
      for (const v of r!.variants) {
        const what = batch.find((x) => x.file === v.source.file)?.what ?? v.source.file;
        if (!v.replayed) {
          expect(v.note && variantNoteText(v.note, v.hunks), what).toMatch(/^not replayed: /);
          continue;
        }
        replayed++;
        expect(v.results.map((x) => x.scenario), what).toEqual(['nouveau-atomic-small']);
        for (const x of v.results) {
          expect(VERDICTS, `${what}: ${x.outcome.verdict}`).toContain(x.outcome.verdict);
          expect(x.outcome.final.steps, what).toBeLessThanOrEqual(300_001);
          verdicts.set(x.outcome.verdict, (verdicts.get(x.outcome.verdict) ?? 0) + 1);
          if (process.env.FUZZ_DEBUG && /error|bug/.test(x.outcome.verdict)) console.log(what, "=>", x.outcome.verdict, x.outcome.detail.slice(0, 160));
        }
      }
    }
    // The mapper places statement-level mutations of modelled functions: most are replayed.
    expect(replayed).toBeGreaterThan(n / 2);
    console.log(`fuzz-mutations: ${files.length} of ${space.length} mutations, ${replayed} replayed; verdicts ${JSON.stringify(Object.fromEntries([...verdicts].sort()))}`);
  }, 3_600_000);
});
