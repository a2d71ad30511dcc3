// GitHub's size limits on what lkml-replay writes, and cutting markdown to fit them.

/** Issue comment bodies: "body is too long (maximum is 65536 characters)". */
export const COMMENT_BODY_LIMIT = 65_536;
/** Check run `output.summary` and `output.text`. */
export const CHECK_OUTPUT_LIMIT = 65_535;
/** A step's job summary (GITHUB_STEP_SUMMARY) may not exceed 1 MiB. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024 - 1024;

/**
 * `markdown` when it fits in `limit` characters; else its head, cut at a line end, with an open
 * code fence closed and `note` (a pointer to the full report) appended. Counted in UTF-16 code
 * units, which is never fewer than GitHub's character count, so the result always fits.
 */
export function truncateMarkdown(markdown: string, limit: number, note: string): string {
  if (markdown.length <= limit) return markdown;
  const tail = `\n\n---\n${note}\n`;
  const fenceReserve = 24;
  let budget = Math.max(0, limit - tail.length - fenceReserve);
  // Do not split a surrogate pair.
  if (budget > 0 && /[\uD800-\uDBFF]/.test(markdown[budget - 1]!)) budget--;
  let head = markdown.slice(0, budget);
  const lineEnd = head.lastIndexOf('\n');
  if (lineEnd > budget * 0.9) head = head.slice(0, lineEnd);
  const fence = openFence(head);
  if (fence) head += `\n${fence.slice(0, fenceReserve - 2)}\n`;
  return (head + tail).slice(0, limit);
}

/** The fence (``` or ~~~, as long as it was opened) left open at the end of `markdown`, if any. */
function openFence(markdown: string): string | null {
  let open: string | null = null;
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!m) continue;
    const fence = m[1]!;
    if (open === null) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null;
  }
  return open;
}
