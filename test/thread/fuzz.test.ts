// Parser fuzzing (fast-check, fixed seeds): random bytes, and mutations of the real mails in
// ../shared/conformance and fixtures/threads. Whatever the bytes, parseThread either returns a
// ThreadParse whose `thread --format json` document matches schemas/thread.schema.json, or
// rejects with UnreadableInput (the whole input is no mail: one line and exit 2 in the CLI);
// anything else thrown is a bug. Each input must finish within a generous hang guard.
// FUZZ_RUNS sets the cases per property (CI default 200; `npm run fuzz` runs many more), FUZZ_SEED
// another seed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseThread } from '../../src/thread/parse-thread.js';
import { UnreadableInput } from '../../src/thread/input/input-error.js';
import { threadJson } from '../../src/report/thread-json.js';
import { ROOT } from './built-cli.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? '') || 200;
/** FUZZ_SEED shifts the three fixed seeds (as in the other fuzz tests); unset, the same cases every run. */
const SEED_SHIFT = Number(process.env.FUZZ_SEED ?? 0) || 0;
/** Per input: a hang guard, not a speed test (a normal mail parses in milliseconds). */
const BOUND_MS = 5_000;
const TIMEOUT = 120_000 + RUNS * 2 * BOUND_MS / 10;

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/thread.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    // The mails, not the expected-output and README files beside them.
    else if (!/(^README|\.expect$|-ref-[\w-]+\.txt$|\.md$)/.test(name)) out.push(p);
  }
  return out;
}

const CONFORMANCE = resolve(ROOT, '..', 'shared', 'conformance');
const haveConformance = existsSync(CONFORMANCE);
if (!haveConformance) console.warn(`fuzz: ${CONFORMANCE} is absent; mutating fixtures/threads only`);
const CANDIDATES = [...(haveConformance ? filesUnder(CONFORMANCE) : []), ...filesUnder(join(ROOT, 'fixtures/threads'))].map((f) => readFileSync(f));

type Outcome = { ok: true; doc: unknown } | { ok: false; error: unknown };

