// `lkml-replay github --repo OWNER/NAME --pr N [--report FILE] [--token-env NAME] [--dry-run]
// [--api-url URL]`: post a review to a pull request (sticky comment + check run) from any
// machine, as the Action does. The token is read from an environment variable only, never from
// an argument (arguments show in process lists and shell history), and is never printed.
import type { Command } from 'commander';

interface GithubOptions {
  repo: string;
  pr: string;
  report: string;
  tokenEnv: string;
  apiUrl?: string;
  expectHeadSha?: string;
  comment: boolean;
  checkRun: boolean;
  dryRun?: boolean;
}

export function registerGithub(program: Command): void {
  program
    .command('github')
    .description('post a review to a GitHub pull request: one sticky comment (updated in place) and the lkml-replay check run with annotations')
    .requiredOption('--repo <owner/name>', 'the repository')
    .requiredOption('--pr <number>', 'the pull request number')
    .option('--report <file>', "the github-report JSON to post (the Action's github-report output)", 'github-report.json')
    .option('--token-env <name>', 'environment variable that holds the token', 'GITHUB_TOKEN')
    .option('--api-url <url>', 'GitHub API URL (default: $GITHUB_API_URL, else https://api.github.com; GitHub Enterprise: https://HOST/api/v3)')
    .option('--expect-head-sha <sha>', 'post only if the pull request head is this commit')
    .option('--no-comment', 'do not write the sticky comment')
    .option('--no-check-run', 'do not create the check run')
    .option('--dry-run', 'make the reads, print the writes instead of sending them')
    .action(async (opts: GithubOptions, command: Command) => {
      const { postReport } = await import('../../action/post-report.js');
      const debug = command.optsWithGlobals<{ debug?: boolean }>().debug === true;
      process.exitCode = await postReport(
        { ...opts, dryRun: opts.dryRun === true, debug },
        { env: process.env, stdout: (line) => process.stdout.write(`${line}\n`) },
      );
    });
}
