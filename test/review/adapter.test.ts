// The review shaped for the GitHub Action: counts, fail-on, and annotations on the hunk lines of
// the reviewed file (on the message's first line when its body is encoded; on the kernel file's
// lines for a pull request's own diff).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { toReviewForGitHub } from '../../src/action/review-adapter.js';
import { loadBundledScenarios } from '../../src/model/scenario/load.js';
import { review } from '../../src/replay/review.js';
import type { Review } from '../../src/replay/types.js';
import { tempDir } from '../temp-dir.js';

const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
const small = loadBundledScenarios().filter((s) => s.name === 'nouveau-atomic-small');
let seed: Review;


beforeAll(async () => {
  seed = await review({ inputs: [SEED], scenarios: small });
}, 600_000);

describe('toReviewForGitHub', () => {
  test('counts, reports and fail-on', () => {
    const g = toReviewForGitHub(seed, { failOn: 'regression' });
    expect(g).toMatchObject({ variants: 1, differences: 1, regressions: 1, failOnMet: true });
    expect(g.markdown).toMatch(/^## lkml-replay review: /);
    expect(JSON.parse(g.json).bases[0].name).toBe('v10');
    expect(toReviewForGitHub(seed, { failOn: 'never' }).failOnMet).toBe(false);
    expect(toReviewForGitHub(seed, { failOn: 'difference' }).failOnMet).toBe(true);
  });

  test('a changed variant is annotated on its hunk\'s lines in the reviewed file', () => {
    const g = toReviewForGitHub(seed, { failOn: 'never', files: [{ input: SEED, path: 'threads/seed.txt', kind: 'thread' }] });
    expect(g.annotations).toHaveLength(1);
    const a = g.annotations[0]!;
    expect(a).toMatchObject({ path: 'threads/seed.txt', startLine: 99, endLine: 110, level: 'failure' });
    expect(a.title).toBe('V1 (Peter Xu): regression in 1 scenario');
    expect(a.message).toContain('nouveau-atomic-small: completed 0 → deadlock, 1 retry (regression)');
    expect(a.message).toContain('CLEAR with owner unset');
  });

  test('the pull request\'s own diff: annotations go on the kernel file\'s new-side lines', () => {
    const g = toReviewForGitHub(seed, { failOn: 'never', files: [{ input: SEED, path: 'pull-request-7.diff', kind: 'pr-diff' }] });
    expect(g.annotations[0]).toMatchObject({ path: 'mm/rmap.c', startLine: 2042, endLine: 2053 });
  });

  test('an encoded body: the annotation points at the message\'s first line and says so', async () => {
    const dir = tempDir('lkml-adapter-');
    const f = join(dir, 'qp.mbox');
    const qp = (s: string) => s.replace(/\t/g, '=09');
    writeFileSync(
      f,
      [
        'From mboxrd@z Thu Jan  1 00:00:00 1970',
        'From: Peter Xu <peterx@redhat.com>',
        'Date: Wed, 9 Jun 2021 12:05:06 -0400',
        'Subject: Re: [PATCH v10 07/10] mm: Device exclusive memory access',
        'Message-ID: <qp-copy@example.org>',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Like this?',
        '',
        'diff --git a/mm/rmap.c b/mm/rmap.c',
        '--- a/mm/rmap.c',
        '+++ b/mm/rmap.c',
        '@@ -2042,6 +2042,8 @@ static bool page_make_device_exclusive_one(struct page *page,',
        qp(' \tswp_entry_t entry;'),
        qp(' \tpte_t swp_pte;'),
        ' ',
        qp('+\tsplit_huge_pmd_address(vma, address, false, page);'),
        '+',
        qp(' \tmmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,'),
        qp(' \t\t\t\t      vma->vm_mm, address, min(vma->vm_end,'),
        qp(' \t\t\t\t      address + page_size(page)), args->owner);'),
        '',
      ].join('\n'),
    );
    const r = await review({ inputs: [f], scenarios: small });
    expect(r.variants[0]!.hunks[0]!.fileLines).toBeNull();
    expect(r.variants[0]!.changed).toBe(true);
    const g = toReviewForGitHub(r, { failOn: 'never', files: [{ input: f, path: 'series/qp.mbox', kind: 'thread' }] });
    expect(g.annotations[0]).toMatchObject({ path: 'series/qp.mbox', startLine: 2, endLine: 2 });
    expect(g.annotations[0]!.message).toContain('the message body is encoded');
  }, 600_000);

  test('an unchanged variant gets no annotation; a variant stopped by an unplaced hunk gets a notice', async () => {
    const r = await review({ inputs: ['fixtures/patches/review-comment-only.patch', 'fixtures/patches/review-unmodelled-function.patch'], base: 'v10', scenarios: small });
    const g = toReviewForGitHub(r, { failOn: 'difference' });
    expect(g.failOnMet).toBe(false);
    expect(g.annotations).toHaveLength(1);
    expect(g.annotations[0]).toMatchObject({ path: 'fixtures/patches/review-unmodelled-function.patch', level: 'notice', title: 'V2: not replayed' });
    expect([g.annotations[0]!.startLine, g.annotations[0]!.endLine]).toEqual([17, 25]);
    expect(g.annotations[0]!.message).toContain('try_to_migrate_one');
  }, 600_000);
});
