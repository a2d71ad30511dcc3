// A review, start to end: read the inputs as one thread, collect the variants (one per distinct
// diff), choose the base, place each variant's hunks on the model (src/map), replay every
// scenario on the base and on each replayable variant, compare the outcomes. The result is the
// Review every renderer reads.
import type { MappedDiff } from '../map/types.js';
import type { Scenario } from '../model/scenario/types.js';
import type { Diff } from '../thread/types.js';
import type { Message, ThreadParse } from '../thread/types.js';
import { chooseBase } from './choose-base.js';
import { actorMap, type SequencePair } from './interactions.js';
import { defaultMapper, type MapDiffFn } from './map-seam.js';
import { InProcessRunner, runAll, type CompileUnit, type Runner } from './run-all.js';
import type { BaselinePatch, HunkReview, Review, ThreadBrief, VariantReview } from './types.js';
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
}

/**
 * How `review` reads its inputs: with the hunk lines the mapper needs (a big input spills, and
 * its messages are made again when read: ParseOptions.store). Everything below reads
 * `parse.messages` in passes, holding one message at a time.
 */
export const REVIEW_PARSE = { hunkLines: true } as const;

export async function review(req: ReviewRequest): Promise<Review> {
  const parse = req.parse ?? (await (await import('../thread/parse-thread.js')).parseThread(req.inputs, REVIEW_PARSE));
  const base = chooseBase(parse.messages, req.base);
  const { loadBase } = await import('../model/source/index.js');
  const { base: info, sources } = loadBase(base.name);
  const mapper = req.mapper ?? (await defaultMapper());
  // Compiles for the compile errors, and runs this thread's share of the scenarios.
  const runner = req.runner ?? new InProcessRunner();

  const baselinePatches: BaselinePatch[] = [];
  const variants = new VariantStore(req.spillVariantsFrom);
  const units = new Map<string, CompileUnit>();
  const baseUnit: CompileUnit = { key: 'base', base: base.name, sources: null, label: '' };
  const baseErrors = new Set((await runner.errors(baseUnit)).map(diagKey));
  for (const c of eachVariant(parse)) {
    const mapped = await mapSafely(mapper, c.diff, base.name, sources, !!req.partial);
    if ('error' in mapped) {
      variants.add(variantOf(c, `V${variants.length + 1}`, null, `not replayed: the hunk mapper failed on this diff (${mapped.error})`));
      continue;
    }
    if (mapped.addsModelledFunctions.length) {
      baselinePatches.push({ messageId: c.message.id, author: c.diff.author ?? c.message.from, subject: c.message.subject, adds: [...mapped.addsModelledFunctions] });
      continue;
    }
    const label = `V${variants.length + 1}`;
    const v = variantOf(c, label, mapped, noteFor(mapped));
    variants.add(v);
    if (!v.replayed) continue;
    const unit: CompileUnit = { key: v.id, base: base.name, sources: mapped.sources ?? sources, label };
    units.set(v.id, unit);
    // Right after mapping: the mapper has just compiled these sources to check them, and the
    // runner gets that program from the model's cache instead of compiling them again.
    v.compileErrors = (await runner.errors(unit)).filter((d) => !baseErrors.has(diagKey(d))).map((d) => `${d.file}:${d.line}: ${d.message}`);
  }

  const baseline: Review['baseline'] = {};
  const byId = new Map([...variants.inMemory()].map((v) => [v.id, v]));
  const { initOutline } = await import('../model/interp/source-outline.js');
  await initOutline();
  const actors = actorMap(sources);
  // The diagrams show the run that changed most (the first of equals, in scenario then variant order).
  let sequence: SequencePair | null = null;
  let best = 0;
  const results = await runAll({ base: baseUnit, variants: [...units.values()], scenarios: req.scenarios, actors }, {
    runner,
    // A runner of the caller's own (a test's) must see every run: no workers then.
    jobs: req.runner ? 1 : req.jobs,
  });
  for (const r of results) {
    baseline[r.scenario] = r.baseline;
    for (const run of r.variants) {
      const v = byId.get(run.key)!;
      v.results.push({ scenario: r.scenario, outcome: run.outcome, differences: run.differences, changed: run.changed, regression: run.regression });
      v.changed ||= run.changed;
      v.regression ||= run.regression;
    }
    if (r.best && r.best.score > best) {
      best = r.best.score;
      sequence = r.best.sequence;
    }
  }

  // Only replayed variants have results, and they are all in memory.
  const replayed = [...variants.inMemory()].filter((v) => v.replayed);
  const pairs = replayed.flatMap((v) => v.results);
  return {
    base: base.name,
    baseWhy: base.why,
    baseDescription: info.description,
    baselinePatches,
    thread: brief(parse, req.inputs),
    scenarios: req.scenarios.map((s) => s.name),
    baseline,
    variants: variants.list(),
    sequence,
    summary: {
      variants: variants.length,
      replayed: replayed.length,
      differences: pairs.filter((r) => r.changed).length,
      regressions: pairs.filter((r) => r.regression).length,
    },
  };
}

