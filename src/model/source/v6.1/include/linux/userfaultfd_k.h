/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/userfaultfd_k.h with CONFIG_USERFAULTFD, read from Linux v6.1:
 * whether a write to an entry must trap for userfaultfd write-protect tracking.
 */
#ifndef _LINUX_USERFAULTFD_K_H
#define _LINUX_USERFAULTFD_K_H

#include <linux/mm.h>

static inline bool userfaultfd_wp(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_WP;
}

static inline bool userfaultfd_pte_wp(struct vm_area_struct *vma,
				      pte_t pte)
{
	return userfaultfd_wp(vma) && pte_uffd_wp(pte);
}

static inline bool userfaultfd_huge_pmd_wp(struct vm_area_struct *vma,
					   pmd_t pmd)
{
	return userfaultfd_wp(vma) && pmd_uffd_wp(pmd);
}

#endif
