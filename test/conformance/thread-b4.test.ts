// b4's test samples: follow-up trailers (quoted ones not taken, mismatched addresses dropped,
// chain of custody, cover-letter trailers on every patch, HTML junk cleaned, names kept
// verbatim) and series recognition (covers, naked covers, the follow-up's patch).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, path } from '../thread/corpus.js';
import { parseThread } from '../../src/thread/parse-thread.js';
import { collectTrailers, groupSeries, roles } from '../../src/thread/tree/series.js';
import { parseTrailer } from '../../src/thread/message/trailers.js';
import type { ThreadParse, Trailer } from '../../src/thread/types.js';

const b4 = corpus('b4-samples');
const f = (name: string) => path(b4.dir, name);

/** b4 adds the applying maintainer's own Signed-off-by (its -s option); that is not a mail's trailer. */
const OWN_SOB = 'Signed-off-by: Test Override <test-override@example.com>';

/** The trailer blocks of each patch in a b4 `-ref-*.txt` (an mbox of am-ready patches). */
function refTrailers(file: string): string[][] {
  const out: string[][] = [];
  for (const mail of readFileSync(f(file), 'utf8').split(/^From git@z .*$/m).slice(1)) {
    const body = mail.slice(mail.indexOf('\n\n') + 2);
    const lines = body.slice(0, body.search(/^(---|diff --git)/m)).split('\n');
    out.push(
      lines
        .map((l) => parseTrailer(l))
        .filter((t): t is Trailer => t !== null)
        .map((t) => `${t.key}: ${t.value}`)
        .filter((t) => t !== OWN_SOB),
    );
  }
  return out;
}

function patchesOf(parse: ThreadParse): string[] {
  const r = roles(parse);
  return parse.messages.filter((m) => r.get(m.id) === 'patch').map((m) => m.id);
}

const show = (ts: Trailer[]) => ts.map((t) => `${t.key}: ${t.value}`);

const SAME_AS_REF: [mbox: string, ref: string][] = [
  ['trailers-followup-single.mbox', 'trailers-followup-single-ref-defaults.txt'],
  ['trailers-followup-with-cover.mbox', 'trailers-followup-with-cover-ref-defaults.txt'],
  ['trailers-followup-nore.mbox', 'trailers-followup-nore-ref-defaults.txt'],
  ['trailers-followup-non-git-patch.mbox', 'trailers-followup-non-git-patch-ref-defaults.txt'],
  ['trailers-followup-non-git-patch-with-comments.mbox', 'trailers-followup-non-git-patch-with-comments-ref-defaults.txt'],
  ['trailers-followup-with-diffstat.mbox', 'trailers-followup-with-diffstat-ref-defaults.txt'],
  ['trailers-followup-stripped-lines.mbox', 'trailers-followup-stripped-lines-ref-defaults.txt'],
  ['trailers-followup-htmljunk.mbox', 'trailers-followup-htmljunk-ref-defaults.txt'],
  ['trailers-followup-name-parens.mbox', 'trailers-followup-name-parens-ref-defaults.txt'],
  ['trailers-followup-bare-address.mbox', 'trailers-followup-bare-address-ref-defaults.txt'],
];

// Deliberately different: trailers-followup-partial-reroll. b4 rebuilds a whole v3 series
// (1/2 carried over from v2, the v2 cover's trailers on both). We keep what was sent: the v3
// 2/2 is a patch of its own v3 series hanging under v2 2/2, with its own trailers only.

