// Where in the model a hunk's old side is: which file and function to search (the `@@` function
// when the model has it, else the diff's file, else every model file), the best alignment there,
// whether it is unique, and, when nothing fits, the closest model statement to show a reviewer.
import type { FileDiff, Hunk } from '../patch/types.js';
import type { UnplacedReason } from './types.js';
import { lcsLength } from './align.js';
import { summarise, statementLine, statementText } from './describe.js';
import { fitHunk, MIN_COVERAGE, type Fit } from './fit.js';
import { changeBlocks, type HunkSides } from './hunk-sides.js';
import { canHold, hunkSize, MAX_OLD_PER_MODEL_TOKEN, regionSize, type HunkSize, type RegionSize } from './hunk-size.js';
import type { BaseIndex, FileIndex, IndexedFunction } from './model-index.js';
import type { TokStatement } from './statements.js';

interface Region {
  file: FileIndex;
  from: number;
  to: number;
  /** "page_make_device_exclusive_one (mm/rmap.c)" or "mm/rmap.c". */
  label: string;
  /** For a function's region: where that function ends (the rest is the code after it). */
  homeEnd?: number;
}

export type Located =
  | { ok: true; fit: Fit; notes: string[] }
  | { ok: false; reason: UnplacedReason; text: string; function: string | null; tooLarge?: boolean };

/** Coverage asked of a hunk found outside the file and function its diff names. */
const STRICT_COVERAGE = 0.9;
const STRICT_WORDS = 8;

export interface LocateContext {
  base: BaseIndex;
  /** The current text of a model file (earlier sections of the same diff may have changed it). */
  fileOf(path: string): FileIndex | undefined;
  modelPaths: string[];
}

export function diffPath(f: FileDiff): string | null {
  return f.old ?? f.new ?? null;
}

/** The `@@` context's function, when the context is a definition's header (not `FOO(x);`, not `#define`). */
export function headerFunction(hunk: Hunk): string | null {
  const fn = hunk.function;
  if (!fn) return null;
  const ctx = (hunk.context ?? '').trim();
  if (ctx.startsWith('#') || /;\s*$/.test(ctx)) return null;
  return fn;
}

export function locateHunk(cx: LocateContext, fd: FileDiff, hunk: Hunk, sides: HunkSides): Located {
  const path = diffPath(fd);
  const alt = fd.new && fd.old && fd.new !== fd.old ? fd.new : null;
  const modelPath = path && cx.fileOf(path) ? path : alt && cx.fileOf(alt) ? alt : null;
  const file = modelPath ? cx.fileOf(modelPath)! : null;
  const fnName = headerFunction(hunk);

  if (fnName) {
    const defs = cx.base.definitionsOf(fnName);
    const inFile = file ? file.functions.filter((f) => f.name === fnName) : [];
    if (inFile.length && file) {
      const r = search(sides, inFile.map((fn) => fnRegion(file, fn)), false);
      if (r.ok) return r;
      // the hunk may reach into code the model has elsewhere in the file
      const whole = search(sides, [wholeFile(file)], false);
      if (whole.ok) {
        whole.notes.push(`the \`@@\` context names ${fnName}(), but the context lines are in ${whole.fit.file.path} outside it`);
        return whole;
      }
      // too large for the whole file says more than too large for the function
      return whole.tooLarge ? whole : r;
    }
    // A header names the declaration above its change, which may be a prototype of a function
    // defined elsewhere: the header itself comes first.
    if (file && file.path.endsWith('.h')) {
      const r = search(sides, [wholeFile(file)], false);
      if (r.ok) return r;
    }
    if (defs.length) {
      // the model has the function in another file (a moved or copied function)
      const regions = defs.map((d) => fnRegion(cx.fileOf(d.path) ?? cx.base.file(d.path)!, d.fn));
      const r = search(sides, regions, false);
      if (r.ok) {
        r.notes.push(`the diff names ${path ?? 'no file'}; the model has ${fnName}() in ${defs.map((d) => d.path).join(', ')}`);
        return r;
      }
      if (!file) return { ok: false, reason: path ? 'file-not-modelled' : 'no-file-named', text: `${path ? `${path} is not a model file` : 'the hunk names no file'}, and ${fnName}() as the model has it (${defs.map((d) => d.path).join(', ')}) does not hold this hunk's context`, function: fnName };
      return r;
    }
    if (!file && !path) return { ok: false, reason: 'no-file-named', text: `the hunk names no file, and its \`@@\` context names ${fnName}(), which the model does not have`, function: fnName };
    if (!file) return { ok: false, reason: 'file-not-modelled', text: notModelledFile(path, cx), function: fnName };
    // not model C: unless the hunk runs into a function the model has, it cannot be placed
    const reached = reachedFunction(sides, file);
    if (reached) {
      const r = search(sides, [fnRegion(file, reached)], false);
      if (r.ok) {
        r.notes.push(`the hunk starts in ${fnName}(), which the model does not have, and runs into ${reached.name}()`);
        return r;
      }
    }
    if (cx.base.builtins.has(fnName)) {
      return {
        ok: false,
        reason: 'function-is-runtime-primitive',
        text: `${fnName}() is a primitive of the model's TypeScript runtime, not model C: a change to it cannot be replayed as source`,
        function: fnName,
      };
    }
    return {
      ok: false,
      reason: 'function-not-modelled',
      text: `${fnName}() is not in the model's ${file.path} (it has: ${file.functions.map((f) => f.name).join(', ') || 'no functions'})`,
      function: fnName,
    };
  }

  if (file) {
    const r = search(sides, [wholeFile(file)], false);
    return r;
  }
  // no model file by that name: the context may still be model code (a headerless fragment, a
  // file the model keeps under another path); ask for a near-complete match
  const regions = cx.modelPaths.map((p) => wholeFile(cx.fileOf(p)!));
  // Placed only where the context is unmistakably the model's code: a near-complete match, named
  // file or not (a short fragment resembling model code is not model code).
  const r = search(sides, regions, true);
  if (r.ok) {
    if (path) r.notes.push(`the diff names ${path}; the context is in the model's ${r.fit.file.path}`);
    return r;
  }
  if (path) return { ok: false, reason: 'file-not-modelled', text: notModelledFile(path, cx), function: null };
  return r;
}

