// Why a variant was replayed on its base, in words: the report's reading of a BaseChoice.
import type { BaseChoice, BaseFit } from '../replay/choose-base.js';
import type { BaseUse, Review, VariantReview } from '../replay/types.js';
import type { Outcome } from '../model/scenario/types.js';
import type { Trimmed } from '../replay/types.js';

function fitText(f: BaseFit): string {
  const share = f.tokens ? `, ${Math.round((100 * f.matched) / f.tokens)}% of their tokens` : '';
  return `${f.base} places ${f.placed} of ${f.hunks} hunk${f.hunks === 1 ? '' : 's'}${share}`;
}

export function baseWhy(c: BaseChoice): string {
  const unknown = 'unknownCommit' in c && c.unknownCommit ? `; its base-commit ${c.unknownCommit.slice(0, 12)} is not a release the model has` : '';
  switch (c.rule) {
    case 'option':
      return `asked for with --base ${c.base}`;
    case 'base-commit':
      return `its base-commit ${c.commit.slice(0, 12)} is the ${c.base} release`;
    case 'subject': {
      const f = c.fits.find((x) => x.base === c.base);
      const how = f && !f.exact ? `the ${c.base} posting already has every hunk` : `the hunks match the ${c.base} posting exactly`;
      return `the thread is about version ${c.version} and ${how}${unknown}`;
    }
    case 'exact': {
      const others = c.fits.filter((f) => f.exact && f.base !== c.base).map((f) => f.base);
      return `the hunks' context and removed lines match ${c.base} exactly${others.length ? ` (also ${others.join(', ')}; the newest is taken)` : ''}${unknown}`;
    }
    case 'closest':
      return `no base matches the hunks exactly; the closest: ${c.fits.filter((f) => f.placed).map(fitText).join('; ')}${unknown}`;
    case 'revision':
      return `the revision before it (v${c.previousVersion}) was replayed on ${c.base} (${baseWhy(c.previous)})`;
    case 'date':
      return `no base places any hunk; ${c.base} is the newest base at ${c.date ? `the message's date, ${c.date.slice(0, 10)}` : 'all (the message is undated)'}${unknown}`;
  }
}

/** The base a variant was replayed on, with its baseline runs. */
export function baseOf(r: Review, v: VariantReview): BaseUse {
  return r.bases.find((b) => b.name === v.base.base)!;
}

/** The outcome of a scenario the variant is compared with: its series chain's, else its base's. */
export function baselineFor(r: Review, v: VariantReview, scenario: string): Outcome & Trimmed {
  return v.series?.baseline?.[scenario] ?? baseOf(r, v).baseline[scenario]!;
}
