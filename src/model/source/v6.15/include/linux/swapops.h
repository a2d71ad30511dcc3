/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/swapops.h with CONFIG_DEVICE_PRIVATE and CONFIG_MIGRATION, read
 * from Linux v6.15 (one SWP_DEVICE_EXCLUSIVE entry type, swp_offset_pfn(), is_pfn_swap_entry()).
 *
 * swp_entry_t and pte_t are opaque to the model C: every constructor and test of this header is
 * a TypeScript builtin (kernel/builtins/pgtable.ts) with the kernel's prototype, so the
 * kernel's inline bodies (bit packing of the arch-independent entry) are not repeated here.
 */
#ifndef _LINUX_SWAPOPS_H
#define _LINUX_SWAPOPS_H

#include <linux/mm.h>

/* A pte marker: a swap entry that maps nothing but says why (uffd-wp, poison, guard). */
typedef unsigned long pte_marker;
#define PTE_MARKER_UFFD_WP	(1UL << 0)

#endif
