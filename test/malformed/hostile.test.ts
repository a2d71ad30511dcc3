// Every case of the hostile corpus (corpus.ts; outcomes in README.md here) through the built
// CLI: either a correct parse, or one stderr line per unread message naming the file and the
// message's index with exit code 2, and in both cases the good mails around it still printed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Placement, WhyUnplaced } from '../../src/map/types.js';
import { reasonText } from '../../src/report/placement-words.js';
import { ROOT } from '../thread/built-cli.js';
import { CASES, GOOD_IDS } from './corpus.js';
import { lines, runCli } from './run-cli.js';

interface Doc {
  messages: {
    id: string;
    idSynthesised: boolean;
    subject: string;
    parent: string | null;
    references: string[];
    quotes: { depth: number; author: { email: string } | null }[];
    diffs: { repairs: { kind: string }[]; files: { old: string; new: string; hunks: { oldLines: number; newLines: number }[] }[] }[];
  }[];
  placeholders: { id: string }[];
  errors: { file: string; index: number | null; message: string }[];
}

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/thread.schema.json'), 'utf8')) as object);

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lkml-hostile-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Builds a case in its own folder; the CLI runs two levels down, so `../../x` stays in the folder. */
function setUp(name: string, folder = name): { dir: string; cwd: string; inputs: string[] } {
  const dir = join(root, folder);
  const cwd = join(dir, 'run', 'here');
  mkdirSync(cwd, { recursive: true });
  return { dir, cwd, inputs: CASES[name]!(dir).inputs };
}

function thread(name: string, env: Record<string, string> = {}) {
  const { dir, cwd, inputs } = setUp(name);
  const run = runCli(['thread', '--format', 'json', ...inputs], { cwd, env });
  const doc = JSON.parse(run.stdout) as Doc;
  // Whatever happened to the hostile message, the document keeps its documented shape.
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return { dir, cwd, inputs, run, doc, ids: doc.messages.map((m) => m.id), msg: (id: string) => doc.messages.find((m) => m.id === id)! };
}

const T = 120_000;

