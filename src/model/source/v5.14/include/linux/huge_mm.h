/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/huge_mm.h, read against Linux v5.14.
 *
 * In the kernel split_huge_pmd() is a macro; here it is a static inline with the same check so
 * that it shows in call stacks. The check is the point (notes §1.4): it reaches
 * __split_huge_pmd() -- and so the CLEAR notifier -- only when the pmd is a swap pmd, a
 * transparent huge pmd or a devmap pmd. split_huge_pmd_address() has no such check.
 */
#ifndef _LINUX_HUGE_MM_H
#define _LINUX_HUGE_MM_H

#include <linux/mm.h>

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
void deferred_split_huge_page(struct page *page);

void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		unsigned long address, bool freeze, struct page *page);

static inline void split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
				  unsigned long address)
{
	pmd_t *____pmd = pmd;

	if (is_swap_pmd(*____pmd) || pmd_trans_huge(*____pmd)
				|| pmd_devmap(*____pmd))
		__split_huge_pmd(vma, pmd, address, false, NULL);
}

void split_huge_pmd_address(struct vm_area_struct *vma, unsigned long address,
		bool freeze, struct page *page);

void __split_huge_pud(struct vm_area_struct *vma, pud_t *pud,
		unsigned long address);

struct page *follow_trans_huge_pmd(struct vm_area_struct *vma,
				   unsigned long addr, pmd_t *pmd,
				   unsigned int flags);
#else /* CONFIG_TRANSPARENT_HUGEPAGE */
/* The stubs of a kernel without THP: the model is built with it, so they are never compiled. */
static inline void deferred_split_huge_page(struct page *page) {}
#define split_huge_pmd(__vma, __pmd, __address)	\
	do { } while (0)

static inline void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		unsigned long address, bool freeze, struct page *page) {}
static inline void split_huge_pmd_address(struct vm_area_struct *vma,
		unsigned long address, bool freeze, struct page *page) {}
#endif /* CONFIG_TRANSPARENT_HUGEPAGE */

#endif
