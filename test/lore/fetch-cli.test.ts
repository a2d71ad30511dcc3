// `review <Message-ID>` and `review <lore link>` as a maintainer runs them, against a lore-like
// public-inbox on loopback serving the v10 07/10 thread gzipped, as lore does; the thread lands
// in the XDG cache; not found and offline give one line with the b4 pipe that works.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliAsync, ROOT } from '../review/built-cli.js';
import { tempDir } from '../temp-dir.js';
import { startLore, type LoreServer } from './lore-server.js';

const MBOX = readFileSync(join(ROOT, 'fixtures/threads/v10-07-device-exclusive.mbox'));
const IDS = [...MBOX.toString('latin1').matchAll(/^Message-ID: <([^>]+)>/gim)].map((m) => m[1]!);
const SEED_ID = '2773835.D95cIkl9rl@nvdebian';
const FAST = ['--scenario', 'nouveau-atomic-small', 'nouveau-atomic-thp-tail'];
const T = 120_000;

let lore: LoreServer;
beforeAll(async () => {
  lore = await startLore(MBOX, IDS);
});
afterAll(async () => lore.close());

const envWith = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.LKML_REPLAY_LORE_URL;
  return { ...env, ...extra };
};

describe('review by Message-ID against a loopback lore', () => {
  let cache = '';
  let mail = '';
  let stderr = '';
  beforeAll(async () => {
    cache = tempDir('lkml-lore-cache-');
    const run = await cliAsync(['review', `<${SEED_ID}>`, '--lore-url', lore.url, ...FAST, '--format', 'mail'], { env: envWith({ XDG_CACHE_HOME: cache }) });
    expect(run.code).toBe(0);
    mail = run.stdout;
    stderr = run.stderr;
  }, T);

  test('fetches <lore>/<msgid>/t.mbox.gz once and keeps it in the XDG cache', () => {
    expect(stderr).toBe('');
    expect(lore.requests).toContain(`/all/${SEED_ID}/t.mbox.gz`);
    const kept = readdirSync(join(cache, 'lkml-replay', 'lore'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^2773835\.D95cIkl9rl@nvdebian-[0-9a-f]{10}\.mbox\.gz$/);
  });

  test('--format mail of the thread is a reply to the message that carried the variant', () => {
    const [head, ...rest] = mail.split('\n\n');
    const body = rest.join('\n\n');
    expect(head).toMatch(/^Subject: Re: \[PATCH v10 07\/10\] mm: Device exclusive memory access$/m);
    expect(head).toMatch(/^In-Reply-To: <YMDmsha6GDtUf3Vs@t490s>$/m);
    // References: the carrier's chain, then the carrier itself, folded within 78 columns.
    const refs = /^References:((?:.*\n?)(?: .*\n?)*)/m.exec(head)![1]!.match(/<[^>]+>/g);
    expect(refs).toEqual(['<20210607075855.5084-1-apopple@nvidia.com>', '<20210607075855.5084-8-apopple@nvidia.com>', '<YL+4ENiwbn9QAa2V@t490s>', '<270551728.uXnuCZxQlr@nvdebian>', '<YMDmsha6GDtUf3Vs@t490s>']);
    expect(head).toMatch(/^To: Peter Xu <peterx@redhat\.com>$/m);
    for (const l of head.split('\n')) expect(l.length).toBeLessThanOrEqual(78);
    // The diff quoted as the thread has it (depth 0 in Peter's mail: one level of quoting).
    expect(body).toMatch(/^On Wed, 09 Jun 2021 16:05:06 \+0000, Peter Xu wrote:\n> diff --git a\/mm\/rmap\.c b\/mm\/rmap\.c\n/);
    expect(body).toContain('\n> @@ -2042,6 +2042,12 @@ static bool page_make_device_exclusive_one(struct page *page,\n');
    expect(body).toContain('\n> +\tsplit_huge_pmd_address(vma, address, false, page);\n');
    // Kernel file:line from the hunk header, not the model's line.
    expect(body).toContain('mm/rmap.c:2042-2053 in page_make_device_exclusive_one()');
    expect(body).not.toMatch(/mm\/rmap\.c:2[0-9]{2}\b/);
    // The verdicts as a small table, the first cause in sentences.
    expect(body).toMatch(/^scenario +v10 +with the change$/m);
    expect(body).toMatch(/^nouveau-atomic-small +completed 0 +deadlock, 1 retry +regressed$/m);
    expect(body).toMatch(/^nouveau-atomic-thp-tail +completed -22 +completed -22 +same$/m);
    expect(body.replace(/\n\s*/g, ' ')).toContain('The runs part in page_make_device_exclusive_one(), reached from nouveau_svm_fault_model(), on thread main: on v10, page_make_device_exclusive_one calls mmu_notifier_range_init_owner(); with the change, page_make_device_exclusive_one calls split_huge_pmd_address().');
    expect(body.replace(/\n\s*/g, ' ')).toMatch(/Verdict: completed -> deadlock \(.*\)\. This is a regression\. It follows from steps 1-5\./);
    // Plain text a list takes: prose within 72 columns, no Markdown, Mermaid, emoji or escapes.
    for (const l of body.split('\n')) if (!l.startsWith('>') && !/^\S+ +(completed|deadlock|livelock|bug|error)/.test(l) && !l.startsWith('scenario ')) expect(l.length, l).toBeLessThanOrEqual(72);
    expect(mail).not.toMatch(/```|mermaid|\*\*|^#+ |\x1b|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/mu);
    expect(body.split('\n').filter((l) => !l.startsWith('>')).join('\n')).not.toContain('`');
    expect(/^[\x00-\x7f]*$/.test(mail)).toBe(true);
  });

  test('a lore link is fetched by its Message-ID from the configured lore (LKML_REPLAY_LORE_URL), -q gives one line per variant', async () => {
    const cache2 = tempDir('lkml-lore-cache-');
    const before = lore.requests.length;
    const run = await cliAsync(['review', `https://lore.kernel.org/linux-mm/${SEED_ID}/T/#u`, ...FAST, '-q'], { env: envWith({ XDG_CACHE_HOME: cache2, LKML_REPLAY_LORE_URL: lore.url }) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lore.requests.slice(before)).toEqual([`/all/${SEED_ID}/t.mbox.gz`]);
    expect(run.stdout).toBe('V1 Peter Xu: regression in nouveau-atomic-small (of 2 scenarios on v10)\n');
  }, T);

  test('a fresh cached copy is used without asking lore again', async () => {
    const before = lore.requests.length;
    const run = await cliAsync(['thread', SEED_ID, '--lore-url', lore.url], { env: envWith({ XDG_CACHE_HOME: cache }) });
    expect(run.code).toBe(0);
    expect(lore.requests.length).toBe(before);
    expect(run.stdout).toContain('2021-06-09 16:05Z  Peter Xu  Re: [PATCH v10 7/10]  1 diff');
  }, T);
});

describe('not found or offline: one line with the b4 pipe that works, exit 2', () => {
  test('a Message-ID lore does not have', async () => {
    const run = await cliAsync(['review', '<nobody@example.org>', '--lore-url', lore.url], { env: envWith({ XDG_CACHE_HOME: tempDir('lkml-lore-cache-') }) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`lkml-replay: nobody@example.org: no such thread at ${lore.url}/nobody@example.org/t.mbox.gz (HTTP 404); with b4: b4 mbox -o - 'nobody@example.org' | lkml-replay review -\n`);
  }, T);

  test('lore cannot be reached', async () => {
    const gone = await startLore(MBOX, IDS);
    const url = gone.url;
    await gone.close();
    const run = await cliAsync(['review', SEED_ID, '--lore-url', url], { env: envWith({ XDG_CACHE_HOME: tempDir('lkml-lore-cache-') }) });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(new RegExp(`^lkml-replay: ${SEED_ID.replace(/\./g, '\\.')}: cannot reach 127\\.0\\.0\\.1:\\d+ \\(ECONNREFUSED\\); with b4: b4 mbox -o - '${SEED_ID.replace(/\./g, '\\.')}' \\| lkml-replay review -\\n$`));
  }, T);

  test('a bad --lore-url is a usage error', async () => {
    const run = await cliAsync(['review', SEED_ID, '--lore-url', 'ftp://x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lkml-replay: --lore-url must be an http(s) URL, not "ftp://x"\n');
  });
});
