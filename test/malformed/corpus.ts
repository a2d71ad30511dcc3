// The hostile-input corpus, generated into a temp folder at test time (the big cases would be
// megabytes in git). Every mbox case puts its hostile message between two good ones, so a test
// can check that the good ones are still reported. test/malformed/README.md lists the outcomes.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FROM_LINE = 'From mboxrd@z Thu Jan  1 00:00:00 1970\n';

interface MailOpts {
  id: string;
  subject?: string;
  inReplyTo?: string;
  references?: string[];
  extraHeaders?: string[];
  body?: string;
}

/** One plain mail (headers, blank line, body), without a From_ line. */
function mail(o: MailOpts): string {
  const h = [
    'From: Ann Example <ann@example.org>',
    'Date: Mon, 7 Jun 2021 17:58:52 +1000',
    `Subject: ${o.subject ?? `[PATCH] mm: ${o.id}`}`,
    `Message-ID: <${o.id}@example.org>`,
  ];
  if (o.inReplyTo) h.push(`In-Reply-To: <${o.inReplyTo}@example.org>`);
  if (o.references) h.push(`References: ${o.references.map((r) => `<${r}@example.org>`).join('\n ')}`);
  h.push(...(o.extraHeaders ?? []));
  return `${h.join('\n')}\n\n${o.body ?? `Text of ${o.id}.\n\nSigned-off-by: Ann Example <ann@example.org>\n`}`;
}

/** An mbox: the good mail `good-before`, the given raw messages, the good mail `good-after`. */
function sandwich(...middle: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(FROM_LINE + mail({ id: 'good-before' }) + '\n')];
  for (const m of middle) parts.push(Buffer.from(FROM_LINE), Buffer.isBuffer(m) ? m : Buffer.from(m), Buffer.from('\n'));
  parts.push(Buffer.from(FROM_LINE + mail({ id: 'good-after' })));
  return Buffer.concat(parts);
}

export const GOOD_IDS = ['good-before@example.org', 'good-after@example.org'];

/** A small, well-formed patch on mm/rmap.c. */
const DIFF = [
  'diff --git a/mm/rmap.c b/mm/rmap.c',
  '--- a/mm/rmap.c',
  '+++ b/mm/rmap.c',
  '@@ -10,3 +10,4 @@ static int f(void)',
  ' \ta = 1;',
  '+\tb = 2;',
  ' \tc = 3;',
  ' \treturn 0;',
  '',
].join('\n');

/** A subject and a sender name that try to act on a terminal and to break markdown. */
const HOSTILE_SUBJECT = 'mm: evil\nSecond: \x1b[2J\x9b31m a | b `x` <!-- hide --> ![img](http://e.example/x.png) *b*';
const HOSTILE_NAME = 'Eve \x1b]0;title\x07 | `n` <i>x</i>';

function hunk(lines: number): string {
  const out = ['diff --git a/mm/big.c b/mm/big.c', '--- a/mm/big.c', '+++ b/mm/big.c', `@@ -1,${lines} +1,${lines} @@`];
  for (let i = 0; i < lines; i++) out.push(` \tx${i} = ${i};`);
  return out.join('\n') + '\n';
}

/** A hunk in a modelled function: `lines` context lines the model does not have, and one change. */
function hunkInModel(lines: number): string {
  const out = [
    'diff --git a/mm/rmap.c b/mm/rmap.c',
    '--- a/mm/rmap.c',
    '+++ b/mm/rmap.c',
    `@@ -200,${lines + 1} +200,${lines + 1} @@ static bool page_make_device_exclusive_one(struct page *page,`,
  ];
  for (let i = 0; i < lines; i++) out.push(` \tx${i} = ${i};`);
  out.push('-\tret = true;', '+\tret = false;');
  return out.join('\n') + '\n';
}

export interface Built {
  /** Inputs to pass on the command line. */
  inputs: string[];
}

