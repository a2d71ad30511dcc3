// The builtins table: every kernel primitive the model C can call, by its C prototype. Anything
// else a model source calls (and does not define) ends the run with verdict `error`.

import type { BuiltinTable } from '../../interp/api.js';
import { driverBuiltins } from './drivers.js';
import { mmBuiltins } from './mm.js';
import { pageBuiltins } from './page.js';
import { pgtableBuiltins } from './pgtable.js';
import { syncBuiltins } from './sync.js';

let cached: BuiltinTable | null = null;

export function kernelBuiltins(): BuiltinTable {
  if (cached) return cached;
  const all: BuiltinTable = {};
  for (const part of [pageBuiltins(), pgtableBuiltins(), mmBuiltins(), syncBuiltins(), driverBuiltins()]) {
    for (const [name, b] of Object.entries(part)) {
      if (all[name]) throw new Error(`builtin ${name} defined twice`);
      all[name] = b;
    }
  }
  cached = all;
  return all;
}

/**
 * Opaque C types the runtime owns (values are pgtable-types.ts classes). p4d_t is the folded pgd.
 */
export const OPAQUE_TYPES = ['pte_t', 'pmd_t', 'pud_t', 'p4d_t', 'pgd_t', 'swp_entry_t', 'pgprot_t'];
