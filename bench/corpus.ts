// A generated LKML-like mbox (mboxrd, lore's `From mboxrd@z` envelope), the same bytes for the
// same seed and size. Threads are patch series (cover letter, format-patch mails with diffs) or
// discussions, followed by replies that quote their parent with an attribution line, so quotes
// reach several depths; replies trim quoted diffs and add trailers. Some mails are
// quoted-printable, base64, multipart/mixed with a text/x-patch part, CRLF, carry RFC 2047
// names, or have body lines starting with `From ` (escaped as `>From `).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface CorpusOptions {
  seed: number;
  /** Stop after this many messages ... */
  messages?: number;
  /** ... or this many bytes, whichever comes first. */
  bytes?: number;
}

export interface CorpusStats {
  messages: number;
  bytes: number;
  patches: number;
  replies: number;
  quotedPrintable: number;
  base64: number;
  multipart: number;
  crlf: number;
  fromEscaped: number;
}

/** mulberry32: small, fast, and the same sequence everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE: [string, string][] = [
  ['Alistair Popple', 'apopple@nvidia.com'],
  ['Peter Xu', 'peterx@redhat.com'],
  ['Jason Gunthorpe', 'jgg@nvidia.com'],
  ['John Hubbard', 'jhubbard@nvidia.com'],
  ['Christoph Hellwig', 'hch@lst.de'],
  ['Andrew Morton', 'akpm@linux-foundation.org'],
  ['Matthew Wilcox', 'willy@infradead.org'],
  ['Ralph Campbell', 'rcampbell@nvidia.com'],
  ['David Hildenbrand', 'david@redhat.com'],
  ['Vlastimil Babka', 'vbabka@suse.cz'],
  ['Zi Yan', 'ziy@nvidia.com'],
  ['Hugh Dickins', 'hughd@google.com'],
  ['Kirill A. Shutemov', 'kirill@shutemov.name'],
  ['Miaohe Lin', 'linmiaohe@huawei.com'],
  ['Naoya Horiguchi', 'naoya.horiguchi@nec.com'],
];
/** Senders whose names need RFC 2047 (encoded words in From:) and an 8-bit charset. */
const INTL: [string, string][] = [
  ['Thomas Hellström', 'thomas.hellstrom@linux.intel.com'],
  ['Christian König', 'christian.koenig@amd.com'],
  ['Michal Koutný', 'mkoutny@suse.com'],
  ['Uwe Kleine-König', 'u.kleine-koenig@pengutronix.de'],
];
const FILES = [
  'mm/rmap.c', 'mm/memory.c', 'mm/huge_memory.c', 'mm/gup.c', 'mm/hmm.c', 'mm/migrate.c',
  'mm/mmu_notifier.c', 'mm/mprotect.c', 'include/linux/mm.h', 'include/linux/rmap.h',
  'drivers/gpu/drm/nouveau/nouveau_svm.c', 'lib/test_hmm.c', 'mm/page_vma_mapped.c', 'mm/swapfile.c',
];
const FUNCS = [
  'page_make_device_exclusive_one', 'make_device_exclusive_range', 'try_to_migrate_one', 'copy_pte_range',
  'do_swap_page', 'follow_page_pte', '__split_huge_pmd', 'change_pte_range', 'hmm_vma_walk_pmd',
  'nouveau_atomic_range_fault', 'mmu_notifier_range_init_owner', 'remove_migration_pte', 'zap_pte_range',
];
const WORDS = (
  'the page table entry is replaced with a device exclusive swap entry so that the driver can ' +
  'perform atomic access; when the cpu touches the page again it faults and restores the original ' +
  'mapping after the notifier has run. this matters for compound pages where only the tail is ' +
  'mapped and for callers holding the mmap lock in read mode. we also need to handle the case of ' +
  'a racing migration and a concurrent split of the huge pmd which would otherwise leave a stale ' +
  'entry behind i think the retry loop is fine but the owner check looks wrong to me'
).split(' ');
const CODE = [
  'if (!pte_present(pteval))', '\treturn false;', 'struct page *page = pfn_to_page(pfn);',
  'mmu_notifier_invalidate_range_start(&range);', 'spin_lock(ptl);', 'spin_unlock(ptl);',
  'set_pte_at(mm, address, pvmw.pte, swp_pte);', 'page_remove_rmap(subpage, false);', 'put_page(page);',
  'flush_cache_page(vma, address, pte_pfn(pteval));', 'entry = make_writable_device_exclusive_entry(page_to_pfn(subpage));',
  'ret = -EBUSY;', 'goto out;', 'unsigned long npages = end - start;', 'VM_BUG_ON_PAGE(PageTail(page), page);',
  'for (i = 0; i < npages; i++, start += PAGE_SIZE) {', '}', 'return ret;', '',
];

