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

function renderInto(r: RenderableFile, emit: (line: string) => void): void {
  const { file } = r;
  if (r.git) {
    const a = file.old ?? file.new ?? '';
    const b = file.new ?? file.old ?? '';
    emit(`diff --git a/${quoteIfNeeded(a)} b/${quoteIfNeeded(b)}`);
    for (const e of file.extended) {
      emit(e);
      if (e.startsWith('GIT binary patch')) for (const d of r.binaryData) emit(d);
    }
  }
  if (file.hunks.length > 0 || r.hasFilePair) {
    if (!file.headerless) {
      emit(`--- ${side('a/', file.old)}`);
      emit(`+++ ${side('b/', file.new)}`);
    }
  }
  for (const h of file.hunks) {
    emit(h.header);
    for (const l of h.lines) {
      emit(l.op + l.text);
      if (l.noNewline) emit('\\ No newline at end of file');
    }
  }
}

/** The files' lines, each ended by a newline: one array for all files, joined once into a flat string. */
export function renderDiff(files: readonly RenderableFile[]): string {
  const out: string[] = [];
  const emit = (line: string): void => {
    out.push(line);
  };
  for (const f of files) renderInto(f, emit);
  return out.length === 0 ? '' : out.join('\n') + '\n';
}
