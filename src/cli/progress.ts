// The parse progress bar: one line on stderr, redrawn in place, showing bytes and messages
// done. Only for a person watching: stderr must be a terminal, not in CI, not with JSON
// output, and only for inputs of a few MB or more (small ones are done before it would show).
import type { ParseProgress } from '../thread/parse-thread.js';

/** Inputs smaller than this get no bar. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
const REDRAW_MS = 100;

export interface ProgressOptions {
  format: string;
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

/** An onProgress callback for parseThread, or undefined when no bar should be shown. */
export function progressBar(opts: ProgressOptions): ((p: ParseProgress) => void) | undefined {
  const stream = opts.stream ?? process.stderr;
  const env = opts.env ?? process.env;
  if (!stream.isTTY || opts.format === 'json' || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) return undefined;
  let last = 0;
  let shown = false;
  return (p) => {
    if (p.done) {
      if (shown) stream.write('\r\x1b[K');
      return;
    }
    if ((p.totalBytes ?? p.bytes) < PROGRESS_MIN_BYTES) return;
    const now = Date.now();
    if (now - last < REDRAW_MS) return;
    last = now;
    shown = true;
    stream.write(`\r\x1b[K${progressLine(p, stream.columns ?? 80)}`);
  };
}

/** `lkml-replay: [#####.....]  41%  412.3 of 1003.9 MB, 135,201 messages` (no bar when the total is unknown). */
export function progressLine(p: ParseProgress, columns: number): string {
  const mb = (n: number): string => (n / 1e6).toFixed(1);
  const msgs = `${p.messages.toLocaleString('en-US')} messages`;
  // Bytes are counted decompressed; a gzip input's total is its compressed size, so no bar then.
  if (p.totalBytes === null || p.bytes > p.totalBytes) return `lkml-replay: ${mb(p.bytes)} MB, ${msgs}`.slice(0, columns - 1);
  const frac = p.totalBytes > 0 ? p.bytes / p.totalBytes : 1;
  const width = Math.max(10, Math.min(30, columns - 60));
  const fill = Math.round(frac * width);
  const line = `lkml-replay: [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${String(Math.floor(frac * 100)).padStart(3)}%  ${mb(p.bytes)} of ${mb(p.totalBytes)} MB, ${msgs}`;
  return line.slice(0, columns - 1);
}