async function mapSafely(mapper: MapDiffFn, diff: Diff, base: string, sources: import('../model/source/index.js').ModelSource[], partial: boolean): Promise<MappedDiff | { error: string }> {
  try {
    return await mapper({ diff, base, sources, partial });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

function diagKey(d: { file: string; message: string }): string {
  return `${d.file}|${d.message}`;
}

function noteFor(m: MappedDiff): string | null {
  const code = m.placements.filter((p) => p.kind === 'code' || p.kind === 'unplaced');
  const unplaced = m.placements.filter((p) => !p.mapped);
  const where = (p: MappedDiff['placements'][number]) => `hunk ${p.hunkIndex + 1} of ${p.file}${p.function ? ` (${p.function})` : ''}`;
  if (!m.replayable) {
    const s = m.stoppedBy ?? unplaced[0];
    return s ? `not replayed: ${where(s)} could not be placed: ${s.reason ?? s.unplaced ?? 'no reason given'}` : 'not replayed: the mapper found nothing to replay';
  }
  if (m.partial) return `replayed in part (--partial): ${unplaced.map((p) => `${where(p)} left out (${p.reason ?? p.unplaced})`).join('; ')}`;
  if (!code.length) return 'no hunk changes code (comments, whitespace or files without behaviour): replayed to show it behaves the same';
  return null;
}

function variantOf(c: VariantCandidate, label: string, mapped: MappedDiff | null, note: string | null): VariantReview {
  const m = c.message;
  const hunks: HunkReview[] = mapped
    ? mapped.placements.map((p) => hunkReview(c.diff, m, p))
    : c.diff.files.flatMap((f, fi) =>
        f.hunks.map((h, hi) =>
          hunkReview(c.diff, m, {
            fileIndex: fi,
            hunkIndex: hi,
            file: f.new ?? f.old ?? '(unknown)',
            function: h.function,
            kind: 'unplaced',
            mapped: false,
            placement: null,
            modelLines: null,
            unplaced: null,
            reason: note,
            notes: [],
            bodyLines: { start: h.lines[0]?.lineNo ?? 1, end: h.lines[h.lines.length - 1]?.lineNo ?? 1 },
          }),
        ),
      );
  return {
    id: c.diff.id,
    label,
    // The parse's author (src/thread): a quote nobody can be named for stays unknown; `sender` says who sent it.
    author: c.diff.author,
    date: m.date,
    messageId: m.idSynthesised ? null : m.id,
    sender: m.from.name || m.from.email ? m.from : null,
    quoteDepth: c.diff.quoteDepth,
    source: { file: m.source.file, index: m.source.index, format: m.source.format, origin: c.diff.origin, subject: m.subject },
    copies: c.copies,
    hunks,
    replayed: !!mapped && mapped.replayable,
    partial: !!mapped && mapped.partial,
    note,
    compileErrors: [],
    results: [],
    changed: false,
    regression: false,
  };
}

function hunkReview(d: Diff, m: Message, p: MappedDiff['placements'][number]): HunkReview {
  const hunk = d.files[p.fileIndex]?.hunks[p.hunkIndex];
  const header = hunk?.header ?? '';
  const body = m.position?.body ?? null;
  return {
    file: p.file,
    function: p.function,
    mapped: p.mapped,
    placement: p.placement,
    reason: p.reason,
    notes: p.notes ?? [],
    kind: p.kind,
    unplaced: p.unplaced,
    header,
    bodyLines: p.bodyLines,
    fileLines: body === null ? null : { start: body + p.bodyLines.start - 1, end: body + p.bodyLines.end - 1 },
    messageLine: m.position?.line ?? null,
    kernelLines: { start: hunk?.newStart ?? 1, end: Math.max(hunk?.newStart ?? 1, (hunk?.newStart ?? 1) + (hunk?.newLines ?? 1) - 1) },
  };
}

function brief(parse: ThreadParse, inputs: string[]): ThreadBrief {
  // One pass, holding no message: the first and last dated messages (date order, ties in thread
  // order), each sender at their earliest dated message, the diff ids.
  let first: { date: string; subject: string } | null = null;
  let last: string | null = null;
  const dated = new Map<string, { date: string; i: number }>();
  const anyOrder: string[] = [];
  const seenAny = new Set<string>();
  const files = new Set<string>();
  const ids = new Set<string>();
  let diffs = 0;
  let firstSubject: string | null = null;
  let i = 0;
  for (const m of parse.messages) {
    if (firstSubject === null) firstSubject = m.subject;
    const who = m.from.name || m.from.email;
    if (m.date) {
      if (!first || m.date < first.date) first = { date: m.date, subject: m.subject };
      if (last === null || m.date >= last) last = m.date;
      const had = who ? dated.get(who) : undefined;
      if (who && (!had || m.date < had.date)) dated.set(who, { date: m.date, i });
    }
    if (who && !seenAny.has(who)) {
      seenAny.add(who);
      anyOrder.push(who);
    }
    if (!inputs.length) files.add(m.source.file);
    for (const d of m.diffs) {
      diffs++;
      ids.add(d.id);
    }
    i++;
  }
  const people = first
    ? [...dated].sort(([, a], [, b]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i)).map(([who]) => who)
    : anyOrder;
  const subject = first ? first.subject : firstSubject;
  return {
    subject: subject !== null ? subject.replace(/^((re|aw|fwd?)\s*:\s*)+/i, '') : '',
    inputs: inputs.length ? inputs.map((i) => (i === '-' ? '<stdin>' : i)) : [...files],
    messages: parse.messages.length,
    participants: people,
    first: first?.date ?? null,
    last,
    diffs,
    distinct: ids.size,
    errors: parse.errors,
  };
}
