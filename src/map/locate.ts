// Where in the model a hunk's old side is: which file and function to search (the `@@` function
// when the model has it, else the diff's file, else every model file), the best alignment there,
// whether it is unique, and, when nothing fits, the closest model statement to show a reviewer.
import type { FileDiff, Hunk } from '../patch/types.js';
import type { MapNote, ModelLine, SearchRegion, UnplacedReason, WhyUnplaced } from './types.js';
import { lcsLength } from './align.js';
import { summarise, statementLine, statementText } from './describe.js';
import { fitHunk, MIN_COVERAGE, type Fit } from './fit.js';
import { changeBlocks, type HunkSides } from './hunk-sides.js';
import { canHold, hunkSize, hunkWords, matchableWords, MAX_OLD_PER_MODEL_TOKEN, regionSize, type HunkSize, type RegionSize } from './hunk-size.js';
import type { BaseIndex, FileIndex, IndexedFunction } from './model-index.js';
import type { TokStatement } from './statements.js';

interface Region {
  file: FileIndex;
  from: number;
  to: number;
  /** A function's region (with the code after it) or a whole file's. */
  what: SearchRegion;
  /** For a function's region: where that function ends (the rest is the code after it). */
  homeEnd?: number;
}

export type Located =
  | { ok: true; fit: Fit; notes: MapNote[] }
  | { ok: false; reason: UnplacedReason; why: WhyUnplaced; function: string | null; tooLarge?: boolean };

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
        whole.notes.push({ kind: 'outside-named-function', function: fnName, file: whole.fit.file.path });
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
        r.notes.push({ kind: 'function-elsewhere', path, function: fnName, modelFiles: defs.map((d) => d.path) });
        return r;
      }
      if (!file) {
        const why: WhyUnplaced = { kind: 'function-elsewhere', path, function: fnName, modelFiles: defs.map((d) => d.path) };
        return { ok: false, reason: path ? 'file-not-modelled' : 'no-file-named', why, function: fnName };
      }
      return r;
    }
    if (!file) {
      if (!path) return { ok: false, reason: 'no-file-named', why: { kind: 'unknown-function', function: fnName }, function: fnName };
      return { ok: false, reason: 'file-not-modelled', why: notModelledFile(path, cx), function: fnName };
    }
    // not model C: unless the hunk runs into a function the model has, it cannot be placed
    const reached = reachedFunction(sides, file);
    if (reached) {
      const r = search(sides, [fnRegion(file, reached)], false);
      if (r.ok) {
        r.notes.push({ kind: 'runs-into', function: fnName, into: reached.name });
        return r;
      }
    }
    if (cx.base.builtins.has(fnName)) {
      return { ok: false, reason: 'function-is-runtime-primitive', why: { kind: 'runtime-primitive', function: fnName }, function: fnName };
    }
    const has = file.functions.map((f) => f.name);
    return { ok: false, reason: 'function-not-modelled', why: { kind: 'function-not-modelled', function: fnName, file: file.path, has }, function: fnName };
  }

  if (file) {
    const r = search(sides, [wholeFile(file)], false);
    return r;
  }
  // no model file by that name: the context may still be model code (a headerless fragment, a
  // file the model keeps under another path); ask for a near-complete match. A named file's hunk
  // found nowhere is only "not a model file", so the files whose words cannot give one are not
  // aligned (most hunks of a list archive are to files the model does not have).
  const mayPass = path ? strictBound(sides) : () => true;
  const regions = cx.modelPaths.map((p) => wholeFile(cx.fileOf(p)!)).filter((r) => mayPass(r.file));
  // Placed only where the context is unmistakably the model's code: a near-complete match, named
  // file or not (a short fragment resembling model code is not model code).
  const r = search(sides, regions, true);
  if (r.ok) {
    if (path) r.notes.push({ kind: 'file-elsewhere', path, file: r.fit.file.path });
    return r;
  }
  if (path) return { ok: false, reason: 'file-not-modelled', why: notModelledFile(path, cx), function: null };
  return r;
}

