// The cheap gate in front of the diff finder must never hide a diff: every line the finder
// may start a diff at passes the gate, and the gated finder finds exactly what the ungated
// one finds, on diffs of every rule (each quoted at depth 3, mangled, cut by scissors or
// snips, attached) and on every message of the fixtures and the conformance corpora.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, parseDiffText, type FoundDiff } from '../../src/patch/index.js';
import { findDiffsAt, findInView } from '../../src/patch/find-diffs.js';
import { buildViews, viewOfText, Kind, isFileStartKind } from '../../src/patch/view.js';
import { depthsWithDiffStart, mayStartDiff, textMayHoldDiff } from '../../src/patch/diff-gate.js';
import { CORPUS, HAVE_CORPUS, messagesOf, skipNote } from './corpus.js';
import { diffPart, quote, snipAfter, stripContextSpace, tabsToSpaces, trimTrailing, webArchive } from './mangle.js';

const MAIL = readFileSync(new URL('../../fixtures/patches/split-thp-before-exclusive.patch', import.meta.url), 'utf8');
const GIT_DIFF = diffPart(MAIL);

/** Gated and ungated readings of a body are the same; returns the gated one. */
function readBoth(body: string, patchMail = false): FoundDiff[] {
  const lines = splitQuoted(body);
  const gated = findDiffs(lines, { patchMail });
  expect(gated).toEqual(findDiffsAt(lines, null, { patchMail }));
  // Every line a view classifies as a diff start passes the gate.
  for (const v of buildViews(lines)) {
    v.kind.forEach((k, i) => {
      if (k === Kind.HunkHeader || isFileStartKind(k)) expect(mayStartDiff(v.text[i]!), v.text[i]).toBe(true);
    });
  }
  return gated;
}

/** One diff of each start rule. */
const RULES: [string, string][] = [
  ['diff --git', GIT_DIFF],
  ['diff -u (no git)', 'diff -u a/mm/x.c b/mm/x.c\n--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n'],
  ['a ---/+++ pair alone', '--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n'],
  ['CVS Index:', 'Index: mm/x.c\n===================================================================\n--- mm/x.c\n+++ mm/x.c\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n'],
  ['a headerless @@ fragment', '@@ -1,3 +1,3 @@ int f(void)\n a\n-b\n+c\n d\n'],
  ["b4's @@@ header", '--- a/x\n+++ b/x\n@@@ -1,1 +1,1 @@\n-a\n+b\n'],
];

describe('each start rule passes the gate, as sent and quoted at depth 3', () => {
  it.each(RULES)('%s', (_, diff) => {
    const sent = readBoth(`Here it is:\n\n${diff}\nThanks\n`);
    expect(sent).toHaveLength(1);
    const quoted = readBoth(`On Mon, A wrote:\n${quote(`Here it is:\n\n${diff}`, 3)}\nLooks fine.\n`);
    expect(quoted.map((d) => [d.quoteDepth, d.origin])).toEqual([[3, 'quoted']]);
    const tight = readBoth(`On Mon, A wrote:\n${quote(diff, 3, '>')}\n`);
    expect(tight.map((d) => d.quoteDepth)).toEqual([3]);
  });
});

