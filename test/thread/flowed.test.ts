// format=flowed undone by src/thread/mime/flowed.ts: as libmime does it (mailparser's own
// FlowedDecoder, the reference) on any text, except that a hunk's blank context line, sent as
// two spaces after space-stuffing, stays a line of its own instead of being joined to the next.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import FlowedDecoder from '@zone-eu/mailsplit/lib/flowed-decoder.js';
import { decodeFlowed } from '../../src/thread/mime/flowed.js';

/** libmime's decoding, through mailsplit's stream (what mailparser runs on a flowed part). */
function reference(text: string, delSp: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const d = new FlowedDecoder({ delSp }) as unknown as NodeJS.ReadWriteStream;
    const out: Buffer[] = [];
    d.on('data', (c: Buffer) => out.push(c));
    d.on('end', () => resolve(Buffer.concat(out).toString('latin1')));
    d.on('error', reject);
    d.end(Buffer.from(text, 'latin1'));
  });
}

describe('format=flowed', () => {
  it('is libmime\'s decoding on text without hunks: soft breaks, stuffing, quotes, delsp, the signature', async () => {
    const piece = fc.constantFrom('word', ' ', '  ', '>', '> ', '>> ', '-- ', '', 'a b ', 'From x', ' lead', '\t');
    const line = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.boolean(), async (lines, delSp) => {
        const text = lines.join('\n');
        expect(decodeFlowed(text, delSp)).toBe(await reference(text, delSp));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a hunk\'s blank context line (two spaces) apart from the + line after it', async () => {
    const text = ['@@ -1,3 +1,4 @@', '  a();', '  ', '+b();', '  c();', ''].join('\n');
    expect(decodeFlowed(text, false)).toBe(['@@ -1,3 +1,4 @@', ' a();', ' ', '+b();', ' c();'].join('\n'));
    // libmime joins the blank line to `+b();`, which turns it into context.
    expect(await reference(text, false)).toContain(' +b();');
  });

  it('still joins a long hunk line the client wrapped, and prose after the hunk', () => {
    const text = ['@@ -1,1 +1,2 @@', '  a();', '+b(long, ', 'args);', '', 'Thanks, ', 'D.'].join('\n');
    expect(decodeFlowed(text, false)).toBe(['@@ -1,1 +1,2 @@', ' a();', '+b(long, args);', '', 'Thanks, D.'].join('\n'));
  });

  it('keeps a quoted hunk\'s blank context lines too', () => {
    const text = ['> @@ -1,3 +1,4 @@', '>   a();', '>   ', '> +b();', ''].join('\n');
    expect(decodeFlowed(text, false)).toBe(['> @@ -1,3 +1,4 @@', '>   a();', '>   ', '> +b();'].join('\n'));
  });
});
