// Message.position: where a message and its decoded body sit in the input file, so that the
// Action can annotate a hunk's lines in the reviewed file (src/thread/body-line.ts).
import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseThread } from '../../src/thread/index.js';
import { tempDir } from '../temp-dir.js';

const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
const MBOX = 'fixtures/threads/v10-07-device-exclusive.mbox';


/** The file's own line `n` (1-based). */
function fileLine(path: string, n: number): string {
  return readFileSync(path, 'utf8').split('\n')[n - 1]!;
}

/** A hunk line without quote markers and whitespace (the seed lost its indentation). */
function bare(s: string): string {
  return s.replace(/^(>\s?)+/, '').replace(/\s+/g, '');
}

describe('message position', () => {
  test('archive text: every hunk line of the seed sits at body + lineNo - 1 in the file', async () => {
    const p = await parseThread([SEED]);
    const m = p.messages[0]!;
    expect(m.position).toEqual({ line: 1, body: 7 });
    const lines = m.diffs[0]!.files[0]!.hunks[0]!.lines;
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      // The file has `> ` quote markers and lost indentation; the hunk line is the text after them.
      expect(bare(fileLine(SEED, m.position!.body! + l.lineNo - 1))).toBe(bare(l.op + l.text));
    }
  });

  test('mbox: each message starts after its From_ line and hunk lines land on the file lines', async () => {
    const p = await parseThread([MBOX]);
    const text = readFileSync(MBOX, 'utf8').split('\n');
    const envelopes = text.flatMap((l, i) => (l.startsWith('From mboxrd@z') ? [i + 1] : []));
    const starts = p.messages.map((m) => m.position!.line).sort((a, b) => a - b);
    expect(starts).toEqual(envelopes.map((n) => n + 1));
    let checked = 0;
    for (const m of p.messages) {
      expect(m.position!.body).not.toBeNull();
      for (const d of m.diffs) {
        for (const h of d.files.flatMap((f) => f.hunks)) {
          for (const l of h.lines) {
            expect(bare(fileLine(MBOX, m.position!.body! + l.lineNo - 1))).toBe(bare(l.op + l.text));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  test('a quoted-printable body is not stored as it reads: no body line, the message line stays', async () => {
    const dir = tempDir('lkml-pos-');
    const f = join(dir, 'qp.mbox');
    writeFileSync(
      f,
      [
        'From x@y Thu Jan  1 00:00:00 1970',
        'From: A <a@b.c>',
        'Subject: [PATCH] x',
        'Message-ID: <qp@x>',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'a long line that was soft-wrapped by the encod=',
        'er',
        '',
      ].join('\n'),
    );
    const p = await parseThread([f]);
    expect(p.messages[0]!.position).toEqual({ line: 2, body: null });
  });

  test('a bare diff counts the file itself', async () => {
    const dir = tempDir('lkml-pos-');
    const f = join(dir, 'x.diff');
    writeFileSync(f, '--- a/mm/rmap.c\n+++ b/mm/rmap.c\n@@ -1,2 +1,3 @@\n a\n+b\n c\n');
    const p = await parseThread([f]);
    const m = p.messages[0]!;
    expect(m.position).toEqual({ line: 1, body: 1 });
    const plus = m.diffs[0]!.files[0]!.hunks[0]!.lines.find((l) => l.op === '+')!;
    expect(fileLine(f, m.position!.body! + plus.lineNo - 1)).toBe('+b');
  });
});
