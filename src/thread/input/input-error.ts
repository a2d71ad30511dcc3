// An input that cannot be read at all. The CLI prints `file: problem` on one line and exits 2;
// a broken message inside a readable mbox is not this (it goes to ThreadParse.errors).
export class UnreadableInput extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'UnreadableInput';
  }
}

/** Turns a Node file-system error into a short problem text. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
