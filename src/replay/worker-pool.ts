// Scenarios spread over threads: this one and `size - 1` worker threads. Every thread claims the
// next scenario from one shared counter (Atomics), so none waits for another to hand out work,
// and replays it whole (base run, variant runs, comparison; replay-scenario.ts), so only trimmed
// results cross threads. Results are put back in scenario order: the review is the same bytes
// whichever thread ran what. This thread runs its share with the programs it already compiled
// (the mapper's), so only the workers compile again.
//
// Workers load built JavaScript: run-worker.js beside this module (lib/replay/ after `npm run
// build`, or dist/ if the Action bundle ships it). From the TypeScript sources (tests) the built
// lib/ copy is used. When there is none (the single-file Action bundle) the caller runs the
// scenarios in its own thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Actor } from './interactions.js';
import { baselineCacheDir } from './baseline-cache.js';
import { savedCaches, type LoweredCaches } from '../model/interp/compiler-support.js';
import { loadBase, type ModelSource } from '../model/source/index.js';
import type { ScenarioResult, ScenarioTask } from './replay-scenario.js';

/** What a worker gets: every task, and the counter the threads claim them with. */
export interface WorkerInput {
  tasks: ScenarioTask[];
  actors: Map<string, Actor>;
  /** Int32Array over a SharedArrayBuffer: [0] is the next unclaimed task. */
  next: Int32Array;
  /**
   * The model sources this thread has parsed and lowered (base and variants): a worker compiles
   * the same units without parsing them again (compiler-support.ts loadCaches).
   */
  lowered?: LoweredCaches;
  /** This thread's baseline cache directory (baseline-cache.ts), if it has one. */
  baselineCache?: string;
}

/** Messages from a worker. */
export type WorkerReply = { index: number; result: ScenarioResult } | { index: number; error: string } | { done: true };

/** Path of the built worker entry, or null when this build has none (run in this thread). */
export function workerScript(): string | null {
  const here = import.meta.url;
  const candidates = [new URL('./run-worker.js', here)];
  if (here.endsWith('.ts')) candidates.push(new URL('../../lib/replay/run-worker.js', here));
  for (const u of candidates) {
    const p = fileURLToPath(u);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Claims tasks from the shared counter until none is left, replaying each with `run`. */
export async function claimLoop(input: WorkerInput, run: (task: ScenarioTask) => Promise<ScenarioResult>, put: (index: number, result: ScenarioResult) => void): Promise<void> {
  for (;;) {
    const index = Atomics.add(input.next, 0, 1);
    if (index >= input.tasks.length) return;
    put(index, await run(input.tasks[index]!));
  }
}

/**
 * Replays the tasks on this thread (with `runHere`) and `size - 1` workers; one result per task,
 * in task order. `runHere` null: this thread only waits (all the work in `size` workers).
 * `put`: each result as it comes (task index, any order), and none are kept here; the promise
 * then gives an empty array.
 */
export async function runInWorkers(
  script: string,
  tasks: readonly ScenarioTask[],
  actors: Map<string, Actor>,
  size: number,
  runHere: ((task: ScenarioTask) => Promise<ScenarioResult>) | null = null,
  put?: (index: number, result: ScenarioResult) => void,
): Promise<ScenarioResult[]> {
  const results: (ScenarioResult | undefined)[] = new Array(tasks.length);
  const done: boolean[] = new Array(tasks.length).fill(false);
  const got = (index: number, result: ScenarioResult) => {
    done[index] = true;
    if (put) put(index, result);
    else results[index] = result;
  };
  // The sources of every distinct unit (a base's own loaded once), for the lowered files to send.
  const units = new Map(tasks.flatMap((t) => [t.base, ...t.variants]).map((u) => [u.key, u]));
  const own = new Map<string, ModelSource[]>();
  const files = [...units.values()].flatMap((u) => u.sources ?? own.get(u.base) ?? own.set(u.base, loadBase(u.base).sources).get(u.base)!);
  const input: WorkerInput = { tasks: [...tasks], actors, next: new Int32Array(new SharedArrayBuffer(4)), lowered: savedCaches(files) };
  const cacheDir = baselineCacheDir();
  if (cacheDir) input.baselineCache = cacheDir;
  const count = Math.max(runHere ? size - 1 : size, 1);
  const workers: Worker[] = [];
  let failure: Error | null = null;
  const finished = new Promise<void>((resolve) => {
    let open = count;
    const fail = (err: Error) => {
      failure ??= err;
      // Nothing more to claim: the other threads stop after their current scenario.
      Atomics.store(input.next, 0, tasks.length);
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(script, { workerData: input });
      workers.push(w);
      let closed = false;
      const close = () => {
        if (!closed && (closed = true) && --open === 0) resolve();
      };
      w.on('message', (m: WorkerReply) => {
        if ('done' in m) return close();
        if ('error' in m) return fail(new Error(`scenario ${tasks[m.index]!.scenario.name}: ${m.error}`));
        got(m.index, m.result);
      });
      w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (!closed) fail(new Error(`replay worker stopped (exit code ${code}) before its scenarios were done`));
        close();
      });
    }
  });
  try {
    if (runHere) {
      await claimLoop(input, runHere, got).catch((err: unknown) => {
        failure ??= err instanceof Error ? err : new Error(String(err));
        Atomics.store(input.next, 0, tasks.length);
      });
    }
    if (!failure) await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  const missing = done.indexOf(false);
  if (missing >= 0) throw new Error(`scenario ${tasks[missing]!.scenario.name}: no result from the replay threads`);
  return put ? [] : (results as ScenarioResult[]);
}
