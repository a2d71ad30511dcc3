// format-patch --base / b4 lines: the commit a series applies to and its change-id, read from
// b4's own sample series, and only from the sender's own text.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseThread } from '../../src/thread/parse-thread.js';
import { findSeriesFacts } from '../../src/thread/message/series-facts.js';
import { corpus } from './corpus.js';

const b4 = corpus('b4-samples');
const B4 = b4.dir;

describe.skipIf(!b4.present)(b4.title('base-commit and change-id in b4 series'), () => {
  it('the cover letter of a b4 series carries both', async () => {
    const p = await parseThread([join(B4, 'shazam-git1-just-series.mbox')]);
    const withBase = p.messages.filter((m) => m.series.baseCommit);
    expect(withBase.length).toBeGreaterThan(0);
    for (const m of withBase) {
      expect(m.series).toEqual({ baseCommit: 'f435c12df7c0ecf20ab8937859e63cddffacabb4', changeId: '20221025-test1-e8520c2200a3' });
    }
    // a patch of the series without the lines has neither
    expect(p.messages.some((m) => m.diffs.length && !m.series.baseCommit)).toBe(true);
  });
});

describe('findSeriesFacts', () => {
  const line = (text: string, depth = 0, lineNo = 1) => ({ text, depth, lineNo });
  it('takes the sender\'s lines, not quoted ones, nor lines in a diff or after the signature', () => {
    const lines = [line('> base-commit: 1111111', 1, 1), line('+base-commit: 2222222', 0, 2), line('-- ', 0, 3), line('base-commit: 3333333', 0, 4)];
    expect(findSeriesFacts(lines as never, { inDiff: (n) => n === 2 })).toEqual({ baseCommit: null, changeId: null });
    expect(findSeriesFacts([line('base-commit: ABCDEF1234567')] as never, { inDiff: () => false })).toEqual({ baseCommit: 'abcdef1234567', changeId: null });
  });
});
