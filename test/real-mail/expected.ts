// Holds a parse of one real-mail file to its entry in ../shared/real-mail/EXPECTED.json (the
// README there says what is counted). Returns every disagreement as one line, so a failing
// test shows all of them at once; an empty list means the file is read as its writers meant.
import type { Hunk } from '../../src/patch/types.js';
import type { Diff, ThreadParse } from '../../src/thread/types.js';

interface ExpectedHunk {
  file: string | null;
  header: string;
  added: number;
  removed: number;
  complete: boolean;
}

interface ExpectedDiff {
  author: string;
  quoteDepth: number;
  /** 1-based position of the message in the file. */
  message: number;
  kind: string;
  files: string[];
  hunks: number;
  added: number;
  removed: number;
  quotedFrom?: string;
  hunkDetail: ExpectedHunk[];
}

export interface ExpectedFile {
  file: string;
  messages: number;
  diffs: ExpectedDiff[];
}

const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The file a hunk belongs to, as the README names files: the new name, else the old one. */
const nameOf = (f: { old: string | null; new: string | null }): string | null => f.new ?? f.old;

export function disagreements(parse: ThreadParse, want: ExpectedFile): string[] {
  const out: string[] = [];
  const say = (where: string, what: string): void => void out.push(`${want.file} ${where}: ${what}`);
  const messages = [...parse.messages].sort((a, b) => a.source.index - b.source.index);
  if (messages.length !== want.messages) say('messages', `${messages.length}, expected ${want.messages}`);
  if (parse.errors.some((e) => !e.duplicate)) say('errors', JSON.stringify(parse.errors));
  for (let m = 0; m < messages.length; m++) {
    const msg = messages[m]!;
    const got = msg.diffs;
    const exp = want.diffs.filter((d) => d.message === m + 1);
    if (got.length !== exp.length) {
      say(`message ${m + 1}`, `${got.length} diffs (${got.map(brief).join('; ')}), expected ${exp.length} (${exp.map((d) => `${d.files.join(',')} +${d.added}/-${d.removed} @${d.quoteDepth}`).join('; ')})`);
      continue;
    }
    exp.forEach((e, k) => {
      const d = got[k]!;
      const at = `message ${m + 1} diff ${k + 1}`;
      if ((d.author?.name ?? null) !== e.author) say(at, `author ${JSON.stringify(d.author?.name ?? null)}, expected ${JSON.stringify(e.author)}`);
      if (d.quoteDepth !== e.quoteDepth) say(at, `quote depth ${d.quoteDepth}, expected ${e.quoteDepth}`);
      const files = d.files.filter((f) => !f.headerless).map(nameOf);
      if (JSON.stringify(files) !== JSON.stringify(e.files)) say(at, `files ${JSON.stringify(files)}, expected ${JSON.stringify(e.files)}`);
      // Both sides name the file as the mail means it (no quilt `~suffix`), unless it is renamed.
      for (const f of d.files) {
        if (f.old !== null && f.new !== null && f.old !== f.new && !f.extended.some((x) => /^(rename|copy) /.test(x))) say(at, `old name ${f.old} for ${f.new}`);
      }
      const hunks = d.files.flatMap((f) => f.hunks.map((h) => ({ file: f.headerless ? null : nameOf(f), h })));
      if (hunks.length !== e.hunks) say(at, `${hunks.length} hunks, expected ${e.hunks}`);
      const added = hunks.reduce((n, x) => n + x.h.added, 0);
      const removed = hunks.reduce((n, x) => n + x.h.removed, 0);
      if (added !== e.added || removed !== e.removed) say(at, `+${added}/-${removed}, expected +${e.added}/-${e.removed}`);
      if (hunks.length === e.hunks) e.hunkDetail.forEach((eh, j) => checkHunk(`${at} hunk ${j + 1}`, hunks[j]!, eh, say));
      const from = d.quotedFrom === null ? null : `<${d.quotedFrom}>`;
      if (e.quotedFrom !== undefined && from !== e.quotedFrom) say(at, `quotedFrom ${from}, expected ${e.quotedFrom}`);
      // Not a copy of an earlier mail's diff: no link to another message.
      if (e.quotedFrom === undefined && from !== null && from !== `<${msg.id}>`) say(at, `quotedFrom ${from}, expected none`);
    });
  }
  return out;
}

function checkHunk(at: string, got: { file: string | null; h: Hunk }, e: ExpectedHunk, say: (where: string, what: string) => void): void {
  const { h } = got;
  if (got.file !== e.file) say(at, `file ${JSON.stringify(got.file)}, expected ${JSON.stringify(e.file)}`);
  if (h.added !== e.added || h.removed !== e.removed) say(at, `+${h.added}/-${h.removed}, expected +${e.added}/-${e.removed}`);
  const m = HEADER.exec(e.header)!;
  const [oldStart, oldLines, newStart, newLines] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3]), Number(m[4] ?? 1)];
  if (h.oldStart !== oldStart || h.newStart !== newStart) say(at, `starts at -${h.oldStart} +${h.newStart}, expected ${e.header}`);
  // A complete hunk keeps the counts it was sent with.
  if (e.complete && (h.oldLines !== oldLines || h.newLines !== newLines)) say(at, `counts -${h.oldLines} +${h.newLines}, expected ${e.header}`);
}

function brief(d: Diff): string {
  const hunks = d.files.flatMap((f) => f.hunks);
  return `${d.files.map((f) => nameOf(f) ?? '?').join(',')} +${hunks.reduce((n, h) => n + h.added, 0)}/-${hunks.reduce((n, h) => n + h.removed, 0)} @${d.quoteDepth}`;
}
