// A review, start to end: read the inputs as one thread, collect the variants (one per distinct
// diff), choose each one's base, place its hunks on the model (src/map), replay every scenario on
// what each variant is compared with and on the variant, compare the outcomes. A patch of a series
// is compared with the series before it, a series as a whole and a newer revision of it are
// variants of their own. The result is the Review every renderer reads.
import type { MappedDiff } from '../map/types.js';
import type { Scenario } from '../model/scenario/types.js';
import type { ModelSource } from '../model/source/index.js';
import type { Diff } from '../thread/types.js';
import type { ThreadParse } from '../thread/types.js';
import { Chains, ownDiff, type ChainPoint } from './chains.js';
import { changedFunctions } from './changed-functions.js';
import { chooseBase, threadBaseFacts, UnknownBase, type BaseChoice } from './choose-base.js';
import { actorMap, type SequencePair } from './interactions.js';
import { defaultMapper, type MapDiffFn } from './map-seam.js';
import { InProcessRunner, runPasses, type CompileUnit, type Runner } from './run-all.js';
import { indexSeries, seriesPatchOf, type SeriesInfo } from './series.js';
import { brief } from './thread-brief.js';
import type { BaselinePatch, BaseUse, ExploreRequest, ExploreSummary, Review, VariantReview, VariantSeries } from './types.js';
import { noteFor, variantOf } from './variant-review.js';
import { eachVariant, type VariantCandidate } from './variants.js';
import { VariantStore } from './variant-store.js';

export interface ReviewRequest {
  /** Input paths, as `lkml-replay review` takes them. Ignored when `parse` is given. */
  inputs: string[];
  /** An already parsed thread (the Action parses its own files). */
  parse?: ThreadParse;
  base?: string;
  scenarios: Scenario[];
  /** Replay variants whose placed hunks are only part of them. */
  partial?: boolean;
  mapper?: MapDiffFn;
  /** Runs everything in this thread through this runner (tests count compiles and runs with it). */
  runner?: Runner;
  /** Threads for the runs: this one plus jobs - 1 workers (1: this thread only); default: see runAll(). */
  jobs?: number;
  /** From this many variants on, those not replayed wait in a temporary file (variant-store.ts). */
  spillVariantsFrom?: number;
  /** Replay only this share of the replayable variants (1-based index of count); `merge` joins the shares. */
  shard?: { index: number; count: number };
  /** Explore failures and interleavings after the plain runs (`--explore`, `--fault`, `--schedule`). */
  explore?: ExploreRequest;
  /** Told how many variants will be replayed, once they are all mapped and before any runs. */
  beforeRuns?: (replayed: number) => void;
}

/** The share a variant's replay belongs to: V1 to shard 1, V2 to shard 2 ... round robin. */
export function shardOf(label: string, count: number): number {
  return ((Number(label.slice(1)) - 1) % count) + 1;
}

/** Ties between equally changed runs go to the earliest base, the bare base, scenario, variant. */
function bestKey(baseIndex: number, bare: boolean, scenarioIndex: number, label: string): number[] {
  return [baseIndex, bare ? 0 : 1, scenarioIndex, Number(label.slice(1))];
}

