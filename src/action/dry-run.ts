// `lkml-replay github --dry-run`: reads (PR, comment list, the token's login) go out as usual,
// writes are printed instead of sent and answered with a placeholder. Headers are never printed
// (the Authorization header carries the token).
import type { GitHubClient } from './octokit.js';

interface EndpointOptions {
  method?: string;
  url?: string;
  [key: string]: unknown;
}

export function printWritesInsteadOfSending(client: GitHubClient, print: (line: string) => void): void {
  client.hook.wrap('request', async (request, options) => {
    const parsed = client.request.endpoint.parse(options as never) as { method: string; url: string; body?: unknown };
    const isGraphQLQuery = parsed.url.endsWith('/graphql') && /^\s*query\b/.test(String((options as EndpointOptions).query ?? ''));
    if (parsed.method === 'GET' || parsed.method === 'HEAD' || isGraphQLQuery) {
      print(`${parsed.method} ${parsed.url}${isGraphQLQuery ? ' (query { viewer { login } })' : ''}`);
      return request(options);
    }
    print(`${parsed.method} ${parsed.url} (dry run: not sent)`);
    if (parsed.body !== undefined) print(`  ${abbreviate(parsed.body)}`);
    const sent = (typeof parsed.body === 'object' && parsed.body !== null ? parsed.body : {}) as Record<string, unknown>;
    return {
      status: parsed.method === 'DELETE' ? 204 : 200,
      url: parsed.url,
      headers: {},
      data: { id: 0, html_url: '', body: sent.body, user: null },
    } as never;
  });
}

/** JSON of a request body with long strings and arrays shortened, for reading on a terminal. */
function abbreviate(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value === 'string' && value.length > 120) return `${value.slice(0, 100)}… (${value.length} characters)`;
    if (Array.isArray(value) && value.length > 3) return [...value.slice(0, 2), `… ${value.length} items in all`];
    return value;
  });
}
