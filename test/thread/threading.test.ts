// JWZ threading: placeholders, out-of-order arrival, loops refused, subject-only mails kept out.
import { describe, expect, it } from 'vitest';
import { threadMessages, type ThreadInput } from './thread-strings.js';

let order = 0;
const msg = (id: string, subject: string, inReplyTo: string | null = null, references: string[] = []): ThreadInput => ({
  id,
  subject,
  inReplyTo,
  references,
  reply: /^re:/i.test(subject),
  order: order++,
});

describe('threadMessages', () => {
  it('hangs replies under parents that arrive later', () => {
    const t = threadMessages([
      msg('c', 'Re: x', 'b', ['a', 'b']),
      msg('b', 'Re: x', 'a', ['a']),
      msg('a', '[PATCH] x'),
    ]);
    expect(Object.fromEntries(t.parent)).toEqual({ c: 'b', b: 'a', a: null });
    expect(t.placeholders).toEqual([]);
    expect(t.unlinked).toEqual([]);
  });

  it('makes placeholders for missing parents, chained by References', () => {
    const t = threadMessages([msg('p8', '[PATCH v10 07/10] x', 'cover', ['cover']), msg('r', 'Re: x', 'gone', ['cover', 'p8', 'gone'])]);
    expect(t.parent.get('p8')).toBe('cover');
    expect(t.parent.get('r')).toBe('gone');
    expect(t.placeholders).toEqual(
      expect.arrayContaining([
        { id: 'cover', parent: null, children: ['p8'] },
        { id: 'gone', parent: 'p8', children: ['r'] },
      ]),
    );
  });

  it('keeps every container of a long References chain (t5100 0006 has 50)', () => {
    const refs = Array.from({ length: 50 }, (_, i) => `r${i}`);
    const t = threadMessages([msg('m', 'Re: x', null, refs)]);
    expect(t.parent.get('m')).toBe('r49');
    expect(t.placeholders).toHaveLength(50);
    expect(t.placeholders.find((p) => p.id === 'r0')?.parent).toBeNull();
  });

  it('gives a mail without reply headers the parent a later mail\'s References name', () => {
    const t = threadMessages([msg('b', 'Re: x'), msg('c', 'Re: x', 'b', ['a', 'b'])]);
    expect(t.parent.get('b')).toBe('a');
    expect(t.placeholders).toEqual([{ id: 'a', parent: null, children: ['b'] }]);
  });

  it('does not let a References list in the wrong order turn the tree over (b4 with-cover sample)', () => {
    const t = threadMessages([
      msg('cover', '[PATCH 0/2] c'),
      msg('p2', '[PATCH 2/2] x', 'cover', ['cover']),
      msg('r', 'Re: [PATCH 2/2] x', 'p2', ['p2', 'cover']),
    ]);
    expect(Object.fromEntries(t.parent)).toEqual({ cover: null, p2: 'cover', r: 'p2' });
  });

  it('prefers In-Reply-To over a cut-short References', () => {
    const t = threadMessages([msg('a', 'x'), msg('b', 'Re: x', 'a', []), msg('c', 'Re: x', 'b', ['a'])]);
    expect(t.parent.get('c')).toBe('b');
  });

  it('never builds a loop', () => {
    const t = threadMessages([msg('a', 'x', 'b'), msg('b', 'Re: x', 'a')]);
    const a = t.parent.get('a');
    const b = t.parent.get('b');
    expect(a === 'b' && b === 'a').toBe(false);
  });

  it('keeps subject-only replies out of the tree and lists them', () => {
    const t = threadMessages([
      msg('root', '[PATCH] mm: thing'),
      msg('r1', 'Re: [PATCH] mm: thing', 'root', ['root']),
      msg('lost', 'Re: [PATCH] mm: thing'),
      msg('lost-child', 'Re: [PATCH] mm: thing', 'lost', ['lost']),
      msg('other', 'Re: something else'),
    ]);
    expect(t.parent.get('lost')).toBeNull();
    expect(t.unlinked).toEqual(['lost', 'lost-child']);
  });

  it('does not call a resend of the same subject unlinked', () => {
    const t = threadMessages([msg('v1', '[PATCH 1/2] a'), msg('resend', '[PATCH 1/2] a')]);
    expect(t.unlinked).toEqual([]);
  });
});
