// Where fetched threads are kept: lore/ in the program's cache directory.
import { join } from 'node:path';
import { xdgCacheDir } from '../util/xdg-cache.js';

export function loreCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(xdgCacheDir(env), 'lore');
}
