// The one place the replay stage calls the hunk mapper (src/map). Everything else works on the
// MappedDiff it returns, so tests can hand in their own mapper.
import type { MappedDiff } from '../map/types.js';
import type { ModelSource } from '../model/source/index.js';
import type { Diff } from '../thread/types.js';

interface MapRequest {
  diff: Diff;
  /** Base name and its model sources (the base's patch already applied). */
  base: string;
  sources: ModelSource[];
  /** Replay the placed hunks even when some code hunk could not be placed. */
  partial: boolean;
}

export type MapDiffFn = (req: MapRequest) => MappedDiff | Promise<MappedDiff>;

/** The mapper of this build (src/map), loaded when a review first needs it. */
export async function defaultMapper(): Promise<MapDiffFn> {
  const [{ mapDiff }, { baseInfo }] = await Promise.all([import('../map/index.js'), import('../model/source/index.js')]);
  return (req) => mapDiff(req.diff, { name: req.base, kernel: baseInfo(req.base).spec.kernel, sources: req.sources }, { partial: req.partial });
}
