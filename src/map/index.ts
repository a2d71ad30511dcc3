/**
 * The hunk mapper: places each hunk of a diff onto the model sources of a base, splices the
 * placed hunks in, and says precisely why a hunk could not be placed. Contract types: ./types.ts.
 *
 * ```ts
 * const { sources } = loadBase('v10');
 * const mapped = await mapDiff(diff, { name: 'v10', sources }, { partial: false });
 * mapped.placements   // one HunkPlacement per hunk, in diff order
 * mapped.replayable   // every code hunk placed (or --partial and at least one)
 * mapped.stoppedBy    // the first unplaced code hunk
 * mapped.sources      // the base's sources with the placed hunks spliced in (null if not replayable)
 * mapped.addsModelledFunctions  // a series mail adding the model's functions: the baseline
 * ```
 * `diff` is a `Diff` from src/patch (or just `{ files }`). `mapDiff` loads the C parser once;
 * after `await initMapper()`, `mapDiffSync` does the same synchronously. Every model file is
 * tokenised and outlined once per distinct text (cached), and the base is compiled once (cached by
 * content), so mapping the many variants of a long thread costs one alignment per hunk and one
 * compile per variant.
 *
 * Per hunk:
 * 1. a file that carries no behaviour (Documentation/, Kconfig, MAINTAINERS, Makefile) →
 *    `no-behaviour`; old and new side equal once comments and whitespace are dropped →
 *    `no-code-change`; added lines that define whole functions the model has → `baseline`;
 * 2. where to look: the `@@` function when the model has it (in the diff's file, else where the
 *    model keeps it), else the diff's file, else every model file (a headerless fragment; or a
 *    file the model does not have, and then only a near-complete match counts);
 * 3. align the old side's tokens with the model's (./align.ts): comments and whitespace are not
 *    tokens; whole hunk lines the model lacks may be skipped; the match must cover 60% of the
 *    context's words and be unique (a second place that fits as well makes it `context-ambiguous`);
 * 4. plan the edit (./plan.ts): removed lines delete the model tokens they matched, added lines go
 *    where those were, or before the statement that follows, or after the one that precedes;
 *    a new function goes between functions; a hunk whose new side the model already has at that
 *    place is `no-code-change`;
 * 5. splice all hunks (offsets in the text before the file's edits; a second section for the same
 *    file sees the first one's result), re-parse (tree-sitter: a new syntax error makes its hunk
 *    `does-not-parse`), compile with the interpreter and compare unresolved calls with the
 *    base's (new ones make their hunk `calls-unknown-function`); a hunk dropped for either reason
 *    is left out and the rest spliced again, until nothing changes.
 */
import { initOutline } from '../model/interp/source-outline.js';
import type { ModelSource } from '../model/source/index.js';
import type { FileDiff, Hunk } from '../patch/types.js';
import type { Diff } from '../thread/types.js';
import { addedModelDefinitions } from './baseline-functions.js';
import { definitionSwaps, swapEdit } from './posting.js';
import { fitHunk } from './fit.js';
import { hunkSides, type HunkSides } from './hunk-sides.js';
import { diffPath, headerFunction, locateHunk, type LocateContext, type Located } from './locate.js';
import { functionAtLine, indexBase, indexFile, type BaseIndex, type FileIndex } from './model-index.js';
import { noBehaviour } from './paths.js';
import { lineOfOffset, planHunk, type Edit, type HunkPlan } from './plan.js';
import { offBranches, type OffBranch } from './config-regions.js';
import { statementAt, statementText } from './describe.js';
import { MODEL_CONFIG } from '../model/source/config.js';
import { placement, unplaced, type HunkState, type Pass } from './placements.js';
import { applyEdits, shiftOffset, type Range } from './splice.js';
import type { HunkPlacement, MapNote, MappedDiff, Placement } from './types.js';
import { compileProblems, parseProblems } from './verify.js';

export type * from './types.js';

export interface MapBase {
  /** Base name ("v5.14", "v10"): only used in messages and cache keys. */
  name: string;
  /** Kernel release whose runtime primitives the sources compile against (BaseSpec.kernel). */
  kernel: string;
  sources: ModelSource[];
}

