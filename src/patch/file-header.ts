// The header block of one file in a diff: `diff --git` plus git's extended headers (mode,
// rename, copy, binary), CVS/Subversion `Index:` blocks, and the `---`/`+++` pair. Paths come
// back without their `a/`, `b/` (or `-p1`) prefix; `/dev/null` is null.
import { type DepthView, Kind } from './view.js';

export interface FileHeader {
  old: string | null;
  new: string | null;
  /** Extended header lines as written (mode, rename, copy, similarity, index, binary). */
  extended: string[];
  binary: boolean;
  /** `GIT binary patch` data lines, kept for the rendered text only. */
  binaryData: string[];
  /** Written as a git diff (`diff --git`): rendered with one, too. */
  git: boolean;
  /** A `---`/`+++` pair was present (or its `+++` line alone: see oldLineCut). */
  hasFilePair: boolean;
  /** Only the pair's `+++` line was there (a reviewer cut the `---` line): the old side is taken from `diff --git`, else as the same file. */
  oldLineCut: boolean;
  /** View index of the header's first line, and of the first line after it. */
  start: number;
  next: number;
  /** View index of the wrapped-off half of the `diff --git` line, or -1. */
  wrappedAt: number;
}

const EXTENDED =
  /^(?:old mode |new mode |deleted file mode |new file mode |copy from |copy to |rename from |rename to |rename old |rename new |similarity index |dissimilarity index |index [0-9a-f]+\.\.[0-9a-f]+)/;
const BINARY_FILES = /^Binary files .* differ\s*$/;
const CVS_PREAMBLE = /^(?:RCS file: |retrieving revision |diff |Only in |={20,})/;
// Bounded blank runs keep these linear on a line made of blanks.
const TIMESTAMP = /[ \t]{1,8}\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[ \t]{0,4}[+-]\d{4})?[ \t]*$/;
const SVN_REVISION = /[ \t]{1,8}\((?:revision \d+|working copy|nonexistent)\)[ \t]*$/;

