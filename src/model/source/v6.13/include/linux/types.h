/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the integer typedefs the model sources use (x86-64, LP64).
 * Read against: Linux v6.13 include/linux/types.h, include/uapi/asm-generic/int-ll64.h.
 *
 * pte_t, pmd_t, pud_t, p4d_t, pgd_t, swp_entry_t and pgprot_t are *opaque* to the model C:
 * the TypeScript runtime (src/model/kernel) owns their representation and every operation on
 * them is a builtin (pte_present, pte_write, swp_entry_to_pte ...). See kernel/opaque.ts.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned long pgoff_t;
typedef unsigned int gfp_t;
typedef unsigned int vm_fault_t;
typedef unsigned long vm_flags_t;
typedef unsigned long phys_addr_t;
/* include/linux/rmap.h: the flags page_add_anon_rmap() takes (RMAP_NONE, RMAP_EXCLUSIVE ...). */
typedef int rmap_t;

#define NULL ((void *)0)
#define true 1
#define false 0

#endif /* _LINUX_TYPES_H */