export interface MapOptions {
  /** Splice the placed hunks even when some code hunk could not be placed (`--partial`). */
  partial?: boolean;
  /** Compile the spliced sources to find calls the model does not have (default true). */
  compile?: boolean;
}

/** Load the C parser (once per process). */
export async function initMapper(): Promise<void> {
  await initOutline();
}

export async function mapDiff(diff: Diff | { files: FileDiff[] }, base: MapBase, opts: MapOptions = {}): Promise<MappedDiff> {
  await initMapper();
  return mapDiffSync(diff, base, opts);
}

export function mapDiffSync(diff: Diff | { files: FileDiff[] }, base: MapBase, opts: MapOptions = {}): MappedDiff {
  const files = diff.files;
  const idx = indexBase(base.name, base.kernel, base.sources);
  const adds = addedModelDefinitions(files, idx);
  const hunks: HunkState[] = [];
  files.forEach((fd, fi) =>
    fd.hunks.forEach((hunk, hi) => hunks.push({ key: `${fi}:${hi}`, fi, hi, fd, hunk, sides: hunkSides(hunk), path: diffPath(fd) ?? '(no file name)' })),
  );
  const forced = new Map<string, HunkPlacement>();
  const compile = opts.compile !== false;
  let pass: Pass;
  for (let round = 0; ; round++) {
    pass = splicePass(hunks, idx, adds.hunks, forced);
    if (round > hunks.length) break;
    const problems = parseProblems(hunks, pass, idx);
    if (!problems.size && compile) for (const [k, v] of compileProblems(hunks, pass, idx, base)) problems.set(k, v);
    if (!problems.size) break;
    for (const [k, v] of problems) forced.set(k, v);
  }
  const placements = pass.placements;
  const stoppedBy = placements.find((p) => p.kind === 'unplaced') ?? null;
  const anyCode = placements.some((p) => p.kind === 'code');
  const partial = !!stoppedBy && !!opts.partial && anyCode;
  const replayable = !stoppedBy || partial;
  return {
    placements,
    replayable,
    partial,
    stoppedBy,
    sources: replayable ? base.sources.map((s) => ({ path: s.path, text: pass.texts.get(s.path) ?? s.text })) : null,
    addsModelledFunctions: adds.functions,
  };
}

/** Locate, plan and splice every hunk not forced out; file sections apply in diff order. */
function splicePass(hunks: HunkState[], idx: BaseIndex, baselineHunks: Set<string>, forced: Map<string, HunkPlacement>): Pass {
  const texts = new Map(idx.sources.map((s) => [s.path, s.text]));
  const ranges = new Map<string, { path: string; range: Range }>();
  const cx: LocateContext = {
    base: idx,
    fileOf: (p) => {
      const t = texts.get(p);
      return t === undefined ? undefined : t === idx.textOf(p) ? idx.file(p) : indexFile(p, t);
    },
    modelPaths: idx.sources.map((s) => s.path),
  };
  const placements: HunkPlacement[] = [];
  const bySection = new Map<number, HunkState[]>();
  for (const h of hunks) bySection.set(h.fi, [...(bySection.get(h.fi) ?? []), h]);
  for (const [, section] of [...bySection].sort((a, b) => a[0] - b[0])) {
    const planned: Planned[] = [];
    for (const h of section) {
      const p = placeOne(h, cx, baselineHunks, forced, planned);
      placements.push(p);
    }
    // splice this section's hunks, file by file (a section names one file, but a hunk may have
    // been found in another model file)
    const byFile = new Map<string, typeof planned>();
    for (const p of planned) byFile.set(p.file.path, [...(byFile.get(p.file.path) ?? []), p]);
    for (const [path, list] of byFile) {
      const before = texts.get(path)!;
      let r = applyEdits(before, list.map((p) => ({ key: p.h.key, edits: p.plan.edits })));
      if (r.overlaps.length) {
        const out = new Set(r.overlaps.map(([k]) => k));
        for (const [k, other] of r.overlaps) {
          const h = list.find((p) => p.h.key === k)!.h;
          const o = list.find((p) => p.h.key === other)!.h;
          const i = placements.findIndex((p) => p.fileIndex === h.fi && p.hunkIndex === h.hi);
          placements[i] = unplaced(h, 'context-not-found', { kind: 'overlaps', hunk: o.hi + 1, file: o.path }, placements[i]!.function);
        }
        r = applyEdits(before, list.filter((p) => !out.has(p.h.key)).map((p) => ({ key: p.h.key, edits: p.plan.edits })));
      }
      const allEdits: Edit[] = list.filter((p) => r.ranges.has(p.h.key)).flatMap((p) => p.plan.edits);
      for (const v of ranges.values()) if (v.path === path) v.range = { start: shiftOffset(v.range.start, allEdits), end: shiftOffset(v.range.end, allEdits) };
      for (const [k, range] of r.ranges) ranges.set(k, { path, range });
      texts.set(path, r.text);
    }
  }
  return { placements, texts, ranges };
}

