// Unified-diff hunk headers: `@@ -a,b +c,d @@ context`. Also read: counts left out (`-a` means
// `-a,1`), runs of blanks where one space belongs (mangled copies), and b4's nonstandard
// `@@@ -1,1 +1,1 @@`. Combined diffs (`@@@ -a,b -c,d +e,f @@@`) are not single-parent
// patches and are not read.

export interface HunkHeader {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the closing `@@` (git's function context), trimmed; null when absent. */
  context: string | null;
  /** The header was not in the standard `@@ -a,b +c,d @@` shape (e.g. `@@@`). */
  nonstandard: boolean;
}

const HEADER = /^(@@@?)[ \t]+-(\d+)(?:,(\d+))?[ \t]+\+(\d+)(?:,(\d+))?[ \t]+(@@@?)(.*)$/;

export function isHunkHeaderStart(text: string): boolean {
  return text.startsWith('@@ -') || text.startsWith('@@@ -') || /^@@@?[ \t]+-\d/.test(text);
}

export function parseHunkHeader(text: string): HunkHeader | null {
  if (!text.startsWith('@@')) return null;
  const m = HEADER.exec(text);
  if (!m) return null;
  const num = (s: string | undefined, dflt: number): number => {
    if (s === undefined) return dflt;
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : NaN;
  };
  const h: HunkHeader = {
    oldStart: num(m[2], 0),
    oldLines: num(m[3], 1),
    newStart: num(m[4], 0),
    newLines: num(m[5], 1),
    context: m[7]!.trim() === '' ? null : m[7]!.trim(),
    nonstandard: m[1] !== '@@' || m[6] !== '@@',
  };
  if ([h.oldStart, h.oldLines, h.newStart, h.newLines].some((n) => Number.isNaN(n))) return null;
  return h;
}

const NOT_FUNCTIONS = new Set([
  'if', 'while', 'for', 'switch', 'return', 'sizeof', 'typeof', '__typeof__', 'defined',
  '__attribute__', '__aligned', 'alignof', '_Alignof', 'offsetof',
]);

/**
 * The function named by a hunk's context: `static bool page_make_device_exclusive_one(struct
 * page *page,` gives `page_make_device_exclusive_one`. git cuts the context at 80 bytes, so a
 * name may stop mid-word; with no `(` at all there is no function (a struct, a label).
 */
export function functionName(context: string | null): string | null {
  if (!context) return null;
  const re = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;
  for (let m = re.exec(context); m; m = re.exec(context)) {
    if (!NOT_FUNCTIONS.has(m[1]!)) return m[1]!;
  }
  return null;
}

export function formatHunkHeader(
  oldStart: number,
  oldLines: number,
  newStart: number,
  newLines: number,
  context: string | null,
): string {
  return `@@ -${oldStart},${oldLines} +${newStart},${newLines} @@${context ? ' ' + context : ''}`;
}
