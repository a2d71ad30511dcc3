// The one place the replay stage calls the hunk mapper (src/map). Everything else works on the
// MappedDiff it returns, so tests can hand in their own mapper.
import type { MappedDiff } from '../map/types.js';
import type { ModelSource } from '../model/source/index.js';
import type { Diff } from '../patch/types.js';

export interface MapRequest {
  diff: Diff;
  /** Base name and its model sources (the base's patch already applied). */
  base: string;
  sources: ModelSource[];
  /** Replay the placed hunks even when some code hunk could not be placed. */
  partial: boolean;
}

export type MapDiffFn = (req: MapRequest) => MappedDiff | Promise<MappedDiff>;

export class MapperUnavailable extends Error {
  constructor(why: string) {
    super(`the hunk mapper (src/map) is not available in this build: ${why}`);
  }
}

/** The mapper of this build, loaded when a review first needs it. */
export async function defaultMapper(): Promise<MapDiffFn> {
  // A computed specifier: src/map/index.ts is written in parallel with this stage.
  const spec = '../map/index.js';
  let mod: Record<string, unknown>;
  try {
    mod = (await import(spec)) as Record<string, unknown>;
  } catch (err) {
    throw new MapperUnavailable((err as Error).message.split('\n')[0] ?? 'cannot load it');
  }
  const fn = mod['mapDiff'];
  if (typeof fn !== 'function') throw new MapperUnavailable('src/map/index.ts exports no mapDiff()');
  const mapDiff = fn as (diff: Diff, base: { name: string; sources: ModelSource[] }, opts: { partial?: boolean }) => Promise<MappedDiff>;
  return (req) => mapDiff(req.diff, { name: req.base, sources: req.sources }, { partial: req.partial });
}
