// patchwork's parser test mails: what each mail is (cover, patch, comment), subject tags
// (series marker, version, list tags), series grouping, and that odd MIME does not stop us.
// Files/hunk counts are the diff finder's (test/conformance/patch-*).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, path } from '../thread/corpus.js';
import { parseThread } from '../../src/thread/parse-thread.js';
import { groupSeries, roles, type Role } from '../../src/thread/tree/series.js';
import { collectTrailers } from '../../src/thread/tree/series.js';
import { UnreadableInput } from '../../src/thread/input/input-error.js';
import type { ThreadParse } from '../../src/thread/types.js';

const pw = corpus('patchwork-mail');
const f = (name: string) => path(pw.dir, name);

/** (covers, patches, comments) as patchwork counts them; a comment must hang under a patch or cover. */
function counts(parse: ThreadParse): [number, number, number] {
  const r = roles(parse);
  const n = (role: Role) => parse.messages.filter((m) => r.get(m.id) === role).length;
  return [n('cover'), n('patch'), n('followup')];
}

const SERIES: [file: string, counts: [number, number, number], series: string[]][] = [
  ['series-base-cover-letter.mbox', [1, 2, 0], ['v1 cover+2 complete']],
  ['series-base-deep-threaded.mbox', [1, 2, 0], ['v1 cover+2 complete']],
  ['series-base-out-of-order.mbox', [1, 2, 0], ['v1 cover+2 complete']],
  ['series-base-incomplete.mbox', [1, 1, 0], ['v1 cover+1 incomplete']],
  ['series-base-different-versions.mbox', [1, 4, 0], ['v3 cover+4 complete']],
  ['series-base-no-references-no-cover.mbox', [1, 2, 0], ['v1 cover+2 complete']],
  ['series-bugs-multiple-references.mbox', [1, 4, 0], ['v2 cover+4 complete']],
  ['series-bugs-multiple-content-types.mbox', [0, 1, 1], ['v1 1 complete']],
  ['series-bugs-unnumbered.mbox', [1, 2, 0], ['v1 cover+1 incomplete', 'v1 1 complete']],
  ['series-bugs-nocover-noversion.mbox', [0, 4, 0], ['v1 2 complete', 'v1 2 complete']],
  ['series-bugs-mixed-versions.mbox', [0, 2, 0], ['v1 1 incomplete', 'v2 1 incomplete']],
  ['series-revision-basic.mbox', [2, 4, 0], ['v1 cover+2 complete', 'v2 cover+2 complete']],
  ['series-revision-threaded-to-cover.mbox', [2, 4, 0], ['v1 cover+2 complete', 'v2 cover+2 complete']],
  ['series-revision-unlabeled.mbox', [2, 4, 0], ['v1 cover+2 complete', 'v1 cover+2 complete']],
  ['series-mercurial-cover-letter.mbox', [1, 2, 0], ['v1 cover+2 complete']],
];

// Deliberately different: a pull request without a diff (mail-0001, -0018, -0023) is a patch for
// patchwork (it stores the pull URL); for us it carries no diff to replay, so its role is "other".

