// Every file of ../shared/real-mail (real list mail, nobody on the project wrote it) read as
// its writers meant it: each diff's author, quote depth, files, hunks and +/- lines, and the
// link from a quoted copy to the diff it copies, as its EXPECTED.json says.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseThread } from '../../src/thread/parse-thread.js';
import { SHARED } from '../thread/corpus.js';
import { disagreements, type ExpectedFile } from './expected.js';
import { tempDir } from '../temp-dir.js';

const DIR = join(SHARED, 'real-mail');
const present = existsSync(join(DIR, 'EXPECTED.json'));
const expected: ExpectedFile[] = present ? (JSON.parse(readFileSync(join(DIR, 'EXPECTED.json'), 'utf8')) as ExpectedFile[]) : [];

describe.skipIf(!present)(`real mail (${DIR})`, () => {
  it.each(expected.map((e) => [e.file, e] as const))('%s', async (_, want) => {
    const parse = await parseThread([join(DIR, want.file)]);
    expect(disagreements(parse, want)).toEqual([]);
  });

  it('threads across files: the mbox thread split into one .eml a mail, given last mail first, is the same tree', async () => {
    const mbox = expected.find((e) => e.file.endsWith('.mbox'))!.file;
    const whole = await parseThread([join(DIR, mbox)]);
    const dir = tempDir('lkml-replay-split-');
    const mails = readFileSync(join(DIR, mbox), 'latin1').split(/^From mboxrd@z .*\n/m).slice(1);
    const files = mails.map((m, i) => {
      const f = join(dir, `${i}.eml`);
      writeFileSync(f, m.replace(/^>(>*From )/gm, '$1'), 'latin1');
      return f;
    });
    const split = await parseThread(files.reverse());
    const tree = (p: typeof whole) => p.messages.map((m) => [m.id, m.parent, m.diffs.map((d) => d.quotedFrom)]);
    expect(split.messages.length).toBe(mails.length);
    expect(tree(split)).toEqual(tree(whole));
  });

  it('reads the same when all the files are given at once', async () => {
    const parse = await parseThread(expected.map((e) => join(DIR, e.file)));
    for (const want of expected) {
      const mine = { ...parse, messages: parse.messages.filter((m) => m.source.file.endsWith(`/${want.file}`)), errors: [] };
      expect(disagreements(mine, want)).toEqual([]);
    }
  });
});
