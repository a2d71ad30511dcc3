import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STICKY_MARKER, stickyCommentBody, upsertStickyComment } from '../../src/action/sticky-comment.js';
import { COMMENT_BODY_LIMIT } from '../../src/action/truncate.js';
import type { FakeGitHub } from './fake-github.js';
import {
  BOT,
  BOT_TOKEN,
  expectNoTokenLeak,
  MAINTAINER,
  OWNER,
  PR,
  recordingLogger,
  REPO,
  startFakeGitHub,
  STRANGER,
  testClient,
} from './helpers.js';

const pr = { owner: OWNER, repo: REPO, number: PR };
const note = 'The full report is in the job summary.';

describe('sticky comment', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(async () => fake.close());

  const upsert = (markdown: string, login = BOT.login) => {
    const logger = recordingLogger();
    const client = testClient(fake, BOT_TOKEN, logger);
    return upsertStickyComment(client, pr, stickyCommentBody(markdown, note), { login, logger });
  };

  it('is created once, then updated in place on the next run', async () => {
    const first = await upsert('first run');
    expect(first.action).toBe('created');
    const second = await upsert('second run');
    expect(second).toMatchObject({ action: 'updated', id: first.id });

    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toBe(`${STICKY_MARKER}\nsecond run`);
    expect(comments[0]!.user.login).toBe('github-actions[bot]');
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.route)).toEqual([`/repos/${OWNER}/${REPO}/issues/${PR}/comments`]);
    expect(fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.route)).toEqual([
      `/repos/${OWNER}/${REPO}/issues/comments/${first.id}`,
    ]);
    expectNoTokenLeak(fake, []);
  });

  it('leaves an identical body alone', async () => {
    await upsert('same');
    const again = await upsert('same');
    expect(again.action).toBe('unchanged');
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('never takes over someone else’s comment carrying the marker', async () => {
    const pasted = fake.addComment(OWNER, REPO, STRANGER, `${STICKY_MARKER}\nI pasted your marker`);
    const quoted = fake.addComment(OWNER, REPO, MAINTAINER, `> earlier\n${STICKY_MARKER}`);
    const result = await upsert('our report');
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(pasted.id);
    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(3);
    expect(comments.find((c) => c.id === pasted.id)!.body).toBe(`${STICKY_MARKER}\nI pasted your marker`);
    expect(comments.find((c) => c.id === quoted.id)!.body).toBe(`> earlier\n${STICKY_MARKER}`);
    expect(fake.requests.some((r) => r.method === 'PATCH' || r.method === 'DELETE')).toBe(false);
  });

  it('finds its own comment whatever the case of the login', async () => {
    const first = await upsert('one', 'GitHub-Actions[bot]');
    const second = await upsert('two', 'github-actions[BOT]');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
  });

  it('cuts a body over 65,536 characters and points to the job summary', async () => {
    const huge = '## report\n\n```\n' + 'x'.repeat(80) + '\n'.repeat(1) + ('line of trace output\n'.repeat(5000));
    expect(huge.length).toBeGreaterThan(COMMENT_BODY_LIMIT);
    const result = await upsert(huge);
    expect(result.action).toBe('created');
    const body = fake.comments(OWNER, REPO)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(body.startsWith(STICKY_MARKER)).toBe(true);
    expect(body.endsWith(`${note}\n`)).toBe(true);
    // The open code fence was closed before the pointer.
    expect(body.split('\n').filter((l) => l.startsWith('```'))).toHaveLength(2);
  });

  it('keeps the footer whole when the report is cut', () => {
    const footer = '<sub>reviewed 1234567</sub>';
    const body = stickyCommentBody('🐧'.repeat(40_000), note, footer);
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(body.endsWith(`${note}\n\n\n${footer}\n`)).toBe(true);
    // No lone surrogate where the penguins were cut.
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('the server refuses a body over the limit, as GitHub does', async () => {
    const logger = recordingLogger();
    const client = testClient(fake, BOT_TOKEN, logger);
    await expect(
      client.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x'.repeat(COMMENT_BODY_LIMIT + 1) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('recreates a comment deleted between listing and updating', async () => {
    const first = await upsert('first');
    fake.before = ({ method }) => {
      // Someone deletes the comment right after our list.
      if (method === 'PATCH') fake.comments(OWNER, REPO).splice(0);
    };
    const second = await upsert('second');
    fake.before = undefined;
    expect(second.action).toBe('recreated');
    expect(second.id).not.toBe(first.id);
    expect(fake.comments(OWNER, REPO).map((c) => c.body)).toEqual([`${STICKY_MARKER}\nsecond`]);
  });

  it('two runs at once end with one comment: the oldest stays, the newer is deleted', async () => {
    // Hold both runs' first listing until both have asked, so that both see no comment and both create.
    let listed = 0;
    let release!: () => void;
    const bothListed = new Promise<void>((resolve) => (release = resolve));
    fake.before = async ({ method, route }) => {
      if (method === 'GET' && route.endsWith('/comments') && listed < 2) {
        listed++;
        if (listed === 2) release();
        await bothListed;
      }
    };
    const [a, b] = await Promise.all([upsert('run A'), upsert('run B')]);
    fake.before = undefined;

    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    const comments = fake.comments(OWNER, REPO);
    expect(comments).toHaveLength(1);
    const survivor = comments[0]!;
    expect([a.id, b.id]).toContain(survivor.id);
    expect(a.id).toBe(survivor.id);
    expect(b.id).toBe(survivor.id);
    expect(fake.requests.filter((r) => r.method === 'DELETE').length).toBeGreaterThanOrEqual(1);

    // The next run updates that one comment.
    const next = await upsert('run C');
    expect(next).toMatchObject({ action: 'updated', id: survivor.id });
    expect(fake.comments(OWNER, REPO)).toHaveLength(1);
  });

  it('cleans up duplicates left by an earlier race', async () => {
    const older = fake.addComment(OWNER, REPO, BOT, `${STICKY_MARKER}\nold`);
    const newer = fake.addComment(OWNER, REPO, BOT, `${STICKY_MARKER}\nduplicate`);
    const result = await upsert('fresh');
    expect(result).toMatchObject({ action: 'updated', id: older.id, removed: [newer.id] });
    expect(fake.comments(OWNER, REPO).map((c) => c.id)).toEqual([older.id]);
  });

  it('follows pagination to find its comment among many', async () => {
    for (let i = 0; i < 230; i++) fake.addComment(OWNER, REPO, MAINTAINER, `comment ${i}`);
    const ours = fake.addComment(OWNER, REPO, BOT, `${STICKY_MARKER}\nold`);
    const result = await upsert('new');
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    const pages = fake.requests.filter((r) => r.method === 'GET' && r.route.endsWith('/comments'));
    expect(pages).toHaveLength(3);
    expect(pages[1]!.url).toMatch(/^\/repositories\/\d+\/issues\/7\/comments\?per_page=100&page=2$/);
  });
});
