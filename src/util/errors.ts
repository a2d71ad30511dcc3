// The errors a command ends with, and its exit codes: the CLI (src/cli) and the GitHub side
// (src/action) both throw these, and src/cli/main.ts turns each into one line on stderr and its
// code (never a stack trace, unless --debug).

export const exitCodes = {
  ok: 0,
  /** `review --fail-on` met, or a `github` write failed or its report is stale. */
  failOn: 1,
  /** Bad input or usage. */
  badInput: 2,
  /** A bug in lkml-replay itself. */
  internal: 3,
} as const;

/** Wrong flags or arguments. */
export class UsageError extends Error {}

/** An input that cannot be read at all: names the file and what is wrong. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
