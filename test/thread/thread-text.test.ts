// The text view on hand-made parses: placeholders, unlinked mails, errors, deep threads.
import { describe, expect, it } from 'vitest';
import { threadText, tagText } from '../../src/report/thread-text.js';
import type { Message, ThreadParse } from '../../src/thread/types.js';

const msg = (id: string, parent: string | null, extra: Partial<Message> = {}): Message => ({
  id,
  idSynthesised: false,
  from: { name: `N${id}`, email: `${id}@x` },
  date: '2021-06-10T00:18:38.000Z',
  subject: `Re: thing ${id}`,
  tags: null,
  inReplyTo: parent,
  references: [],
  parent,
  quotes: [],
  diffs: [],
  trailers: [],
  series: { baseCommit: null, changeId: null },
  inBody: null,
  source: { file: 'f', index: 0, format: 'mbox' },
  ...extra,
});

const parse = (messages: Message[], rest: Partial<ThreadParse> = {}): ThreadParse => ({
  messages,
  placeholders: [],
  unlinked: [],
  errors: [],
  ...rest,
});

describe('threadText', () => {
  it('shows placeholders above their children, then unlinked mails and errors', () => {
    const text = threadText(
      parse([msg('a', 'gone', { trailers: [{ key: 'Acked-by', value: 'A <a@x>' }] }), msg('lost', null)], {
        placeholders: [{ id: 'gone', parent: null, children: ['a'] }],
        unlinked: ['lost'],
        errors: [{ file: 'x.mbox', index: 3, message: 'no mail headers after the From_ line' }],
      }),
    );
    expect(text).toBe(
      [
        '(not in input) <gone>',
        '  2021-06-10 00:18Z  Na  Re: thing a  no diff  Acked-by: A <a@x>',
        '',
        'Same subject, but no reply header links them to the tree:',
        '  2021-06-10 00:18Z  Nlost  Re: thing lost  no diff',
        '',
        'Not read:',
        '  x.mbox #3: no mail headers after the From_ line',
        '',
      ].join('\n'),
    );
  });

  it('writes the depth out past 12 levels', () => {
    const chain = Array.from({ length: 15 }, (_, i) => msg(`m${i}`, i ? `m${i - 1}` : null));
    const lines = threadText(parse(chain)).trimEnd().split('\n');
    expect(lines[12]).toMatch(/^ {24}2021/);
    expect(lines[14]).toMatch(/^ {24}\[14\] 2021/);
  });

  it('rebuilds tags', () => {
    expect(
      tagText({ prefix: 'RFC PATCH', version: 3, index: 0, total: 8, rfc: true, resend: false, lists: ['dpdk-dev'], reply: true, cover: true }),
    ).toBe('Re: [dpdk-dev] [RFC PATCH v3 0/8]');
  });
});
