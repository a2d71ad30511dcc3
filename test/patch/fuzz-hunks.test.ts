// Fuzz: the tolerant hunk reader on real diffs mangled at random (fixtures/patches and the diffs
// of the shared conformance mails): leading spaces dropped, tabs turned to spaces, hunk counts
// that lie, lines cut short or lost, junk lines inserted. It never throws; whatever it changed
// from the input it lists as a repair (a diff with no repairs is the input's own lines); every
// hunk it yields is consistent, and jsdiff applies it or refuses it by returning false (no throw).
// Fixed seed; FUZZ_RUNS sets the case count (`npm run fuzz`), FUZZ_SEED another seed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, parseDiffText } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';
import { CORPUS, HAVE_CORPUS, messagesOf } from './corpus.js';

const HUNK_FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed7);

/** Real diffs as clean unified-diff text (what the reader gives for the unmangled input). */
async function realDiffs(): Promise<string[]> {
  const out: string[] = [];
  const dir = new URL('../../fixtures/patches/', import.meta.url);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.patch')).sort()) {
    const d = parseDiffText(readFileSync(new URL(f, dir), 'utf8'), 'attachment');
    if (d && d.files.some((x) => x.hunks.length)) out.push(d.text);
  }
  if (HAVE_CORPUS) {
    for (const sub of ['patchwork-mail', 'git-t5100', 'b4-samples']) {
      let names: string[] = [];
      try {
        names = readdirSync(join(CORPUS, sub)).filter((n) => /\.(mbox|patch|mboxrd)$/.test(n) || /^(sample|patch)/.test(n)).sort();
      } catch {
        continue;
      }
      for (const n of names) {
        try {
          for (const m of await messagesOf(join(CORPUS, sub, n)))
            for (const d of findDiffs(splitQuoted(m.body ?? ''))) if (d.quoteDepth === 0 && d.text.length < 20_000) out.push(d.text);
        } catch {
          // a corpus file our reader refuses is the thread suites' business, not this property's
        }
      }
    }
  }
  return [...new Set(out)];
}

type Mangle =
  | { op: 'strip-space' | 'tabs' | 'cut' | 'drop' | 'dup'; at: number; n: number }
  | { op: 'counts'; at: number; n: number }
  | { op: 'junk'; at: number; text: string };

const JUNK = ['', '-- ', 'Thanks,', '> quoted', '[...]', '@@', '@@ -1 +1 @@', '+', '-', ' ', '\\ No newline at end of file', 'diff --git a/x b/x', '--- a/mm/rmap.c', '===='];
const mangle: fc.Arbitrary<Mangle> = fc.oneof(
  fc.record({ op: fc.constantFrom('strip-space', 'tabs', 'cut', 'drop', 'dup') as fc.Arbitrary<'cut'>, at: fc.nat(), n: fc.nat({ max: 80 }) }),
  fc.record({ op: fc.constant('counts') as fc.Arbitrary<'counts'>, at: fc.nat(), n: fc.integer({ min: -3, max: 5 }) }),
  fc.record({ op: fc.constant('junk') as fc.Arbitrary<'junk'>, at: fc.nat(), text: fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 30 })) }),
);

function apply(text: string, ms: Mangle[]): string {
  const ls = text.replace(/\n$/, '').split('\n');
  for (const m of ms) {
    const i = m.at % (ls.length + (m.op === 'junk' ? 1 : 0));
    const l = ls[i] ?? '';
    switch (m.op) {
      case 'strip-space':
        if (l.startsWith(' ')) ls[i] = l.slice(1);
        break;
      case 'tabs':
        ls[i] = l.replace(/\t/g, ' '.repeat(1 + (m.n % 8)));
        break;
      case 'cut':
        ls[i] = l.slice(0, m.n % (l.length + 1));
        break;
      case 'drop':
        if (ls.length > 1) ls.splice(i, 1);
        break;
      case 'dup':
        ls.splice(i, 0, l);
        break;
      case 'counts': {
        // The hunk header at or after i lies about its counts.
        const h = ls.findIndex((x, k) => k >= i && x.startsWith('@@ '));
        if (h >= 0) ls[h] = ls[h]!.replace(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/, (_, a, b, c, d) => `@@ -${a},${Math.max(0, Number(b ?? 1) + m.n)} +${c},${Math.max(0, Number(d ?? 1) - m.n)} @@`);
        break;
      }
      case 'junk':
        ls.splice(i, 0, m.text);
        break;
    }
  }
  return ls.join('\n') + '\n';
}

describe('the tolerant hunk reader on mangled real diffs', () => {
  let corpus: string[] = [];
  beforeAll(async () => {
    corpus = await realDiffs();
  }, 300_000);

  it(`never throws, lists every change it makes, and yields hunks jsdiff takes (${HUNK_FUZZ_RUNS} cases)`, () => {
    expect(corpus.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.nat(), fc.array(mangle, { minLength: 1, maxLength: 6 }), fc.nat({ max: 2 }), (pick, ms, depth) => {
        const clean = corpus[pick % corpus.length]!;
        const text = apply(clean, ms);
        const body = `Some reply text.\n\n${text.replace(/^/gm, '> '.repeat(depth))}\nThanks.\n`;
        const lines = splitQuoted(body);
        const found = findDiffs(lines);
        parseDiffText(text, 'attachment');
        for (const d of found) {
          for (const r of d.repairs) {
            expect(r.line).toBeGreaterThanOrEqual(1);
            expect(r.line).toBeLessThanOrEqual(lines.length);
            expect(r.detail.length).toBeGreaterThan(0);
          }
          // Nothing changed silently: with no repair listed, every hunk line is its input line.
          if (d.repairs.length === 0)
            for (const f of d.files) for (const h of f.hunks) for (const l of h.lines) expect(l.op + l.text).toBe(lines[l.lineNo - 1]!.text);
          for (const f of d.files)
            for (const h of f.hunks) {
              expect(h.oldLines).toBe(h.lines.filter((l) => l.op !== '+').length);
              expect(h.newLines).toBe(h.lines.filter((l) => l.op !== '-').length);
            }
          // jsdiff applies the hunks onto the sides they describe, or refuses them by returning
          // false; a diff the reader did not repair always applies.
          let failures: string[] = [];
          expect(() => (failures = applyFailures(d.text))).not.toThrow();
          for (const f of failures) expect(f).toMatch(/: jsdiff refused the patch$/);
          if (d.repairs.length === 0) expect(failures).toEqual([]);
        }
      }),
      { numRuns: HUNK_FUZZ_RUNS, seed: SEED },
    );
  }, 600_000);
});
