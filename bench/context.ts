// What every benchmark section gets from bench/main.ts: the run's settings and where to put
// its scratch files. Sections are plain objects so main.ts can run them in a fixed order.
import type { BenchSection } from './types.js';

export interface BenchContext {
  /** `--quick`: a small corpus and few repetitions, for a fast look (figures are rougher). */
  quick: boolean;
  /** `--big`: also the 1 GB streaming run (peak RSS of thread on a 1 GB mbox). */
  big: boolean;
  /** Repetitions per timed figure (`--reps N`; default 5, 3 with --quick). */
  reps: number;
  /** The repository root (package.json's folder). */
  root: string;
  /** bench/out/ under the root (git-ignored): generated corpora and split output. */
  outDir: string;
  /** Progress notes on stderr (the table goes to stdout). */
  log(message: string): void;
  /** `--archive FILE`: also review this mbox (a list archive) once per tree, default jobs. */
  archive?: string;
  /** `--against <ref>`: that commit, built in a temporary folder (against.ts). */
  against?: { ref: string; commit: string; root: string };
}

export interface BenchSectionRunner {
  /** Short id, used by `--only ID`. */
  id: string;
  run(ctx: BenchContext): Promise<BenchSection>;
}
