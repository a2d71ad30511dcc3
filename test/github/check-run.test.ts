import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_REQUEST, CHECK_NAME, publishCheckRun } from '../../src/action/check-run.js';
import type { FakeGitHub } from './fake-github.js';
import { annotation, BOT_TOKEN, expectNoTokenLeak, HEAD_SHA, OWNER, PR, recordingLogger, REPO, review, startFakeGitHub, testClient } from './helpers.js';

const pr = { owner: OWNER, repo: REPO, number: PR };

describe('check run', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(async () => fake.close());

  const publish = (r = review()) => {
    const logger = recordingLogger();
    return publishCheckRun(testClient(fake, BOT_TOKEN, logger), pr, HEAD_SHA, r, { logger, truncationNote: 'see the summary' });
  };

  it('goes on the PR head SHA, named lkml-replay, neutral below fail-on, in one request', async () => {
    const result = await publish();
    expect(result).toMatchObject({ conclusion: 'neutral', annotations: 1, requests: 1 });
    const [run] = fake.checkRuns(OWNER, REPO);
    expect(run).toMatchObject({ name: CHECK_NAME, head_sha: HEAD_SHA, status: 'completed', conclusion: 'neutral' });
    expect(run!.output.title).toBe('3 variants, 1 difference, 0 regressions');
    expect(run!.annotations).toEqual([
      {
        path: 'series/v10-0007-device-exclusive.patch',
        start_line: 10,
        end_line: 12,
        annotation_level: 'warning',
        title: 'variant 0: behaviour changed',
        message: 'replaying variant 0 returns -EBUSY where the base returns 0',
      },
    ]);
    expectNoTokenLeak(fake, []);
  });

  it('concludes failure when fail-on is met', async () => {
    const result = await publish(review({ regressions: 1, failOnMet: true }));
    expect(result.conclusion).toBe('failure');
    expect(fake.checkRuns(OWNER, REPO)[0]!.conclusion).toBe('failure');
  });

  it('posts 120 annotations as create(50) + update(50) + update(20), completing on the last', async () => {
    const annotations = Array.from({ length: 120 }, (_, i) => annotation(i));
    const result = await publish(review({ annotations }));
    expect(result).toMatchObject({ annotations: 120, requests: 3 });
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    const sizes = writes.map((r) => (JSON.parse(r.body) as { output: { annotations?: unknown[] } }).output.annotations?.length);
    expect(sizes).toEqual([50, 50, 20]);
    const bodies = writes.map((r) => JSON.parse(r.body) as { status?: string; conclusion?: string });
    expect(bodies[0]).toMatchObject({ status: 'in_progress' });
    expect(bodies[0]!.conclusion).toBeUndefined();
    expect(bodies[1]!.conclusion).toBeUndefined();
    expect(bodies[2]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    const [run] = fake.checkRuns(OWNER, REPO);
    expect(run!.annotations).toHaveLength(120);
    expect(run!.annotations.map((a) => a.start_line)).toEqual(annotations.map((a) => a.startLine));
    expect(run!.status).toBe('completed');
  });

  it('exactly 50 annotations fit one request; the server refuses 51, as GitHub does', async () => {
    await publish(review({ annotations: Array.from({ length: ANNOTATIONS_PER_REQUEST }, (_, i) => annotation(i)) }));
    expect(fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);

    const logger = recordingLogger();
    const client = testClient(fake, BOT_TOKEN, logger);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({
      path: 'a.patch',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'notice' as const,
      message: 'm',
    }));
    await expect(
      client.rest.checks.create({ owner: OWNER, repo: REPO, name: 'x', head_sha: HEAD_SHA, output: { title: 't', summary: 's', annotations: tooMany } }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('No more than 50 items are allowed; 51 were supplied') });
    // The description says so too: this request is the one outside it, on purpose.
    expect(fake.openApiProblems()).toEqual(['POST /repos/kernel-queue/patches/check-runs: request body: /output/annotations must NOT have more than 50 items {"limit":50}']);
  });

  it('drops annotations GitHub would refuse (no path, line 0) instead of failing the request', async () => {
    await publish(review({ annotations: [annotation(0, { startLine: 0 }), annotation(1, { path: '' }), annotation(2, { endLine: 1 })] }));
    const [run] = fake.checkRuns(OWNER, REPO);
    expect(run!.annotations).toEqual([expect.objectContaining({ start_line: 12, end_line: 12 })]);
  });

  it('does not leave the check in progress when an update fails', async () => {
    fake.fail({ method: 'PATCH', route: /check-runs/, times: 1, status: 422, body: { message: 'Validation Failed' } });
    await expect(publish(review({ annotations: Array.from({ length: 60 }, (_, i) => annotation(i)) }))).rejects.toMatchObject({ status: 422 });
    const [run] = fake.checkRuns(OWNER, REPO);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  });
});
