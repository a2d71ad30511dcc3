// Variants are distinct diffs at their first appearance; each has its base (option, base-commit,
// the posting the subject names, the text its hunks match, the date).
import { describe, expect, test } from 'vitest';
import { parseThread } from '../../src/thread/index.js';
import type { Message } from '../../src/thread/types.js';
import { chooseBase, threadBaseFacts, UnknownBase } from '../../src/replay/choose-base.js';
import { baseWhy } from '../../src/report/base-choice.js';
import type { HunkPlacement } from '../../src/map/types.js';
import { collectVariants } from '../../src/replay/variants.js';

const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
const MBOX = 'fixtures/threads/v10-07-device-exclusive.mbox';

describe('collectVariants', () => {
  test('the seed: one variant, Peter Xu\'s diff quoted at depth 1', async () => {
    const v = collectVariants(await parseThread([SEED]));
    expect(v).toHaveLength(1);
    expect(v[0]!.diff.author?.name).toBe('Peter Xu');
    expect(v[0]!.diff.quoteDepth).toBe(1);
    expect(v[0]!.copies).toEqual([]);
  });

  test('the whole thread: the patch mail\'s diff and Peter\'s, whose quoted copy in the seed reply is the same variant', async () => {
    const p = await parseThread([MBOX]);
    const v = collectVariants(p);
    expect(v.map((c) => [c.message.id, c.diff.author?.name, c.diff.quoteDepth])).toEqual([
      ['20210607075855.5084-8-apopple@nvidia.com', 'Alistair Popple', 0],
      ['YMDmsha6GDtUf3Vs@t490s', 'Peter Xu', 0],
    ]);
    expect(v[1]!.copies).toEqual(['2773835.D95cIkl9rl@nvdebian']);
  });

  test('given the seed first and the thread after, the variant still starts at its first appearance', async () => {
    const v = collectVariants(await parseThread([SEED, MBOX]));
    const peter = v.find((c) => c.diff.author?.name === 'Peter Xu')!;
    expect(peter.message.id).toBe('YMDmsha6GDtUf3Vs@t490s');
  });

  test('a spilled parse (messages made again when read) gives the same variants, hunk lines and all', async () => {
    for (const inputs of [[MBOX], [SEED, MBOX], [SEED]]) {
      const key = (v: ReturnType<typeof collectVariants>) => v.map((c) => ({ message: c.message.id, diff: JSON.parse(JSON.stringify(c.diff)) as unknown, copies: c.copies }));
      const plain = key(collectVariants(await parseThread(inputs, { store: 'memory' })));
      expect(key(collectVariants(await parseThread(inputs, { store: 'spill' })))).toEqual(plain);
      expect(plain.length).toBeGreaterThan(0);
    }
  });
});

