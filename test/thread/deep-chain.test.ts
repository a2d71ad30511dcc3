// A reply chain 10,000 mails deep (a long back-and-forth, or a bot replying to itself) parses in
// every `thread` format, from a file (messages kept in memory) and from standard input (spilled):
// nothing in the parse or the renderers may recurse once per level.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './built-cli.js';
import { tempDir } from '../temp-dir.js';

const DEPTH = 10_000;

function chain(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2021, 5, 1) + i * 60_000).toUTCString().replace('GMT', '+0000');
    const reply = i === 0 ? '' : `In-Reply-To: <m${i - 1}@example.org>\n`;
    out.push(`From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: P${i % 3} <p${i % 3}@example.org>\nSubject: ${i ? 'Re: ' : ''}[PATCH] deep\nDate: ${date}\nMessage-ID: <m${i}@example.org>\n${reply}\n${i ? `> said ${i - 1}\n\n` : ''}text ${i}\n\n`);
  }
  return out.join('');
}

describe(`a ${DEPTH.toLocaleString('en-US')}-deep reply chain`, () => {
  const file = join(tempDir('lkml-replay-deep-'), 'deep.mbox');
  const text = chain(DEPTH);
  writeFileSync(file, text);

  for (const [how, args, input] of [
    ['from a file', [file], undefined],
    ['from standard input', ['-'], text],
  ] as const) {
    it(`text, ${how}: one line a message, each one level below the one before`, () => {
      const run = cli(['thread', ...args], input);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(DEPTH);
      expect(lines[1]).toMatch(/^ {2}2021-06-01 00:01Z {2}P1 {2}Re: \[PATCH\]/);
      expect(lines[DEPTH - 1]).toMatch(new RegExp(`^ {24}\\[${DEPTH - 1}\\] 2021-06-07 22:39Z  P0 `));
    });

    it(`json, ${how}: every message's parent is the one before`, () => {
      const run = cli(['thread', ...args, '--format', 'json'], input);
      expect(run.code).toBe(0);
      const doc = JSON.parse(run.stdout) as { messages: { id: string; parent: string | null }[] };
      expect(doc.messages).toHaveLength(DEPTH);
      doc.messages.forEach((m, i) => {
        expect(m.id).toBe(`m${i}@example.org`);
        expect(m.parent).toBe(i === 0 ? null : `m${i - 1}@example.org`);
      });
    });
  }
});