/** A hunk whose edit is planned, to be spliced with the others of its file. */
interface Planned {
  h: HunkState;
  plan: HunkPlan;
  file: FileIndex;
}

function placeOne(h: HunkState, cx: LocateContext, baselineHunks: Set<string>, forced: Map<string, HunkPlacement>, planned: Planned[]): HunkPlacement {
  const nb = noBehaviour(diffPath(h.fd));
  if (nb) return placement(h, { kind: 'no-behaviour', placement: { kind: 'no-behaviour', path: h.path, why: nb }, function: null });
  const f = forced.get(h.key);
  if (f) return f;
  if (baselineHunks.has(h.key)) return placeDefinitions(h, cx, planned);
  // A posting of the modelled series: what it re-posts as the base has it, or outside the model
  // (the base leaves that part of the series out too), is no change.
  if (baselineHunks.size) {
    const same = postedAsModel(h, cx);
    if (same) return same;
    const p = placeCode(h, cx, planned);
    if (p.kind === 'unplaced' && OUTSIDE.has(p.unplaced!)) {
      return placement(h, { kind: 'outside-model', placement: { kind: 'outside-model', why: p.reason! }, function: p.function });
    }
    return p;
  }
  return placeCode(h, cx, planned);
}

const OUTSIDE = new Set(['file-not-modelled', 'function-not-modelled', 'function-is-runtime-primitive']);

/**
 * A hunk whose added lines define functions the model has: the posting's definitions take the
 * place of the model's where they differ; where all are the model's, the hunk is the base's own
 * code (`baseline`).
 */
function placeDefinitions(h: HunkState, cx: LocateContext, planned: Planned[]): HunkPlacement {
  const swaps = definitionSwaps(h.hunk, cx.base, cx.fileOf);
  const tokens = swaps.reduce((n, s) => n + s.tokens, 0);
  const matched = swaps.reduce((n, s) => n + s.matched, 0);
  const modelTokens = (s: (typeof swaps)[number]) => s.fn.tokEnd - s.fn.tokFirst;
  const differ = swaps.filter((s) => s.matched !== s.tokens || modelTokens(s) !== s.tokens);
  if (!differ.length) {
    return placement(h, {
      kind: 'baseline',
      placement: { kind: 'baseline', functions: swaps.map((s) => s.name) },
      function: swaps[0]?.name ?? headerFunction(h.hunk),
      match: { tokens, matched },
    });
  }
  const file = differ[0]!.file;
  const here = differ.filter((s) => s.file.path === file.path);
  const edits = here.map(swapEdit).sort((a, b) => a.start - b.start);
  const first = here[0]!;
  const plan: HunkPlan = {
    edits,
    modelLines: { start: first.fn.startLine, end: here.at(-1)!.fn.endLine },
    change: { kind: 'replace-definitions', functions: here.map((s) => s.name) },
    line: first.fn.startLine,
    function: first.name,
    inFunction: null,
    notes: [],
  };
  planned.push({ h, plan, file });
  const notes: MapNote[] = here.map((s) => ({ kind: 'definition-differs', function: s.name, matched: s.matched, tokens: s.tokens, modelTokens: modelTokens(s) }));
  const elsewhere = differ.filter((s) => s.file.path !== file.path);
  if (elsewhere.length) notes.push({ kind: 'not-replaced', functions: elsewhere.map((s) => s.name) });
  const where: Placement = { kind: 'spliced', at: { file: file.path, line: first.fn.startLine }, change: plan.change, inFunction: null };
  return placement(h, { kind: 'code', placement: where, function: first.name, modelLines: plan.modelLines, match: { tokens, matched }, notes });
}

