// A variant as the review shows it: who proposed it and where, how each hunk was placed, why it
// was not replayed or replayed only in part.
import type { MappedDiff } from '../map/types.js';
import type { Diff, Message } from '../thread/types.js';
import type { BaseChoice } from './choose-base.js';
import { splitPairs } from './split-pairs.js';
import type { HunkRef, HunkReview, MapperFailed, VariantNote, VariantReview } from './types.js';
import type { VariantCandidate } from './variants.js';

export function noteFor(m: MappedDiff): VariantNote | null {
  const code = m.placements.filter((p) => p.kind === 'code' || p.kind === 'unplaced');
  const unplaced = m.placements.filter((p) => !p.mapped);
  const ref = (p: MappedDiff['placements'][number]): HunkRef => ({ hunk: m.placements.indexOf(p) + 1, inFile: p.hunkIndex + 1 });
  if (!m.replayable) {
    const s = m.stoppedBy ?? unplaced[0];
    return s ? { kind: 'stopped', at: ref(s) } : { kind: 'nothing-to-replay' };
  }
  if (m.partial) return { kind: 'partial', leftOut: unplaced.map(ref) };
  if (!code.length) return { kind: 'no-code-change' };
  const applied = m.placements.filter((p) => p.alreadyApplied);
  if (applied.length) return { kind: 'partly-applied', applied: applied.map(ref) };
  return null;
}

/** `note`: why the variant was not mapped (mapped null) or what the mapping left out. */
export function variantOf(c: VariantCandidate, label: string, base: BaseChoice, mapped: MappedDiff | null, note: VariantNote | null): VariantReview {
  const failed: MapperFailed | null = note?.kind === 'mapper-failed' ? note : null;
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
            match: null,
            alreadyApplied: false,
            missing: [],
            unplaced: null,
            reason: null,
            notes: [],
            bodyLines: { start: h.lines[0]?.lineNo ?? 1, end: h.lines[h.lines.length - 1]?.lineNo ?? 1 },
          }, failed),
        ),
      );
  return {
    id: c.diff.id,
    label,
    base,
    series: null,
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
    splitPairs: mapped && mapped.partial ? splitPairs(c.diff, mapped.placements) : [],
    partialWouldReplay: mapped && !mapped.replayable ? codeHunkNumbers(c.diff, mapped.placements) : [],
    note,
    compileErrors: [],
    results: [],
    changed: false,
    regression: false,
  };
}

/** 1-based numbers of the hunks placed as code (what --partial would replay). */
function codeHunkNumbers(d: Diff, placements: MappedDiff['placements']): number[] {
  return placements.filter((p) => p.kind === 'code').map((p) => d.files.slice(0, p.fileIndex).reduce((n, f) => n + f.hunks.length, 0) + p.hunkIndex + 1);
}

function hunkReview(d: Diff, m: Message, p: MappedDiff['placements'][number], reason: HunkReview['reason'] = p.reason): HunkReview {
  const hunk = d.files[p.fileIndex]?.hunks[p.hunkIndex];
  const header = hunk?.header ?? '';
  const body = m.position?.body ?? null;
  return {
    file: p.file,
    function: p.function,
    mapped: p.mapped,
    placement: p.placement,
    reason,
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