/** Reads the header block at `i`, or null when what starts there is not a file header. */
export function readFileHeader(v: DepthView, i: number): FileHeader | null {
  const { text, kind, gapBefore } = v;
  const n = text.length;
  const start = i;
  const contiguous = (j: number): boolean => j < n && (j === start || !gapBefore[j]);
  let git = false;
  let gitPaths: [string | null, string | null] | null = null;
  let indexPath: string | null = null;
  let needsPair = true;
  /** View index of the second half of a wrapped `diff --git` line, or -1. */
  let wrappedAt = -1;

  if (kind[i] === Kind.GitDiff) {
    const t = text[i]!;
    if (t.startsWith('diff --cc ') || t.startsWith('diff --combined ')) return null;
    if (t.startsWith('diff --git ')) {
      git = true;
      needsPair = false;
      let rest = t.slice('diff --git '.length);
      // A long `diff --git a/x b/x` line wrapped by a mail client: the b/ path on its own line.
      if (!rest.trim().includes(' ') && contiguous(i + 1) && /^b\/\S+$/.test(text[i + 1]!.trim())) {
        rest = `${rest.trim()} ${text[i + 1]!.trim()}`;
        wrappedAt = i + 1;
        i++;
      }
      gitPaths = parseGitDiffPaths(rest);
    }
    i++;
  } else if (kind[i] === Kind.CvsIndex) {
    indexPath = text[i]!.slice('Index: '.length).trim() || null;
    i += 2;
    // RCS/retrieving/diff lines until the ---/+++ pair.
    while (contiguous(i) && kind[i] !== Kind.FilePair && CVS_PREAMBLE.test(text[i]!) && i - start < 12)
      i++;
  } else if (kind[i] !== Kind.FilePair && kind[i] !== Kind.NewFileLine) {
    return null;
  }

  const extended: string[] = [];
  const binaryData: string[] = [];
  let binary = false;
  let renameFrom: string | null = null;
  let renameTo: string | null = null;
  let newFile = false;
  let deletedFile = false;
  while (contiguous(i) && kind[i] !== Kind.FilePair && kind[i] !== Kind.NewFileLine) {
    const t = text[i]!;
    if (EXTENDED.test(t)) {
      extended.push(t);
      const m = /^(?:rename|copy) (from|to|old|new) (.*)$/.exec(t);
      if (m) {
        const p = unquote(m[2]!.trim());
        if (m[1] === 'from' || m[1] === 'old') renameFrom = p;
        else renameTo = p;
      }
      if (t.startsWith('new file mode ')) newFile = true;
      if (t.startsWith('deleted file mode ')) deletedFile = true;
      i++;
    } else if (t.startsWith('GIT binary patch')) {
      binary = true;
      extended.push(t);
      i = readBinaryBlocks(v, i + 1, binaryData);
    } else if (BINARY_FILES.test(t)) {
      binary = true;
      extended.push(t);
      i++;
    } else break;
  }

  let hasFilePair = false;
  let oldLineCut = false;
  let old: string | null = null;
  let neu: string | null = null;
  if (contiguous(i) && kind[i] === Kind.NewFileLine) {
    hasFilePair = true;
    oldLineCut = true;
    const rawNew = pathOfFileLine(text[i]!.slice(4));
    [old, neu] = stripPrefixes(gitPaths ? gitPaths[0] : rawNew, rawNew, git);
    if (newFile) old = null;
    i += 1;
  } else if (contiguous(i) && kind[i] === Kind.FilePair) {
    hasFilePair = true;
    const rawOld = pathOfFileLine(text[i]!.slice(4));
    const rawNew = pathOfFileLine(text[i + 1]!.slice(4));
    [old, neu] = withoutQuiltSuffix(stripPrefixes(rawOld, rawNew, git));
    // CVS writes the file's base name on ---/+++; Index: has its path in the module.
    const inIndex = (p: string | null): boolean => p !== null && (indexPath === p || indexPath!.endsWith('/' + p));
    if (indexPath) {
      if (inIndex(old)) old = indexPath;
      if (inIndex(neu)) neu = indexPath;
    }
    i += 2;
  } else if (needsPair) {
    return null;
  } else if (extended.length === 0) {
    return null; // a bare `diff --git` line followed by prose is no diff
  }

  if (!hasFilePair) {
    if (renameFrom !== null || renameTo !== null) {
      old = renameFrom;
      neu = renameTo;
    } else if (gitPaths) {
      [old, neu] = stripPrefixes(gitPaths[0], gitPaths[1], true);
    }
    if (newFile) old = null;
    if (deletedFile) neu = null;
  }
  // A headerless (`--- x` / `+++ y`) file must be followed by a hunk to be a diff at all.
  if (!git && indexPath === null && (kind[start] === Kind.FilePair || kind[start] === Kind.NewFileLine)) {
    if (!(contiguous(i) && kind[i] === Kind.HunkHeader)) return null;
  }
  return { old, new: neu, extended, binary, binaryData, git, hasFilePair, oldLineCut, start, next: i, wrappedAt };
}

/** A line of git's base85 binary data: a length letter, then groups of 5 base85 digits. */
const BASE85_LINE = /^[A-Za-z][0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]{5,}$/;

/** `literal N` / `delta N` blocks of base85 lines, each ended by a blank line. */
function readBinaryBlocks(v: DepthView, i: number, out: string[]): number {
  const { text, gapBefore } = v;
  while (i < text.length && !gapBefore[i] && /^(?:literal|delta) \d+\s*$/.test(text[i]!)) {
    out.push(text[i]!);
    i++;
    while (i < text.length && !gapBefore[i] && BASE85_LINE.test(text[i]!)) out.push(text[i++]!);
    if (i < text.length && !gapBefore[i] && text[i] === '') {
      out.push('');
      i++;
    }
  }
  return i;
}

