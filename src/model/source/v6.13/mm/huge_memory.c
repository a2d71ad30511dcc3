// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/huge_memory.c, splitting a PMD mapping, as of Linux v6.13:
 * __split_huge_pmd() takes the pmd lock and leaves the checks to split_huge_pmd_locked();
 * split_huge_pmd_address() finds the pmd with mm_find_pmd(). (Following a huge PMD for GUP,
 * follow_huge_pmd(), is in mm/gup.c since 6.9.)
 *
 * Read from: Linux v6.13 mm/huge_memory.c; the comments are our own.
 *
 * __split_huge_pmd_locked() (writing 512 PTEs from the huge PMD, withdrawing the deposited
 * table, moving the mapcounts and PG_anon_exclusive to the subpages) is a TypeScript primitive:
 * kernel/mm/memory.ts. Left out (verdict `error` if reached): change_huge_pmd() (mprotect of a
 * whole PMD-mapped THP), freeze (migration entries), huge zero page splits, devmap and PMD
 * migration entries, file THPs.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/huge_mm.h>
#include <linux/mmu_notifier.h>
#include <linux/rmap.h>
#include <linux/userfaultfd_k.h>
#include "internal.h"

/* Changing the protection of a whole huge PMD is not modelled (scenarios split first). */
int change_huge_pmd(struct mmu_gather *tlb, struct vm_area_struct *vma,
		    pmd_t *pmd, unsigned long addr, pgprot_t newprot,
		    unsigned long cp_flags)
{
	model_not_modelled("change_huge_pmd: mprotect of a PMD-mapped THP");
	return 0;
}

/*
 * The pmd lock, taken, when the pmd maps a THP (or is a swap/devmap pmd); NULL otherwise. The
 * caller unlocks it.
 */
spinlock_t *__pmd_trans_huge_lock(pmd_t *pmd, struct vm_area_struct *vma)
{
	spinlock_t *ptl;
	ptl = pmd_lock(vma->vm_mm, pmd);
	if (likely(is_swap_pmd(*pmd) || pmd_trans_huge(*pmd) ||
			pmd_devmap(*pmd)))
		return ptl;
	spin_unlock(ptl);
	return NULL;
}

/*
 * With the pmd lock held: split the PMD mapping at @address (2 MiB aligned) if the pmd maps a
 * THP (or is a devmap or migration pmd) -- and, when @folio is given, only if it maps that
 * folio, which the caller holds locked.
 */
void split_huge_pmd_locked(struct vm_area_struct *vma, unsigned long address,
			   pmd_t *pmd, bool freeze, struct folio *folio)
{
	VM_WARN_ON_ONCE(folio && !folio_test_pmd_mappable(folio));
	VM_WARN_ON_ONCE(!IS_ALIGNED(address, HPAGE_PMD_SIZE));
	VM_WARN_ON_ONCE(folio && !folio_test_locked(folio));
	VM_BUG_ON(freeze && !folio);

	/*
	 * Setting up migration entries needs the folio to check the pmd against,
	 * or the wrong folio could be replaced.
	 */
	if (pmd_trans_huge(*pmd) || pmd_devmap(*pmd) ||
	    is_pmd_migration_entry(*pmd)) {
		if (folio && folio != pmd_folio(*pmd))
			return;
		__split_huge_pmd_locked(vma, pmd, address, freeze);
	}
}

/*
 * Split the PMD mapping of a THP into PTE mappings. The CLEAR invalidation covers the whole
 * 2 MiB window and is started before the pmd lock is taken and before the pmd is looked at:
 * every call notifies, whether or not there is anything to split (notes §1.4). The range is
 * set up with mmu_notifier_range_init(), which leaves ->owner unset.
 */
void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		unsigned long address, bool freeze, struct folio *folio)
{
	spinlock_t *ptl;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma->vm_mm,
				address & HPAGE_PMD_MASK,
				(address & HPAGE_PMD_MASK) + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(vma->vm_mm, pmd);
	split_huge_pmd_locked(vma, range.start, pmd, freeze, folio);
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(&range);
}

/*
 * Split the PMD that maps @address, if the upper levels are present. There is no check of the
 * pmd itself: __split_huge_pmd() is called -- and notifies -- for any mapped address.
 */
void split_huge_pmd_address(struct vm_area_struct *vma, unsigned long address,
		bool freeze, struct folio *folio)
{
	pmd_t *pmd = mm_find_pmd(vma->vm_mm, address);

	if (!pmd)
		return;

	__split_huge_pmd(vma, pmd, address, freeze, folio);
}
