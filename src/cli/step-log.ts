// `-v/--verbose`: what review does, a line on stderr per step with the time it took. Notes
// (an old cached thread used while lore cannot be reached) go to stderr whether verbose or not.
export interface StepLog {
  /** A step finished: printed with the seconds since the last one, when verbose. */
  done(what: string): void;
  /** Something a user should know in any case. */
  note(what: string): void;
}

export function stepLog(verbose: boolean, write: (line: string) => void = (l) => process.stderr.write(l)): StepLog {
  let last = performance.now();
  return {
    done(what) {
      const now = performance.now();
      if (verbose) write(`lkml-replay: ${what} (${((now - last) / 1000).toFixed(1)} s)\n`);
      last = now;
    },
    note(what) {
      write(`lkml-replay: ${what}\n`);
    },
  };
}
