// Where fetched threads are kept: $XDG_CACHE_HOME/lkml-replay/lore (else ~/.cache/...), as the
// XDG base directory specification puts a program's non-essential files.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function loreCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  // The specification: a relative XDG_CACHE_HOME is invalid and is ignored.
  const xdg = env.XDG_CACHE_HOME;
  const root = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(root, 'lkml-replay', 'lore');
}
