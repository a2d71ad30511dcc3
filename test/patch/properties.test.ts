// Property tests: random clean diffs survive random manglings with their identity, and no
// input at all (random line soup, binary junk) makes the finder throw or emit a diff jsdiff
// cannot apply.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, diffIdentity, parseDiffText } from '../../src/patch/index.js';
import { applyFailures } from './apply-helper.js';
import { hardWrap, quote, stripContextSpace, tabsToSpaces, trimTrailing, wrongCounts } from './mangle.js';

const ident = fc.constantFrom('page', 'vma', 'address', 'npages', 'entry', 'ptl', 'range', 'mm');
const codeLine = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('put_page', 'split_huge_pmd', 'pte_unmap_unlock', 'mmu_notifier_invalidate_range_end', 'spin_lock', 'return'), fc.array(ident, { minLength: 1, maxLength: 3 }))
  .map(([tabs, fn, args]) => (fn === 'return' ? `${'\t'.repeat(tabs)}return ${args[0]};` : `${'\t'.repeat(tabs)}${fn}(${args.join(', ')});`));
// Long enough for a mail client's 72-column wrap to break it.
const longLine = fc
  .tuple(fc.integer({ min: 1, max: 2 }), ident)
  .map(([tabs, a]) => `${'\t'.repeat(tabs)}pr_warn("device exclusive entry %lx could not be installed for %s, retrying\\n", ${a}, name);`);
const changeLine = fc.oneof({ weight: 6, arbitrary: codeLine }, { weight: 1, arbitrary: longLine });
const contextLine = fc.oneof({ weight: 5, arbitrary: codeLine }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: longLine });

interface GenHunk {
  before: string[];
  removed: string[];
  added: string[];
  after: string[];
}

const hunk = fc.record({
  before: fc.array(contextLine, { maxLength: 3 }),
  removed: fc.array(changeLine, { maxLength: 3 }),
  added: fc.array(changeLine, { maxLength: 4 }),
  after: fc.array(contextLine, { maxLength: 3 }),
}).filter((h) => h.removed.length + h.added.length > 0);

