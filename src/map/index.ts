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
import { fitHunk } from './fit.js';
import { hunkSides } from './hunk-sides.js';
import { diffPath, headerFunction, locateHunk, type LocateContext } from './locate.js';
import { functionAtLine, indexBase, indexFile, type BaseIndex, type FileIndex } from './model-index.js';
import { noBehaviour } from './paths.js';
import { planHunk, type Edit, type HunkPlan } from './plan.js';
import { placement, unplaced, type HunkState, type Pass } from './placements.js';
import { applyEdits, shiftOffset, type Range } from './splice.js';
import type { HunkPlacement, MappedDiff } from './types.js';
import { addCompileNotes, compileProblems, parseProblems } from './verify.js';

export type * from './types.js';

export interface MapBase {
  /** Base name ("v5.14", "v10"): only used in messages and cache keys. */
  name: string;
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
  const idx = indexBase(base.name, base.sources);
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
  if (compile) addCompileNotes(hunks, pass, idx, base);
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
      return t === undefined ? undefined : t === idx.files.get(p)?.text ? idx.files.get(p) : indexFile(p, t);
    },
    modelPaths: idx.sources.map((s) => s.path),
  };
  const placements: HunkPlacement[] = [];
  const bySection = new Map<number, HunkState[]>();
  for (const h of hunks) bySection.set(h.fi, [...(bySection.get(h.fi) ?? []), h]);
  for (const [, section] of [...bySection].sort((a, b) => a[0] - b[0])) {
    const planned: { h: HunkState; plan: HunkPlan; file: FileIndex; notes: string[] }[] = [];
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
          placements[i] = unplaced(h, 'context-not-found', `its change lands on the same model text as hunk ${o.hi + 1} of ${o.path}`, placements[i]!.function);
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

function placeOne(
  h: HunkState,
  cx: LocateContext,
  baselineHunks: Set<string>,
  forced: Map<string, HunkPlacement>,
  planned: { h: HunkState; plan: HunkPlan; file: FileIndex; notes: string[] }[],
): HunkPlacement {
  const nb = noBehaviour(diffPath(h.fd));
  if (nb) return placement(h, { kind: 'no-behaviour', placement: `${h.path}: ${nb}, no behaviour to replay`, function: null });
  if (baselineHunks.has(h.key)) {
    return placement(h, {
      kind: 'baseline',
      placement: `adds functions the model already has: the thread's baseline, not spliced`,
      function: headerFunction(h.hunk),
    });
  }
  const f = forced.get(h.key);
  if (f) return f;
  if (!h.sides.codeChange) {
    const loc = locateHunk(cx, h.fd, h.hunk, h.sides);
    if (loc.ok) {
      const plan = planHunk(h.sides, loc.fit);
      if (!('problem' in plan)) {
        const fn = plan.function;
        return placement(h, {
          kind: 'no-code-change',
          placement: `${loc.fit.file.path}:${plan.line}${plan.inFunction ? ` in ${plan.inFunction}` : ''}: comments or whitespace only`,
          function: fn,
          modelLines: plan.modelLines,
        });
      }
    }
    return placement(h, { kind: 'no-code-change', placement: 'comments or whitespace only (not located in the model)', function: headerFunction(h.hunk) });
  }
  const loc = locateHunk(cx, h.fd, h.hunk, h.sides);
  if (!loc.ok) return unplaced(h, loc.reason, loc.text, loc.function);
  const plan = planHunk(h.sides, loc.fit);
  if ('problem' in plan) {
    const fn = functionAtLine(loc.fit.file, loc.fit.file.toks[loc.fit.alignment.firstModel]!.line)?.name ?? null;
    return unplaced(h, 'context-not-found', `${plan.problem} (${loc.fit.file.path}${fn ? `, ${fn}` : ''})`, fn ?? h.hunk.function ?? null);
  }
  const fn = plan.function;
  const where = `${loc.fit.file.path}:${plan.line}, ${plan.where}${plan.inFunction ? ` in ${plan.inFunction}` : ''}`;
  if (alreadyApplied(h, loc.fit)) {
    return placement(h, {
      kind: 'no-code-change',
      placement: `${where}: the model already has this change`,
      function: fn,
      modelLines: plan.modelLines,
      notes: [...loc.notes, 'the new side of the hunk is already in the model here: nothing to splice'],
    });
  }
  planned.push({ h, plan, file: loc.fit.file, notes: loc.notes });
  const p = placement(h, { kind: 'code', placement: where, function: fn, modelLines: plan.modelLines, notes: [...loc.notes, ...plan.notes] });
  if (!diffPath(h.fd)) p.file = loc.fit.file.path; // a bare `@@` fragment: the file it was found in
  return p;
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