/**
 * The lines the hunk adds are the model's code token for token where its new side stands (the
 * context may be the model's own rendering): re-posted as the base has it.
 */
function postedAsModel(h: HunkState, cx: LocateContext): HunkPlacement | null {
  if (!h.sides.codeChange) return null;
  const reversed: Hunk = { ...h.hunk, lines: h.hunk.lines.map((l) => ({ ...l, op: l.op === '+' ? '-' : l.op === '-' ? '+' : ' ' })) };
  const rs = hunkSides(reversed);
  let loc = locateHunk(cx, h.fd, reversed, rs);
  let sides = rs;
  // in the reversed hunk the added lines are the removed ones
  if (!addedMatch(loc, rs).all) {
    // The context may be a tree the model does not render (lines the base leaves out around
    // the posted code): then the added lines alone, as the model has them.
    const only: Hunk = { ...h.hunk, lines: h.hunk.lines.filter((l) => l.op === '+').map((l) => ({ ...l, op: '-' as const })) };
    sides = hunkSides(only);
    loc = locateHunk(cx, h.fd, only, sides);
  }
  const m = addedMatch(loc, sides);
  if (!loc.ok || !m.near) return null;
  const fn = functionAtLine(loc.fit.file, loc.fit.file.toks[loc.fit.alignment.firstModel]!.line)?.name ?? headerFunction(h.hunk);
  // A few names the posting's tree spells otherwise (`src_vma` for `vma`): the same code on
  // another tree's API, said in a note.
  const notes: MapNote[] = m.all ? [] : [{ kind: 'posted-names', tokens: m.unmatched }];
  // Not `alreadyApplied`: a posting's code being the base's is what makes the base its own.
  return placement(h, { kind: 'no-code-change', placement: { kind: 'as-posted', file: loc.fit.file.path }, function: fn, match: matchOf(loc.fit), notes });
}

/**
 * How the lines a reversed hunk removes (the posting's added lines) match the model: all of
 * them token for token, or near (each line but one of its tokens, only identifiers differing, at
 * most one token in ten overall).
 */
function addedMatch(loc: Located, s: HunkSides): { all: boolean; near: boolean; unmatched: string[] } {
  if (!loc.ok) return { all: false, near: false, unmatched: [] };
  const unmatched: string[] = [];
  let tokens = 0;
  let near = true;
  s.oldLines.forEach((x, k) => {
    if (x.op !== '-') return;
    const f = loc.fit.lines[k]!;
    tokens += f.tokens;
    const missing = f.tokens - f.matchedTokens;
    if (missing > 1) near = false;
    for (let i = x.first; i < x.end; i++) {
      if (loc.fit.alignment.match[i]! >= 0) continue;
      const t = s.oldToks[i]!;
      if (t.kind !== 'word') near = false;
      unmatched.push(t.t);
    }
  });
  return { all: unmatched.length === 0, near: near && unmatched.length * 10 <= tokens, unmatched };
}