export function keyBefore(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * How `review` reads its inputs: with the hunk lines the mapper needs (a big input spills, and
 * its messages are made again when read: ParseOptions.store). Everything below reads
 * `parse.messages` in passes, holding one message at a time.
 */
export const REVIEW_PARSE = { hunkLines: true } as const;

/** What a replayed variant is compared with: the bare base, or a chain of a series on it. */
interface Compared {
  unit: CompileUnit;
  base: string;
}

export async function review(req: ReviewRequest): Promise<Review> {
  const parse = req.parse ?? (await (await import('../thread/parse-thread.js')).parseThread(req.inputs, REVIEW_PARSE));
  const [{ loadBase, baseInfo, modelFiles, BASE_SPECS }, { mapDiffSync, initMapper }, { sourcesDigest }] = await Promise.all([
    import('../model/source/index.js'),
    import('../map/index.js'),
    import('../map/compile-check.js'),
  ]);
  if (req.base !== undefined && !BASE_SPECS.some((b) => b.name === req.base)) throw new UnknownBase(req.base, BASE_SPECS.map((b) => b.name));
  const facts = threadBaseFacts(parse.messages);
  const seriesIdx = indexSeries(parse.messages, facts);
  const mapper = req.mapper ?? (await defaultMapper());
  // Compiles for the compile errors, and runs this thread's share of the scenarios.
  const runner = req.runner ?? new InProcessRunner();
  await initMapper();

  // One sources array per base for the whole review: the mapper indexes a base once per array.
  const sourcesOf = new Map<string, ModelSource[]>();
  const baseSources = (name: string): ModelSource[] => {
    let s = sourcesOf.get(name);
    if (!s) sourcesOf.set(name, (s = loadBase(name).sources));
    return s;
  };
  const baseUnit = (name: string): CompileUnit => ({ key: `base:${name}`, base: name, sources: null, label: '' });
  const modelled = new Set(modelFiles());
  const choose = (m: VariantCandidate['message'], diff: Diff): BaseChoice => {
    // A diff of files no base has (every hunk named, none of them a model file) places nowhere:
    // no base is worth mapping it on to find out (each would be indexed whole).
    const outside = diff.files.every((f) => (f.old ?? f.new) !== null && !modelled.has(f.old ?? '') && !modelled.has(f.new ?? ''));
    return chooseBase(m, facts, req.base, (name) =>
      outside ? null : mapDiffSync(diff, { name, kernel: baseInfo(name).spec.kernel, sources: baseSources(name) }, { partial: true, compile: false }).placements,
    );
  };
  const chains = new Chains({
    index: seriesIdx,
    messageAt: (i) => parse.messages[i]!,
    chooseFor: choose,
    baseSources,
    mapPartial: (diff, base, sources) => mapSafely(mapper, diff, base, sources, true),
  });
  /** A chain point as what a variant is compared with (the bare base when nothing is under it). */
  const comparedWith = (base: string, at: ChainPoint, id: string): Compared =>
    at.onTopOf.length ? { base, unit: { key: `chain:${id}`, base, sources: at.sources, label: '' } } : { base, unit: baseUnit(base) };

  const baselinePatches: BaselinePatch[] = [];
  const variants = new VariantStore(req.spillVariantsFrom);
  const replays = new Map<string, { unit: CompileUnit; against: Compared }>();
  const baseErrors = new Map<string, Set<string>>();
  const next = () => `V${variants.length + 1}`;

  /** Files a mapped variant, replayed or not; returns it when replayed. */
  const add = async (v: VariantReview, mapped: MappedDiff | null, against: Compared): Promise<void> => {
    variants.add(v);
    if (!v.replayed || !mapped) return;
    const under = against.unit.sources ?? baseSources(against.base);
    const unit: CompileUnit = { key: v.id, base: against.base, sources: mapped.sources, label: v.label, changed: mapped.sources ? changedFunctions(under, mapped.sources) : null, ...(v.partial ? { partial: true } : {}) };
    replays.set(v.id, { unit, against });
    let known = baseErrors.get(against.base);
    if (!known) baseErrors.set(against.base, (known = new Set((await runner.errors(baseUnit(against.base))).map(diagKey))));
    // Right after mapping: the mapper has just compiled these sources to check them, and the
    // runner gets that program from the model's cache instead of compiling them again.
    v.compileErrors = (await runner.errors(unit)).filter((d) => !known.has(diagKey(d))).map((d) => ({ file: d.file, line: d.line, message: d.message }));
  };

  for (const c of eachVariant(parse)) {
    // A series patch (or a reply to one) is replayed on its series' chain.
    const sp = seriesPatchOf(c.message, seriesIdx, facts);
    const role: VariantSeries['role'] | null = sp ? (!sp.reply && ownDiff(c.message)?.id === c.diff.id ? 'patch' : 'reply') : null;
    let choice: BaseChoice;
    let at: ChainPoint | null = null;
    if (sp && role) {
      choice = chains.baseOf(sp.member.series);
      at = await chains.before(sp.member.series, sp.member.index);
    } else {
      choice = choose(c.message, c.diff);
    }
    const sources = at?.sources ?? baseSources(choice.base);
    const mapped = await mapSafely(mapper, c.diff, choice.base, sources, !!req.partial);
    if ('error' in mapped) {
      variants.add(variantOf(c, next(), choice, null, { kind: 'mapper-failed', error: mapped.error }));
      continue;
    }
    // A posting of the modelled series is the base's own code only when it is that code: every
    // definition as the model has it, the rest already there or outside the model.
    if (!at?.onTopOf.length && mapped.addsModelledFunctions.length && mapped.placements.every((p) => p.kind !== 'code' && p.kind !== 'unplaced')) {
      baselinePatches.push({ messageId: c.message.id, author: c.diff.author ?? c.message.from, subject: c.message.subject, adds: [...mapped.addsModelledFunctions] });
      continue;
    }
    const v = variantOf(c, next(), choice, mapped, noteFor(mapped));
    let against: Compared = { base: choice.base, unit: baseUnit(choice.base) };
    if (sp && role && at?.inBase) {
      // compared with the bare base, as any variant of it
      v.series = seriesFacts(seriesIdx.series.get(sp.member.series)!, sp.member.index, role, at, null);
    } else if (sp && role && at) {
      const info = seriesIdx.series.get(sp.member.series)!;
      against = comparedWith(choice.base, at, `${info.key}#<${sp.member.index}`);
      v.series = seriesFacts(info, sp.member.index, role, at, null);
      // a chain with patches not wholly placed is only part of what the patch was written on
      if (v.replayed && at.incomplete.length) v.partial = true;
      // the comparison that is also the revision's: the previous revision's 1..k are what 1..k-1 are here
      const prev = info.previous ? seriesIdx.series.get(info.previous)! : null;
      if (role === 'patch' && prev?.members.some((m) => m.index === sp.member.index)) {
        const old = await chains.after(prev.key, sp.member.index);
        if (sourcesDigest(old.sources) === sourcesDigest(at.sources)) v.series.previousVersion = prev.version;
      }
    }
    await add(v, mapped, against);
  }

  // Each series as a whole, and each revision's patches against the previous revision's.
  for (const info of seriesIdx.series.values()) {
    const choice = chains.baseOf(info.key);
    if (chains.isBasePosting(info.key)) continue; // the base is this posting: as a whole it is the baseline
    const last = info.members.at(-1)!;
    const first = parse.messages[info.members[0]!.messageIndex]!;
    const whole = await chains.after(info.key, last.index);
    if (info.members.length >= 2) {
      const v = seriesVariant(first, next(), choice, `series:${info.key}`, seriesFacts(info, null, 'whole', whole, null), whole, info);
      await add(v, { sources: whole.sources } as MappedDiff, { base: choice.base, unit: baseUnit(choice.base) });
    }
    const prev = info.previous ? seriesIdx.series.get(info.previous)! : null;
    if (!prev) continue;
    for (const m of info.members) {
      if (!prev.members.some((p) => p.index === m.index)) continue;
      const mine = await chains.after(info.key, m.index);
      const theirs = await chains.after(prev.key, m.index);
      const below = await chains.before(info.key, m.index);
      // already told by the patch's own comparison (its chain below is the old revision's 1..k)
      if (sourcesDigest(below.sources) === sourcesDigest(theirs.sources) || sourcesDigest(mine.sources) === sourcesDigest(theirs.sources)) continue;
      const msg = parse.messages[m.messageIndex]!;
      const facts2 = seriesFacts(info, m.index, 'revision', mine, prev.version);
      const v = seriesVariant(msg, next(), choice, `revision:${info.key}#${m.index}`, facts2, mine, info);
      await add(v, { sources: mine.sources } as MappedDiff, comparedWith(choice.base, theirs, `${prev.key}#${m.index}`));
    }
  }

  // Replayed variants by id until their results are in; then settled (variant-store.ts).
  const byId = new Map([...variants.inMemory()].filter((v) => v.replayed).map((v) => [v.id, v]));
  req.beforeRuns?.(byId.size);
  const basesUsed = new Set([...variants.inMemory()].map((v) => v.base.base));
  const { initOutline } = await import('../model/interp/source-outline.js');
  await initOutline();
  // The diagrams show the run that changed most (of equals, the first by bestKey).
  let best = null as { score: number; key: number[]; sequence: SequencePair } | null; // set in the passes' callback
  const mine = (v: VariantReview) => !req.shard || shardOf(v.label, req.shard.count) === req.shard.index;
  const bases: BaseUse[] = [];
  for (const [baseIndex, spec] of BASE_SPECS.entries()) {
    if (!basesUsed.has(spec.name)) continue;
    const use: BaseUse = { name: spec.name, kind: spec.kind, kernel: spec.kernel, date: spec.date, description: baseInfo(spec.name).description, baseline: {} };
    bases.push(use);
    // Every group compared with the same thing on this base: the bare base first.
    const groups = new Map<string, { against: Compared; units: CompileUnit[] }>();
    for (const r of replays.values()) {
      if (r.against.base !== spec.name || !mine(byId.get(r.unit.key)!)) continue;
      const g = groups.get(r.against.unit.key) ?? { against: r.against, units: [] };
      g.units.push(r.unit);
      groups.set(r.against.unit.key, g);
    }
    for (const g of [...groups.values()].sort((a, b) => Number(b.against.unit.sources === null) - Number(a.against.unit.sources === null))) {
      const { run, copies } = sameProgram(g.units, sourcesDigest);
      const plan = { base: g.against.unit, variants: run, scenarios: req.scenarios, actors: actorMap(baseSources(spec.name)), ...(req.explore ? { explore: req.explore } : {}) };
      // A runner of the caller's own (a test's) must see every run: no workers then.
      await runPasses(plan, { runner, jobs: req.runner ? 1 : req.jobs }, (results) => {
        const inPass = new Set<VariantReview>();
        for (const [scenarioIndex, r] of results.entries()) {
          if (g.against.unit.sources === null) use.baseline[r.scenario] = r.baseline;
          for (const one of r.variants) {
            // The unit that ran (null), then its copies: a copy's runs are its program's, under its own name.
            for (const copy of [null, ...(copies.get(one.key) ?? [])]) {
              const v = byId.get(copy ? copy.key : one.key)!;
              inPass.add(v);
              const outcome = copy ? { ...one.outcome, base: `${spec.name} + ${copy.label}` } : one.outcome;
              if (v.series && g.against.unit.sources !== null) (v.series.baseline ??= {})[r.scenario] = r.baseline;
              // A partial replay is never a regression: the hunks left out may be what the rest needs.
              const regression = one.regression && !v.partial;
              v.results.push({ scenario: r.scenario, outcome, differences: one.differences, changed: one.changed, regression, partial: v.partial, reached: one.reached, ...(one.explore ? { explore: one.explore } : {}) });
              v.changed ||= one.changed;
              v.regression ||= regression;
            }
          }
          if (r.best?.sequence) {
            const key = bestKey(baseIndex, g.against.unit.sources === null, scenarioIndex, r.best.label);
            if (!best || r.best.score > best.score || (r.best.score === best.score && keyBefore(key, best.key))) best = { score: r.best.score, key, sequence: r.best.sequence };
          }
        }
        // Each variant is in one pass of one group: its results are all in.
        for (const v of inPass) {
          byId.delete(v.id);
          replays.delete(v.id);
          variants.settle(v);
        }
      });
    }
  }

  return {
    bases,
    baselinePatches,
    thread: brief(parse, req.inputs),
    scenarios: req.scenarios.map((s) => s.name),
    variants: variants.list(),
    sequence: best?.sequence ?? null,
    // Only replayed variants have results.
    summary: summarize(variants.length, variants.replayed()),
    ...(req.explore ? { explore: summarizeExplore(req.explore, variants.replayed()) } : {}),
    ...(req.shard ? { shard: { ...req.shard, best: best && { score: best.score, key: best.key } } } : {}),
  };
}

/**
 * How far exploration went, over the replayed variants' results: failure points and the base's
 * schedule runs counted once per base and scenario, the variants' schedule runs each.
 */
export function summarizeExplore(req: ExploreRequest, replayed: Iterable<VariantReview>): ExploreSummary {
  const out: ExploreSummary = { ...req, faultPoints: 0, faultPointsRun: 0, scheduleRuns: 0, cutShort: [], findings: 0, regressions: 0 };
  const seen = new Set<string>();
  for (const v of replayed) {
    for (const x of v.results) {
      const e = x.explore;
      if (!e) continue;
      const key = `${v.base.base}|${x.scenario}`;
      const first = !seen.has(key);
      seen.add(key);
      if (first && e.faults) {
        out.faultPoints += e.faults.reached;
        out.faultPointsRun += e.faults.run;
      }
      if (e.schedules) out.scheduleRuns += (first ? e.schedules.baseline : 0) + e.schedules.variant;
      const cut = (e.faults && e.faults.run < e.faults.reached) || (e.schedules && !e.schedules.complete);
      if (cut && !out.cutShort.includes(x.scenario)) out.cutShort.push(x.scenario);
      out.findings += e.findings.length;
      out.regressions += e.findings.filter((f) => f.regression).length;
    }
  }
  return out;
}

/** The review's counts: `total` variants, of which `replayed` holds every replayed one (read once, one at a time). */
export function summarize(total: number, replayed: Iterable<VariantReview>): Review['summary'] {
  const out: Review['summary'] = { variants: total, replayed: 0, partial: 0, differences: 0, regressions: 0, partialDifferences: 0 };
  for (const v of replayed) {
    if (!v.replayed) continue;
    out.replayed++;
    if (v.partial) out.partial++;
    for (const r of v.results) {
      if (!r.partial && r.changed) out.differences++;
      if (!r.partial && r.regression) out.regressions++;
      if (r.partial && r.changed) out.partialDifferences++;
    }
  }
  return out;
}

/**
 * Units compared with the same thing whose sources are the same program (a patch posted again,
 * quoted whole, or placed to the same code from different context) run once: `run` holds the
 * first of each, `copies` the others by that first's key. Runs are deterministic, so a copy's
 * runs are its first's. A partial replay is never merged with a whole one (they differ in what
 * counts as a regression and which run may be the diagrams').
 */
export function sameProgram(units: readonly CompileUnit[], digest: (sources: ModelSource[]) => string): { run: CompileUnit[]; copies: Map<string, CompileUnit[]> } {
  const first = new Map<string, CompileUnit>();
  const run: CompileUnit[] = [];
  const copies = new Map<string, CompileUnit[]>();
  for (const u of units) {
    const k = u.sources ? `${u.partial ? 'partial' : 'whole'}|${digest(u.sources)}` : null;
    const of = k === null ? undefined : first.get(k);
    if (of) {
      copies.get(of.key)!.push(u);
      continue;
    }
    if (k !== null) first.set(k, u);
    copies.set(u.key, []);
    run.push(u);
  }
  return { run, copies };
}

function seriesFacts(info: SeriesInfo, index: number | null, role: VariantSeries['role'], at: ChainPoint, previousVersion: number | null): VariantSeries {
  return { version: info.version, index, total: info.total, role, onTopOf: at.onTopOf, missing: at.missing, incomplete: at.incomplete, inBase: !!at.inBase, previousVersion, baseline: null };
}

/** A series as a whole or a revision's patches: no diff of its own, the patches' chain. */
function seriesVariant(m: VariantCandidate['message'], label: string, base: BaseChoice, id: string, series: VariantSeries, at: ChainPoint, info: SeriesInfo): VariantReview {
  const v = variantOf({ diff: ownDiff(m)!, message: m, copies: [] }, label, base, null, null);
  return {
    ...v,
    id,
    hunks: [],
    series,
    replayed: at.onTopOf.length > 0,
    partial: at.incomplete.length > 0,
    note: at.onTopOf.length ? null : { kind: 'series-unplaced', version: info.version },
    partialWouldReplay: [],
    splitPairs: [],
  };
}

async function mapSafely(mapper: MapDiffFn, diff: Diff, base: string, sources: ModelSource[], partial: boolean): Promise<MappedDiff | { error: string }> {
  try {
    return await mapper({ diff, base, sources, partial });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

function diagKey(d: { file: string; message: string }): string {
  return `${d.file}|${d.message}`;
}
