// b4's test samples: patches with nonstandard `@@@` hunk headers whose counts lie, patches
// without `diff --git`, blank context lines stripped to empty lines. b4 itself passes them
// through untouched; we read them, recount and record the repairs (a deliberate difference:
// our text is the repaired diff, not the input), and b4's expected `git am` output for each
// series must carry exactly the changes we found in the input mbox.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, diffIdentity, type FoundDiff } from '../../src/patch/index.js';
import { CORPUS, HAVE_CORPUS, isReply, messagesOf, skipNote } from '../patch/corpus.js';
import { applyFailures } from '../patch/apply-helper.js';

const DIR = `${CORPUS}b4-samples/`;
skipNote('b4 samples (diffs)');

async function diffsOf(file: string): Promise<{ subject: string; diffs: FoundDiff[] }[]> {
  return (await messagesOf(DIR + file)).map((m) => ({
    subject: m.subject,
    diffs: findDiffs(splitQuoted(m.body), { patchMail: !isReply(m.subject) }),
  }));
}

const kinds = (d: FoundDiff) => d.repairs.map((r) => r.kind);

describe.skipIf(!HAVE_CORPUS)('b4 samples', () => {
  it('stripped-lines: the empty lines inside the hunk are blank context; counts recounted', async () => {
    const [patch, ...replies] = await diffsOf('trailers-followup-stripped-lines.mbox');
    expect(patch!.diffs).toHaveLength(1);
    const d = patch!.diffs[0]!;
    expect(d.files.map((f) => [f.old, f.new])).toEqual([['b4/junk.py', 'b4/junk.py']]);
    const h = d.files[0]!.hunks[0]!;
    expect(h.lines.map((l) => l.op + l.text)).toEqual([' ', ' ', '-junk1', '+junk2']);
    expect(h.header).toBe('@@ -1,3 +1,3 @@ def junk():');
    expect(h.function).toBe('junk');
    expect(kinds(d).sort()).toEqual([
      'blank-context-restored',
      'blank-context-restored',
      'hunk-count-fixed',
      'hunk-header-normalised',
    ]);
    expect(applyFailures(d.text)).toEqual([]);
    for (const r of replies) expect(r.diffs).toEqual([]);
    // Same change as the unstripped sample.
    const [clean] = await diffsOf('trailers-followup-single.mbox');
    expect(diffIdentity(d.files)).toBe(diffIdentity(clean!.diffs[0]!.files));
  });

  it('non-git-patch: `--- a/` `+++ b/` and a `@@@` header without `diff --git` is a patch', async () => {
    const [patch] = await diffsOf('trailers-followup-non-git-patch.mbox');
    const d = patch!.diffs[0]!;
    expect(patch!.diffs).toHaveLength(1);
    expect(d.origin).toBe('patch');
    expect(d.files.map((f) => f.new)).toEqual(['b4/junk.py']);
    // Trailing ` ` context before the `-- ` signature belongs to the hunk; the signature does not.
    expect(d.files[0]!.hunks[0]!.lines.map((l) => l.op + l.text)).toEqual([' ', ' ', '-junk1', '+junk2', ' ', ' ']);
    expect(applyFailures(d.text)).toEqual([]);
  });

  it('non-git-patch-with-comments: free text after `---` is not part of the diff', async () => {
    const [m] = await messagesOf(`${DIR}trailers-followup-non-git-patch-with-comments.mbox`);
    const d = findDiffs(splitQuoted(m!.body), { patchMail: true });
    expect(d).toHaveLength(1);
    expect(m!.body.split('\n')[d[0]!.firstLine - 1]).toBe('--- a/b4/junk.py');
  });

  const mboxes = HAVE_CORPUS ? readdirSync(DIR).filter((f) => f.endsWith('.mbox')).sort() : [];

  it.each(mboxes)('%s: patches carry one diff each, replies none of their own, all apply', async (file) => {
    for (const m of await diffsOf(file)) {
      for (const d of m.diffs) expect(applyFailures(d.text)).toEqual([]);
      const own = m.diffs.filter((d) => d.quoteDepth === 0);
      if (isReply(m.subject)) expect(own).toEqual([]);
      else expect(own.length).toBeLessThanOrEqual(1);
    }
  });

  const refs = HAVE_CORPUS ? readdirSync(DIR).filter((f) => /-ref-[a-z]+\.txt$/.test(f)).sort() : [];

  it.each(refs)('%s: b4 output carries the changes found in the input', async (ref) => {
    const input = ref.replace(/-ref-[a-z]+\.txt$/, '.mbox');
    const found = new Set(
      (await diffsOf(input)).flatMap((m) => m.diffs.filter((d) => d.quoteDepth === 0).map((d) => diffIdentity(d.files))),
    );
    const out = (await diffsOf(ref)).flatMap((m) => m.diffs);
    expect(out.length).toBeGreaterThan(0);
    for (const d of out) expect(found.has(diffIdentity(d.files))).toBe(true);
  });
});
