// The `thread` output on big inputs: JSON written a message at a time is the same text as one
// JSON.stringify of the document, and the progress bar shows only for a person at a terminal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseThread } from '../../src/thread/parse-thread.js';
import { threadJson, threadJsonChunks } from '../../src/report/thread-json.js';
import { progressBar, progressLine } from '../../src/cli/progress.js';
import { writeCorpus } from '../../bench/corpus.js';

const tmp = mkdtempSync(join(tmpdir(), 'lkml-replay-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('thread JSON in chunks', () => {
  it('is JSON.stringify(document, null, 2) exactly, on the v10 thread and a generated mbox', async () => {
    const file = join(tmp, 'gen.mbox');
    await writeCorpus(file, { seed: 3, messages: 120 });
    for (const input of ['fixtures/threads/v10-07-device-exclusive.mbox', file]) {
      const parse = await parseThread([input]);
      const text = threadJson(parse);
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
      expect([...threadJsonChunks(parse)].length).toBe(parse.messages.length + 5);
      expect(parse.placeholders.length + parse.messages.length).toBeGreaterThan(3);
    }
  });

  it('an empty parse too', () => {
    const text = threadJson({ messages: [], placeholders: [], unlinked: [], errors: [] });
    expect(text).toBe(JSON.stringify({ messages: [], placeholders: [], unlinked: [], errors: [] }, null, 2) + '\n');
  });
});

describe('progress bar', () => {
  const fakeTty = (): NodeJS.WriteStream & { out: string } => {
    const s = { isTTY: true, columns: 100, out: '', write(c: string) { s.out += c; return true; } };
    return s as unknown as NodeJS.WriteStream & { out: string };
  };
  const big = { bytes: 50e6, totalBytes: 100e6, messages: 12345, done: false };

  it('is off when stderr is no terminal, in CI and for JSON output', () => {
    expect(progressBar({ format: 'text', stream: { isTTY: false } as NodeJS.WriteStream, env: {} })).toBeUndefined();
    expect(progressBar({ format: 'text', stream: fakeTty(), env: { CI: 'true' } })).toBeUndefined();
    expect(progressBar({ format: 'json', stream: fakeTty(), env: {} })).toBeUndefined();
  });

  it('draws bytes and messages on a terminal for a big input, and clears itself at the end', () => {
    const tty = fakeTty();
    const bar = progressBar({ format: 'text', stream: tty, env: {} })!;
    bar({ bytes: 1e5, totalBytes: 1e6, messages: 10, done: false });
    expect(tty.out).toBe(''); // a small input: no bar
    bar(big);
    expect(tty.out).toContain('50.0 of 100.0 MB, 12,345 messages');
    expect(tty.out).toContain(' 50%');
    bar({ ...big, done: true });
    expect(tty.out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('shows bytes only when the total is unknown (stdin, gzip)', () => {
    expect(progressLine({ bytes: 8e6, totalBytes: null, messages: 5, done: false }, 80)).toBe('lkml-replay: 8.0 MB, 5 messages');
  });
});
