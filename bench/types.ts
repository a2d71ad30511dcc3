// Shared shapes of the benchmark's sections (parse, replay, ...), so that each section can be
// written on its own and bench/main.ts prints and saves them alike.

/** One measured quantity over several repetitions. */
export interface BenchFigure {
  /** What was measured, e.g. "parse 20k-message corpus" or "nouveau-atomic-small runs". */
  name: string;
  /** Unit of median/min/max, e.g. "s", "MB/s", "msgs/s", "runs/s", "statements/s", "MB". */
  unit: string;
  median: number;
  min: number;
  max: number;
  /** How many repetitions the figure summarises. */
  reps: number;
  note?: string;
}

/** Ours against a peer measured in the same run: value = ours / peer in the stated sense. */
export interface BenchRatio {
  name: string;
  value: number;
  /** How to read it, e.g. "throughput ours / git mailsplit --mboxrd (higher is better)". */
  note: string;
}

export interface BenchSection {
  title: string;
  figures: BenchFigure[];
  ratios: BenchRatio[];
  /** Anything else worth keeping in bench/results.json (corpus shape, settings). */
  extra?: Record<string, unknown>;
}

/** Median, min and max of samples. */
export function summarise(name: string, unit: string, samples: number[], note?: string): BenchFigure {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { name, unit, median, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, reps: s.length, ...(note ? { note } : {}) };
}
