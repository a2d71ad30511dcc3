// The builtins table: every kernel primitive the model C can call, by its C prototype, for one
// kernel release. Anything else a model source calls (and does not define) ends the run with
// verdict `error`.

import type { BuiltinTable } from '../../interp/api.js';
import { deviceExclusiveBuiltins } from './device-exclusive.js';
import { driverBuiltins } from './drivers.js';
import { folioBuiltins } from './folio.js';
import { folioRmapBuiltins } from './folio-rmap.js';
import { mmBuiltins } from './mm.js';
import { pageBuiltins } from './page.js';
import { pgtableBuiltins } from './pgtable.js';
import { pteMapBuiltins } from './pte-map.js';
import { syncBuiltins } from './sync.js';
import { unmodelledBuiltins } from './unmodelled.js';

const cached = new Map<string, BuiltinTable>();

/** The primitives of kernel release `kernel` ("5.14", "6.13"). */
export function kernelBuiltins(kernel: string): BuiltinTable {
  let all = cached.get(kernel);
  if (all) return all;
  all = {};
  const parts = [pageBuiltins(), folioBuiltins(), folioRmapBuiltins(), pgtableBuiltins(), pteMapBuiltins(), deviceExclusiveBuiltins(), mmBuiltins(), syncBuiltins(), driverBuiltins(), unmodelledBuiltins()];
  for (const part of parts) {
    for (const [name, b] of Object.entries(part.table(kernel))) {
      if (all[name]) throw new Error(`builtin ${name} defined twice`);
      all[name] = b;
    }
  }
  cached.set(kernel, all);
  return all;
}

/**
 * Opaque C types the runtime owns (values are pgtable-types.ts classes). p4d_t is the folded pgd.
 */
export const OPAQUE_TYPES = ['pte_t', 'pmd_t', 'pud_t', 'p4d_t', 'pgd_t', 'swp_entry_t', 'pgprot_t'];