/**
 * Whether a strict search of a file can pass: at most as many hunk words can match as the file
 * has of each (hunk-size.ts), and every line's words but declarations' count in the coverage. A
 * bound, so a file it rules out fails the alignment too.
 */
function strictBound(sides: HunkSides): (file: FileIndex) => boolean {
  const words = hunkWords(sides);
  const counted = hunkSize(sides).countedWords;
  return (file) => {
    const bound = matchableWords(words, file);
    return bound >= STRICT_WORDS && (counted === 0 || bound / counted >= STRICT_COVERAGE);
  };
}

function notModelledFile(path: string, cx: LocateContext): WhyUnplaced {
  return { kind: 'file-not-modelled', path, modelFiles: [...new Set(cx.modelPaths.filter((p) => p.endsWith('.c')))] };
}

function fnRegion(file: FileIndex, fn: IndexedFunction): Region {
  // the hunk starts in fn (git names the function above the first line) and may run past its end
  const next = file.functions.find((g) => g.startLine > fn.endLine);
  return { file, from: fn.tokFirst, to: next ? next.tokEnd : file.toks.length, what: { file: file.path, function: fn.name }, homeEnd: fn.tokEnd };
}

function wholeFile(file: FileIndex): Region {
  return { file, from: 0, to: file.toks.length, what: { file: file.path, function: null } };
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
  const where = (f: Fit): ModelLine => ({ file: f.file.path, line: f.file.toks[f.alignment.firstModel]!.line });
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
  const why: WhyUnplaced = {
    kind: 'too-large',
    hunk: { lines: h.lines, tokens: h.tokens },
    largest: { ...top.region.what, lines: top.size.lines, tokens: top.size.tokens },
    regions: sized.length,
    minCoverage: MIN_COVERAGE,
    maxPerModelToken: MAX_OLD_PER_MODEL_TOKEN,
  };
  return { ok: false, reason: 'context-not-found', why, function: null, tooLarge: true };
}

function passes(fit: Fit, strict: boolean): boolean {
  if (!fit.accepted) return false;
  return !strict || (fit.coverage >= STRICT_COVERAGE && fit.matchedWords >= STRICT_WORDS);
}

function ambiguous(a: Fit, b: Fit, where: (f: Fit) => ModelLine): Located {
  const why: WhyUnplaced = { kind: 'ambiguous', places: [where(a), where(b)], words: { matched: a.matchedWords, total: a.totalWords } };
  return { ok: false, reason: 'context-ambiguous', why, function: null };
}

/** context-not-found, with the model statement closest to the hunk's statement next to its first change. */
function notFound(sides: HunkSides, fits: { fit: Fit; region: Region }[], strict: boolean): Located {
  const bestFit = fits.reduce<{ fit: Fit; region: Region } | null>((a, b) => (!a || b.fit.coverage > a.fit.coverage ? b : a), null);
  const stmt = anchorStatement(sides);
  let statement: string | null = null;
  let closest: Extract<WhyUnplaced, { kind: 'not-found' }>['closest'] = null;
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
    statement = summarise(sides.oldLines.filter((l) => l.first < stmt.end && l.end > stmt.first).map((l) => l.text).join(' '));
    if (top) closest = { file: top.file.path, line: statementLine(top.file, top.s), statement: summarise(statementText(top.file, top.s)), matched: top.k, tokens: want.length };
  }
  const why: WhyUnplaced = {
    kind: 'not-found',
    region: fits.length === 1 ? fits[0]!.region.what : null,
    regions: fits.length,
    words: bestFit ? { matched: bestFit.fit.matchedWords, total: bestFit.fit.totalWords } : null,
    strict,
    statement,
    closest,
  };
  return { ok: false, reason: 'context-not-found', why, function: null };
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
