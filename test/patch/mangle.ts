// What mail clients, list archives and people do to a diff on its way through mail. Each
// function takes and returns a whole text; the tests check the reader undoes the damage.

const lines = (t: string) => t.replace(/\n$/, '').split('\n');
const unlines = (ls: string[]) => ls.join('\n') + '\n';

/** Quote every line `depth` times, as a reply does: `> ` (or `>` with no space). */
export function quote(text: string, depth: number, marker = '> '): string {
  return unlines(lines(text).map((l) => marker.repeat(depth) + l));
}

/** Trailing blanks dropped, as most clients and archives do (`>  ` becomes `>`). */
export function trimTrailing(text: string): string {
  return unlines(lines(text).map((l) => l.replace(/[ \t]+$/, '')));
}

/** A client that expands tabs. */
export function tabsToSpaces(text: string, width = 8): string {
  return unlines(
    lines(text).map((l) => {
      let out = '';
      for (const ch of l) out += ch === '\t' ? ' '.repeat(width - (out.length % width)) : ch;
      return out;
    }),
  );
}

/** Context lines lose their one leading space (a blank context line becomes empty). */
export function stripContextSpace(text: string): string {
  return unlines(lines(text).map((l) => (l.startsWith(' ') ? l.slice(1) : l)));
}

/** A web archive rendered as HTML and copied back: every run of blanks collapses to one
 *  space, and lines lose their leading and trailing blanks. */
export function webArchive(text: string): string {
  return unlines(lines(text).map((l) => l.replace(/[ \t]+/g, ' ').trim()));
}

/** Hunk headers whose counts are off by `delta`. */
export function wrongCounts(text: string, delta = 2): string {
  return unlines(
    lines(text).map((l) =>
      l.replace(/^@@ -(\d+),(\d+) \+(\d+),(\d+) @@/, (_, a, b, c, d) => `@@ -${a},${Math.max(0, +b + delta)} +${c},${Math.max(0, +d + delta)} @@`),
    ),
  );
}

/** A client's hard wrap: a line longer than `width` is broken at its last space before it
 *  (never inside the line's own indentation). */
export function hardWrap(text: string, width = 72): string {
  const out: string[] = [];
  for (const l of lines(text)) {
    let rest = l;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      const textStart = /^(?:> ?)*[ +\-]?\s*/.exec(rest)![0].length;
      if (cut <= textStart) break;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return unlines(out);
}

/** Only the diff part of a format-patch mail (from the first `diff --git` to the signature). */
export function diffPart(mail: string): string {
  const ls = lines(mail);
  const start = ls.findIndex((l) => l.startsWith('diff --git '));
  const end = ls.indexOf('-- ');
  return unlines(ls.slice(start, end < 0 ? undefined : end));
}

/** Replace the line at 0-based `index` of the hunk body lines with a snip mark. */
export function snipAfter(text: string, predicate: (l: string) => boolean, mark = '[...]'): string {
  const ls = lines(text);
  const i = ls.findIndex(predicate);
  return unlines([...ls.slice(0, i + 1), mark, ...ls.slice(i + 1)]);
}

