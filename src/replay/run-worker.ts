// Entry of a replay worker thread (worker-pool.ts starts it from the built lib/). It claims
// scenarios from the shared counter until none is left, posts each result, then says it is done;
// units are compiled once per worker.
import { parentPort, workerData } from 'node:worker_threads';
import { useBaselineCache } from './baseline-cache.js';
import { replayScenario } from './replay-scenario.js';
import { InProcessRunner } from './run-all.js';
import { claimLoop, type WorkerInput, type WorkerReply } from './worker-pool.js';
import { loadCaches } from '../model/interp/compiler-support.js';

const port = parentPort;
if (!port) throw new Error('run-worker.js is a worker thread entry (started by worker-pool.ts)');
const input = workerData as WorkerInput;
if (input.lowered) loadCaches(input.lowered);
if (input.baselineCache) useBaselineCache(input.baselineCache);
const runner = new InProcessRunner();
const post = (m: WorkerReply) => port.postMessage(m);
let current = -1;

claimLoop(
  input,
  (task) => {
    current = input.tasks.indexOf(task);
    return replayScenario((job) => runner.run(job), task, input.actors);
  },
  (index, result) => post({ index, result }),
).then(
  () => post({ done: true }),
  (err: unknown) => {
    post({ index: current, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    post({ done: true });
  },
);
