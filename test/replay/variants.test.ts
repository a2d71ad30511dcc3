// Variants are distinct diffs at their first appearance; the base follows the subject version.
import { describe, expect, test } from 'vitest';
import { parseThread } from '../../src/thread/index.js';
import type { Message } from '../../src/thread/types.js';
import { chooseBase, UnknownBase } from '../../src/replay/choose-base.js';
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
  const msg = (subject: string, version: number | null, reply: boolean) =>
    ({ subject, tags: version === null && !reply ? null : { prefix: 'PATCH', version, index: null, total: null, rfc: false, resend: false, lists: [], reply, cover: false } }) as unknown as Message;

  test('the subject version when the model has it', () => {
    expect(chooseBase([msg('Re: [PATCH v10 07/10] x', 10, true)]).name).toBe('v10');
  });
  test('patch mails decide over replies', () => {
    const b = chooseBase([msg('Re: [PATCH v10 07/10] x', 10, true), msg('Re: [PATCH v10 07/10] x', 10, true), msg('[PATCH v9 07/10] x', 9, false)]);
    expect(b.name).toBe('v5.14');
    expect(b.why).toContain('version 9');
  });
  test('no version, or one the model lacks: the merged code', () => {
    expect(chooseBase([msg('[PATCH] x', null, false)]).name).toBe('v5.14');
    expect(chooseBase([msg('[PATCH v11 07/10] x', 11, false)]).why).toContain('does not have');
  });
  test('--base wins, and an unknown one is refused', () => {
    expect(chooseBase([msg('[PATCH v10 07/10] x', 10, false)], 'v5.14')).toEqual({ name: 'v5.14', why: 'asked for with --base v5.14' });
    expect(() => chooseBase([], 'v9')).toThrow(UnknownBase);
  });
});
