// The `thread` command as a new user runs it, on the built CLI: the seed acceptance, the text
// view, and bad inputs (one line naming the file, exit code 2, no stack trace).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './built-cli.js';

const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
const THREAD = 'fixtures/threads/v10-07-device-exclusive.mbox';

describe('lkml-replay thread on the seed (acceptance)', () => {
  const run = cli(['thread', SEED, '--format', 'json']);
  const doc = JSON.parse(run.stdout);

  it('exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('gives one message from Alistair Popple tagged v10 7/10', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.messages).toHaveLength(1);
    const [m] = doc.messages;
    expect(m.from.name).toBe('Alistair Popple');
    expect(m.tags).toMatchObject({ prefix: 'PATCH', version: 10, index: 7, total: 10, reply: true });
    expect(m.date).toBe('2021-06-10T00:18:38.000Z');
  });

  it('knows who wrote each quote depth', () => {
    const [m] = doc.messages;
    expect(m.quotes.map((q: { depth: number; author: { name: string } }) => [q.depth, q.author.name])).toEqual([
      [1, 'Peter Xu'],
      [2, 'Alistair Popple'],
      [3, 'Peter Xu'],
      [4, 'Alistair Popple'],
    ]);
    expect(m.quotes.map((q: { attributionOnly: boolean }) => q.attributionOnly)).toEqual([false, false, false, true]);
  });

  it("finds exactly one diff: Peter Xu's, quoted once, one mm/rmap.c hunk adding 6 lines, repairs listed", () => {
    const [m] = doc.messages;
    expect(m.diffs).toHaveLength(1);
    const [d] = m.diffs;
    expect(d.author.name).toBe('Peter Xu');
    expect(d.quoteDepth).toBe(1);
    expect(d.quotedFrom).toBeNull();
    expect(d.files).toHaveLength(1);
    expect(d.files[0]).toMatchObject({ old: 'mm/rmap.c', new: 'mm/rmap.c' });
    expect(d.files[0].hunks).toHaveLength(1);
    expect(d.files[0].hunks[0]).toMatchObject({ function: 'page_make_device_exclusive_one', added: 6, removed: 0 });
    expect(d.repairs.length).toBeGreaterThan(0);
    for (const r of d.repairs) expect(r).toEqual({ kind: expect.any(String), line: expect.any(Number), detail: expect.any(String) });
  });
});

describe('lkml-replay thread text view', () => {
  it('prints the reply tree, one line a message, with the missing cover as a placeholder', () => {
    const run = cli(['thread', THREAD]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('(not in input) <20210607075855.5084-1-apopple@nvidia.com>');
    expect(lines[1]).toBe(
      '  2021-06-07 07:58Z  Alistair Popple  [PATCH v10 7/10]  1 diff  Signed-off-by: Alistair Popple <apopple@nvidia.com>',
    );
    expect(lines).toHaveLength(12);
    expect(lines[5]).toBe('          2021-06-10 00:18Z  Alistair Popple  Re: [PATCH v10 7/10]  1 diff (1 quoted)');
  });

  it('reads several inputs at once and - for stdin', () => {
    const run = cli(['thread', '-', SEED, '--format', 'json'], Buffer.from(''));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lkml-replay: <stdin>: empty file\n');
    const ok = cli(['thread', '-', '--format', 'json'], readFileSync(SEED));
    expect(JSON.parse(ok.stdout).messages[0].source).toEqual({ file: '<stdin>', index: 0, format: 'archive-text' });
  });

  it('refuses an unknown --format', () => {
    const run = cli(['thread', SEED, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lkml-replay: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json. (see: lkml-replay thread --help)\n");
  });
});

describe('bad input: one line naming the file, exit code 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkml-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const junk = join(dir, 'junk.bin');
  writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const notMaildir = join(dir, 'folder');
  mkdirSync(notMaildir);
  const prose = join(dir, 'notes.txt');
  writeFileSync(prose, 'just some notes\nwithout any mail in them\n');

  it.each([
    [join(dir, 'missing.mbox'), 'no such file or directory'],
    [notMaildir, 'is a directory but not a maildir (no cur/ or new/ folder)'],
    [junk, 'binary data, not a mailbox, mail, patch or archive text'],
    [prose, 'not a mailbox, mail, patch or archive text (no From_ line, mail headers or diff at the top)'],
  ])('%s', (file, problem) => {
    const run = cli(['thread', SEED, file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`lkml-replay: ${file}: ${problem}\n`);
  });
});
