// The model sources a series patch is replayed on: the series' base plus the patches before it
// that the input has, each spliced on the sources before it. Computed on demand, each patch
// mapped once; a newer revision of a series is replayed on the base its previous revision was.
import type { MappedDiff } from '../map/types.js';
import { BASE_SPECS, type ModelSource } from '../model/source/index.js';
import type { Diff, Message } from '../thread/types.js';
import type { BaseChoice } from './choose-base.js';
import type { SeriesIndex, SeriesInfo } from './series.js';

export interface ChainPoint {
  sources: ModelSource[];
  /** Patches of the series spliced in (indices), those the input lacks, those not wholly placed. */
  onTopOf: number[];
  missing: number[];
  incomplete: number[];
  /** The base is this series' own posting: the patches before it are in it, none is stacked. */
  inBase?: boolean;
}

export interface ChainDeps {
  index: SeriesIndex;
  messageAt(i: number): Message;
  /** The base a series is replayed on when it has no previous revision (from its first patch). */
  chooseFor(m: Message, diff: Diff): BaseChoice;
  baseSources(name: string): ModelSource[];
  /** Maps a diff on sources, placing what it can (partial): what a chain splices. */
  mapPartial(diff: Diff, base: string, sources: ModelSource[]): Promise<MappedDiff | { error: string }>;
}

/** A series patch's own diff: its first diff in the sender's own text. */
export function ownDiff(m: Message): Diff | null {
  return m.diffs.find((d) => d.quoteDepth === 0) ?? null;
}

export class Chains {
  private readonly bases = new Map<string, BaseChoice>();
  /** `${series}#${k}`: the sources after patch k (and everything before it). */
  private readonly through = new Map<string, Promise<ChainPoint>>();

  constructor(private readonly d: ChainDeps) {}

  private info(key: string): SeriesInfo {
    return this.d.index.series.get(key)!;
  }

  /** The base of a series: its previous revision's, else the one its first patch chooses. */
  baseOf(key: string): BaseChoice {
    let b = this.bases.get(key);
    if (b) return b;
    const s = this.info(key);
    if (s.previous) {
      const prev = this.baseOf(s.previous);
      b = { base: prev.base, rule: 'revision', previousVersion: this.info(s.previous).version, previous: prev };
    } else {
      const first = s.members[0]!;
      const m = this.d.messageAt(first.messageIndex);
      b = this.d.chooseFor(m, ownDiff(m)!);
    }
    this.bases.set(key, b);
    return b;
  }

  /**
   * The series is the posting its base models (v10's patches on the v10 base): its patches are in
   * that base already, as posted or as the release under it merged them, so nothing is stacked.
   */
  isBasePosting(key: string): boolean {
    const base = this.baseOf(key).base;
    return BASE_SPECS.some((b) => b.kind === 'posting' && b.name === base && b.name === `v${this.info(key).version}`);
  }

  /** The sources patch k of a series is replayed on (its series' patches 1..k-1 spliced in). */
  async before(key: string, k: number): Promise<ChainPoint> {
    if (this.isBasePosting(key)) return { sources: this.d.baseSources(this.baseOf(key).base), onTopOf: [], missing: [], incomplete: [], inBase: true };
    const s = this.info(key);
    const earlier = s.members.filter((m) => m.index < k);
    const missing: number[] = [];
    for (let i = 1; i < k; i++) if (!s.members.some((m) => m.index === i)) missing.push(i);
    if (!earlier.length) return { sources: this.d.baseSources(this.baseOf(key).base), onTopOf: [], missing, incomplete: [] };
    const p = await this.after(key, earlier.at(-1)!.index);
    return { ...p, missing };
  }

  /** The sources after patch k of a series (k must be a patch the input has). */
  after(key: string, k: number): Promise<ChainPoint> {
    const id = `${key}#${k}`;
    let p = this.through.get(id);
    if (!p) this.through.set(id, (p = this.splice(key, k)));
    return p;
  }

  private async splice(key: string, k: number): Promise<ChainPoint> {
    const below = await this.before(key, k);
    const member = this.info(key).members.find((m) => m.index === k)!;
    const diff = ownDiff(this.d.messageAt(member.messageIndex))!;
    const mapped = await this.d.mapPartial(diff, this.baseOf(key).base, below.sources);
    const placedAll = !('error' in mapped) && mapped.placements.every((p) => p.kind !== 'unplaced');
    const sources = !('error' in mapped) && mapped.sources ? mapped.sources : below.sources;
    return {
      sources,
      onTopOf: [...below.onTopOf, k],
      missing: below.missing,
      incomplete: placedAll ? below.incomplete : [...below.incomplete, k],
    };
  }
}