const diffGen = fc.array(fc.array(hunk, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((files) => {
  const out: string[] = [];
  files.forEach((hunks: GenHunk[], f) => {
    const path = `mm/file${f}.c`;
    out.push(`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`);
    let oldStart = 10;
    let shift = 0;
    for (const h of hunks) {
      const oldLines = h.before.length + h.removed.length + h.after.length;
      const newLines = h.before.length + h.added.length + h.after.length;
      const os = oldLines === 0 ? oldStart - 1 : oldStart;
      const ns = newLines === 0 ? oldStart + shift - 1 : oldStart + shift;
      out.push(`@@ -${os},${oldLines} +${ns},${newLines} @@ static int fn${f}(void)`);
      for (const l of h.before) out.push(' ' + l);
      for (const l of h.removed) out.push('-' + l);
      for (const l of h.added) out.push('+' + l);
      for (const l of h.after) out.push(' ' + l);
      shift += h.added.length - h.removed.length;
      oldStart += oldLines + 20;
    }
  });
  return out.join('\n') + '\n';
});

const mangling = fc.record({
  counts: fc.constantFrom(0, 0, 1, 2, -1),
  tabs: fc.boolean(),
  strip: fc.boolean(),
  depth: fc.integer({ min: 0, max: 3 }),
  trim: fc.boolean(),
  /** A reviewer comment after the n-th changed line (quoted diffs only). */
  comment: fc.option(fc.nat({ max: 30 }), { nil: null }),
  /** Hard wrap at 72 columns, before quoting or (the replier's client) after it. */
  wrap: fc.constantFrom('none', 'none', 'before-quote', 'after-quote'),
});

type Mangling = {
  counts: number;
  tabs: boolean;
  strip: boolean;
  depth: number;
  trim: boolean;
  comment: number | null;
  wrap: string;
};

function mangle(text: string, m: Mangling): string {
  let t = text;
  // A wrapped tail and a context line that lost its space look the same, and with lying
  // counts nothing tells them apart: wraps are combined only with intact counts and context
  // (trimming turns blank context lines into marker-less ones).
  const wrap = m.counts === 0 && !m.strip && !m.trim ? m.wrap : 'none';
  if (m.counts) t = wrongCounts(t, m.counts);
  if (m.tabs) t = tabsToSpaces(t);
  if (m.strip) t = stripContextSpace(t);
  if (wrap === 'before-quote') t = hardWrap(t);
  if (m.depth) t = quote(t, m.depth);
  if (wrap === 'after-quote') t = hardWrap(t);
  if (m.trim) t = trimTrailing(t);
  // Counts that stop short, and a reviewer's comment just where they stop, read as a hunk that
  // ends there (and headerless quoted lines after the comment, as real reviews quote): comments
  // go with counts that are not short.
  if (m.depth && m.comment !== null && m.counts >= 0) {
    // Between two lines of a hunk (after a +/- line), never inside a file header.
    const ls = t.replace(/\n$/, '').split('\n');
    const marker = '> '.repeat(m.depth);
    // After a changed line whose next line is a hunk line or header (not a wrapped tail).
    const hunkish = (l: string | undefined) => l !== undefined && l.startsWith(marker) && /^(?:[ +\-@d]|$)/.test(l.slice(marker.length));
    const changed = ls.flatMap((l, i) =>
      /^[+-](?![+-]{2} )/.test(l.slice(marker.length)) && l.startsWith(marker) && hunkish(ls[i + 1]) ? [i] : [],
    );
    if (changed.length > 0) {
      const at = changed[m.comment % changed.length]!;
      ls.splice(at + 1, 0, '', 'A reviewer comment here.', '');
    }
    t = ls.join('\n') + '\n';
  }
  return t;
}

const changes = (d: { files: { new: string | null; hunks: { added: number; removed: number }[] }[] }) =>
  d.files.map((f) => [f.new, f.hunks.reduce((n, h) => n + h.added, 0), f.hunks.reduce((n, h) => n + h.removed, 0)]);

describe('random diffs through random manglings', () => {
  it('keep identity, files and +/- counts, and apply', () => {
    fc.assert(
      fc.property(diffGen, mangling, (text, m) => {
        const clean = findDiffs(splitQuoted(text));
        expect(clean).toHaveLength(1);
        expect(clean[0]!.repairs).toEqual([]);
        expect(clean[0]!.text).toBe(text);
        const body = `Reply text.\n\n${mangle(text, m)}\nThanks,\nReviewer\n`;
        const got = findDiffs(splitQuoted(body));
        expect(got).toHaveLength(1);
        expect(got[0]!.quoteDepth).toBe(m.depth);
        expect(diffIdentity(got[0]!.files)).toBe(diffIdentity(clean[0]!.files));
        expect(changes(got[0]!)).toEqual(changes(clean[0]!));
        expect(applyFailures(got[0]!.text)).toEqual([]);
        if (!m.counts && !m.strip && !m.trim && m.wrap === 'none') expect(got[0]!.text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

const soupLine = fc.oneof(
  fc.constantFrom(
    'diff --git a/x.c b/x.c', '--- a/x.c', '+++ b/x.c', '@@ -1,3 +1,4 @@ f(void)', '@@ -1 +1 @@', '@@@ -1,1 +1,1 @@',
    ' ctx', '+add', '-del', '', '-- ', '--', '[...]', '---8<---', '-- >8 --', 'Index: x.c',
    '===================================================================', '\\ No newline at end of file',
    'new file mode 100644', 'rename from a', 'GIT binary patch', 'literal 3', 'Thanks,', 'prose line here',
    '> ', '> +quoted add', '> -quoted del', '>  quoted ctx', '> @@ -1,2 +1,2 @@', 'code_line(x);',
  ),
  fc.string({ maxLength: 12 }),
);

describe('anything in, no exception out', () => {
  it('random diff-ish line soup', () => {
    fc.assert(
      fc.property(fc.array(soupLine, { maxLength: 80 }), fc.boolean(), (ls, patchMail) => {
        const body = ls.join('\n');
        const lines = splitQuoted(body);
        const found = findDiffs(lines, { patchMail });
        for (const d of found) {
          expect(d.firstLine).toBeLessThanOrEqual(d.lastLine);
          for (const r of d.repairs) {
            expect(r.line).toBeGreaterThanOrEqual(1);
            expect(r.line).toBeLessThanOrEqual(lines.length);
          }
          for (const f of d.files)
            for (const h of f.hunks) {
              expect(h.added).toBe(h.lines.filter((l) => l.op === '+').length);
              expect(h.removed).toBe(h.lines.filter((l) => l.op === '-').length);
              expect(h.oldLines).toBe(h.lines.filter((l) => l.op !== '+').length);
              expect(h.newLines).toBe(h.lines.filter((l) => l.op !== '-').length);
            }
          expect(applyFailures(d.text)).toEqual([]);
        }
        parseDiffText(body, 'attachment');
      }),
      { numRuns: 1000 },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        findDiffs(splitQuoted(text), { patchMail: true });
        parseDiffText(text, 'attachment');
      }),
      { numRuns: 200 },
    );
  });
});