/** The path of a `---`/`+++` line (after the marker): no tab-separated date, no quotes. */
function pathOfFileLine(rest: string): string | null {
  let s = rest.replace(/^\s+/, '');
  if (s.startsWith('"')) s = unquote(s.slice(0, closingQuote(s) + 1));
  else {
    const tab = s.indexOf('\t');
    if (tab >= 0) s = s.slice(0, tab);
    s = s.replace(SVN_REVISION, '').replace(TIMESTAMP, '').trimEnd();
  }
  if (s === '/dev/null' || s === '') return null;
  return s;
}

function closingQuote(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}

/** git's C-style quoting of unusual path names. */
function unquote(s: string): string {
  if (!(s.length >= 2 && s.startsWith('"') && s.endsWith('"'))) return s;
  const body = s.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const d = body[++i];
    if (d === undefined) break;
    if (/[0-7]/.test(d)) {
      const oct = body.slice(i, i + 3);
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else {
      const map: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11 };
      bytes.push(map[d] ?? d.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `a/x b/y` of a `diff --git` line, also with quotes and with spaces in equal names. */
function parseGitDiffPaths(rest: string): [string, string] | null {
  const r = rest.trim();
  if (r.startsWith('"')) {
    const end = closingQuote(r);
    const first = unquote(r.slice(0, end + 1));
    const second = r.slice(end + 1).trim();
    return [first, unquote(second)];
  }
  if (r.endsWith('"')) {
    const open = r.lastIndexOf(' "');
    if (open > 0) return [r.slice(0, open), unquote(r.slice(open + 1))];
  }
  const parts = r.split(' ');
  if (parts.length === 2) return [parts[0]!, parts[1]!];
  // Same name on both sides with spaces in it: "a/x y b/x y".
  if (r.length % 2 === 1) {
    const half = (r.length - 1) / 2;
    const a = r.slice(0, half);
    const b = r.slice(half + 1);
    if (r[half] === ' ' && a.slice(a.indexOf('/') + 1) === b.slice(b.indexOf('/') + 1)) return [a, b];
  }
  const cut = r.lastIndexOf(' b/');
  if (cut > 0) return [r.slice(0, cut), r.slice(cut + 1)];
  return null;
}

/**
 * quilt (Andrew Morton's tree) names the old side after the patch it is kept for:
 * `--- a/lib/test_hmm.c~hmm-tests-add-test` / `+++ a/lib/test_hmm.c`. Both are the same file.
 */
function withoutQuiltSuffix([old, neu]: [string | null, string | null]): [string | null, string | null] {
  if (old !== null && neu !== null && old.startsWith(neu + '~')) return [neu, neu];
  if (old !== null && neu !== null && neu.startsWith(old + '~')) return [old, old];
  return [old, neu];
}

function firstComponent(p: string): [string, string] | null {
  const slash = p.indexOf('/');
  return slash > 0 ? [p.slice(0, slash), p.slice(slash + 1)] : null;
}

/**
 * Drops the leading directory `patch -p1` would drop: git's `a/`, `b/` (and mnemonic `i/`,
 * `w/`, `c/`, `o/`), or a quilt-style `linux.orig/` vs `linux/` pair. A path with nothing to
 * compare against keeps its prefix only when it is not a one-letter one.
 */
function stripPrefixes(
  old: string | null,
  neu: string | null,
  git: boolean,
): [string | null, string | null] {
  const o = old === null ? null : firstComponent(old);
  const nn = neu === null ? null : firstComponent(neu);
  const oneLetter = (c: [string, string] | null, p: string | null): boolean =>
    p === null || (c !== null && c[0].length === 1);
  if (oneLetter(o, old) && oneLetter(nn, neu) && (o !== null || nn !== null)) {
    return [o ? o[1] : null, nn ? nn[1] : null];
  }
  if (!git && o && nn && o[0] !== nn[0] && o[1] === nn[1]) return [o[1], nn[1]];
  return [old, neu];
}
