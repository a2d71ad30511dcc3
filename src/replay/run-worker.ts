// Entry of a replay worker thread (worker-pool.ts starts it from the built lib/). It replays
// whole scenarios as they come and posts back each result; units are compiled once per worker.
import { parentPort, workerData } from 'node:worker_threads';
import type { Actor } from './interactions.js';
import { replayScenario } from './replay-scenario.js';
import { InProcessRunner } from './run-all.js';
import type { WorkerReply, WorkerTask } from './worker-pool.js';

const port = parentPort;
if (!port) throw new Error('run-worker.js is a worker thread entry (started by worker-pool.ts)');
const actors = (workerData as { actors: Map<string, Actor> }).actors;
const runner = new InProcessRunner();

port.on('message', (m: WorkerTask) => {
  replayScenario((job) => runner.run(job), m.task, actors).then(
    (result) => port.postMessage({ index: m.index, result } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ index: m.index, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply),
  );
});