function notModelledFile(path: string | null, cx: LocateContext): string {
  const dirs = [...new Set(cx.modelPaths.filter((p) => p.endsWith('.c')))].join(', ');
  return `${path ?? 'the file'} is not a model file (the model has ${dirs} and include/linux headers)`;
}

function fnRegion(file: FileIndex, fn: IndexedFunction): Region {
  // the hunk starts in fn (git names the function above the first line) and may run past its end
  const next = file.functions.find((g) => g.startLine > fn.endLine);
  return { file, from: fn.tokFirst, to: next ? next.tokEnd : file.toks.length, label: `${fn.name}() (${file.path})`, homeEnd: fn.tokEnd };
}

function wholeFile(file: FileIndex): Region {
  return { file, from: 0, to: file.toks.length, label: file.path };
}

/** A model function whose definition header is among the hunk's old-side lines. */
function reachedFunction(sides: HunkSides, file: FileIndex): IndexedFunction | null {
  const names = new Set(file.functions.map((f) => f.name));
  for (const s of sides.oldStatements) {
    if (s.kind !== 'open') continue;
    for (let i = s.first + 1; i + 1 < s.end; i++) {
      const t = sides.oldToks[i]!;
      if (t.kind === 'word' && sides.oldToks[i + 1]!.t === '(' && names.has(t.t)) {
        const prev = sides.oldToks[i - 1]!;
        if (prev.kind === 'word' || prev.t === '*') return file.functions.find((f) => f.name === t.t) ?? null;
        break;
      }
    }
  }
  return null;
}

function search(sides: HunkSides, regions: Region[], strict: boolean): Located {
  // regions too small to hold the hunk are not aligned (./hunk-size.ts)
  const size = hunkSize(sides);
  const sized = regions.map((region) => ({ region, size: regionSize(region.file, region.from, region.to) }));
  const searched = sized.filter((r) => canHold(size, r.size)).map((r) => r.region);
  if (!searched.length && sized.length) return tooLarge(size, sized);
  let best: Fit | null = null;
  let bestRegion: Region | null = null;
  const accepted: Fit[] = [];
  const fits: { fit: Fit; region: Region }[] = [];
  for (const r of searched) {
    const fit = fitHunk(sides, r.file, r.from, r.to);
    fits.push({ fit, region: r });
    if (!passes(fit, strict)) continue;
    accepted.push(fit);
    if (!best || fit.alignment.score > best.alignment.score) {
      best = fit;
      bestRegion = r;
    }
  }
  if (!best || !bestRegion) return notFound(sides, fits, strict);
  const where = (f: Fit): string => `${f.file.path}:${f.file.toks[f.alignment.firstModel]!.line}`;
  for (const other of accepted) {
    if (other === best) continue;
    const same = other.file === best.file && other.alignment.firstModel === best.alignment.firstModel;
    if (!same && other.alignment.score >= best.alignment.score) return ambiguous(best, other, where);
  }
  // a second, separate place in the same region that fits as well
  const masked = fitHunk(sides, best.file, bestRegion.from, bestRegion.to, { from: best.alignment.firstModel, to: best.alignment.lastModel });
  if (passes(masked, strict) && masked.alignment.score >= best.alignment.score) {
    // git names the function the hunk starts in: a place starting in it beats one after it
    const home = bestRegion.homeEnd;
    const inHome = (f: Fit): boolean => home !== undefined && f.alignment.firstModel < home;
    if (home !== undefined && inHome(best) !== inHome(masked)) return { ok: true, fit: inHome(best) ? best : masked, notes: [] };
    return ambiguous(best, masked, where);
  }
  return { ok: true, fit: best, notes: [] };
}

