// Device-exclusive swap entries (include/linux/swapops.h with CONFIG_DEVICE_PRIVATE), per
// release: until 6.15 two types, SWP_DEVICE_EXCLUSIVE_WRITE and _READ, made from the pte's
// write bit (and mprotect() downgrades a writable one); from 6.15 ("mm: use single
// SWP_DEVICE_EXCLUSIVE entry type") one type, and restore_exclusive_pte() decides writability
// from the vma.

import { TableBuilder, b } from './def.js';
import { swp } from './pgtable.js';
import { SwpEntry } from '../mm/pgtable-types.js';

export function deviceExclusiveBuiltins(): TableBuilder {
  const t = new TableBuilder('include/linux/swapops.h');
  t.fn('bool is_device_exclusive_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).isDeviceExclusive))
    .releasesOf({ until: '6.15' })
    .fn('bool is_writable_device_exclusive_entry(swp_entry_t entry)', (ctx, e) => b(swp(ctx, e).type === 'device-exclusive-write'))
    .fn('swp_entry_t make_readable_device_exclusive_entry(unsigned long offset)', (_ctx, o) => new SwpEntry('device-exclusive-read', o as bigint))
    .fn('swp_entry_t make_writable_device_exclusive_entry(unsigned long offset)', (_ctx, o) => new SwpEntry('device-exclusive-write', o as bigint))
    .releasesOf({ from: '6.15' })
    .fn('swp_entry_t make_device_exclusive_entry(pgoff_t offset)', (_ctx, o) => new SwpEntry('device-exclusive', o as bigint))
    .releasesOf({});
  return t;
}
