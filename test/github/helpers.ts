// Shared pieces of the GitHub-side tests: tokens, a fake repository with one PR, ReviewForGitHub
// values built by hand (the GitHub side is a function of them and of the PR's state), a logger
// that records, and the check that the token appears nowhere it should not.
import { afterEach, expect } from 'vitest';
import type { Logger } from '../../src/action/logger.js';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../src/action/octokit.js';
import type { ReviewAnnotation, ReviewForGitHub } from '../../src/action/review-for-github.js';
import { Secrets } from '../../src/action/secrets.js';
import { FakeGitHub, type FakeAccount } from './fake-github.js';

export const OWNER = 'kernel-queue';
export const REPO = 'patches';
export const PR = 7;
export const HEAD_SHA = '1111111111111111111111111111111111111111';
export const MERGE_SHA = '3333333333333333333333333333333333333333';
export const BASE_SHA = '2222222222222222222222222222222222222222';

/** Installation token of the workflow (GITHUB_TOKEN): comments by github-actions[bot]. */
export const BOT_TOKEN = 'ghs_botBOTbot0123456789abcdefABCDEF0123';
/** A personal access token of a maintainer. */
export const PAT_TOKEN = 'ghp_patPATpat0123456789abcdefABCDEF0123';
/** A fork PR's read-only installation token. */
export const READONLY_TOKEN = 'ghs_readONLY0123456789abcdefABCDEF012';

export const BOT: FakeAccount = { login: 'github-actions[bot]', id: 41898282, type: 'Bot', app: true };
export const MAINTAINER: FakeAccount = { login: 'Alice', id: 501, type: 'User', app: false };
const READONLY_BOT: FakeAccount = { ...BOT, readOnly: true };
export const STRANGER: FakeAccount = { login: 'mallory', id: 666, type: 'User', app: false };

export const THREAD_PATH = 'series/v10-0007-device-exclusive.patch';
/** The patch file at THREAD_PATH in the Action tests' checkouts (their stand-in review reads it). */
export const THREAD_PATCH = [
  'From: Alistair Popple <apopple@nvidia.com>',
  'Subject: [PATCH v10 07/10] mm: Device exclusive memory access',
  '',
  '---',
  'diff --git a/mm/rmap.c b/mm/rmap.c',
  '--- a/mm/rmap.c',
  '+++ b/mm/rmap.c',
  '@@ -2100,6 +2100,8 @@ static bool page_make_device_exclusive_one(struct page *page,',
  ' \tcontext',
  '+\tadded',
  '+\tadded too',
  ' \tcontext',
  '',
].join('\n');

const started: FakeGitHub[] = [];
// After every test: what was asked of the fake GitHub, and what it answered, is the real API.
afterEach(() => {
  for (const fake of started) expect(fake.openApiProblems()).toEqual([]);
});

/** A fake GitHub with the repository and PR 7 carrying one thread file. */
export async function startFakeGitHub(options: { prefix?: string } = {}): Promise<FakeGitHub> {
  const fake = await new FakeGitHub(options).start();
  started.push(fake);
  fake.addAccount(BOT_TOKEN, BOT);
  fake.addAccount(PAT_TOKEN, MAINTAINER);
  fake.addAccount(READONLY_TOKEN, READONLY_BOT);
  fake.addRepo(OWNER, REPO);
  fake.addPull(OWNER, REPO, {
    number: PR,
    title: 'mm: device exclusive memory access v10',
    headSha: HEAD_SHA,
    baseSha: BASE_SHA,
    mergeSha: MERGE_SHA,
    diff: `diff --git a/${THREAD_PATH} b/${THREAD_PATH}\nnew file mode 100644\n--- /dev/null\n+++ b/${THREAD_PATH}\n@@ -0,0 +1 @@\n+From: x\n`,
    files: [{ filename: THREAD_PATH, status: 'added', patch: '@@ -0,0 +1 @@\n+From: x', additions: 1 }],
  });
  return fake;
}

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}

export function testClient(
  fake: FakeGitHub,
  token: string | undefined,
  logger: Logger,
  options: Partial<GitHubClientOptions> = {},
): GitHubClient {
  return createGitHubClient({ token, apiUrl: fake.url, logger, throttle: false, retryBaseMs: 1, ...options });
}

export function secretsFor(...tokens: string[]): Secrets {
  const secrets = new Secrets();
  for (const t of tokens) secrets.add(t);
  return secrets;
}

export function annotation(i: number, overrides: Partial<ReviewAnnotation> = {}): ReviewAnnotation {
  return {
    path: THREAD_PATH,
    startLine: 10 + i,
    endLine: 12 + i,
    level: 'warning',
    title: `variant ${i}: behaviour changed`,
    message: `replaying variant ${i} returns -EBUSY where the base returns 0`,
    ...overrides,
  };
}

export function review(overrides: Partial<ReviewForGitHub> = {}): ReviewForGitHub {
  return {
    markdown: '## lkml-replay\n\n3 variants, 1 difference, 0 regressions.\n',
    json: JSON.stringify({ variants: 3, differences: 1, regressions: 0 }),
    variants: 3,
    replayed: 3,
    differences: 1,
    regressions: 0,
    notice: [],
    annotations: [annotation(0)],
    failOnMet: false,
    ...overrides,
  };
}

/**
 * The token appears nowhere but in the Authorization header of requests: not in any request's
 * URL or body, any response stored by the server, nor in any of the `texts` (logs, outputs).
 */
export function expectNoTokenLeak(fake: FakeGitHub, texts: readonly string[], tokens: readonly string[] = [BOT_TOKEN, PAT_TOKEN, READONLY_TOKEN]): void {
  for (const token of tokens) {
    for (const r of fake.requests) {
      expect(r.url, `request URL ${r.method} ${r.url}`).not.toContain(token);
      expect(r.body, `request body ${r.method} ${r.url}`).not.toContain(token);
      for (const [name, value] of Object.entries(r.headers)) {
        if (name !== 'authorization') expect(String(value), `header ${name}`).not.toContain(token);
      }
    }
    for (const c of fake.comments(OWNER, REPO)) expect(c.body).not.toContain(token);
    for (const run of fake.checkRuns(OWNER, REPO)) expect(JSON.stringify(run)).not.toContain(token);
    for (const text of texts) expect(text).not.toContain(token);
  }
}
