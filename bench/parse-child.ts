// Runs one parse of an mbox in its own process, so that its peak RSS is its own, and prints
// one JSON line: { ms, messages, bytes, maxRssMB }. Loads the built lib/ (npm run build), as
// the CLI does, so worker threads find their module file.
//   node lib/bench/parse-child.mjs <mode> <file> [workers]   (workers: threads for full; default 0)
//   mode: split (our splitter only) | decode (split + MIME decode) | full (parseThread)
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type ThreadModule = typeof import('../src/thread/parse-thread.js');
type ReadModule = typeof import('../src/thread/read-input.js');
type DecodeModule = typeof import('../src/thread/decode-message.js');

const lib = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = <T>(rel: string): Promise<T> => import(pathToFileURL(join(lib, rel)).href) as Promise<T>;

async function main(): Promise<void> {
  const [mode, file, workers] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: parse-child <split|decode|full> <file> [workers]');
  const t0 = performance.now();
  let messages = 0;
  if (mode === 'full') {
    const { parseThread } = await load<ThreadModule>('thread/parse-thread.js');
    const parse = await parseThread([file], { mboxrd: true, workers: workers === undefined ? 0 : Number(workers) });
    messages = parse.messages.length + parse.errors.length;
  } else {
    const { readInput } = await load<ReadModule>('thread/read-input.js');
    const { decodeMessage } = await load<DecodeModule>('thread/decode-message.js');
    for await (const raw of readInput(file, { mboxrd: true })) {
      if (mode === 'decode') await decodeMessage(raw.raw);
      messages++;
    }
  }
  const ms = performance.now() - t0;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, messages, bytes: statSync(file).size, maxRssMB }) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`parse-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
