// Inputs of `review` and `thread` that name a thread on lore (a Message-ID or a lore URL) are
// fetched to the cache and replaced by the cached mbox; files, folders and `-` stay as they are.
// A path that exists is always a file, even when it looks like a Message-ID.
import { stat } from 'node:fs/promises';
import { InputError, UsageError } from '../util/errors.js';
import type { StepLog } from './step-log.js';

export interface LoreCliOptions {
  loreUrl?: string;
}

export const LORE_URL_HELP = 'public-inbox to fetch Message-IDs and lore links from (default: $LKML_REPLAY_LORE_URL, else https://lore.kernel.org/all)';

/** The lore base: the option, else $LKML_REPLAY_LORE_URL, else lore.kernel.org/all; checked. */
async function loreBase(opts: LoreCliOptions, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { DEFAULT_LORE_URL } = await import('../lore/fetch-thread.js');
  const given = opts.loreUrl ?? (env.LKML_REPLAY_LORE_URL || undefined);
  if (given === undefined) return DEFAULT_LORE_URL;
  const what = opts.loreUrl !== undefined ? '--lore-url' : 'LKML_REPLAY_LORE_URL';
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`${what} must be an http(s) URL such as https://lore.kernel.org/all, not "${given}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${what} must be an http(s) URL, not "${given}"`);
  return given;
}

/**
 * The inputs with every Message-ID or lore URL replaced by the fetched thread's path. `note`
 * gets one line per fetch that a user should know about (an old copy used while offline).
 */
export async function resolveThreadInputs(inputs: readonly string[], opts: LoreCliOptions, note: (line: string) => void, command = 'review', log?: StepLog): Promise<string[]> {
  const { messageIdOf } = await import('../lore/message-id.js');
  const out: string[] = [];
  for (const input of inputs) {
    const id = input === '-' ? null : messageIdOf(input);
    if (id === null || (await stat(input).catch(() => null))) {
      out.push(input);
      continue;
    }
    const [{ fetchThread, LoreError }, { loreCacheDir }] = await Promise.all([import('../lore/fetch-thread.js'), import('../lore/cache-dir.js')]);
    try {
      const got = await fetchThread(id, { lore: await loreBase(opts), cacheDir: loreCacheDir() });
      log?.done(`${got.from === 'lore' ? 'fetched' : 'cached'} ${got.url} as ${got.path}`);
      if (got.from === 'stale') note(`${id}: lore cannot be reached; using the copy fetched ${ago(got.age ?? 0)} ago (${got.path})`);
      out.push(got.path);
    } catch (err) {
      if (!(err instanceof LoreError)) throw err;
      throw new InputError(id, `${err.message}; with b4: ${b4Pipe(id, command)}`);
    }
  }
  return out;
}

/** The pipe that gives the same thread when b4 can fetch it: `b4 mbox -o - '<id>' | lkml-replay review -`. */
function b4Pipe(id: string, command = 'review'): string {
  return `b4 mbox -o - '${id.replace(/'/g, `'\\''`)}' | lkml-replay ${command} -`;
}

function ago(ms: number): string {
  const min = Math.round(ms / 60000);
  if (min < 120) return `${min} min`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} days`;
}