/** Every case's input, written under `dir`. */
export const CASES: Record<string, (dir: string) => Built> = {
  'truncated-mid-header': (dir) => {
    const cut = mail({ id: 'cut-header', body: DIFF }).slice(0, 60);
    // The truncated mail is the last one in the file, as a cut download leaves it.
    const f = join(dir, 'truncated-header.mbox');
    writeFileSync(f, Buffer.concat([sandwich(), Buffer.from('\n' + FROM_LINE + cut)]));
    return { inputs: [f] };
  },
  'truncated-mid-body': (dir) => {
    const whole = mail({ id: 'cut-body', body: 'Patch below.\n\n---\n' + DIFF });
    const f = join(dir, 'truncated-body.mbox');
    writeFileSync(f, Buffer.concat([sandwich(), Buffer.from('\n' + FROM_LINE + whole.slice(0, whole.indexOf('+\tb = 2;') + 4))]));
    return { inputs: [f] };
  },
  'no-headers': (dir) => {
    const f = join(dir, 'no-headers.mbox');
    writeFileSync(f, sandwich('Just a body, no header fields at all.\n'));
    return { inputs: [f] };
  },
  'line-5mb': (dir) => {
    const f = join(dir, 'line-5mb.mbox');
    writeFileSync(f, sandwich(mail({ id: 'long-line', body: 'x'.repeat(5 * 1024 * 1024) + '\n' })));
    return { inputs: [f] };
  },
  'invalid-base64': (dir) => {
    const f = join(dir, 'base64.mbox');
    const m = mail({
      id: 'bad-base64',
      extraHeaders: ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
      body: '!!!not*base64@@@\n====\nQUJD%%%\n',
    });
    writeFileSync(f, sandwich(m));
    return { inputs: [f] };
  },
  'unknown-charset': (dir) => {
    const f = join(dir, 'charset.mbox');
    const m = mail({
      id: 'odd-charset',
      extraHeaders: ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=x-no-such-charset', 'Content-Transfer-Encoding: 8bit'],
      body: 'Caf\xe9 body in an unknown charset.\n\n---\n' + DIFF,
    });
    writeFileSync(f, sandwich(Buffer.from(m, 'latin1')));
    return { inputs: [f] };
  },
  'nul-bytes': (dir) => {
    const f = join(dir, 'nul.mbox');
    const m = mail({ id: 'nul\0bytes', subject: '[PATCH] nul\0in subject', body: 'body\0with\0NULs\n\n---\n' + DIFF });
    writeFileSync(f, sandwich(m));
    return { inputs: [f] };
  },
  'references-10000': (dir) => {
    const f = join(dir, 'references.mbox');
    const refs = Array.from({ length: 10_000 }, (_, i) => `ref-${i}`);
    writeFileSync(f, sandwich(mail({ id: 'many-refs', subject: 'Re: [PATCH] many refs', inReplyTo: 'ref-9999', references: refs })));
    return { inputs: [f] };
  },
  'gzip-bomb': (dir) => {
    // 80 MiB of one message's body, compressed to ~80 KiB: past the 64 MiB message limit, and
    // past the 1 MiB gzip cap a test sets.
    const f = join(dir, 'bomb.mbox.gz');
    const head = Buffer.from(FROM_LINE + mail({ id: 'good-before' }) + '\n' + FROM_LINE + mail({ id: 'bomb', body: '' }));
    writeFileSync(f, gzipSync(Buffer.concat([head, Buffer.alloc(80 * 1024 * 1024, 0x61)])));
    return { inputs: [f] };
  },
  'maildir-symlinks-unreadable': (dir) => {
    const md = join(dir, 'maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(md, sub), { recursive: true });
    writeFileSync(join(md, 'cur', '1-good-before'), mail({ id: 'good-before' }));
    writeFileSync(join(md, 'cur', '9-good-after'), mail({ id: 'good-after' }));
    // A secret next to the maildir that a symlink tries to pull in.
    writeFileSync(join(dir, 'secret.eml'), mail({ id: 'outside-secret' }));
    symlinkSync(join(dir, 'secret.eml'), join(md, 'cur', '2-outside'));
    // A relative symlink to a file inside the maildir (tmp/ is not read on its own) is followed.
    writeFileSync(join(md, 'tmp', 'target'), mail({ id: 'inside-link' }));
    symlinkSync('../tmp/target', join(md, 'new', '3-inside-link'));
    symlinkSync('4-loop-b', join(md, 'cur', '4-loop-a'));
    symlinkSync('4-loop-a', join(md, 'cur', '4-loop-b'));
    // A name with a line break and a terminal escape, on a symlink out: its error line must stay one line.
    symlinkSync(join(dir, 'secret.eml'), join(md, 'cur', '7-evil\n\x1b[2Jname'));
    // A FIFO: reading it would wait for a writer for ever.
    execFileSync('mkfifo', [join(md, 'cur', '6-fifo')]);
    writeFileSync(join(md, 'cur', '5-unreadable'), mail({ id: 'unreadable' }));
    chmodSync(join(md, 'cur', '5-unreadable'), 0o000);
    return { inputs: [md] };
  },
  'lying-hunk-counts': (dir) => {
    const f = join(dir, 'lying.mbox');
    const lie = DIFF.replace('@@ -10,3 +10,4 @@', '@@ -10,30 +10,1 @@');
    writeFileSync(f, sandwich(mail({ id: 'lying-counts', body: 'Patch.\n\n---\n' + lie + '-- \n2.30.0\n' })));
    return { inputs: [f] };
  },
  'hunk-100000-lines': (dir) => {
    const f = join(dir, 'big-hunk.mbox');
    writeFileSync(f, sandwich(mail({ id: 'big-hunk', body: 'Patch.\n\n---\n' + hunk(100_000) })));
    return { inputs: [f] };
  },
  'hunk-100000-lines-in-model': (dir) => {
    const f = join(dir, 'big-model-hunk.mbox');
    writeFileSync(f, sandwich(mail({ id: 'big-model-hunk', body: 'Patch.\n\n---\n' + hunkInModel(100_000) })));
    return { inputs: [f] };
  },
  'hostile-subject': (dir) => {
    // Encoded words carry what a raw header cannot: a line break, ESC, a C1 CSI (U+009B).
    const b64 = (t: string): string => `=?utf-8?b?${Buffer.from(t).toString('base64')}?=`;
    const m = mail({ id: 'hostile-subject', subject: b64(HOSTILE_SUBJECT), body: 'Patch.\n\n---\n' + DIFF }).replace(
      'From: Ann Example <ann@example.org>',
      `From: ${b64(HOSTILE_NAME)} <eve@example.org>`,
    );
    // Alone in its mbox: its subject is then the thread's, which review prints first.
    const f = join(dir, 'hostile-subject.mbox');
    writeFileSync(f, FROM_LINE + m + '\n');
    return { inputs: [f] };
  },
  'quotes-500-deep': (dir) => {
    const f = join(dir, 'deep-quotes.mbox');
    const lines: string[] = [];
    // Each attribution line names the author one level deeper; the text then unwinds.
    for (let d = 1; d <= 500; d++) lines.push(`${'> '.repeat(d - 1)}On Mon, Name${d} <n${d}@example.org> wrote:`);
    for (let d = 500; d >= 1; d--) lines.push(`${'> '.repeat(d)}level ${d}`);
    lines.push('', 'My reply.');
    writeFileSync(f, sandwich(mail({ id: 'deep-quotes', subject: 'Re: [PATCH] deep', inReplyTo: 'good-before', body: lines.join('\n') + '\n' })));
    return { inputs: [f] };
  },
  'subject-1mb': (dir) => {
    const f = join(dir, 'subject.mbox');
    const words = Array.from({ length: 1024 * 1024 / 8 }, () => 'subject').join(' ');
    writeFileSync(f, sandwich(mail({ id: 'huge-subject', subject: `[PATCH v2 1/1] ${words}` })));
    return { inputs: [f] };
  },
  'message-id-loop': (dir) => {
    const f = join(dir, 'loop.mbox');
    writeFileSync(
      f,
      sandwich(
        mail({ id: 'loop-a', subject: 'Re: loop', inReplyTo: 'loop-b', references: ['loop-b'] }),
        mail({ id: 'loop-b', subject: 'Re: loop', inReplyTo: 'loop-a', references: ['loop-a'] }),
        mail({ id: 'self', subject: 'Re: self', inReplyTo: 'self', references: ['self', 'self'] }),
      ),
    );
    return { inputs: [f] };
  },
  'diff-path-traversal': (dir) => {
    const f = join(dir, 'traversal.mbox');
    const evil = DIFF.replaceAll('a/mm/rmap.c', 'a/../../escaped-by-diff.c').replaceAll('b/mm/rmap.c', 'b/../../escaped-by-diff.c');
    writeFileSync(f, sandwich(mail({ id: 'traversal', body: 'Patch.\n\n---\n' + evil })));
    return { inputs: [f] };
  },
};
