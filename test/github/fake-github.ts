// A small GitHub REST server for the tests: node:http on 127.0.0.1 (port 0), speaking the
// endpoints the GitHub side uses with GitHub's own shapes (bodies, media types, Link pagination,
// rate-limit headers, error bodies), recording every request. Octokit talks to it over loopback;
// nothing about octokit is mocked. Faults (5xx, secondary rate limits, hangs) and hooks (to
// interleave two runs, or delete a comment between list and update) are injected per test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubExample, openApiProblems } from './openapi.js';

/** GitHub's sample user with this account's login, id and type (every field the API has). */
function userShape(user: { login: string; id: number; type: string }): Record<string, unknown> {
  return { ...simpleUser(), login: user.login, id: user.id, type: user.type };
}

function simpleUser(): Record<string, unknown> {
  return githubExample<{ user: Record<string, unknown> }>('issue-comment').user;
}

export interface FakeAccount {
  login: string;
  id: number;
  type: 'User' | 'Bot';
  /** An installation token (GITHUB_TOKEN, a GitHub App): GET /user answers 403; check runs allowed. */
  app: boolean;
  /** Read-only (a fork PR's token): every write answers 403. */
  readOnly?: boolean;
}

export interface FakePullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  patch?: string;
  previous_filename?: string;
  additions?: number;
  deletions?: number;
}

export interface FakePull {
  number: number;
  title: string;
  headSha: string;
  baseSha: string;
  mergeSha: string;
  diff: string;
  files: FakePullFile[];
  /** Above GitHub's limits for rendering a diff (300 files or 20,000 lines): 406 on diff/patch. */
  diffTooLarge?: 'files' | 'lines';
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; id: number; type: string };
  created_at: string;
  updated_at: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  annotations: Array<Record<string, unknown>>;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** The path without the API prefix and query: `/repos/o/r/pulls/1`. */
  route: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number;
  /** The answer as sent (held to GitHub's OpenAPI description, see openapi.ts). */
  responseType?: string | undefined;
  responseBody?: string;
}

export interface Fault {
  method?: string;
  /** Matched against the route (`/repos/o/r/issues/1/comments`). */
  route: RegExp;
  /** How many matching requests fail; then the fault is spent. */
  times: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer nothing for this long first (a hung connection). */
  hangMs?: number;
}

interface Repo {
  id: number;
  owner: string;
  name: string;
  pulls: Map<number, FakePull>;
  comments: FakeComment[];
  checkRuns: FakeCheckRun[];
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly accounts = new Map<string, FakeAccount>();
  readonly faults: Fault[] = [];
  /** Awaited before each request is handled (after recording it); may mutate state or wait. */
  before: ((req: { method: string; route: string }) => Promise<void> | void) | undefined;
  #server: Server | undefined;
  #current = new WeakMap<ServerResponse, RecordedRequest>();
  #checked = 0;
  #repos = new Map<string, Repo>();
  #nextId = 1000;
  #remaining = 5000;
  #prefix: string;
  url = '';

  /** `prefix`: `/api/v3` to look like GitHub Enterprise Server (GraphQL then at /api/graphql). */
  constructor(options: { prefix?: string } = {}) {
    this.#prefix = options.prefix ?? '';
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      void this.#handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) this.#json(res, 500, { message: `fake server bug: ${String(err)}` });
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}${this.#prefix}`;
    return this;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  /**
   * What the requests since the last call, and this server's answers to them, do wrong by
   * GitHub's OpenAPI description ([] when nothing); the tests' helpers check it after each test.
   */
  openApiProblems(): string[] {
    const fresh = this.requests.slice(this.#checked);
    this.#checked = this.requests.length;
    return fresh.flatMap((r) =>
      openApiProblems({ method: r.method, route: r.route.replace(/^\/repositories\/\d+/, `/repos/o/r`), requestBody: r.body, status: r.status, responseType: r.responseType, responseBody: r.responseBody ?? '' }),
    );
  }

  addAccount(token: string, account: FakeAccount): void {
    this.accounts.set(token, account);
  }

  addRepo(owner: string, name: string): void {
    this.#repos.set(`${owner}/${name}`, { id: this.#nextId++, owner, name, pulls: new Map(), comments: [], checkRuns: [] });
  }

  addPull(owner: string, name: string, pull: FakePull): void {
    this.#repo(owner, name).pulls.set(pull.number, pull);
  }

  comments(owner: string, name: string): FakeComment[] {
    return this.#repo(owner, name).comments;
  }

  checkRuns(owner: string, name: string): FakeCheckRun[] {
    return this.#repo(owner, name).checkRuns;
  }

  /** Adds a comment as if `account` wrote it in the web UI. */
  addComment(owner: string, name: string, account: FakeAccount, body: string): FakeComment {
    const comment = this.#newComment(account, body);
    this.#repo(owner, name).comments.push(comment);
    return comment;
  }

  fail(fault: Fault): void {
    this.faults.push(fault);
  }

  #repo(owner: string, name: string): Repo {
    const repo = this.#repos.get(`${owner}/${name}`);
    if (!repo) throw new Error(`no repo ${owner}/${name}`);
    return repo;
  }

  #newComment(account: FakeAccount, body: string): FakeComment {
    const now = new Date().toISOString();
    return { id: this.#nextId++, body, user: { login: account.login, id: account.id, type: account.type }, created_at: now, updated_at: now };
  }

  // -------------------------------------------------------------------------------------------

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const graphqlPath = this.#prefix === '/api/v3' ? '/api/graphql' : '/graphql';
    let route = url.pathname;
    if (route !== graphqlPath) {
      if (!route.startsWith(this.#prefix)) return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      route = route.slice(this.#prefix.length) || '/';
    } else {
      route = '/graphql';
    }
    const record: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '', route, headers: { ...req.headers }, body, status: 0 };
    this.requests.push(record);
    this.#current.set(res, record);
    const origWriteHead = res.writeHead.bind(res);
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      record.status = status;
      return (origWriteHead as (...a: unknown[]) => ServerResponse)(status, ...rest);
    }) as typeof res.writeHead;