describe('parsed correctly: exit 0, nothing on stderr, every mail reported', () => {
  it('truncated mid-header: the cut mail is read as far as it goes (no Message-ID left, so one is made up)', { timeout: T }, () => {
    const { run, doc, ids } = thread('truncated-mid-header');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(ids).toEqual(expect.arrayContaining(GOOD_IDS));
    expect(doc.messages).toHaveLength(3);
    expect(doc.messages.filter((m) => m.idSynthesised)).toHaveLength(1);
  });

  it('truncated mid-body: the cut diff is read with its hunk count repaired', { timeout: T }, () => {
    const { run, msg, ids } = thread('truncated-mid-body');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(ids).toEqual(expect.arrayContaining([...GOOD_IDS, 'cut-body@example.org']));
    const d = msg('cut-body@example.org').diffs[0]!;
    expect(d.repairs.map((r) => r.kind)).toContain('hunk-count-fixed');
  });

  it('a 5 MB single line', { timeout: T }, () => {
    const { run, ids } = thread('line-5mb');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(ids).toEqual([GOOD_IDS[0], 'long-line@example.org', GOOD_IDS[1]]);
  });

  it('invalid base64: decoded as far as it decodes, the mail kept', { timeout: T }, () => {
    const { run, ids } = thread('invalid-base64');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(ids).toEqual([GOOD_IDS[0], 'bad-base64@example.org', GOOD_IDS[1]]);
  });

  it('unknown charset: read as UTF-8/Latin-1, its diff found', { timeout: T }, () => {
    const { run, msg } = thread('unknown-charset');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(msg('odd-charset@example.org').diffs[0]!.files[0]!.new).toBe('mm/rmap.c');
    expect(msg(GOOD_IDS[1]!)).toBeDefined();
  });

  it('NUL bytes in headers and body: the mail and its diff kept', { timeout: T }, () => {
    const { run, doc } = thread('nul-bytes');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(doc.messages).toHaveLength(3);
    expect(doc.messages[1]!.diffs[0]!.files[0]!.new).toBe('mm/rmap.c');
  });

  it('10,000 References: all kept, the parent is In-Reply-To, the chain becomes placeholders', { timeout: T }, () => {
    const { run, msg, doc } = thread('references-10000');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const m = msg('many-refs@example.org');
    expect(m.references).toHaveLength(10_000);
    expect(m.parent).toBe('ref-9999@example.org');
    expect(doc.placeholders).toHaveLength(10_000);
    expect(msg(GOOD_IDS[1]!)).toBeDefined();
  });

  it('a diff whose hunk counts lie: read by its lines, the repair listed', { timeout: T }, () => {
    const { run, msg } = thread('lying-hunk-counts');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const d = msg('lying-counts@example.org').diffs[0]!;
    expect(d.repairs.map((r) => r.kind)).toContain('hunk-count-fixed');
    expect(d.files[0]!.hunks[0]).toMatchObject({ oldLines: 3, newLines: 4 });
  });

  it('a hunk of 100,000 lines', { timeout: T }, () => {
    const { run, msg } = thread('hunk-100000-lines');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(msg('big-hunk@example.org').diffs[0]!.files[0]!.hunks[0]).toMatchObject({ oldLines: 100_000, newLines: 100_000 });
    expect(msg(GOOD_IDS[1]!)).toBeDefined();
  });

  it('quotes 500 levels deep: every depth gets a layer', { timeout: T }, () => {
    const { run, msg } = thread('quotes-500-deep');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const quotes = msg('deep-quotes@example.org').quotes;
    expect(quotes.map((q) => q.depth)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(quotes.map((q) => q.author?.email)).toEqual(Array.from({ length: 500 }, (_, i) => `n${i + 1}@example.org`));
  });

  it('a Message-ID loop (a replies to b replies to a, and a self-reference): no cycle in the tree', { timeout: T }, () => {
    const { run, msg, doc } = thread('message-id-loop');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(doc.messages).toHaveLength(5);
    const a = msg('loop-a@example.org');
    const b = msg('loop-b@example.org');
    // One of the two is the other's parent, never both.
    expect([a.parent, b.parent].filter((p) => p !== null)).toHaveLength(1);
    expect(msg('self@example.org').parent).toBeNull();
  });
});

describe('unread messages: one line each naming the file and index, exit 2, the rest still printed', () => {
  it('a message with no headers', { timeout: T }, () => {
    const { run, ids, inputs } = thread('no-headers');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`lkml-replay: ${inputs[0]} #1: no mail headers after the From_ line`]);
    expect(ids).toEqual(GOOD_IDS);
  });

  it('a 1 MB subject: over the header size limit of the MIME parser', { timeout: T }, () => {
    const { run, ids, inputs } = thread('subject-1mb');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`lkml-replay: ${inputs[0]} #1: cannot decode: Max header size for a MIME node exceeded`]);
    expect(ids).toEqual(GOOD_IDS);
  });

  it('a gzip bomb past a small gzip cap: stopped while streaming, the mail before it kept', { timeout: T }, () => {
    const { run, ids, inputs } = thread('gzip-bomb', { LKML_REPLAY_MAX_GUNZIP_BYTES: String(1024 * 1024) });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `lkml-replay: ${inputs[0]} #1: decompresses to more than 1 MiB (the gzip cap; LKML_REPLAY_MAX_GUNZIP_BYTES raises it); stopped there`,
    ]);
    expect(ids).toEqual([GOOD_IDS[0]]);
  });

  it('a gzip bomb under the default cap: its one endless message is counted, not held, and skipped', { timeout: T }, () => {
    const { run, ids, inputs } = thread('gzip-bomb');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`lkml-replay: ${inputs[0]} #1: message of 80 MiB is larger than the 64 MiB limit; skipped`]);
    expect(ids).toEqual([GOOD_IDS[0]]);
  });

  it('a maildir with symlinks (out of the maildir, a loop, one inside, one named with a line break and an escape), an unreadable file and a FIFO', { timeout: T }, () => {
    const { run, ids, inputs, dir } = thread('maildir-symlinks-unreadable');
    const md = inputs[0]!;
    // Tests may run as root, where mode 000 does not stop a read: then the file is a good mail.
    let readable = true;
    try {
      readFileSync(join(md, 'cur', '5-unreadable'));
    } catch {
      readable = false;
    }
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `lkml-replay: ${md} #1: cur/2-outside: a symlink to a file outside the maildir; not followed`,
      `lkml-replay: ${md} #3: cur/4-loop-a: symlink loop`,
      `lkml-replay: ${md} #4: cur/4-loop-b: symlink loop`,
      ...(readable ? [] : [`lkml-replay: ${md} #5: cur/5-unreadable: permission denied`]),
      `lkml-replay: ${md} #6: cur/6-fifo: not a regular file`,
      `lkml-replay: ${md} #7: cur/7-evil\\x0a\\x1b[2Jname: a symlink to a file outside the maildir; not followed`,
    ]);
    expect(ids).toEqual(['good-before@example.org', 'inside-link@example.org', ...(readable ? ['unreadable@example.org'] : []), 'good-after@example.org']);
    expect(run.stdout).not.toContain('outside-secret');
    expect(existsSync(join(dir, 'secret.eml'))).toBe(true);
  });
});