function placeCode(h: HunkState, cx: LocateContext, planned: Planned[]): HunkPlacement {
  if (!h.sides.codeChange) {
    const loc = locateHunk(cx, h.fd, h.hunk, h.sides);
    if (loc.ok) {
      const plan = planHunk(h.sides, loc.fit);
      if (!('problem' in plan)) {
        const fn = plan.function;
        return placement(h, {
          kind: 'no-code-change',
          placement: { kind: 'comments-only', at: { file: loc.fit.file.path, line: plan.line }, inFunction: plan.inFunction },
          function: fn,
          modelLines: plan.modelLines,
          match: matchOf(loc.fit),
        });
      }
    }
    return placement(h, { kind: 'no-code-change', placement: { kind: 'comments-only', at: null, inFunction: null }, function: headerFunction(h.hunk) });
  }
  const loc = locateHunk(cx, h.fd, h.hunk, h.sides);
  if (!loc.ok) return unplaced(h, loc.reason, loc.why, loc.function);
  const plan = planHunk(h.sides, loc.fit);
  if ('problem' in plan) {
    const fn = functionAtLine(loc.fit.file, loc.fit.file.toks[loc.fit.alignment.firstModel]!.line)?.name ?? null;
    return unplaced(h, 'context-not-found', { ...plan.problem, file: loc.fit.file.path, function: fn }, fn ?? h.hunk.function ?? null);
  }
  const fn = plan.function;
  const at = { file: loc.fit.file.path, line: plan.line };
  if (alreadyApplied(h, loc.fit)) {
    return placement(h, {
      kind: 'no-code-change',
      placement: { kind: 'already-applied', at, change: plan.change, inFunction: plan.inFunction },
      function: fn,
      modelLines: plan.modelLines,
      match: matchOf(loc.fit),
      alreadyApplied: true,
      notes: [...loc.notes, { kind: 'already-applied' }],
    });
  }
  const file = loc.fit.file;
  const off = compiledOut(file, plan.edits);
  if (off) {
    return placement(h, {
      kind: 'no-behaviour',
      placement: { kind: 'compiled-out', at, change: plan.change, inFunction: plan.inFunction, off },
      function: fn ?? declaredName(file, plan),
      modelLines: plan.modelLines,
      match: matchOf(loc.fit),
    });
  }
  planned.push({ h, plan, file });
  const where: Placement = { kind: 'spliced', at, change: plan.change, inFunction: plan.inFunction };
  const p = placement(h, { kind: 'code', placement: where, function: fn ?? declaredName(file, plan), modelLines: plan.modelLines, match: matchOf(loc.fit), notes: [...loc.notes, ...plan.notes] });
  if (!diffPath(h.fd)) p.file = loc.fit.file.path; // a bare `@@` fragment: the file it was found in
  return p;
}

/** The branch the model's config compiles out that holds every line the edits touch, if one does. */
function compiledOut(file: FileIndex, edits: Edit[]): OffBranch | null {
  if (!edits.length || !/^\s*#\s*(if|else)/m.test(file.text)) return null;
  const off = offBranches(file.text, MODEL_CONFIG);
  let first: OffBranch | null = null;
  for (const e of edits) {
    const a = lineOfOffset(file, e.start);
    const b = lineOfOffset(file, Math.max(e.start, e.end - 1));
    for (let l = a; l <= b; l++) {
      if (!off[l]) return null;
      first ??= off[l]!;
    }
  }
  return first;
}

const NOT_NAMES = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'do', 'defined', '__attribute__']);

/** At file level (a header's prototype): the name the changed declaration declares. */
function declaredName(file: FileIndex, plan: HunkPlan): string | null {
  if (!plan.line) return null;
  const t = file.lineToks[plan.line - 1];
  if (!t || t.first === t.end) return null;
  const s = statementAt(file, t.first);
  // the changed line first (a statement may run on from a macro above it), then its statement
  const lineText = file.text.slice(file.lineStarts[plan.line - 1]!, file.lineStarts[plan.line] ?? file.text.length);
  for (const text of [lineText, s ? statementText(file, s) : '']) {
    for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) if (!NOT_NAMES.has(m[1]!)) return m[1]!;
  }
  return null;
}

function matchOf(fit: ReturnType<typeof fitHunk>): { tokens: number; matched: number } {
  let tokens = 0;
  let matched = 0;
  for (const l of fit.lines) {
    tokens += l.tokens;
    matched += l.matchedTokens;
  }
  return { tokens, matched };
}

/** The hunk's new side fits the same region completely, and at least as well as its old side. */
function alreadyApplied(h: HunkState, oldFit: ReturnType<typeof fitHunk>): boolean {
  const reversed: Hunk = { ...h.hunk, lines: h.hunk.lines.map((l) => ({ ...l, op: l.op === '+' ? '-' : l.op === '-' ? '+' : ' ' })) };
  const rs = hunkSides(reversed);
  // every token must match its own model token: a new side longer than the region cannot (and
  // aligning it would cost new-side tokens x region tokens for nothing)
  if (!rs.oldToks.length || rs.oldToks.length > oldFit.region.to - oldFit.region.from) return false;
  const nf = fitHunk(rs, oldFit.file, oldFit.region.from, oldFit.region.to);
  const all = nf.alignment.match.every((m) => m >= 0);
  return all && nf.alignment.score >= oldFit.alignment.score;
}