describe.skipIf(!b4.present)(b4.title('b4 samples'), () => {
  it.each(SAME_AS_REF)('%s: trailers as in %s', async (mbox, ref) => {
    const parse = await parseThread([f(mbox)]);
    expect(parse.errors).toEqual([]);
    const got = patchesOf(parse).map((id) => show(collectTrailers(parse, id)));
    expect(got).toEqual(refTrailers(ref));
  });

  it('custody: same trailers as the unordered reference (b4 reorders with -s)', async () => {
    const parse = await parseThread([f('trailers-followup-custody.mbox')]);
    const got = patchesOf(parse).map((id) => show(collectTrailers(parse, id)).filter((t) => t !== OWN_SOB).sort());
    expect(got).toEqual(refTrailers('trailers-followup-custody-ref-unordered.txt').map((x) => x.sort()));
    expect(got[0]).toContain('Link: https://lore.kernel.org/other@msgid.here  # bug discussion');
  });

  it('sloppy: the mismatched address is taken too', async () => {
    const parse = await parseThread([f('trailers-followup-single.mbox')]);
    const [id] = patchesOf(parse);
    expect(show(collectTrailers(parse, id!, { sloppy: true }))).toEqual(refTrailers('trailers-followup-single-ref-sloppy.txt')[0]);
  });

  it('already-present: restated trailers are not added again, the mismatched Tested-by is dropped', async () => {
    const parse = await parseThread([f('trailers-followup-already-present.mbox')]);
    const [id] = patchesOf(parse);
    const own = parse.messages.find((m) => m.id === id)!.trailers;
    expect(collectTrailers(parse, id!)).toEqual(own);
    const sloppy = show(collectTrailers(parse, id!, { sloppy: true })).slice(own.length);
    expect(sloppy.map((t) => t.split(':')[0])).toEqual(['Tested-by']);
  });

  it('partial reroll: v3 2/2 is its own v3 patch under v2 2/2 (deliberate, see top)', async () => {
    const parse = await parseThread([f('trailers-followup-partial-reroll.mbox')]);
    const v3 = parse.messages.find((m) => m.tags?.version === 3)!;
    expect(roles(parse).get(v3.id)).toBe('patch');
    expect(parse.messages.find((m) => m.id === v3.parent)?.tags).toMatchObject({ version: 2, index: 2 });
    expect(groupSeries(parse).map((s) => [s.version, s.patches.length, s.cover !== null])).toEqual([
      [2, 2, true],
      [3, 1, false],
    ]);
  });

  it('naked cover: a diff-less first mail answered by the same author\'s patch is a cover', async () => {
    const single = await parseThread([f('naked-cover-single.mbox')]);
    const r = roles(single);
    expect(single.messages.map((m) => r.get(m.id))).toEqual(['cover', 'patch']);
    expect(groupSeries(single)).toHaveLength(1);
    expect(groupSeries(single)[0]!.cover).toBe(single.messages[0]!.id);
    const bug = await parseThread([f('naked-cover-bugreport.mbox')]);
    expect(roles(bug).get(bug.messages[0]!.id)).not.toBe('cover');
  });

  it('b4-generated series: 4 patches and a cover, v1; the follow-up belongs to 4/4', async () => {
    for (const file of ['shazam-git1-just-series.mbox', 'trailers-thread-with-followups.mbox', 'trailers-thread-with-cover-followup.mbox']) {
      const parse = await parseThread([f(file)]);
      const [s, ...rest] = groupSeries(parse);
      expect(rest).toEqual([]);
      expect(s).toMatchObject({ version: 1, total: 4, complete: true });
      expect(s!.cover).not.toBeNull();
    }
    const parse = await parseThread([f('trailers-thread-with-followups.mbox')]);
    const p4 = '20221025-test1-v1-4-e4f28f57990c@linuxfoundation.org';
    expect(parse.messages.find((m) => m.id === p4)?.subject).toContain('Minor typo changes imitation');
    const added = show(collectTrailers(parse, p4)).slice(parse.messages.find((m) => m.id === p4)!.trailers.length);
    expect(added.map((t) => t.split(':')[0])).toEqual(['Reviewed-by']);
    for (const id of patchesOf(parse).filter((x) => x !== p4)) {
      expect(collectTrailers(parse, id)).toEqual(parse.messages.find((m) => m.id === id)!.trailers);
    }
  });

  it('cover follow-up: its trailer goes to all 4 patches, Tested-by only to 4/4', async () => {
    const parse = await parseThread([f('trailers-thread-with-cover-followup.mbox')]);
    const added = patchesOf(parse).map((id) =>
      show(collectTrailers(parse, id))
        .slice(parse.messages.find((m) => m.id === id)!.trailers.length)
        .map((t) => t.split(':')[0]),
    );
    // The reply to 4/4 also carries `Link: https://example.org`. The corpus README only speaks of
    // its Tested-by; we keep the Link too (not a person trailer, so no address check applies).
    expect(added).toEqual([['Reviewed-by'], ['Reviewed-by'], ['Reviewed-by'], ['Tested-by', 'Link', 'Reviewed-by']]);
  });
});