describe('a second copy of a mail is a notice, not bad input', () => {
  it('the same mbox twice: listed in errors with duplicate: true, nothing on stderr, exit 0', { timeout: T }, () => {
    const { cwd, inputs } = setUp('truncated-mid-body');
    const run = runCli(['thread', '--format', 'json', inputs[0]!, inputs[0]!], { cwd });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const doc = JSON.parse(run.stdout) as Omit<Doc, 'errors'> & { errors: { message: string; duplicate?: boolean }[] };
    expect(validate(doc)).toBe(true);
    expect(doc.messages).toHaveLength(3);
    expect(doc.errors).toHaveLength(3);
    expect(doc.errors.every((e) => e.duplicate === true && e.message.startsWith('duplicate Message-ID'))).toBe(true);
  });
});

describe('file names inside diffs are never opened or written', () => {
  it('thread: `+++ b/../../escaped-by-diff.c` is only a name in the output', { timeout: T }, () => {
    const { run, msg, cwd, dir } = thread('diff-path-traversal');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(msg('traversal@example.org').diffs[0]!.files[0]!.new).toBe('../../escaped-by-diff.c');
    // From the working directory, ../../escaped-by-diff.c is <dir>/escaped-by-diff.c.
    expect(existsSync(join(cwd, '../../escaped-by-diff.c'))).toBe(false);
    expect(existsSync(join(dir, 'escaped-by-diff.c'))).toBe(false);
  });

  it('review: the hunk is not placed (no model file has that name), nothing created', { timeout: T }, () => {
    const { cwd, dir, inputs } = setUp('diff-path-traversal');
    const run = runCli(['review', ...inputs, '--format', 'json', '--scenario', 'hmm-exclusive'], { cwd });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const doc = JSON.parse(run.stdout) as { variants: { hunks?: { file?: string; reason?: string }[] }[] };
    expect(JSON.stringify(doc.variants)).toContain('file-not-modelled');
    expect(existsSync(join(dir, 'escaped-by-diff.c'))).toBe(false);
  });
});

interface ReviewHunk {
  file: string;
  kind: string;
  unplaced: string | null;
  reason: WhyUnplaced | null;
  placement: Placement | null;
}

function reviewHunks(name: string): { run: ReturnType<typeof runCli>; hunks: ReviewHunk[] } {
  const { cwd, inputs } = setUp(name);
  const run = runCli(['review', ...inputs, '--format', 'json', '--scenario', 'hmm-exclusive'], { cwd });
  const doc = JSON.parse(run.stdout) as { variants: { hunks: ReviewHunk[] }[] };
  return { run, hunks: doc.variants.flatMap((v) => v.hunks) };
}

describe('review of a 100,000-line hunk ends: a hunk larger than the model is not aligned', () => {
  it('context only, in a file the model does not have: no code change, not located', { timeout: T }, () => {
    const { run, hunks } = reviewHunks('hunk-100000-lines');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(hunks).toEqual([expect.objectContaining({ file: 'mm/big.c', kind: 'no-code-change', placement: { kind: 'comments-only', at: null, inFunction: null } })]);
  });

  it('a change in page_make_device_exclusive_one under 100,000 context lines: unplaced, the reason gives both sizes', { timeout: T }, () => {
    const { run, hunks } = reviewHunks('hunk-100000-lines-in-model');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(hunks).toHaveLength(1);
    expect(hunks[0]).toMatchObject({ file: 'mm/rmap.c', kind: 'unplaced', unplaced: 'context-not-found' });
    // too large for the function and for the whole model file it is in
    expect(hunks[0]!.reason).toMatchObject({ kind: 'too-large', hunk: { lines: 100001, tokens: 400004 }, largest: { file: 'mm/rmap.c', function: null } });
    expect(reasonText(hunks[0]!.reason!)).toMatch(/^hunk of 100001 old-side lines \(400004 tokens\) is larger than mm\/rmap\.c, \d+ lines \(\d+ tokens\): it is not aligned/);
  });
});

/** Control characters other than the line feed between lines: C0, DEL, C1. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
/** Cells of a markdown table row (pipes escaped as `\|` do not split). */
const cellsOf = (row: string): string[] => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());

