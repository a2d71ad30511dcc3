// Times the interpreter of one built tree in its own process and prints one JSON line; the goals
// section runs it for this tree and for `--against`'s, turn about.
//   node lib/bench/replay-child.mjs <tree root> <warm rounds> <timed rounds>
// It compiles base v10 once (timed: cold, then again warm), runs hmm-exclusive-cow once on the
// fresh program (a first run, as a review's are), then the four 1,024-page hmm scenarios and the
// three nouveau ones round after round with the full trace (as review runs them), and
// hmm-exclusive with no trace for statements per second. Only APIs both trees have are used.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type RunModule = typeof import('../src/model/scenario/run.js');
type LoadModule = typeof import('../src/model/scenario/load.js');

const HMM = ['hmm-exclusive', 'hmm-exclusive-cow', 'hmm-exclusive-mprotect', 'hmm-exclusive-thp'];
const NOUVEAU = ['nouveau-atomic-small', 'nouveau-atomic-thp-head', 'nouveau-atomic-thp-tail'];

async function main(): Promise<void> {
  const [root, warmArg, roundsArg] = process.argv.slice(2);
  if (!root) throw new Error('usage: replay-child <tree root> [warm rounds] [timed rounds]');
  const warm = Number(warmArg ?? 3);
  const rounds = Number(roundsArg ?? 3);
  const lib = (p: string) => import(pathToFileURL(join(root, 'lib', p)).href);
  const run = (await lib('model/scenario/run.js')) as RunModule;
  const load = (await lib('model/scenario/load.js')) as LoadModule;
  const all = load.loadBundledScenarios();
  const pick = (names: string[]) => names.map((n) => all.find((s) => s.name === n) ?? fail(`no scenario ${n}`));
  const hmm = pick(HMM);
  const nouveau = pick(NOUVEAU);
  const [cow] = pick(['hmm-exclusive-cow']);
  const [exclusive] = pick(['hmm-exclusive']);

  let t = performance.now();
  const compiled = await run.compileBase('v10');
  const compileCold = performance.now() - t;
  t = performance.now();
  const firstRun = run.runScenario(compiled, cow!, { trace: 'full' });
  const firstRunMs = performance.now() - t;
  void firstRun;
  t = performance.now();
  await run.compileBase('v5.14');
  const compileWarm = performance.now() - t;

  const round = (list: typeof hmm, trace: 'full' | 'none') => {
    const t0 = performance.now();
    let steps = 0;
    for (const s of list) steps += run.runScenario(compiled, s, { trace }).final.steps;
    return { ms: performance.now() - t0, steps };
  };
  for (let i = 0; i < warm; i++) {
    round(hmm, 'full');
    round(nouveau, 'full');
    round([exclusive!], 'none');
  }
  const hmmRunsPerS: number[] = [];
  const nouveauRunsPerS: number[] = [];
  const statementsPerS: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const h = round(hmm, 'full');
    hmmRunsPerS.push(hmm.length / (h.ms / 1000));
    const n = round(nouveau, 'full');
    nouveauRunsPerS.push(nouveau.length / (n.ms / 1000));
    const x = round([exclusive!], 'none');
    statementsPerS.push(x.steps / (x.ms / 1000));
  }
  process.stdout.write(JSON.stringify({ compileCold, compileWarm, firstRunMs, hmmRunsPerS, nouveauRunsPerS, statementsPerS }) + '\n');
}

function fail(m: string): never {
  throw new Error(m);
}

main().catch((err: unknown) => {
  process.stderr.write(`replay-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
