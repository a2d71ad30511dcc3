// The program's cache directory, $XDG_CACHE_HOME/lkml-replay (else ~/.cache/lkml-replay), where
// the XDG base directory specification puts a program's non-essential files.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function xdgCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  // The specification: a relative XDG_CACHE_HOME is invalid and is ignored.
  const xdg = env.XDG_CACHE_HOME;
  const root = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(root, 'lkml-replay');
}