/** context-not-found for a hunk larger than every region it could be in, naming the largest. */
function tooLarge(h: HunkSize, sized: { region: Region; size: RegionSize }[]): Located {
  const top = sized.reduce((a, b) => (b.size.tokens > a.size.tokens ? b : a));
  const what = sized.length === 1 ? top.region.label : `any of the ${sized.length} places searched (largest: ${top.region.label})`;
  return {
    ok: false,
    reason: 'context-not-found',
    text:
      `hunk of ${h.lines} old-side lines (${h.tokens} tokens) is larger than ${what}, ${top.size.lines} lines (${top.size.tokens} tokens): ` +
      `it is not aligned (a match needs ${MIN_COVERAGE * 100}% of the context's words; at most ${MAX_OLD_PER_MODEL_TOKEN} hunk tokens per model token)`,
    function: null,
    tooLarge: true,
  };
}

function passes(fit: Fit, strict: boolean): boolean {
  if (!fit.accepted) return false;
  return !strict || (fit.coverage >= STRICT_COVERAGE && fit.matchedWords >= STRICT_WORDS);
}

function ambiguous(a: Fit, b: Fit, where: (f: Fit) => string): Located {
  return {
    ok: false,
    reason: 'context-ambiguous',
    text: `the context fits ${where(a)} and ${where(b)} equally well (${a.matchedWords} of ${a.totalWords} context words); an ambiguous place is not a placement`,
    function: null,
  };
}

/** context-not-found, with the model statement closest to the hunk's statement next to its first change. */
function notFound(sides: HunkSides, fits: { fit: Fit; region: Region }[], strict: boolean): Located {
  const bestFit = fits.reduce<{ fit: Fit; region: Region } | null>((a, b) => (!a || b.fit.coverage > a.fit.coverage ? b : a), null);
  const label = fits.length === 1 ? fits[0]!.region.label : fits.length ? `${fits.length} model files` : 'the model';
  const stmt = anchorStatement(sides);
  let closest = '';
  if (stmt) {
    const want = sides.oldToks.slice(stmt.first, stmt.end).map((t) => t.t);
    let top: { k: number; file: FileIndex; s: TokStatement } | null = null;
    for (const { region } of fits) {
      for (const s of region.file.statements) {
        if (s.first < region.from || s.end > region.to) continue;
        const have = region.file.toks.slice(s.first, s.end).map((t) => t.t);
        const k = lcsLength(want, have);
        if (!top || k > top.k) top = { k, file: region.file, s };
      }
    }
    const shown = summarise(sides.oldLines.filter((l) => l.first < stmt.end && l.end > stmt.first).map((l) => l.text).join(' '));
    closest = top
      ? `; for \`${shown}\` the closest model statement is ${top.file.path}:${statementLine(top.file, top.s)} \`${summarise(statementText(top.file, top.s))}\` (${top.k} of ${want.length} context tokens)`
      : `; \`${shown}\` has no counterpart in the model`;
  }
  const cov = bestFit ? `${bestFit.fit.matchedWords} of ${bestFit.fit.totalWords} context words match${strict ? ' (a near-complete match is needed outside the diff\'s own file)' : ''}` : 'nothing to search';
  return { ok: false, reason: 'context-not-found', text: `context not found in ${label}: ${cov}${closest}`, function: null };
}

/** The old-side statement next to the first change: a removed one, else the one after, else before. */
function anchorStatement(sides: HunkSides): TokStatement | null {
  const blocks = changeBlocks(sides);
  const st = sides.oldStatements.filter((s) => s.kind !== 'close' && s.end > s.first);
  if (!st.length) return null;
  const b = blocks[0];
  if (!b) return st[0]!;
  const removedOld = sides.lines.slice(b.first, b.end).filter((l) => l.op === '-').map((l) => l.old);
  const oldAt = (k: number): { first: number; end: number } | undefined => sides.oldLines[k];
  for (const k of removedOld) {
    const ol = oldAt(k)!;
    const s = st.find((x) => x.first < ol.end && x.end > ol.first);
    if (s) return s;
  }
  const nextLine = b.end < sides.lines.length ? sides.lines[b.end]!.old : -1;
  if (nextLine >= 0) {
    const from = oldAt(nextLine)!.first;
    const s = st.find((x) => x.end > from);
    if (s) return s;
  }
  const prevLine = b.first > 0 ? sides.lines[b.first - 1]!.old : -1;
  if (prevLine >= 0) {
    const to = oldAt(prevLine)!.end;
    const s = [...st].reverse().find((x) => x.first < to);
    if (s) return s;
  }
  return st[0]!;
}
