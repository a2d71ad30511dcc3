// Which pull request a run is about, as the GitHub side needs it.

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** `OWNER/NAME` → owner and repo; throws on anything else. */
export function parseRepository(text: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/.exec(text.trim());
  if (!m || m[2] === '.' || m[2] === '..') throw new Error(`not a repository: ${JSON.stringify(text)} (expected OWNER/NAME)`);
  return { owner: m[1]!, repo: m[2]! };
}

export function describePullRequest(pr: PullRequestRef): string {
  return `${pr.owner}/${pr.repo}#${pr.number}`;
}
