// --explore, --fault, --schedule and their budgets: what `review` and `scenarios` explore after
// the plain runs (docs/explore.md). Checked here; the exploration itself is src/replay/explore.
import type { Command } from 'commander';
import type { ExploreRequest } from '../replay/types.js';
import { UsageError } from '../util/errors.js';

export interface ExploreCliOptions {
  explore?: string[];
  fault?: string;
  schedule?: string;
  maxFaults?: string;
  maxSchedules?: string;
  preemptions?: string;
}

/** The defaults: failure points per scenario, schedule runs per scenario and unit, preemptions per schedule. */
const EXPLORE_DEFAULTS = { maxFaults: 32, maxSchedules: 200, preemptions: 2 } as const;

export function addExploreOptions(cmd: Command): Command {
  return cmd
    .option('--explore <what>', 'after the plain runs, explore faults (a failure at each point the kernel can fail, one at a time), schedules (the interleavings of a scenario\'s threads) or faults,schedules', (v: string, prev: string[] = []) => [...prev, v])
    .option('--fault <id>', 'run only this failure point (an id a report gives), under every scenario that reaches it')
    .option('--schedule <id>', 'run only this schedule (an id a report gives), under every scenario with several threads')
    .option('--max-faults <n>', `failure points run per scenario (default ${EXPLORE_DEFAULTS.maxFaults})`)
    .option('--max-schedules <n>', `schedule runs per scenario and variant (default ${EXPLORE_DEFAULTS.maxSchedules})`)
    .option('--preemptions <n>', `preemptions a schedule may make (default ${EXPLORE_DEFAULTS.preemptions})`);
}

/** The exploration the flags ask for, checked; undefined when none. */
export async function exploreRequest(opts: ExploreCliOptions): Promise<ExploreRequest | undefined> {
  const what = (opts.explore ?? []).flatMap((w) => w.split(',')).map((w) => w.trim()).filter(Boolean);
  for (const w of what) if (w !== 'faults' && w !== 'schedules') throw new UsageError(`--explore takes faults and/or schedules, not "${w}"`);
  const count = (flag: string, v: string | undefined, dflt: number, min = 1): number => {
    if (v === undefined) return dflt;
    const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${v}"`);
    return n;
  };
  const req: ExploreRequest = {
    faults: what.includes('faults'),
    schedules: what.includes('schedules'),
    maxFaults: count('--max-faults', opts.maxFaults, EXPLORE_DEFAULTS.maxFaults),
    maxSchedules: count('--max-schedules', opts.maxSchedules, EXPLORE_DEFAULTS.maxSchedules),
    preemptions: count('--preemptions', opts.preemptions, EXPLORE_DEFAULTS.preemptions, 0),
  };
  if (opts.fault !== undefined) {
    const { parsePointId } = await import('../model/scenario/fault-plan.js');
    if (!parsePointId(opts.fault)) throw new UsageError(`--fault takes a failure point id as a report gives it (caller/.../function#call=mode), not "${opts.fault}"`);
    req.fault = opts.fault;
  }
  if (opts.schedule !== undefined) {
    const { planOf, ScheduleError } = await import('../model/scenario/schedule.js');
    try {
      planOf(opts.schedule);
    } catch (err) {
      if (err instanceof ScheduleError) throw new UsageError(`--schedule: ${err.message}`);
      throw err;
    }
    req.schedule = opts.schedule;
  }
  return req.faults || req.schedules || req.fault || req.schedule ? req : undefined;
}
