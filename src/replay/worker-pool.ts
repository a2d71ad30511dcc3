// Scenarios spread over worker threads. Each worker (run-worker.ts) compiles the units it needs
// once and replays whole scenarios (base run, variant runs, comparison), so only trimmed results
// cross threads. Scenarios are handed out one at a time to whichever worker is free; results are
// put back in scenario order, so the review is the same bytes whichever worker ran what.
//
// Workers load built JavaScript: run-worker.js beside this module (lib/replay/ after `npm run
// build`, or dist/ if the Action bundle ships it). From the TypeScript sources (tests) the built
// lib/ copy is used. When there is none (the single-file Action bundle) the caller runs the
// scenarios in its own thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Actor } from './interactions.js';
import type { ScenarioResult, ScenarioTask } from './replay-scenario.js';

/** Messages from a worker. */
export type WorkerReply = { index: number; result: ScenarioResult } | { index: number; error: string };

/** Messages to a worker. */
export interface WorkerTask {
  index: number;
  task: ScenarioTask;
}

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

export async function runInWorkers(script: string, tasks: readonly ScenarioTask[], actors: Map<string, Actor>, size: number): Promise<ScenarioResult[]> {
  const results: (ScenarioResult | undefined)[] = new Array(tasks.length);
  const workers: Worker[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      let failed = false;
      const fail = (err: Error) => {
        if (!failed) reject(err);
        failed = true;
      };
      const feed = (w: Worker) => {
        if (failed || next >= tasks.length) return;
        const index = next++;
        w.postMessage({ index, task: tasks[index]! } satisfies WorkerTask);
      };
      for (let i = 0; i < Math.min(size, tasks.length); i++) {
        const w = new Worker(script, { workerData: { actors } });
        workers.push(w);
        w.on('message', (m: WorkerReply) => {
          if ('error' in m) return fail(new Error(`scenario ${tasks[m.index]!.scenario.name}: ${m.error}`));
          results[m.index] = m.result;
          if (++done === tasks.length) resolve();
          else feed(w);
        });
        w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (done < tasks.length) fail(new Error(`replay worker stopped (exit code ${code}) before the scenarios were done`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as ScenarioResult[];
}
