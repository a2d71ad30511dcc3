/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/userfaultfd_k.h with CONFIG_USERFAULTFD, read from Linux v6.13:
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

/*
 * Does uffd-wp of this vma need pte markers (for none ptes)? File memory always; anonymous
 * memory only with UFFD_FEATURE_WP_UNPOPULATED (userfaultfd_wp_unpopulated(), a builtin: the
 * model's vmas have no userfaultfd context).
 */
static inline bool userfaultfd_wp_use_markers(struct vm_area_struct *vma)
{
	if (!userfaultfd_wp(vma))
		return false;

	if (!vma_is_anonymous(vma))
		return true;

	return userfaultfd_wp_unpopulated(vma);
}

#endif
