/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/hugetlb.h, read from Linux v6.1, as x86-64 has it (no
 * CONFIG_ARCH_HAS_HUGEPD: a hugepd is never found). hugetlb vmas themselves are not modelled:
 * is_vm_hugetlb_page() is a builtin that says no, and the hugetlb walkers end the run with
 * verdict `error` if reached.
 */
#ifndef _LINUX_HUGETLB_H
#define _LINUX_HUGETLB_H

typedef struct { unsigned long pd; } hugepd_t;
#define is_hugepd(hugepd) (0)
#define __hugepd(x) ((hugepd_t) { (x) })

#endif