    await this.before?.({ method: record.method, route });

    const fault = this.faults.find((f) => f.times > 0 && (!f.method || f.method === record.method) && f.route.test(route));
    if (fault) {
      fault.times--;
      if (fault.hangMs) await new Promise((r) => setTimeout(r, fault.hangMs));
      if (res.destroyed) return;
      if (fault.status) return this.#json(res, fault.status, fault.body ?? { message: 'Server Error' }, fault.headers);
    }

    const auth = req.headers.authorization;
    const token = auth?.replace(/^(token|bearer)\s+/i, '');
    const account = token ? this.accounts.get(token) : undefined;
    if (token && !account) return this.#json(res, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    const isWrite = record.method !== 'GET' && route !== '/graphql';
    if (isWrite && !account) return this.#json(res, 401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' });
    if (isWrite && account?.readOnly) {
      return this.#json(res, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });
    }
    const json = (): Record<string, unknown> => (body ? (JSON.parse(body) as Record<string, unknown>) : {});
    const base = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}${this.#prefix}`;
    let m: RegExpExecArray | null;

    if (route === '/graphql' && record.method === 'POST') {
      if (!account) return this.#json(res, 401, { message: 'This endpoint requires you to be authenticated.', documentation_url: DOCS });
      const query = String(json().query ?? '');
      if (/\bviewer\s*\{\s*login\s*\}/.test(query)) return this.#json(res, 200, { data: { viewer: { login: account.login } } });
      return this.#json(res, 200, { errors: [{ message: 'unsupported query in fake server' }] });
    }
    if (route === '/user' && record.method === 'GET') {
      if (!account) return this.#json(res, 401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' });
      if (account.app) {
        return this.#json(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        });
      }
      return this.#json(res, 200, { ...githubExample<Record<string, unknown>>('private-user'), login: account.login, id: account.id, type: account.type });
    }

    const repoOf = (owner: string, name: string) => this.#repos.get(`${owner}/${name}`);
    const repoById = (id: string) => [...this.#repos.values()].find((r) => String(r.id) === id);
    // Both /repos/{owner}/{repo}/... and /repositories/{id}/... (the form GitHub's Link headers use).
    m = /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))(\/.*)$/.exec(route);
    const repo = m ? (m[3] ? repoById(m[3]) : repoOf(m[1]!, m[2]!)) : undefined;
    if (!m || !repo) return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    const rest = m[4]!;
    const repoUrl = `${base}/repos/${repo.owner}/${repo.name}`;

    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && record.method === 'GET') {
      const pull = repo.pulls.get(Number(m[1]));
      if (!pull) return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const accept = req.headers.accept ?? '';
      if (/application\/vnd\.github(\.v3)?\.(diff|patch)/.test(accept)) {
        if (pull.diffTooLarge) {
          const limit = pull.diffTooLarge === 'files' ? 'maximum number of files (300)' : 'maximum number of lines (20000)';
          return this.#json(res, 406, {
            message: `Sorry, the diff exceeded the ${limit}. Consider using 'List pull requests files' API or locally cloning the repository instead.`,
            errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }],
            documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
            status: '406',
          });
        }
        const isPatch = /\.patch/.test(accept);
        const text = isPatch
          ? `From ${pull.headSha} Mon Sep 17 00:00:00 2001\nFrom: Contributor <c@example.org>\nSubject: [PATCH] ${pull.title}\n\n---\n${pull.diff}--\n2.45.0\n\n`
          : pull.diff;
        return this.#send(res, 200, text, `application/vnd.github.${isPatch ? 'patch' : 'diff'}; charset=utf-8`);
      }
      const sample = githubExample<{ head: { repo: Record<string, unknown> }; base: { repo: Record<string, unknown> } } & Record<string, unknown>>('pull-request');
      return this.#json(res, 200, {
        ...sample,
        // GitHub's sample lists a team without the `type` its own schema requires: none here.
        requested_teams: [],
        url: `${repoUrl}/pulls/${pull.number}`,
        number: pull.number,
        state: 'open',
        title: pull.title,
        head: { ...sample.head, sha: pull.headSha, ref: 'topic', repo: { ...sample.head.repo, full_name: `fork/${repo.name}` } },
        base: { ...sample.base, sha: pull.baseSha, ref: 'main', repo: { ...sample.base.repo, full_name: `${repo.owner}/${repo.name}` } },
        merge_commit_sha: pull.mergeSha,
        changed_files: pull.files.length,
      });
    }

    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && record.method === 'GET') {
      const pull = repo.pulls.get(Number(m[1]));
      if (!pull) return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      // GitHub's sample entry without its own patch (binary files have none).
      const { patch: _patch, ...entry } = githubExample<Record<string, unknown>[]>('diff-entry-items')[0]!;
      const items = pull.files.slice(0, 3000).map((f) => ({
        ...entry,
        sha: '0'.repeat(40),
        filename: f.filename,
        status: f.status,
        additions: f.additions ?? 0,
        deletions: f.deletions ?? 0,
        changes: (f.additions ?? 0) + (f.deletions ?? 0),
        blob_url: `${base}/blob/${f.filename}`,
        raw_url: `${base}/raw/${f.filename}`,
        contents_url: `${repoUrl}/contents/${f.filename}`,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      }));
      return this.#page(res, url, `${base}/repositories/${repo.id}/pulls/${pull.number}/files`, items);
    }

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const number = Number(m[1]);
      if (!repo.pulls.has(number)) return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const shape = (c: FakeComment) => ({
        ...githubExample('issue-comment'),
        ...c,
        user: userShape(c.user),
        url: `${repoUrl}/issues/comments/${c.id}`,
        html_url: `https://github.test/${repo.owner}/${repo.name}/pull/${number}#issuecomment-${c.id}`,
        issue_url: `${repoUrl}/issues/${number}`,
        author_association: 'NONE',
      });
      if (record.method === 'GET') {
        return this.#page(res, url, `${base}/repositories/${repo.id}/issues/${number}/comments`, repo.comments.map(shape));
      }
      if (record.method === 'POST') {
        const text = json().body;
        if (typeof text !== 'string' || text === '') return this.#validation(res, 'IssueComment', 'body', 'missing_field');
        if (text.length > 65536) return this.#tooLong(res);
        const comment = this.#newComment(account!, text);
        repo.comments.push(comment);
        return this.#json(res, 201, shape(comment));
      }
    }

    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const index = repo.comments.findIndex((c) => c.id === Number(m![1]));
      if (index === -1) return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const comment = repo.comments[index]!;
      if (record.method === 'PATCH') {
        const text = json().body;
        if (typeof text !== 'string' || text === '') return this.#validation(res, 'IssueComment', 'body', 'missing_field');
        if (text.length > 65536) return this.#tooLong(res);
        comment.body = text;
        comment.updated_at = new Date().toISOString();
        return this.#json(res, 200, {
          ...githubExample<Record<string, unknown>>('issue-comment'),
          ...comment,
          user: userShape(comment.user),
          url: `${repoUrl}/issues/comments/${comment.id}`,
          html_url: `https://github.test/${repo.owner}/${repo.name}/pull/0#issuecomment-${comment.id}`,
        });
      }
      if (record.method === 'DELETE') {
        repo.comments.splice(index, 1);
        return this.#send(res, 204, '', undefined);
      }
    }

    if (rest === '/check-runs' && record.method === 'POST') {
      if (!account!.app) {
        return this.#json(res, 403, { message: 'You must authenticate via a GitHub App.', documentation_url: DOCS, status: '403' });
      }
      const input = json();
      if (typeof input.name !== 'string' || typeof input.head_sha !== 'string') {
        return this.#validation(res, 'CheckRun', typeof input.name !== 'string' ? 'name' : 'head_sha', 'missing_field');
      }
      const annotations = this.#annotations(input);
      if (typeof annotations === 'number') return this.#tooManyAnnotations(res, annotations);
      const run: FakeCheckRun = {
        id: this.#nextId++,
        name: input.name,
        head_sha: input.head_sha,
        status: String(input.status ?? 'queued'),
        conclusion: (input.conclusion as string | undefined) ?? null,
        details_url: (input.details_url as string | undefined) ?? null,
        output: { title: null, summary: null, text: null, annotations_count: 0 },
        annotations: [],
      };
      this.#applyOutput(run, input, annotations);
      repo.checkRuns.push(run);
      return this.#json(res, 201, this.#checkShape(run, repo));
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest)) && record.method === 'PATCH') {
      const run = repo.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const input = json();
      const annotations = this.#annotations(input);
      if (typeof annotations === 'number') return this.#tooManyAnnotations(res, annotations);
      if (input.status) run.status = String(input.status);
      if (input.conclusion) {
        run.conclusion = String(input.conclusion);
        run.status = 'completed';
      }
      this.#applyOutput(run, input, annotations);
      return this.#json(res, 200, this.#checkShape(run, repo));
    }

    return this.#json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  }

  #annotations(input: Record<string, unknown>): Array<Record<string, unknown>> | number {
    const list = (input.output as { annotations?: unknown } | undefined)?.annotations;
    if (!Array.isArray(list)) return [];
    if (list.length > 50) return list.length;
    return list as Array<Record<string, unknown>>;
  }

  #applyOutput(run: FakeCheckRun, input: Record<string, unknown>, annotations: Array<Record<string, unknown>>): void {
    const output = input.output as { title?: string; summary?: string; text?: string } | undefined;
    if (!output) return;
    run.output.title = output.title ?? run.output.title;
    run.output.summary = output.summary ?? run.output.summary;
    run.output.text = output.text ?? run.output.text;
    // GitHub appends the annotations of every update to those already there.
    run.annotations.push(...annotations);
    run.output.annotations_count = run.annotations.length;
  }

  #checkShape(run: FakeCheckRun, repo: Repo): Record<string, unknown> {
    const sample = githubExample<{ output: Record<string, unknown> } & Record<string, unknown>>('check-run');
    return {
      ...sample,
      id: run.id,
      name: run.name,
      head_sha: run.head_sha,
      status: run.status,
      conclusion: run.conclusion,
      details_url: run.details_url,
      html_url: `https://github.test/${repo.owner}/${repo.name}/runs/${run.id}`,
      output: { ...sample.output, title: run.output.title, summary: run.output.summary, text: run.output.text, annotations_count: run.output.annotations_count },
    };
  }

  /** One page of `items` (per_page, page from the query) with GitHub's absolute Link header. */
  #page(res: ServerResponse, url: URL, pageBase: string, items: unknown[]): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => `<${pageBase}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    this.#json(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
  }

  #validation(res: ServerResponse, resource: string, field: string, code: string): void {
    this.#json(res, 422, { message: 'Validation Failed', errors: [{ resource, code, field }], documentation_url: DOCS, status: '422' });
  }

  #tooLong(res: ServerResponse): void {
    this.#json(res, 422, {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    });
  }

  #tooManyAnnotations(res: ServerResponse, count: number): void {
    this.#json(res, 422, {
      message: `Invalid request.\n\nNo more than 50 items are allowed; ${count} were supplied.`,
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      status: '422',
    });
  }

  #json(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    this.#send(res, status, JSON.stringify(data), 'application/json; charset=utf-8', headers);
  }

  #send(res: ServerResponse, status: number, text: string, contentType: string | undefined, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    const record = this.#current.get(res);
    if (record) {
      record.responseType = contentType;
      record.responseBody = text;
    }
    this.#remaining = Math.max(0, this.#remaining - 1);
    res.writeHead(status, {
      ...(contentType ? { 'content-type': contentType } : {}),
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${this.requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.#remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - this.#remaining),
      'x-ratelimit-resource': 'core',
      ...headers,
    });
    res.end(text);
  }
}

/** GitHub's secondary-rate-limit answer. */
export function secondaryRateLimit(route: RegExp, retryAfterSeconds: number, times = 1, method?: string): Fault {
  return {
    route,
    times,
    ...(method ? { method } : {}),
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.',
      documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
  };
}

/** A 5xx as GitHub's front end gives it. */
export function serverError(route: RegExp, times: number, method?: string, status = 500): Fault {
  return { route, times, ...(method ? { method } : {}), status, body: { message: 'Server Error' } };
}