class Gen {
  constructor(readonly r: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  sentence(min = 6, max = 18): string {
    const n = this.int(min, max);
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(this.pick(WORDS));
    const s = w.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  }
  /** Prose wrapped at 72 columns. */
  paragraph(sentences: number): string[] {
    const words: string[] = [];
    for (let i = 0; i < sentences; i++) words.push(...this.sentence().split(' '));
    const lines: string[] = [];
    let cur = '';
    for (const w of words) {
      if (cur && cur.length + 1 + w.length > 72) {
        lines.push(cur);
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    if (cur) lines.push(cur);
    return lines;
  }
  code(): string {
    return '\t' + this.pick(CODE);
  }
}

interface Msg {
  id: string;
  from: [string, string];
  subject: string;
  body: string[];
  date: number;
  refs: string[];
}

function person(p: [string, string]): string {
  return `${p[0]} <${p[1]}>`;
}

/** RFC 2047 B-encoding of a display name with non-ASCII letters. */
function encodeWord(s: string): string {
  return `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

function rfcDate(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

function qpEncode(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let enc = '';
    for (const b of Buffer.from(line, 'utf8')) {
      const c = String.fromCharCode(b);
      enc += b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09) ? '=' + b.toString(16).toUpperCase().padStart(2, '0') : c;
    }
    if (/[ \t]$/.test(enc)) enc = enc.slice(0, -1) + '=' + enc.charCodeAt(enc.length - 1).toString(16).toUpperCase().padStart(2, '0');
    // Soft line breaks at 76 columns, never inside an =XX escape.
    while (enc.length > 75) {
      let cut = 75;
      if (enc[cut - 1] === '=') cut -= 1;
      else if (enc[cut - 2] === '=') cut -= 2;
      out.push(enc.slice(0, cut) + '=');
      enc = enc.slice(cut);
    }
    out.push(enc);
  }
  return out;
}

function base64Lines(text: string): string[] {
  const b = Buffer.from(text, 'utf8').toString('base64');
  const out: string[] = [];
  for (let i = 0; i < b.length; i += 76) out.push(b.slice(i, i + 76));
  return out;
}

function diffLines(g: Gen, nFiles: number): string[] {
  const out: string[] = [];
  for (let f = 0; f < nFiles; f++) {
    const file = g.pick(FILES);
    const a = g.int(0x100000, 0xffffff).toString(16) + g.int(0x100000, 0xffffff).toString(16);
    const b = g.int(0x100000, 0xffffff).toString(16) + g.int(0x100000, 0xffffff).toString(16);
    out.push(`diff --git a/${file} b/${file}`, `index ${a}..${b} 100644`, `--- a/${file}`, `+++ b/${file}`);
    let at = g.int(20, 3000);
    for (let h = g.int(1, 4); h > 0; h--) {
      const body: string[] = [];
      let oldN = 0;
      let newN = 0;
      const ctx = (n: number): void => {
        for (let i = 0; i < n; i++, oldN++, newN++) body.push(' ' + g.code());
      };
      ctx(3);
      for (let k = g.int(1, 3); k > 0; k--) {
        for (let i = g.int(0, 4); i > 0; i--, oldN++) body.push('-' + g.code());
        for (let i = g.int(1, 8); i > 0; i--, newN++) body.push('+' + g.code());
        ctx(g.int(1, 3));
      }
      ctx(2);
      out.push(`@@ -${at},${oldN} +${at},${newN} @@ static int ${g.pick(FUNCS)}(struct page *page,`, ...body);
      at += oldN + g.int(10, 200);
    }
  }
  return out;
}

/** Lines of `text` quoted one level deeper, trimmed like people trim (keep a window, snip). */
function quote(g: Gen, parent: Msg): string[] {
  const lines = parent.body.filter((l) => l !== '-- ' && !/^2\.\d+\.\d+$/.test(l));
  let keep: string[];
  if (lines.length > 40 && g.chance(0.7)) {
    const start = g.int(0, lines.length - 30);
    keep = lines.slice(start, start + g.int(10, 30));
    if (start > 0) keep.unshift('[...]');
  } else keep = lines;
  return keep.map((l) => (l === '' ? '>' : l.startsWith('>') ? `>${l}` : `> ${l}`));
}

function attribution(g: Gen, parent: Msg): string {
  const d = new Date(parent.date);
  switch (g.int(0, 2)) {
    case 0:
      return `On ${d.toUTCString().slice(0, 16)} at ${d.toISOString().slice(11, 16)}, ${parent.from[0]} wrote:`;
    case 1:
      return `${person(parent.from)} wrote:`;
    default:
      return `On ${d.toUTCString().replace('GMT', '+0000')}, ${parent.from[0]} wrote:`;
  }
}

interface Rendered {
  text: string;
  kind: { qp: boolean; b64: boolean; multipart: boolean; crlf: boolean; escaped: number };
}

function render(g: Gen, m: Msg, attachDiff: string[] | null): Rendered {
  const intl = INTL.some((p) => p === m.from);
  const h: string[] = [
    `From: ${intl ? `${encodeWord(m.from[0])} <${m.from[1]}>` : person(m.from)}`,
    `To: linux-mm@kvack.org`,
    `Cc: ${person(g.pick(PEOPLE))}, linux-kernel@vger.kernel.org`,
    `Subject: ${m.subject.length > 60 ? m.subject.slice(0, 60) + '\n ' + m.subject.slice(60) : m.subject}`,
    `Date: ${rfcDate(m.date)}`,
    `Message-ID: <${m.id}>`,
  ];
  if (m.refs.length) {
    h.push(`In-Reply-To: <${m.refs[m.refs.length - 1]}>`);
    h.push(`References: ${m.refs.map((r) => `<${r}>`).join('\n ')}`);
  }
  h.push('MIME-Version: 1.0');
  const kind = { qp: false, b64: false, multipart: false, crlf: false, escaped: 0 };
  let body: string[];
  const roll = g.r();
  if (attachDiff) {
    kind.multipart = true;
    const boundary = `=-=${m.id.slice(0, 12)}=-=`;
    h.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
    body = [
      `--${boundary}`, 'Content-Type: text/plain; charset=us-ascii', '', ...m.body, '',
      `--${boundary}`, 'Content-Type: text/x-patch; charset=us-ascii', 'Content-Disposition: attachment; filename="fix.patch"', '',
      ...attachDiff, '', `--${boundary}--`,
    ];
  } else if (roll < 0.05 || intl) {
    kind.qp = true;
    h.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable');
    body = qpEncode(intl ? [...m.body, '', `-- `, `${m.from[0]} — Grüße`] : m.body);
  } else if (roll < 0.08) {
    kind.b64 = true;
    h.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64');
    body = base64Lines(m.body.join('\n') + '\n');
  } else {
    h.push('Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit');
    body = m.body;
  }
  // mboxrd: `From ` (after any `>`) at a line start gets one more `>`.
  const esc = body.map((l) => {
    if (/^>*From /.test(l)) {
      kind.escaped++;
      return '>' + l;
    }
    return l;
  });
  let text = [...h, '', ...esc, ''].join('\n') + '\n';
  if (g.chance(0.03)) {
    kind.crlf = true;
    text = text.replace(/\n/g, '\r\n');
  }
  return { text: `From mboxrd@z Thu Jan  1 00:00:00 1970\n${text}`, kind };
}

/** Writes the corpus to `path`; resolves with what it holds. */
export async function writeCorpus(path: string, opts: CorpusOptions): Promise<CorpusStats> {
  const g = new Gen(rng(opts.seed));
  const maxMsgs = opts.messages ?? Infinity;
  const maxBytes = opts.bytes ?? Infinity;
  const out = createWriteStream(path);
  const stats: CorpusStats = { messages: 0, bytes: 0, patches: 0, replies: 0, quotedPrintable: 0, base64: 0, multipart: 0, crlf: 0, fromEscaped: 0 };
  let clock = Date.UTC(2021, 5, 1);
  let serial = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  const emit = async (m: Msg, attach: string[] | null): Promise<void> => {
    const r = render(g, m, attach);
    const n = Buffer.byteLength(r.text);
    stats.messages++;
    stats.bytes += n;
    if (r.kind.qp) stats.quotedPrintable++;
    if (r.kind.b64) stats.base64++;
    if (r.kind.multipart) stats.multipart++;
    if (r.kind.crlf) stats.crlf++;
    stats.fromEscaped += r.kind.escaped;
    pending.push(r.text);
    pendingBytes += n;
    if (pendingBytes > 1 << 20) {
      if (!out.write(pending.join(''))) await once(out, 'drain');
      pending = [];
      pendingBytes = 0;
    }
  };
  const full = (): boolean => stats.messages >= maxMsgs || stats.bytes >= maxBytes;
  const newId = (who: [string, string]): string => `${20210601000000 + serial++}.${g.int(1000, 99999)}-${serial}-${who[1].split('@')[0]}@${who[1].split('@')[1]}`;
  const sender = (): [string, string] => (g.chance(0.08) ? g.pick(INTL) : g.pick(PEOPLE));

  while (!full()) {
    const author = sender();
    const version = g.int(1, 12);
    const topic = `mm: ${g.pick(['device exclusive access', 'fix THP split race', 'rework hmm range fault', 'make migrate entries owner aware', 'skip tail pages'])} ${serial % 97}`;
    const roots: Msg[] = [];
    const series = g.chance(0.55);
    const n = series ? g.int(1, 8) : 0;
    clock += g.int(60, 7200) * 1000;
    const rootId = newId(author);
    if (series && n > 1) {
      roots.push({ id: rootId, from: author, subject: `[PATCH v${version} 0/${n}] ${topic}`, date: clock, refs: [],
        body: [...g.paragraph(6), '', ...g.paragraph(4), '', `${author[0]} (${n}):`, `  ${topic}`, '', ` mm/rmap.c | 42 ++++++++++----`, '', '-- ', '2.30.2'] });
    }
    for (let i = 1; i <= Math.max(n, series ? 1 : 0); i++) {
      const id = i === 1 && roots.length === 0 ? rootId : newId(author);
      const lines = g.paragraph(g.int(2, 6));
      // Body lines that start with `From ` test mboxrd escaping.
      if (g.chance(0.05)) lines.push('', `From the discussion on v${version - 1 || 1}: ${g.sentence()}`);
      const diff = diffLines(g, g.int(1, 3));
      roots.push({ id, from: author, subject: `[PATCH v${version} ${n > 1 ? `${i}/${n}` : ''}] ${topic} part ${i}`.replace(' ]', ']'),
        date: clock + i * 1000, refs: roots.length ? [rootId] : [],
        body: [...lines, '', `Signed-off-by: ${person(author)}`, '---', ` ${FILES[0]} | 10 +++++-----`, ' 1 file changed', '', ...diff, '-- ', '2.30.2'] });
    }
    if (!series) {
      roots.push({ id: rootId, from: author, subject: `${topic}: question about ${g.pick(FUNCS)}()`, date: clock, refs: [], body: [...g.paragraph(g.int(3, 10)), '', `Thanks,`, author[0].split(' ')[0]!] });
    }
    const thread: Msg[] = [];
    for (const m of roots) {
      await emit(m, null);
      thread.push(m);
      if (full()) break;
    }
    for (const m of roots.slice(roots.length > 1 ? 1 : 0)) stats.patches += m.body.some((l) => l.startsWith('diff --git')) ? 1 : 0;
    // Replies: each answers a random earlier message of the thread, quoting it.
    for (let k = g.int(0, 12); k > 0 && !full(); k--) {
      const parent = g.pick(thread);
      const who = sender();
      const body: string[] = [attribution(g, parent), ...quote(g, parent), '', ...g.paragraph(g.int(1, 4))];
      if (g.chance(0.3)) body.push('', ...quote(g, parent).slice(0, 6), '', ...g.paragraph(1));
      if (g.chance(0.25)) body.push('', `Reviewed-by: ${person(who)}`);
      let attach: string[] | null = null;
      if (g.chance(0.04)) {
        body.push('', 'Something like the attached, untested:');
        attach = diffLines(g, 1);
      } else if (g.chance(0.05)) {
        body.push('', '---8<---', ...diffLines(g, 1));
      }
      clock += g.int(30, 3600) * 1000;
      const subject = parent.subject.startsWith('Re: ') ? parent.subject : `Re: ${parent.subject}`;
      const reply: Msg = { id: newId(who), from: who, subject, date: clock, refs: [...parent.refs, parent.id].slice(-12), body };
      await emit(reply, attach);
      stats.replies++;
      thread.push(reply);
    }
  }
  if (pending.length) out.write(pending.join(''));
  out.end();
  await once(out, 'finish');
  return stats;
}