/** Parses bytes as standard input; never rejects itself, so the property sees what happened. */
async function parse(bytes: Uint8Array): Promise<{ outcome: Outcome; ms: number }> {
  const t = performance.now();
  let outcome: Outcome;
  try {
    const p = await parseThread(['-'], { stdin: Readable.from([Buffer.from(bytes)]) });
    outcome = { ok: true, doc: JSON.parse(threadJson(p)) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  return { outcome, ms: performance.now() - t };
}

/** What the cases came to, so a test can see the fuzzer reaches the parser and not only the sniffer. */
const seen = { parsed: 0, unreadable: 0, withErrors: 0 };

async function check(bytes: Uint8Array): Promise<void> {
  const { outcome, ms } = await parse(bytes);
  if (outcome.ok) {
    seen.parsed++;
    if ((outcome.doc as { errors: unknown[] }).errors.length) seen.withErrors++;
  } else {
    seen.unreadable++;
  }
  expect(ms, 'one input took longer than the hang guard').toBeLessThan(BOUND_MS);
  if (!outcome.ok) {
    // Only "this input is no mail at all" may end a parse; it is one line in the CLI.
    if (!(outcome.error instanceof UnreadableInput)) throw outcome.error;
    expect(outcome.error.message).not.toMatch(/\n/);
    return;
  }
  if (!validate(outcome.doc)) throw new Error(`JSON does not match the schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

// The seeds are the files that are mail as they stand (git's t5100 also holds expected
// outputs, body fragments and an empty file: no mail, refused as a whole, which is right).
const SEEDS: Buffer[] = [];
for (const c of CANDIDATES) if ((await parse(c)).outcome.ok) SEEDS.push(c);

/** One edit of a mail, positions as fractions of its length so they fit any seed. */
const mutation = fc.oneof(
  fc.record({ k: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ k: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ k: fc.constant('dup-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ k: fc.constant('drop-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    k: fc.constant('from-line' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    line: fc.constantFrom('From mboxrd@z Thu Jan  1 00:00:00 1970', 'From 1234abcd Mon Sep 17 00:00:00 2001', 'From here on', '>From x', 'From '),
  }),
  fc.record({
    k: fc.constant('header' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    line: fc.constantFrom(
      'Content-Type: multipart/mixed; boundary="x"',
      'Content-Transfer-Encoding: base64',
      'Content-Type: text/plain; charset=x-bogus; format=flowed',
      'References: <a@b> <a@b> <c@d',
      'In-Reply-To: <self@x>',
      'Message-ID: <self@x>',
      'Subject: =?utf-8?B?!!!?= [PATCH v999999999999 3/2]',
      'Date: Thu, 99 Foo 99999 99:99:99 +9999',
      ': no name',
      ' folded continuation with no header',
      '--x',
      '@@ -1,99999999 +1 @@',
      '--- a/../../etc/passwd',
      '+++ b/../../etc/passwd',
    ),
  }),
  fc.record({ k: fc.constant('header-colon' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/**
 * Applies the edits below the first line: that line is what tells an mbox from a mail, and
 * damage to it is what the random-bytes and fragment properties try; here the parser should see
 * a mail (fast-check also favours the ends of a range, which would otherwise hit line 1 often).
 */
function mutate(seed: Buffer, edits: Mutation[]): Buffer {
  let b = Buffer.from(seed);
  const keep = b.indexOf(0x0a) + 1;
  for (const e of edits) {
    const pos = Math.min(b.length, keep + Math.floor(e.at * (b.length - keep)));
    if (e.k === 'flip') {
      if (b.length) b[Math.min(pos, b.length - 1)] = e.byte;
      continue;
    }
    if (e.k === 'truncate') {
      b = b.subarray(0, pos);
      continue;
    }
    const lines = b.toString('latin1').split('\n');
    const i = Math.min(lines.length - 1, 1 + Math.floor(e.at * (lines.length - 1)));
    if (e.k === 'dup-line') lines.splice(i, 0, lines[i]!);
    else if (e.k === 'drop-line') lines.splice(i, 1);
    else if (e.k === 'from-line' || e.k === 'header') lines.splice(i, 0, e.line);
    // Header damage: the first `Name:` at or after the line loses its colon.
    else {
      const j = lines.findIndex((l, n) => n >= i && /^[\w-]+:/.test(l));
      if (j >= 0) lines[j] = lines[j]!.replace(':', '');
    }
    b = Buffer.from(lines.join('\n'), 'latin1');
  }
  return b;
}

describe(`parser fuzzing (${RUNS} cases per property)`, () => {
  it('the schema check itself rejects a wrong document', () => {
    expect(validate({ messages: [{ id: 1 }], placeholders: [], unlinked: [], errors: [] })).toBe(false);
    expect(validate({ messages: [], placeholders: [], unlinked: [], errors: [], extra: 1 })).toBe(false);
  });

  it('real mails parse to schema-valid JSON (the seeds before mutation)', { timeout: TIMEOUT }, async () => {
    expect(SEEDS.length).toBeGreaterThan(haveConformance ? 100 : 1);
    for (const c of CANDIDATES) await check(c);
    for (const s of SEEDS) await check(s);
  });

  it('random bytes: never throws anything but UnreadableInput, schema-valid output', { timeout: TIMEOUT }, async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), check), { seed: 0x5eed + SEED_SHIFT, numRuns: RUNS });
  });

  it('random text lines made of mail fragments', { timeout: TIMEOUT }, async () => {
    const piece = fc.oneof(
      fc.constantFrom('From mboxrd@z Thu Jan  1 00:00:00 1970', 'From: A <a@b>', 'Subject: [PATCH 1/1] x', 'Message-ID: <m@x>', 'In-Reply-To: <m@x>', '', '---', 'diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1 +1 @@', '-a', '+b', ' c', '> ', '> > On Mon, X wrote:', '-- ', 'Signed-off-by: A <a@b>'),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 80 }), (ls) => check(Buffer.from(ls.join('\n')))),
      { seed: 0xfeed + SEED_SHIFT, numRuns: RUNS },
    );
  });

  it('mutated real mails: byte flips, truncations, duplicated/removed lines, inserted From_ and header lines, broken headers', { timeout: TIMEOUT }, async () => {
    const before = { ...seen };
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, edits) => check(mutate(SEEDS[i]!, edits))),
      { seed: 0xc0ffee + SEED_SHIFT, numRuns: RUNS },
    );
    // Most mutants are still mail, and some of them lose a message: both paths are exercised.
    expect(seen.parsed - before.parsed).toBeGreaterThan(RUNS / 2);
    expect(seen.withErrors - before.withErrors).toBeGreaterThan(0);
  });
});
