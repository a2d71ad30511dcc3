// The whole synthetic v10 07/10 thread (fixtures/threads/v10-07-device-exclusive.mbox):
// tree shape, quote attribution in every reply, trailers, and the seed's quoted diff
// recognised as Peter's diff from YMDmsha6GDtUf3Vs@t490s.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseThread } from '../../src/thread/parse-thread.js';
import type { Message, ThreadParse } from '../../src/thread/types.js';

const THREAD = 'fixtures/threads/v10-07-device-exclusive.mbox';
const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';
const COVER = '20210607075855.5084-1-apopple@nvidia.com';
const PATCH = '20210607075855.5084-8-apopple@nvidia.com';
const PETER_DIFF = 'YMDmsha6GDtUf3Vs@t490s';
const SEED_REPLY = '2773835.D95cIkl9rl@nvdebian';
const ALISTAIR = { name: 'Alistair Popple', email: 'apopple@nvidia.com' };
const PETER = { name: 'Peter Xu', email: 'peterx@redhat.com' };

const byId = (p: ThreadParse, id: string): Message => p.messages.find((m) => m.id === id)!;

describe('the v10 07/10 thread', async () => {
  const parse = await parseThread([THREAD]);

  it('reads all eleven mails, no errors', () => {
    expect(parse.errors).toEqual([]);
    expect(parse.messages).toHaveLength(11);
  });

  it('is one chain under the missing 0/10 cover', () => {
    expect(parse.placeholders).toEqual([{ id: COVER, parent: null, children: [PATCH] }]);
    const order = parse.messages.map((m) => m.id);
    expect(order[0]).toBe(PATCH);
    for (let i = 1; i < order.length; i++) expect(byId(parse, order[i]!).parent).toBe(order[i - 1]);
    expect(order.slice(1, 5)).toEqual(['YL+4ENiwbn9QAa2V@t490s', '270551728.uXnuCZxQlr@nvdebian', PETER_DIFF, SEED_REPLY]);
    expect(parse.unlinked).toEqual([]);
  });

  it('reads the patch mail: tags, author, trailer, its own diff over the files it touches', () => {
    const p = byId(parse, PATCH);
    expect(p.from).toEqual(ALISTAIR);
    expect(p.tags).toMatchObject({ version: 10, index: 7, total: 10, reply: false, cover: false });
    expect(p.trailers).toEqual([{ key: 'Signed-off-by', value: 'Alistair Popple <apopple@nvidia.com>' }]);
    expect(p.diffs).toHaveLength(1);
    expect(p.diffs[0]).toMatchObject({ origin: 'patch', quoteDepth: 0, author: ALISTAIR, quotedFrom: null });
    expect(p.diffs[0]!.files.map((f) => f.new)).toEqual(['include/linux/mmu_notifier.h', 'include/linux/rmap.h', 'mm/memory.c', 'mm/mprotect.c', 'mm/page_vma_mapped.c', 'mm/rmap.c']);
  });

  it('does not take the Signed-off-by Peter quotes from the patch', () => {
    expect(byId(parse, 'YL+4ENiwbn9QAa2V@t490s').trailers).toEqual([]);
  });

  it("attributes Peter's scissors diff to Peter, at depth 0", () => {
    const m = byId(parse, PETER_DIFF);
    expect(m.diffs).toHaveLength(1);
    expect(m.diffs[0]).toMatchObject({ origin: 'scissors', quoteDepth: 0, author: PETER, quotedFrom: null });
    expect(m.diffs[0]!.files[0]!.hunks[0]).toMatchObject({ function: 'page_make_device_exclusive_one', added: 6, removed: 0 });
  });

  it('links the seed reply\'s mangled copy to Peter\'s diff', () => {
    const m = byId(parse, SEED_REPLY);
    expect(m.diffs).toHaveLength(1);
    const [d] = m.diffs;
    expect(d).toMatchObject({ quoteDepth: 1, author: PETER, quotedFrom: PETER_DIFF });
    expect(d!.id).toBe(byId(parse, PETER_DIFF).diffs[0]!.id);
    expect(d!.repairs.length).toBeGreaterThan(0);
  });

  it('gives every quote layer of the seed reply a full name and address', () => {
    expect(byId(parse, SEED_REPLY).quotes).toEqual([
      { depth: 1, author: PETER, via: 'attribution', attributionOnly: false },
      { depth: 2, author: ALISTAIR, via: 'attribution', attributionOnly: false },
      { depth: 3, author: PETER, via: 'attribution', attributionOnly: false },
      { depth: 4, author: ALISTAIR, via: 'attribution', attributionOnly: true },
    ]);
  });

  it('attributes depth 1 of every reply to the parent\'s sender', () => {
    for (const m of parse.messages) {
      if (m.id === PATCH) continue;
      const parent = byId(parse, m.parent!);
      expect(m.quotes[0], m.id).toMatchObject({ depth: 1, author: parent.from });
    }
  });

  it('puts quote depth 2, 3 on the grandparent, great-grandparent', () => {
    const m = byId(parse, PETER_DIFF);
    expect(m.quotes.map((q) => q.author?.email)).toEqual([ALISTAIR.email, PETER.email, ALISTAIR.email]);
  });
});

describe('the thread and the seed text together', async () => {
  const parse = await parseThread([THREAD, SEED]);
  const seed = parse.messages.find((m) => m.source.format === 'archive-text')!;

  it('keeps the archive copy out of the tree and says why', () => {
    expect(parse.messages).toHaveLength(12);
    expect(seed.idSynthesised).toBe(true);
    expect(seed.parent).toBeNull();
    expect(parse.unlinked).toEqual([seed.id]);
  });

  it("still recognises its diff as Peter's and fills in the quote authors' addresses", () => {
    expect(seed.diffs[0]).toMatchObject({ quotedFrom: PETER_DIFF, author: PETER });
    expect(seed.quotes.map((q) => q.author)).toEqual([PETER, ALISTAIR, PETER, ALISTAIR]);
  });
});

describe('a copy with no attribution and no reply headers', () => {
  it("takes the diff's author from the first appearance of the same diff", async () => {
    const text = readFileSync(SEED, 'utf8').replace(/^On Thursday, 10 June 2021 .* wrote:\n/m, '');
    const dir = mkdtempSync(join(tmpdir(), 'lkml-noattr-'));
    const file = join(dir, 'copy.txt');
    writeFileSync(file, text);
    const parse = await parseThread([THREAD, file]).finally(() => rmSync(dir, { recursive: true, force: true }));
    const copy = parse.messages.find((m) => m.source.file === file)!;
    expect(copy.quotes[0]).toEqual({ depth: 1, author: null, via: 'none', attributionOnly: false });
    expect(copy.diffs[0]).toMatchObject({ quoteDepth: 1, quotedFrom: PETER_DIFF, author: PETER });
  });
});
