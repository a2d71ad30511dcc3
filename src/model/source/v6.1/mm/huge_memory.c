// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/huge_memory.c, following a huge PMD and splitting a PMD mapping, as of Linux
 * v6.1: __split_huge_pmd() and split_huge_pmd_address() take a folio (locked by the caller when
 * given) and no longer lock the page themselves; split_huge_pmd_address() finds the pmd with
 * mm_find_pmd().
 *
 * Read from: Linux v6.1 mm/huge_memory.c; the comments are our own.
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

/* May a (forced) write go through this huge pmd? (see can_follow_write_pte()) */
static inline bool can_follow_write_pmd(pmd_t pmd, struct page *page,
					struct vm_area_struct *vma,
					unsigned int flags)
{
	/* A writable pmd can be written. */
	if (pmd_write(pmd))
		return true;

	/* Otherwise only FOLL_FORCE may go on... */
	if (!(flags & FOLL_FORCE))
		return false;

	/* ...never in a shared mapping... */
	if (vma->vm_flags & (VM_MAYSHARE | VM_SHARED))
		return false;

	/* ...nor in one that may never be written... */
	if (!(vma->vm_flags & VM_MAYWRITE))
		return false;

	/* ...nor in a writable one, where a write fault does the job. */
	if (vma->vm_flags & VM_WRITE)
		return false;

	/* COW must have been broken already: an exclusive anonymous page ... */
	if (!page || !PageAnon(page) || !PageAnonExclusive(page))
		return false;

	/* ... and nothing else (soft-dirty, uffd-wp) wants to see the write fault. */
	if (vma_soft_dirty_enabled(vma) && !pmd_soft_dirty(pmd))
		return false;
	return !userfaultfd_huge_pmd_wp(vma, pmd);
}

/*
 * Look up the subpage mapped by a huge PMD. The caller holds the pmd lock. The compound head
 * is advanced to the subpage of @addr, so any address that is not 2 MiB aligned gives a tail.
 */
struct page *follow_trans_huge_pmd(struct vm_area_struct *vma,
				   unsigned long addr,
				   pmd_t *pmd,
				   unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;

	assert_spin_locked(pmd_lockptr(mm, pmd));

	page = pmd_page(*pmd);
	VM_BUG_ON_PAGE(!PageHead(page) && !is_zone_device_page(page), page);

	if ((flags & FOLL_WRITE) &&
	    !can_follow_write_pmd(*pmd, page, vma, flags))
		return NULL;

	/* The huge zero page is left out of core dumps. */
	if ((flags & FOLL_DUMP) && is_huge_zero_pmd(*pmd))
		return ERR_PTR(-EFAULT);

	/* A NUMA hinting entry is faulted on (serialises migration in the fault path). */
	if (pmd_protnone(*pmd) && !gup_can_follow_protnone(flags))
		return NULL;

	if (!pmd_write(*pmd) && gup_must_unshare(flags, page))
		return ERR_PTR(-EMLINK);

	VM_BUG_ON_PAGE((flags & FOLL_PIN) && PageAnon(page) &&
			!PageAnonExclusive(page), page);

	if (!try_grab_page(page, flags))
		return ERR_PTR(-ENOMEM);

	if (flags & FOLL_TOUCH)
		touch_pmd(vma, addr, pmd, flags & FOLL_WRITE);

	page += (addr & ~HPAGE_PMD_MASK) >> PAGE_SHIFT;
	VM_BUG_ON_PAGE(!PageCompound(page) && !is_zone_device_page(page), page);

	return page;
}

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

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address & HPAGE_PMD_MASK,
				(address & HPAGE_PMD_MASK) + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(vma->vm_mm, pmd);

	/*
	 * Setting up migration entries needs the folio to check the pmd against,
	 * or the wrong folio could be replaced.
	 */
	VM_BUG_ON(freeze && !folio);
	VM_WARN_ON_ONCE(folio && !folio_test_locked(folio));

	if (pmd_trans_huge(*pmd) || pmd_devmap(*pmd) ||
	    is_pmd_migration_entry(*pmd)) {
		/* A folio is given only for a present pmd: pmd_page() is safe. */
		if (folio && folio != page_folio(pmd_page(*pmd)))
			goto out;
		__split_huge_pmd_locked(vma, pmd, range.start, freeze);
	}

out:
	spin_unlock(ptl);
	/*
	 * The secondary-TLB ->invalidate_range() callback is not needed again here
	 * (the split keeps the same pages mapped): only the range_end callbacks and
	 * the sequence end run.
	 */
	mmu_notifier_invalidate_range_only_end(&range);
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
