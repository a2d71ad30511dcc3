/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/hugetlb.h, read from Linux v6.15. hugetlb vmas are not modelled:
 * is_vm_hugetlb_page() is a builtin that says no, and the hugetlb lookups the modelled
 * functions call in their hugetlb branches (hstate_vma(), hugetlb_walk(),
 * hugetlbfs_pagecache_present() ...) are builtins that end the run with verdict `error`.
 * (v6.15 has no hugepd lookups in GUP any more.)
 */
#ifndef _LINUX_HUGETLB_H
#define _LINUX_HUGETLB_H

#endif
