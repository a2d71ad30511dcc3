// Reading pull-request files from the checked-out workspace. They are data written by anyone:
// a path may try to climb out (`../`), a "patch" may be a symlink to a runner secret, a file may
// be huge. Only regular files inside the workspace, of bounded size, are read; nothing is run.
import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export class WorkspaceFileError extends Error {
  constructor(
    readonly repoPath: string,
    problem: string,
  ) {
    super(`${repoPath}: ${problem}`);
  }
}

/** The bytes of the repository file `repoPath` as checked out under `workspace`. */
export async function readWorkspaceFile(
  workspace: string,
  repoPath: string,
  maxBytes: number = MAX_INPUT_BYTES,
): Promise<Uint8Array> {
  if (repoPath === '' || repoPath.includes('\0') || isAbsolute(repoPath) || repoPath.split(/[\\/]/).includes('..')) {
    throw new WorkspaceFileError(repoPath, 'not a plain repository path');
  }
  const root = await realpath(workspace);
  const full = resolve(root, repoPath);
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    throw new WorkspaceFileError(repoPath, `not found in the workspace ${workspace} (is the pull request checked out?)`);
  }
  if (!real.startsWith(root + sep)) throw new WorkspaceFileError(repoPath, 'resolves outside the workspace');
  let handle;
  try {
    // O_NOFOLLOW: the file itself must not be a symlink (a PR can add one pointing anywhere).
    handle = await open(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WorkspaceFileError(repoPath, code === 'ELOOP' ? 'is a symbolic link; not read' : `cannot be opened (${code ?? 'error'})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new WorkspaceFileError(repoPath, 'is not a regular file');
    if (info.size > maxBytes) throw new WorkspaceFileError(repoPath, `is ${info.size} bytes; the limit is ${maxBytes}`);
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/**
 * Repository paths under `workspace` accepted by `match`, sorted; for runs outside a pull
 * request. Does not follow symlinks, skips `.git` and `node_modules`, stops after `limit` files.
 */
export async function findWorkspaceFiles(
  workspace: string,
  match: (repoPath: string) => boolean,
  limit = 200,
): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (found.length >= limit) return;
      const full = join(dir, entry.name);
      const repoPath = relative(workspace, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') await walk(full);
      } else if (entry.isFile() && match(repoPath)) {
        found.push(repoPath);
      }
    }
  };
  await walk(workspace);
  return found;
}
