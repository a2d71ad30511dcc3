// The repaired diff as clean unified-diff text: canonical `a/` `b/` paths, standard @@
// headers with recounted lengths, one marker per line. jsdiff's parsePatch reads it and
// applyPatch applies it; git apply reads it too.
import type { FileDiff } from './types.js';

export interface RenderableFile {
  file: FileDiff;
  git: boolean;
  hasFilePair: boolean;
  binaryData: string[];
}

function side(prefix: 'a/' | 'b/', p: string | null): string {
  return p === null ? '/dev/null' : prefix + quoteIfNeeded(p);
}

function quoteIfNeeded(p: string): string {
  if (!/["\\\t\n]/.test(p)) return p;
  return `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}"`;
}

export function renderFile(r: RenderableFile): string[] {
  const { file } = r;
  const out: string[] = [];
  if (r.git) {
    const a = file.old ?? file.new ?? '';
    const b = file.new ?? file.old ?? '';
    out.push(`diff --git a/${quoteIfNeeded(a)} b/${quoteIfNeeded(b)}`);
    for (const e of file.extended) {
      out.push(e);
      if (e.startsWith('GIT binary patch')) out.push(...r.binaryData);
    }
  }
  if (file.hunks.length > 0 || r.hasFilePair) {
    if (!file.headerless) {
      out.push(`--- ${side('a/', file.old)}`);
      out.push(`+++ ${side('b/', file.new)}`);
    }
  }
  for (const h of file.hunks) {
    out.push(h.header);
    for (const l of h.lines) {
      out.push(l.op + l.text);
      if (l.noNewline) out.push('\\ No newline at end of file');
    }
  }
  return out;
}

export function renderDiff(files: readonly RenderableFile[]): string {
  const lines = files.flatMap(renderFile);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
