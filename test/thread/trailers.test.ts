import { describe, expect, it } from 'vitest';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findTrailers } from '../../src/thread/message/trailers.js';

const none = { inDiff: () => false };

describe('findTrailers', () => {
  it('takes the eight keys at depth 0, canonical case, HTML junk cleaned', () => {
    const body = [
      'signed-off-by: A <a@x>',
      'Reviewed-by: B <b@x<mailto:b@x>>',
      'Acked-by: C <c@x>',
      'Tested-by: D <d@x>',
      'Reported-by: E <e@x>',
      'Suggested-by: F <f@x>',
      'Fixes: 0123456789ab ("mm: x")',
      'Link: https://lore.kernel.org/r/abc',
      'Cc: not-a-trailer@x',
    ].join('\n');
    expect(findTrailers(splitQuoted(body), none)).toEqual([
      { key: 'Signed-off-by', value: 'A <a@x>' },
      { key: 'Reviewed-by', value: 'B <b@x>' },
      { key: 'Acked-by', value: 'C <c@x>' },
      { key: 'Tested-by', value: 'D <d@x>' },
      { key: 'Reported-by', value: 'E <e@x>' },
      { key: 'Suggested-by', value: 'F <f@x>' },
      { key: 'Fixes', value: '0123456789ab ("mm: x")' },
      { key: 'Link', value: 'https://lore.kernel.org/r/abc' },
    ]);
  });

  it('skips quotes, diffs, signatures and the patch part', () => {
    const body = ['> Reviewed-by: Q <q@x>', 'Acked-by: A <a@x>', '+Tested-by: in a diff', '---', 'Tested-by: after break'].join('\n');
    const lines = splitQuoted(body);
    expect(findTrailers(lines, { inDiff: (n) => n === 3, endLine: 4 })).toEqual([{ key: 'Acked-by', value: 'A <a@x>' }]);
    expect(findTrailers(splitQuoted('Acked-by: A <a@x>\n-- \nReviewed-by: sig <s@x>\n'), none)).toHaveLength(1);
    // `--` without its space is not a signature separator (b4 samples end replies that way).
    expect(findTrailers(splitQuoted('--\nReviewed-by: R <r@x>\n'), none)).toHaveLength(1);
  });
});
