// The one octokit factory of lkml-replay, shared by the Action and `lkml-replay github`:
// @octokit/rest with the retry and throttling plugins, bounded everywhere, with a per-request
// timeout, and a base URL that makes GitHub Enterprise Server work.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from './logger.js';

const ClientClass = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof ClientClass>;

const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  /** Absent: unauthenticated (only `--dry-run` reads of public repositories get anywhere). */
  token?: string | undefined;
  /** From a flag or input; else `GITHUB_API_URL`; else api.github.com. */
  apiUrl?: string | undefined;
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  /** Turn the throttling plugin off (tests talk to a local server). Default on. */
  throttle?: boolean;
  /** Retries of a failed request (5xx, network errors, timeouts). Default 3. */
  retries?: number;
  /** Scales every wait: plugin-retry waits (n+1)² × this, throttling retry-after × this. Default 1000 ms. */
  retryBaseMs?: number;
  /** A rate limit whose `retry-after` is longer than this is reported, not waited for. Default 120 s. */
  maxRetryAfterSeconds?: number;
  /** How often one request may wait for a rate limit. Default 2. */
  rateLimitRetries?: number;
  /** One request without an answer for this long fails (and is retried). Default 30 s. */
  timeoutMs?: number;
  /** Replaces the global fetch (dry-run, tests). */
  fetch?: typeof fetch;
}

/** `flag`, else `GITHUB_API_URL`, else https://api.github.com; no trailing slash. */
export function resolveApiUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = (flag?.trim() || env.GITHUB_API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`not a URL: ${JSON.stringify(raw)} (expected e.g. ${DEFAULT_API_URL} or https://HOST/api/v3)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`the GitHub API URL must be http(s): ${JSON.stringify(raw)}`);
  }
  return raw;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { logger } = options;
  const baseMs = options.retryBaseMs ?? 1000;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 120;
  const rateLimitRetries = options.rateLimitRetries ?? 2;

  // Both rate-limit kinds: wait when GitHub asks for a bounded wait, else give up and let the
  // request's error reach the caller, who reports it.
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const where = `${request.method} ${request.url}`;
      if (retryCount < rateLimitRetries && retryAfter <= maxRetryAfter) {
        logger.warning(`GitHub ${kind} on ${where}: retrying after ${retryAfter} s`);
        return true;
      }
      logger.warning(
        `GitHub ${kind} on ${where}: giving up (retry-after ${retryAfter} s, ${retryCount} retries; limits ${maxRetryAfter} s, ${rateLimitRetries} retries)`,
      );
      return false;
    };

  return new ClientClass({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: resolveApiUrl(options.apiUrl, options.env),
    userAgent: 'lkml-replay',
    // plugin-request-log logs every request (info) and every failed attempt (error), retried
    // or not; the callers report what finally failed, so both stay at debug level.
    log: {
      debug: (m: string) => logger.debug(m),
      info: (m: string) => logger.debug(m),
      warn: (m: string) => logger.warning(m),
      error: (m: string) => logger.debug(m),
    },
    request: { fetch: fetchWithTimeout(options.timeoutMs ?? 30_000, options.fetch ?? globalThis.fetch) },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: baseMs },
    throttle: {
      enabled: options.throttle ?? true,
      retryAfterBaseValue: baseMs,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
  });
}

/**
 * A fetch that gives up after `ms`. The timeout surfaces as a network failure ("fetch failed"),
 * which octokit turns into a status-500 RequestError that plugin-retry retries like any 5xx.
 */
function fetchWithTimeout(ms: number, inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const outer = init?.signal ?? undefined;
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    try {
      return await inner(input, { ...init, signal });
    } catch (err) {
      if (timeout.aborted && !outer?.aborted) {
        throw new TypeError('fetch failed', { cause: new Error(`no answer from GitHub within ${ms} ms`) });
      }
      throw err;
    }
  };
}

/** The HTTP status of an octokit error, if it has one. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A 403 that means "this token may not do that" (a fork PR's read-only token), not a rate limit. */
export function isPermissionDenied(err: unknown): boolean {
  if (statusOf(err) !== 403) return false;
  const message = err instanceof Error ? err.message : '';
  return !/rate limit/i.test(message);
}
