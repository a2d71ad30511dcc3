// Attribution forms (KMail, Gmail, mutt, `* Name [date]:`, wrapped, Outlook) and the layers
// built from them, with the reply-tree fallback.
import { describe, expect, it } from 'vitest';
import { depthsWithText, splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findAttributions } from '../../src/thread/message/attribution.js';
import { bumpOutlookQuotes } from '../../src/thread/message/outlook-blocks.js';
import { quoteLayers } from '../../src/thread/tree/quote-layers.js';
import type { Person } from '../../src/thread/types.js';

const who = (body: string) => findAttributions(splitQuoted(body)).map((a) => [a.depth, a.person.name, a.person.email]);

describe('findAttributions', () => {
  it.each([
    ['On Thursday, 10 June 2021 2:05:06 AM AEST Peter Xu wrote:', 'Peter Xu', ''],
    ['On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple wrote:', 'Alistair Popple', ''],
    ['On Wed, Jun 9, 2021 at 7:38 PM Jane Doe <jane@example.org> wrote:', 'Jane Doe', 'jane@example.org'],
    ['On Wed, 9 Jun 2021 at 19:38, Jane Doe <jane@example.org> wrote:', 'Jane Doe', 'jane@example.org'],
    ['On 6/9/21, Jane Doe wrote:', 'Jane Doe', ''],
    ['On 2021-06-09 12:05, "Doe, Jane" wrote:', 'Doe, Jane', ''],
    ['* Jane Doe <jane@example.org> [2021-06-09 12:05]:', 'Jane Doe', 'jane@example.org'],
    ['Quoting Jane Doe (2021-06-09 12:05:00):', 'Jane Doe', ''],
  ])('%s', (line, name, email) => {
    expect(who(`${line}\n> quoted text\n`)).toEqual([[1, name, email]]);
  });

  it('joins attributions wrapped over two lines', () => {
    expect(who('On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple\nwrote:\n> x\n')).toEqual([
      [1, 'Alistair Popple', ''],
    ]);
    expect(who('On Wed, Jun 9, 2021 at 7:38 PM Jane Doe <\njane@example.org> wrote:\n> x\n')).toEqual([
      [1, 'Jane Doe', 'jane@example.org'],
    ]);
  });

  it('gives nested attributions their own depth', () => {
    const body = [
      'On Thursday, 10 June 2021 2:05:06 AM AEST Peter Xu wrote:',
      '> On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple wrote:',
      '> > text',
    ].join('\n');
    expect(who(body)).toEqual([
      [1, 'Peter Xu', ''],
      [2, 'Alistair Popple', ''],
    ]);
    expect(who('Jane Doe <jane@example.org> wrote:\n> x\n')).toEqual([[1, 'Jane Doe', 'jane@example.org']]);
  });

  it('takes `Name wrote:` only when quoted text follows, and not a sentence', () => {
    expect(who('Jane Doe wrote:\nno quote after it\n')).toEqual([]);
    expect(who('I think the reason is what Jane wrote:\n> x\n')).toEqual([]);
    expect(who('On Monday I wrote:\n> x\n')).toEqual([]);
  });
});

describe('Outlook blocks', () => {
  it('puts the original below -----Original Message----- one level deeper, author from From:', () => {
    const body = [
      'Looks fine to me.',
      '',
      '-----Original Message-----',
      'From: Jane Doe [mailto:jane@example.org]',
      'Sent: Wednesday, June 9, 2021 12:05 PM',
      'To: someone',
      'Subject: RE: thing',
      '',
      'Original text',
      '> older quote',
    ].join('\n');
    const { lines, attributions } = bumpOutlookQuotes(splitQuoted(body));
    expect(lines.map((l) => l.depth)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
    expect(attributions).toEqual([{ depth: 1, person: { name: 'Jane Doe', email: 'jane@example.org' }, lineNo: 3 }]);
  });
});

describe('quoteLayers', () => {
  const peter: Person = { name: 'Peter Xu', email: 'peterx@redhat.com' };
  const alistair: Person = { name: 'Alistair Popple', email: 'apopple@nvidia.com' };
  const id = (p: Person) => p;

  it('falls back to the reply tree for depths without an attribution', () => {
    const lines = splitQuoted('> a\n> > b\n');
    const layers = quoteLayers(depthsWithText(lines), [], [peter, alistair], id);
    expect(layers).toEqual([
      { depth: 1, author: peter, via: 'reply-tree', attributionOnly: false },
      { depth: 2, author: alistair, via: 'reply-tree', attributionOnly: false },
    ]);
  });

  it('stops using the tree once an attribution disagrees with it', () => {
    const lines = splitQuoted('Jane wrote:\n> a\n> > b\n');
    const layers = quoteLayers(depthsWithText(lines), findAttributions(lines), [peter, alistair], id);
    expect(layers.map((l) => [l.author?.name ?? null, l.via])).toEqual([
      ['Jane', 'attribution'],
      [null, 'none'],
    ]);
  });

  it('marks a depth that has only its attribution', () => {
    const lines = splitQuoted('On Mon, Jun 07, 2021 at 05:58:52PM +1000, Alistair Popple wrote:\n\n[...]\n');
    const layers = quoteLayers(depthsWithText(lines), findAttributions(lines), [], id);
    expect(layers).toEqual([{ depth: 1, author: { name: 'Alistair Popple', email: '' }, via: 'attribution', attributionOnly: true }]);
  });
});
