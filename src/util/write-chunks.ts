// Big documents (a 1 GB mbox's tree, a review of thousands of variants) go to stdout a piece at
// a time: made as they are written, never one string.
import { once } from 'node:events';

/** Writes the chunks in 64 KiB pieces, waiting when stdout's buffer is full. */
export async function writeChunks(chunks: Iterable<string>): Promise<void> {
  let buf = '';
  for (const c of chunks) {
    buf += c;
    if (buf.length < 1 << 16) continue;
    if (!process.stdout.write(buf)) await once(process.stdout, 'drain');
    buf = '';
  }
  if (buf) process.stdout.write(buf);
}
