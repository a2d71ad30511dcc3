// `lkml-replay merge`: the shares of a sharded review joined into the review one run would have
// made. Every share read and mapped every variant alike; each replayed its own share (shardOf),
// so a variant's results, and its series baseline, come from the share that owns it. Baselines
// are the union of the shares' (the same runs wherever they ran), the counts are counted again,
// and the diagrams are of the best run of all the shares (bestKey breaks ties as one run does).
import { keyBefore, shardOf, summarize, summarizeExplore } from './review.js';
import type { Review, VariantReview } from './types.js';

export class MergeError extends Error {}

export function mergeShards(shares: readonly Review[]): Review {
  if (!shares.length) throw new MergeError('no shares to merge');
  const count = shares[0]!.shard?.count;
  if (!count) throw new MergeError('not a share of a sharded review (no shard field): review with --shard i/n --format json');
  const byIndex = new Map<number, Review>();
  for (const s of shares) {
    if (!s.shard || s.shard.count !== count) throw new MergeError(`shares of different splits (of ${count} and of ${s.shard?.count ?? 'none'})`);
    if (byIndex.has(s.shard.index)) throw new MergeError(`share ${s.shard.index}/${count} given twice`);
    byIndex.set(s.shard.index, s);
  }
  const lacking = [...Array(count).keys()].map((i) => i + 1).filter((i) => !byIndex.has(i));
  if (lacking.length) throw new MergeError(`shares ${lacking.join(', ')} of ${count} are missing`);
  const first = byIndex.get(1)!;
  const same = (what: string, f: (r: Review) => unknown) => {
    const want = JSON.stringify(f(first));
    for (const s of shares) if (JSON.stringify(f(s)) !== want) throw new MergeError(`share ${s.shard!.index} reviewed another ${what}`);
  };
  same('thread', (r) => r.thread);
  same('set of scenarios', (r) => r.scenarios);
  same('set of variants', (r) => r.variants.map((v) => v.id));

  const variants: VariantReview[] = first.variants.map((v, i) => (v.replayed ? byIndex.get(shardOf(v.label, count))!.variants[i]! : v));
  const bases = first.bases.map((b) => {
    const baseline: Review['bases'][number]['baseline'] = {};
    for (const scenario of first.scenarios) {
      const owner = shares.find((s) => s.bases.find((x) => x.name === b.name)?.baseline[scenario]);
      if (owner) baseline[scenario] = owner.bases.find((x) => x.name === b.name)!.baseline[scenario]!;
    }
    return { ...b, baseline };
  });
  let best: Review | null = null;
  for (const s of shares) {
    const c = s.shard!.best;
    if (!c) continue;
    const b = best?.shard!.best;
    if (!b || c.score > b.score || (c.score === b.score && keyBefore(c.key, b.key))) best = s;
  }
  const { shard: _shard, explore, ...rest } = first;
  // exploration counted again over the joined variants, as one run counts it
  const x = explore && (({ faultPoints: _a, faultPointsRun: _b, scheduleRuns: _c, cutShort: _d, findings: _e, regressions: _f, ...req }) => req)(explore);
  return { ...rest, bases, variants, sequence: best?.sequence ?? null, summary: summarize(variants.length, variants), ...(x ? { explore: summarizeExplore(x, variants.filter((v) => v.replayed)) } : {}) };
}
