// Spilled parts of a lean parse (lean-thread.ts) live in a temporary file, not in memory: on a
// big mbox they are most of what the parse would hold. The file is unlinked as soon as it is open (Linux and
// macOS keep it readable through the descriptor), so nothing is left behind whatever happens;
// a message or a diff reads its parts back when they are used (the `thread` output writes them out).
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpillRef {
  offset: number;
  bytes: number;
}

export class DiffSpill {
  private fd: number;
  private end = 0;

  constructor() {
    const path = join(tmpdir(), `lkml-replay-diffs-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
    this.fd = openSync(path, 'wx+', 0o600);
    try {
      unlinkSync(path);
    } catch {
      // Windows cannot unlink an open file; it stays in the temp folder.
    }
  }

  write(text: string): SpillRef {
    const buf = Buffer.from(text, 'utf8');
    writeSync(this.fd, buf, 0, buf.length, this.end);
    const ref = { offset: this.end, bytes: buf.length };
    this.end += buf.length;
    return ref;
  }

  read(ref: SpillRef): string {
    const buf = Buffer.allocUnsafe(ref.bytes);
    let got = 0;
    while (got < ref.bytes) {
      const n = readSync(this.fd, buf, got, ref.bytes - got, ref.offset + got);
      if (n === 0) throw new Error('diff spill file is shorter than expected');
      got += n;
    }
    return buf.toString('utf8');
  }

  /** Only when nothing will read a text any more (the CLI leaves it to process exit). */
  close(): void {
    closeSync(this.fd);
  }
}
