/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/swapops.h. Read against Linux v5.14 and the v11 posting of
 * "mm: Device exclusive memory access" (SWP_DEVICE_EXCLUSIVE_WRITE/READ,
 * make_{readable,writable}_device_exclusive_entry, is_device_exclusive_entry ...).
 *
 * swp_entry_t and pte_t are opaque to the model C; every constructor and test of this header
 * is a TypeScript builtin (kernel/mm/swapops.ts), with CONFIG_DEVICE_PRIVATE=y.
 */
#ifndef _LINUX_SWAPOPS_H
#define _LINUX_SWAPOPS_H

#include <linux/mm.h>

#endif