describe('input in text and markdown output: no terminal escapes, no markup', () => {
  it('thread: a hostile subject and sender name stay on their line, controls written as \\xNN', { timeout: T }, () => {
    const { cwd, inputs } = setUp('hostile-subject');
    const run = runCli(['thread', ...inputs], { cwd });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(lines(run.stdout)).toEqual([
      '2021-06-07 07:58Z  Eve \\x1b]0;title\\x07 | `n` <i>x</i>  mm: evil\\x0aSecond: \\x1b[2J\\x9b31m a | b `x` <!-- hide --> ![img](htt  1 diff',
    ]);
  });

  it('thread: a maildir entry named with a line break and an escape, under "Not read"', { timeout: T }, () => {
    const { cwd, inputs } = setUp('maildir-symlinks-unreadable', 'maildir-thread-text');
    const run = runCli(['thread', ...inputs], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(lines(run.stdout)).toContain(`  ${inputs[0]} #7: cur/7-evil\\x0a\\x1b[2Jname: a symlink to a file outside the maildir; not followed`);
  });

  it('review, text: the subject and names with controls written as \\xNN', { timeout: T }, () => {
    const { cwd, inputs } = setUp('hostile-subject');
    const run = runCli(['review', ...inputs, '--scenario', 'hmm-exclusive'], { cwd });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).not.toMatch(CONTROL);
    const out = lines(run.stdout);
    expect(out[0]).toBe('lkml-replay review: mm: evil\\x0aSecond: \\x1b[2J\\x9b31m a | b `x` <!-- hide --> ![img](http://e.example/x.png) *b*');
    expect(out).toContain('V1  proposed by Eve \\x1b]0;title\\x07 | `n` <i>x</i> <eve@example.org>');
  });

  it('review, markdown: no raw HTML, no image, no code span or emphasis from the input, the table keeps its columns', { timeout: T }, () => {
    const { cwd, inputs } = setUp('hostile-subject');
    const run = runCli(['review', ...inputs, '--format', 'markdown', '--scenario', 'hmm-exclusive'], { cwd });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const out = run.stdout;
    expect(out).not.toMatch(CONTROL);
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('<i>');
    expect(out).not.toContain('![');
    const l = lines(out);
    expect(l[0]).toBe('## lkml-replay review: mm: evil\\x0aSecond: \\x1b\\[2J\\x9b31m a | b \\`x\\` &lt;!-- hide --&gt; !\\[img\\](http://e.example/x.png) \\*b\\*');
    const header = l.find((x) => x.startsWith('| | proposed by'))!;
    const row = l.find((x) => x.startsWith('| **V1**'))!;
    expect(cellsOf(header)).toHaveLength(3);
    expect(cellsOf(row)).toEqual(['**V1**', 'Eve \\x1b\\]0;title\\x07 \\| \\`n\\` &lt;i&gt;x&lt;/i&gt;', 'not replayed']);
    expect(l).toContain('### V1: Eve \\x1b\\]0;title\\x07 | \\`n\\` &lt;i&gt;x&lt;/i&gt;');
  });

  it('a whole-input error naming a path with a line break and an escape stays one line', { timeout: T }, () => {
    const missing = join(root, 'no-such\n\x1b[2J.mbox');
    const run = runCli(['thread', missing], { cwd: root });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`lkml-replay: ${root}/no-such\\x0a\\x1b[2J.mbox: no such file or directory`]);
  });

  it('review, markdown: an unreadable maildir entry\'s name is escaped too', { timeout: T }, () => {
    const { cwd, inputs } = setUp('maildir-symlinks-unreadable', 'maildir-review-markdown');
    const run = runCli(['review', ...inputs, '--format', 'markdown', '--scenario', 'hmm-exclusive'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain('cur/7-evil\\x0a\\x1b\\[2Jname: a symlink to a file outside the maildir; not followed');
  });
});

describe('review reports unread messages the same way', () => {
  it('prints the review of the good mails, one line for the broken one, exit 2 (over --fail-on)', { timeout: T }, () => {
    const { cwd, inputs } = setUp('no-headers');
    const run = runCli(['review', '--scenario', 'hmm-exclusive', '--fail-on', 'difference', ...inputs], { cwd });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`lkml-replay: ${inputs[0]} #1: no mail headers after the From_ line`]);
    expect(run.stdout).toContain('lkml-replay review: [PATCH] mm: good-before');
  });
});

describe('stack traces only with --debug', () => {
  it('a whole-input error is one line; with --debug its stack follows', { timeout: T }, () => {
    const missing = join(root, 'no-such.mbox');
    const plain = runCli(['thread', missing], { cwd: root });
    expect(plain.code).toBe(2);
    expect(lines(plain.stderr)).toEqual([`lkml-replay: ${missing}: no such file or directory`]);
    const debug = runCli(['--debug', 'thread', missing], { cwd: root });
    expect(debug.code).toBe(2);
    const l = lines(debug.stderr);
    expect(l[0]).toBe(`lkml-replay: ${missing}: no such file or directory`);
    expect(l.slice(1).some((x) => /^\s+at /.test(x))).toBe(true);
  });
});
