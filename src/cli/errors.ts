// Errors the CLI turns into one line on stderr and an exit code (never a stack trace, unless --debug).

export const exitCodes = {
  ok: 0,
  /** `review --fail-on` met. */
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
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
