// Who wrote each quote depth of a message. Attribution lines come first; a depth without one
// falls back to the reply tree (depth 1 = the parent's author, depth 2 = the grandparent's ...),
// but only while the attributions that were found agree with the tree, so a reply that quotes
// some other mail does not get the tree's authors pinned on it.
import type { Attribution } from '../message/attribution.js';
import type { Person, QuoteLayer } from '../types.js';
import { samePerson } from './people.js';

/**
 * @param textDepths the depths that have quoted text of their own (blank lines do not count)
 * @param attributions from findAttributions + bumpOutlookQuotes
 * @param ancestors authors up the reply tree: [parent, grandparent, ...]; null for a placeholder
 * @param resolve fills in a missing name or address from the people of the thread
 */
export function quoteLayers(
  textDepths: ReadonlySet<number>,
  attributions: Attribution[],
  ancestors: (Person | null)[],
  resolve: (p: Person) => Person,
): QuoteLayer[] {
  const byDepth = new Map<number, Person>();
  for (const a of attributions) if (!byDepth.has(a.depth)) byDepth.set(a.depth, resolve(a.person));
  let maxDepth = 0;
  for (const d of textDepths) if (d > maxDepth) maxDepth = d;
  for (const d of byDepth.keys()) if (d > maxDepth) maxDepth = d;
  const layers: QuoteLayer[] = [];
  let treeAgrees = true;
  for (let d = 1; d <= maxDepth; d++) {
    const attributed = byDepth.get(d);
    const fromTree = ancestors[d - 1] ?? null;
    if (attributed && fromTree && !samePerson(attributed, fromTree)) treeAgrees = false;
    if (attributed) {
      layers.push({ depth: d, author: attributed, via: 'attribution', attributionOnly: !textDepths.has(d) });
    } else if (treeAgrees && fromTree) {
      layers.push({ depth: d, author: fromTree, via: 'reply-tree', attributionOnly: false });
    } else {
      layers.push({ depth: d, author: null, via: 'none', attributionOnly: false });
    }
  }
  return layers;
}