describe('mangled diffs still pass the gate', () => {
  it.each([
    ['web-archive whitespace', webArchive(GIT_DIFF)],
    ['web-archive whitespace, quoted at depth 3', quote(webArchive(GIT_DIFF), 3)],
    ['tabs expanded, trailing blanks trimmed, context spaces lost', stripContextSpace(trimTrailing(tabsToSpaces(GIT_DIFF)))],
    ['a [...] snip inside a hunk', snipAfter(GIT_DIFF, (l) => l.startsWith('+'))],
    ['a [...] snip inside a hunk, quoted at depth 3', quote(snipAfter(GIT_DIFF, (l) => l.startsWith('+')), 3)],
  ])('%s', (_, body) => {
    const d = readBoth(body);
    expect(d.length).toBeGreaterThan(0);
    expect(d.flatMap((x) => x.files.map((f) => f.new))).toContain('mm/rmap.c');
  });

  it('a diff after a scissors line (`-- >8 --`) is a scissors diff', () => {
    const d = readBoth(`Agreed, how about:\n\n-- >8 --\nSubject: [PATCH] mm: b\n\n${GIT_DIFF}`);
    expect(d.map((x) => x.origin)).toEqual(['scissors']);
    const q = readBoth(quote(`-- >8 --\n${GIT_DIFF}`, 3));
    expect(q.map((x) => [x.origin, x.quoteDepth])).toEqual([['scissors', 3]]);
  });

  it('a patch mail: the diff after the patch break is the patch', () => {
    expect(readBoth(MAIL, true).map((x) => x.origin)).toEqual(['patch']);
  });

  it('a body with no diff start leaves after the gate, even with hunk-like lines', () => {
    const body = 'Hi,\n\n> -\tfoo();\n> +\tbar();\n\n-- >8 --\n[...]\n--\nA\n';
    expect(depthsWithDiffStart(splitQuoted(body))).toBeNull();
    expect(readBoth(body)).toEqual([]);
  });

  it('only the depths with a diff start are viewed, and the others still find nothing', () => {
    const lines = splitQuoted(`Comment\n${quote(GIT_DIFF, 2)}more comment\n`);
    expect([...depthsWithDiffStart(lines)!]).toEqual([2]);
    expect(buildViews(lines, new Set([2])).map((v) => v.depth)).toEqual([2]);
    for (const v of buildViews(lines)) if (v.depth !== 2) expect(findInView(v)).toEqual([]);
  });
});

describe('attachments (parseDiffText) pass the text gate', () => {
  it.each([...RULES, ['CRLF line ends', GIT_DIFF.replace(/\n/g, '\r\n')] as [string, string], ['a whole format-patch mail', MAIL]])(
    '%s',
    (_, text) => {
      expect(textMayHoldDiff(text)).toBe(true);
      expect(parseDiffText(text, 'attachment')).not.toBeNull();
    },
  );

  it('a text without a diff start line is no diff', () => {
    expect(textMayHoldDiff('notes\n -- a\n+++ b\n  diff -u\n')).toBe(false);
    expect(parseDiffText('notes\n -- a\n+++ b\n  diff -u\n', 'attachment')).toBeNull();
  });
});

/** Every diff-start line of a bare text passes the gate, and the texts gated out hold none. */
function checkText(text: string): void {
  const lines = text.split(/\r?\n/);
  const v = viewOfText(lines);
  const starts = v.kind.some((k) => k === Kind.HunkHeader || isFileStartKind(k));
  if (starts) expect(textMayHoldDiff(text)).toBe(true);
  if (!textMayHoldDiff(text)) expect(findInView(v)).toEqual([]);
}

describe('the fixtures and the conformance corpora read the same gated and ungated', () => {
  const patches = new URL('../../fixtures/patches/', import.meta.url);
  it('fixtures/patches, as sent, quoted at depth 3 and web-archive mangled', () => {
    for (const name of readdirSync(patches)) {
      if (name.endsWith('.md')) continue;
      const text = readFileSync(new URL(name, patches), 'utf8');
      readBoth(text, true);
      readBoth(quote(text, 3));
      readBoth(webArchive(text));
      checkText(text);
    }
  });

  skipNote('diff-gate conformance');
  it.skipIf(!HAVE_CORPUS)('every message of git t5100/t4256, patchwork and b4', async () => {
    let messages = 0;
    for (const dir of ['git-t5100', 'git-t4256-format-flowed', 'patchwork-mail', 'b4-samples']) {
      for (const name of readdirSync(join(CORPUS, dir))) {
        if (name === 'README.md') continue;
        let mails;
        try {
          mails = await messagesOf(join(CORPUS, dir, name));
        } catch {
          continue; // not a mail file (a reference output)
        }
        for (const m of mails) {
          readBoth(m.body, true);
          readBoth(m.body, false);
          for (const p of m.parts) checkText(p.text);
          messages++;
        }
      }
    }
    expect(messages).toBeGreaterThan(100);
  }, 120_000);
});
