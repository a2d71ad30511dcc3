// Runs one parse of an mbox in its own process, so that its peak RSS is its own, and prints
// one JSON line: { ms, messages, bytes, maxRssMB }. Loads the built lib/ (npm run build), as
// the CLI does.
//   node lib/bench/parse-child.mjs <mode> <file>
//   mode: split (our splitter only) | decode (split + MIME decode)
//         | full (parseThread as the CLI runs it: a corpus this big spills) | full-memory (parseThread, in-memory store)
//         | mailparser (mailparser alone on the messages the fast path leaves to it: the floor
//           mailparser puts under a full parse; only the decoding is timed, messages = that count)
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type ThreadModule = typeof import('../src/thread/parse-thread.js');
type ReadModule = typeof import('../src/thread/input/read-input.js');
type DecodeModule = typeof import('../src/thread/mime/decode-message.js');
type MimeModule = typeof import('../src/thread/mime/mime-decode.js');

const lib = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = <T>(rel: string): Promise<T> => import(pathToFileURL(join(lib, rel)).href) as Promise<T>;

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: parse-child <split|decode|full|full-memory|mailparser> <file>');
  const t0 = performance.now();
  let messages = 0;
  if (mode === 'mailparser') {
    const { readInput } = await load<ReadModule>('thread/input/read-input.js');
    const { decodePlain, decodeWithMailparser } = await load<MimeModule>('thread/mime/mime-decode.js');
    const left: Buffer[] = [];
    for await (const raw of readInput(file, { mboxrd: true })) if (decodePlain(raw.raw) === null) left.push(raw.raw);
    const t1 = performance.now();
    for (const raw of left) await decodeWithMailparser(raw);
    const ms = performance.now() - t1;
    process.stdout.write(JSON.stringify({ ms, messages: left.length, bytes: left.reduce((n, b) => n + b.length, 0), maxRssMB: null }) + '\n');
    return;
  }
  if (mode === 'full' || mode === 'full-memory') {
    const { parseThread } = await load<ThreadModule>('thread/parse-thread.js');
    const parse = await parseThread([file], { mboxrd: true, ...(mode === 'full-memory' ? { store: 'memory' as const } : {}) });
    messages = parse.messages.length + parse.errors.length;
  } else {
    const { readInput } = await load<ReadModule>('thread/input/read-input.js');
    const { decodeMessage } = await load<DecodeModule>('thread/mime/decode-message.js');
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
