// The file `lkml-replay github --report` posts: a ReviewForGitHub plus the pull request it is
// about. The Action writes it beside the JSON report (output `github-report`); the two-step fork
// recipe uploads it as an artifact from an untrusted run, so reading it checks every field.
import type { AnnotationLevel, ReviewAnnotation, ReviewForGitHub } from './review-for-github.js';

export const GITHUB_REPORT_FORMAT = 'lkml-replay/github-report@1';

export interface GitHubReportFile {
  format: typeof GITHUB_REPORT_FORMAT;
  /** `OWNER/NAME` */
  repository: string;
  pullRequest: number;
  /** The PR head commit that was reviewed. */
  headSha: string;
  review: ReviewForGitHub;
}

const LIMITS = { markdown: 4 * 1024 * 1024, json: 64 * 1024 * 1024, annotations: 10_000, text: 64 * 1024 };
const LEVELS: readonly AnnotationLevel[] = ['notice', 'warning', 'failure'];

export function serializeGitHubReport(report: GitHubReportFile): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Parses and checks a github-report file; throws an Error naming the first bad field. */
export function parseGitHubReport(text: string): GitHubReportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const top = record(data, 'the report');
  if (top.format !== GITHUB_REPORT_FORMAT) {
    throw new Error(`format is ${JSON.stringify(top.format)}, expected ${JSON.stringify(GITHUB_REPORT_FORMAT)} (the Action's github-report output)`);
  }
  const repository = string(top.repository, 'repository', 200);
  const pullRequest = count(top.pullRequest, 'pullRequest');
  const headSha = string(top.headSha, 'headSha', 64);
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(headSha)) throw new Error('headSha: not a commit id');

  const r = record(top.review, 'review');
  const annotationsIn = r.annotations;
  if (!Array.isArray(annotationsIn)) throw new Error('review.annotations: not an array');
  if (annotationsIn.length > LIMITS.annotations) throw new Error(`review.annotations: more than ${LIMITS.annotations}`);
  const annotations = annotationsIn.map((a, i): ReviewAnnotation => {
    const at = `review.annotations[${i}]`;
    const o = record(a, at);
    const level = o.level;
    if (!LEVELS.includes(level as AnnotationLevel)) throw new Error(`${at}.level: not one of ${LEVELS.join(', ')}`);
    const path = string(o.path, `${at}.path`, 1024);
    if (path === '' || path.startsWith('/') || /[\0-\x1f]/.test(path)) throw new Error(`${at}.path: not a repository path`);
    return {
      path,
      startLine: count(o.startLine, `${at}.startLine`, 1),
      endLine: count(o.endLine, `${at}.endLine`, 1),
      level: level as AnnotationLevel,
      title: string(o.title, `${at}.title`, LIMITS.text),
      message: string(o.message, `${at}.message`, LIMITS.text),
    };
  });
  const failOnMet = r.failOnMet;
  if (typeof failOnMet !== 'boolean') throw new Error('review.failOnMet: not a boolean');
  return {
    format: GITHUB_REPORT_FORMAT,
    repository,
    pullRequest,
    headSha,
    review: {
      markdown: string(r.markdown, 'review.markdown', LIMITS.markdown),
      json: string(r.json, 'review.json', LIMITS.json),
      variants: count(r.variants, 'review.variants'),
      replayed: count(r.replayed, 'review.replayed'),
      differences: count(r.differences, 'review.differences'),
      regressions: count(r.regressions, 'review.regressions'),
      notice: strings(r.notice, 'review.notice'),
      annotations,
      failOnMet,
    },
  };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: not an object`);
  return value as Record<string, unknown>;
}

function string(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw new Error(`${what}: not a string`);
  if (value.length > max) throw new Error(`${what}: longer than ${max} characters`);
  return value;
}

function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length > 100) throw new Error(`${what}: not an array of at most 100 strings`);
  return value.map((v, i) => string(v, `${what}[${i}]`, LIMITS.text));
}

function count(value: unknown, what: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw new Error(`${what}: not an integer >= ${min}`);
  return value;
}