describe.skipIf(!pw.present)(pw.title('patchwork parser mails'), () => {
  it.each(SERIES)('%s', async (file, want, series) => {
    const parse = await parseThread([f(file)]);
    expect(parse.errors).toEqual([]);
    expect(counts(parse)).toEqual(want);
    const got = groupSeries(parse).map(
      (s) => `v${s.version} ${s.cover ? 'cover+' : ''}${s.patches.length} ${s.complete ? 'complete' : 'incomplete'}`,
    );
    expect(got).toEqual(series);
  });

  it('out-of-order: the cover arriving last still names the series', async () => {
    const parse = await parseThread([f('series-base-out-of-order.mbox')]);
    const [s] = groupSeries(parse);
    const cover = parse.messages.find((m) => m.id === s!.cover)!;
    expect(cover.subject).toContain('A sample series');
    expect(cover.source.index).toBe(2);
    // The reply tree is the same whatever the arrival order.
    expect(parse.messages.map((m) => m.source.index)).toEqual([2, 1, 0]);
  });

  it.each([
    ['mail-0008-git-rename.mbox', { lists: ['Buildroot'], index: 1, total: 11, version: null }],
    ['mail-0011-no-newline-at-end-of-file.mbox', { version: 3, index: 5, total: 5 }],
    ['mail-0012-invalid-header-char.mbox', { lists: ['dpdk-dev'], prefix: 'PATCH' }],
    ['mail-0021-git-empty-new-file.mbox', { lists: ['snowpatch'], index: 1, total: 3 }],
    ['mail-0022-git-mode-change.mbox', { index: 1, total: 1 }],
  ])('%s subject tags', async (file, tags) => {
    const parse = await parseThread([f(file)]);
    expect(parse.messages[0]!.tags).toMatchObject(tags);
  });

  it.each([
    'mail-0003-git-pull-request-with-diff.mbox',
    'mail-0007-cvs-format-diff.mbox',
    'mail-0008-git-rename.mbox',
    'mail-0009-git-rename-with-diff.mbox',
    'mail-0010-invalid-charset.mbox',
    'mail-0011-no-newline-at-end-of-file.mbox',
    'mail-0012-invalid-header-char.mbox',
    'mail-0013-with-utf8-body.mbox',
    'mail-0014-with-unencoded-utf8-headers.mbox',
    'mail-0015-with-invalid-utf8-headers.mbox',
    'mail-0016-no-subject.mbox',
    'mail-0019-multipart-patch.mbox',
    'mail-0021-git-empty-new-file.mbox',
    'mail-0022-git-mode-change.mbox',
    'mail-0025-git-add-binary-file.mbox',
    'mail-0026-git-add-mixed-binary-text-files.mbox',
    'mail-0027-git-modify-binary-file.mbox',
  ])('%s is a patch', async (file) => {
    const parse = await parseThread([f(file)]);
    expect(parse.errors).toEqual([]);
    expect(parse.messages).toHaveLength(1);
    expect(roles(parse).get(parse.messages[0]!.id)).toBe('patch');
  });

  it('mail-0020 (a Re: with multipart/alternative) is a comment', async () => {
    const parse = await parseThread([f('mail-0020-multipart-comment.mbox')]);
    expect(roles(parse).get(parse.messages[0]!.id)).toBe('followup');
  });

  it.each(['mail-0001-git-pull-request.mbox', 'mail-0018-git-pull-request-crlf-newlines.mbox', 'mail-0023-git-pull-request-newline-in-url.mbox'])(
    '%s (pull request, no diff): role "other", deliberately unlike patchwork (see top)',
    async (file) => {
      const parse = await parseThread([f(file)]);
      expect(parse.messages).toHaveLength(1);
      expect(parse.messages[0]!.diffs).toEqual([]);
      expect(roles(parse).get(parse.messages[0]!.id)).toBe('other');
    },
  );

  it('decodes raw UTF-8 and RFC 2047 headers, CRLF files and an unknown charset', async () => {
    const utf8 = await parseThread([f('mail-0014-with-unencoded-utf8-headers.mbox')]);
    expect(utf8.messages[0]!.from.name).not.toMatch(/Ã|\uFFFD/);
    const b64 = await parseThread([f('mail-0015-with-invalid-utf8-headers.mbox')]);
    expect(b64.messages[0]!.from.name).not.toMatch(/=\?/);
    expect(readFileSync(f('mail-0018-git-pull-request-crlf-newlines.mbox'), 'latin1')).toContain('\r\n');
    const crlf = await parseThread([f('mail-0018-git-pull-request-crlf-newlines.mbox')]);
    expect(crlf.messages[0]!.subject).not.toContain('\r');
    const none = await parseThread([f('mail-0010-invalid-charset.mbox')]);
    expect(none.messages[0]!.diffs.length).toBeGreaterThan(0);
  });

  it('fuzz mails: a clean error or a message, never a crash', async () => {
    for (const file of ['fuzz-base64err.mbox', 'fuzz-charset.mbox']) {
      try {
        const parse = await parseThread([f(file)]);
        expect(parse.messages.length + parse.errors.length).toBeGreaterThan(0);
      } catch (err) {
        expect(err).toBeInstanceOf(UnreadableInput);
        expect((err as UnreadableInput).message).toMatch(new RegExp(`^${f(file)}: `));
      }
    }
  });

  describe('synthetic mails built from patch-0001-add-line.patch (patchwork builds these too)', () => {
    const diff = () => readFileSync(f('patch-0001-add-line.patch'), 'utf8');
    const mail = (headers: string, body: string) =>
      `From: A <a@example.com>\nSubject: [PATCH] test\nMessage-ID: <t@example.com>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n${headers}\n${body}`;

    async function parseText(text: string): Promise<ThreadParse> {
      const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(path(tmpdir(), 'pw-'));
      try {
        writeFileSync(path(dir, 'm.eml'), text);
        return await parseThread([path(dir, 'm.eml')]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('inline diff and text/x-patch attachment give the same diff', async () => {
      const inline = await parseText(mail('', `Test for attached patch\n${diff()}`));
      const boundary = 'XyZ';
      const attached = await parseText(
        mail(
          `MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="${boundary}"\n`,
          `--${boundary}\nContent-Type: text/plain\n\nTest for attached patch\n--${boundary}\nContent-Type: text/x-patch; name="p.patch"\nContent-Disposition: inline\n\n${diff()}--${boundary}--\n`,
        ),
      );
      const [a] = inline.messages[0]!.diffs;
      const [b] = attached.messages[0]!.diffs;
      expect(b!.origin).toBe('attachment');
      expect(b!.files.map((x) => x.new)).toEqual(['meep.text']);
      expect(a!.id).toBe(b!.id);
    });

    it('counts Reviewed-by and Tested-by, not a quoted Acked-by', async () => {
      const parse = await parseText(
        mail('', `Test for attached patch\n\n> Acked-by: Q <q@example.com>\nTested-by: T <a@example.com>\nReviewed-by: R <a@example.com>\n${diff()}`),
      );
      const keys = collectTrailers(parse, 't@example.com').map((t) => t.key);
      expect(keys.sort()).toEqual(['Reviewed-by', 'Tested-by']);
    });
  });
});
