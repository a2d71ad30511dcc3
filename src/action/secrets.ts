// Keeps secrets (the GitHub token) out of everything lkml-replay prints or posts. GitHub masks
// registered secrets in the runner log, but error texts also end up in job summaries, comments
// and local terminals, so every message that leaves the GitHub side passes through scrub().

const REDACTED = '***';

export class Secrets {
  readonly #values = new Set<string>();

  /** Registers a secret (and the forms it takes inside URLs and headers). Short values are ignored. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    this.#values.add(secret);
    this.#values.add(encodeURIComponent(secret));
    this.#values.add(Buffer.from(secret).toString('base64'));
    this.#values.add(Buffer.from(`x-access-token:${secret}`).toString('base64'));
  }

  /** The text with every registered secret replaced by `***`. */
  scrub(text: string): string {
    let out = text;
    // Longest first, so that a secret containing another is replaced whole.
    for (const value of [...this.#values].sort((a, b) => b.length - a.length)) {
      if (out.includes(value)) out = out.split(value).join(REDACTED);
    }
    return out;
  }

  /** The message of any thrown value, scrubbed. */
  describe(err: unknown): string {
    return this.scrub(err instanceof Error ? err.message : String(err));
  }
}