describe('chooseBase', () => {
  const tags = (version: number | null, reply: boolean) => (version === null && !reply ? null : { prefix: 'PATCH', version, index: null, total: null, rfc: false, resend: false, lists: [], reply, cover: false });
  const msg = (id: string, subject: string, version: number | null, reply: boolean, extra: Partial<Message> = {}) =>
    ({ id, parent: null, subject, date: '2021-06-10T00:18:38.000Z', tags: tags(version, reply), series: { baseCommit: null, changeId: null }, ...extra }) as unknown as Message;
  /** A probe that places the hunk on the given bases: exactly, or with `matched` of 10 tokens. */
  const probe = (fits: Record<string, number>) => (base: string): HunkPlacement[] => {
    const matched = fits[base];
    if (matched === undefined) return [{ kind: 'unplaced', match: null } as HunkPlacement];
    return [{ kind: 'code', match: { tokens: 10, matched } } as HunkPlacement];
  };

  test('the posting the subject names, when the hunks match it exactly', () => {
    const m = msg('a', 'Re: [PATCH v10 07/10] x', 10, true);
    const facts = threadBaseFacts([m]);
    expect(chooseBase(m, facts, undefined, probe({ v10: 10, 'v5.14': 10 }))).toMatchObject({ base: 'v10', rule: 'subject', version: 10 });
    // matching v5.14 only: the posting is not what the hunk was written for
    expect(chooseBase(m, facts, undefined, probe({ v10: 8, 'v5.14': 10 }))).toMatchObject({ base: 'v5.14', rule: 'exact' });
  });
  test('the posting\'s own mail: the base it made has every hunk already, a later base places some', () => {
    const m = msg('a', '[PATCH v10 07/10] x', 10, false);
    const applied = (base: string): HunkPlacement[] =>
      base === 'v6.1' ? [{ kind: 'code', match: { tokens: 10, matched: 8 } } as HunkPlacement, { kind: 'unplaced', match: null } as HunkPlacement]
        : [{ kind: 'no-code-change', alreadyApplied: true, match: { tokens: 10, matched: 10 } } as HunkPlacement, { kind: 'no-code-change', alreadyApplied: true, match: { tokens: 10, matched: 9 } } as HunkPlacement];
    const c = chooseBase(m, threadBaseFacts([m]), undefined, applied);
    expect(c).toMatchObject({ base: 'v10', rule: 'subject', version: 10 });
    expect(baseWhy(c)).toBe('the thread is about version 10 and the v10 posting already has every hunk');
    // without the subject naming it, the base that places hunks is the closest
    const plain = msg('b', '[PATCH] x', null, false);
    expect(chooseBase(plain, threadBaseFacts([plain]), undefined, applied)).toMatchObject({ base: 'v6.1', rule: 'closest' });
  });
  test('patch mails decide the thread\'s version over replies', () => {
    const ms = [msg('a', 'Re: [PATCH v10 07/10] x', 10, true), msg('b', 'Re: [PATCH v10 07/10] x', 10, true), msg('c', '[PATCH v9 07/10] x', 9, false)];
    expect(threadBaseFacts(ms).subjectVersion).toBe(9);
    expect(chooseBase(ms[0]!, threadBaseFacts(ms), undefined, probe({ v10: 10, 'v5.14': 10 }))).toMatchObject({ base: 'v5.14', rule: 'exact' });
  });
  test('no exact match: the base with the most tokens matched', () => {
    const m = msg('a', '[PATCH] x', null, false);
    const c = chooseBase(m, threadBaseFacts([m]), undefined, probe({ v10: 9, 'v5.14': 7 }));
    expect(c).toMatchObject({ base: 'v10', rule: 'closest' });
    expect(baseWhy(c)).toContain('v10 places 1 of 1 hunk, 90% of their tokens');
  });
  test('equal closest fits: the base nearest the message\'s date', () => {
    const early = msg('a', '[PATCH] x', null, false, { date: '2021-03-30T00:00:00.000Z' });
    expect(chooseBase(early, threadBaseFacts([early]), undefined, probe({ 'v5.14': 7, 'v6.1': 7 }))).toMatchObject({ base: 'v5.14', rule: 'closest' });
    const late = msg('b', '[PATCH] x', null, false, { date: '2023-03-30T00:00:00.000Z' });
    expect(chooseBase(late, threadBaseFacts([late]), undefined, probe({ 'v5.14': 7, 'v6.1': 7 }))).toMatchObject({ base: 'v6.1', rule: 'closest' });
  });
  test('nothing places: the newest base that existed at the message\'s date', () => {
    const early = msg('a', '[PATCH] x', null, false, { date: '2021-07-01T00:00:00.000Z' });
    expect(chooseBase(early, threadBaseFacts([early]), undefined, probe({}))).toMatchObject({ base: 'v10', rule: 'date' });
    const late = msg('b', '[PATCH] x', null, false, { date: '2021-09-01T00:00:00.000Z' });
    expect(chooseBase(late, threadBaseFacts([late]), undefined, probe({}))).toMatchObject({ base: 'v5.14', rule: 'date' });
    // A diff touching no model file is not mapped at all (the probe says null): the date decides.
    expect(chooseBase(late, threadBaseFacts([late]), undefined, () => null)).toMatchObject({ base: 'v5.14', rule: 'date' });
  });
  test('a base-commit line naming a release decides, also from the cover letter the patch replies to', () => {
    const cover = msg('cover', '[PATCH 0/2] x', null, false, { series: { baseCommit: '7d2a07b76933', changeId: null } });
    const patch = msg('p1', '[PATCH 1/2] x', null, false, { parent: 'cover' });
    const c = chooseBase(patch, threadBaseFacts([cover, patch]), undefined, probe({ v10: 10, 'v5.14': 8 }));
    expect(c).toMatchObject({ base: 'v5.14', rule: 'base-commit', commit: '7d2a07b76933' });
    expect(baseWhy(c)).toBe('its base-commit 7d2a07b76933 is the v5.14 release');
    // a commit that is no release is said, and the text decides
    const other = msg('q', '[PATCH] y', null, false, { series: { baseCommit: 'f435c12df7c0ecf20ab8937859e63cddffacabb4', changeId: null } });
    const d = chooseBase(other, threadBaseFacts([other]), undefined, probe({ v10: 10 }));
    expect(d).toMatchObject({ base: 'v10', rule: 'exact', unknownCommit: 'f435c12df7c0ecf20ab8937859e63cddffacabb4' });
    expect(baseWhy(d)).toContain('is not a release the model has');
  });
  test('--base wins, and an unknown one is refused', () => {
    const m = msg('a', '[PATCH v10 07/10] x', 10, false);
    expect(chooseBase(m, threadBaseFacts([m]), 'v5.14', probe({ v10: 10 }))).toEqual({ base: 'v5.14', rule: 'option' });
    expect(() => chooseBase(m, threadBaseFacts([m]), 'v9', probe({}))).toThrow(UnknownBase);
  });
});
