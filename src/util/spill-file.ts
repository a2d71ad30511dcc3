// Text kept in a temporary file, not in memory: the spilled parts of a big thread parse
// (src/thread) and review's spilled variants (src/replay). The file is unlinked as soon as it
// is open (Linux and macOS keep it readable through the descriptor), so nothing is left behind
// whatever happens; a part is read back when it is used.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Parts up to this size are read into one buffer kept for the next read. */
const REUSE_MAX = 1 << 20;

export interface SpillRef {
  offset: number;
  bytes: number;
}

export class SpillFile {
  private fd: number;
  private end = 0;
  private scratch = Buffer.allocUnsafeSlow(64 * 1024);

  constructor() {
    const path = join(tmpdir(), `lkml-replay-spill-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
    this.fd = openSync(path, 'wx+', 0o600);
    try {
      unlinkSync(path);
    } catch {
      // Windows cannot unlink an open file; it stays in the temp folder.
    }
  }

  /** Writes the string straight from V8 (no Buffer per part: those piled up in malloc's free lists on a big mbox). */
  write(text: string): SpillRef {
    const bytes = Buffer.byteLength(text, 'utf8');
    let done = writeSync(this.fd, text, this.end, 'utf8');
    if (done < bytes) {
      const buf = Buffer.from(text, 'utf8');
      while (done < bytes) done += writeSync(this.fd, buf, done, bytes - done, this.end + done);
    }
    const ref = { offset: this.end, bytes };
    this.end += bytes;
    return ref;
  }

  /** Reads into one reused buffer (a fresh one only for parts over REUSE_MAX). */
  read(ref: SpillRef): string {
    let buf = this.scratch;
    if (ref.bytes > buf.length) {
      buf = Buffer.allocUnsafeSlow(ref.bytes);
      if (ref.bytes <= REUSE_MAX) this.scratch = buf;
    }
    let got = 0;
    while (got < ref.bytes) {
      const n = readSync(this.fd, buf, got, ref.bytes - got, ref.offset + got);
      if (n === 0) throw new Error('spill file is shorter than expected');
      got += n;
    }
    return buf.toString('utf8', 0, ref.bytes);
  }

  /** Only when nothing will read a text any more (the CLI leaves it to process exit). */
  close(): void {
    closeSync(this.fd);
  }
}
