import { describe, expect, it } from 'vitest';
import { cleanSubject, parseSubjectTags, threadSubject } from '../../src/thread/message/subject-tags.js';

describe('parseSubjectTags', () => {
  it('reads [PATCH v10 07/10]', () => {
    expect(parseSubjectTags('Re: [PATCH v10 07/10] mm: Device exclusive memory access')).toEqual({
      prefix: 'PATCH',
      version: 10,
      index: 7,
      total: 10,
      rfc: false,
      resend: false,
      lists: [],
      reply: true,
      cover: false,
    });
  });
  it.each([
    ['[PATCHv3] foo', { prefix: 'PATCH', version: 3, index: null }],
    ['[RFC PATCH 1/8] foo', { prefix: 'RFC PATCH', rfc: true, index: 1, total: 8 }],
    ['[PATCH RESEND v2 3/7] foo', { prefix: 'PATCH RESEND', resend: true, version: 2, index: 3, total: 7 }],
    ['[PATCH 3/3 v2] Xyzzy', { version: 2, index: 3, total: 3 }],
    ['[PATCH 0/10] cover', { index: 0, total: 10, cover: true }],
    ['[PATCH 0 of 2] mercurial', { index: 0, total: 2, cover: true }],
    ['[dpdk-dev] [PATCH] net: fix', { prefix: 'PATCH', lists: ['dpdk-dev'] }],
    ['[PATCH net-next v3 0/4] series (v3)', { prefix: 'PATCH', version: 3, cover: true }],
    ['[PATCH 1/4] no version but (v3)', { version: 3 }],
    ['[PATCH V2 0/4] upper case', { version: 2 }],
    ['[PATCH1/8] glued counter', { index: 1, total: 8 }],
    ['PATCH 1/8: no brackets', { prefix: 'PATCH', index: 1, total: 8 }],
    ['[Patch 2/2]: colon after', { prefix: 'PATCH', index: 2, total: 2 }],
    ['[GIT PULL] powerpc', { prefix: 'GIT PULL' }],
    ['[Nouveau] Re: [PATCH v10 07/10] mm', { lists: ['Nouveau'], reply: true, version: 10 }],
    ['Aw: [PATCH] german reply', { reply: true }],
  ])('%s', (subject, expected) => {
    expect(parseSubjectTags(subject)).toMatchObject(expected);
  });
  it('is null for a plain subject', () => {
    expect(parseSubjectTags('Why does git-am not like >8 scissors mark?')).toBeNull();
    expect(parseSubjectTags('Re: plain reply')).toBeNull();
  });
});

describe('threadSubject / cleanSubject', () => {
  it('compares subjects without markers and tags', () => {
    expect(threadSubject('Re: [Nouveau] [PATCH v10 07/10] mm: Device exclusive memory access')).toBe(
      threadSubject('[PATCH v10 07/10] mm: Device   exclusive memory access'),
    );
  });
  it('cleans like git mailinfo', () => {
    expect(cleanSubject('[PATCH] [other] [PATCH] message')).toBe('message');
    expect(cleanSubject('re: [PATCH] another patch')).toBe('another patch');
    expect(cleanSubject('Re: Re: [Navy-patches] [PATCH] x')).toBe('x');
    expect(cleanSubject('Subject:    extra spaces'.slice(8))).toBe('extra spaces');
  });
});
