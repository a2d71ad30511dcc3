// SPDX-License-Identifier: GPL-2.0
/*
 * Model source: mm/page_vma_mapped.c, "where does this vma map this page".
 *
 * Read from: Linux v5.14 (tag v5.14). Each function's code is v5.14's statement for
 * statement; src/model/source/v5.14/read-from.json holds the digest of each one's tokens and
 * the reason for every difference. The comments are our own.
 *
 * page_vma_mapped_walk() itself is restructured: the kernel enters and leaves the pte loop
 * with `goto next_pte` / `goto this_pte` / `goto restart` jumps into the middle of loops; here
 * the pte-advancing step is the helper next_pte() and the outer loop restarts explicitly. The
 * walk visits the same entries in the same order with the same locks. hugetlb pages and PMD
 * migration entries end the run with verdict `error`.
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/swapops.h>
#include "internal.h"

static inline bool not_found(struct page_vma_mapped_walk *pvmw)
{
	page_vma_mapped_walk_done(pvmw);
	return false;
}

static bool map_pte(struct page_vma_mapped_walk *pvmw)
{
	pvmw->pte = pte_offset_map(pvmw->pmd, pvmw->address);
	if (!(pvmw->flags & PVMW_SYNC)) {
		if (pvmw->flags & PVMW_MIGRATION) {
			if (!is_swap_pte(*pvmw->pte))
				return false;
		} else {
			/*
			 * A device-private or device-exclusive swap entry still counts
			 * as a mapping of the page: lock it like a present pte.
			 */
			if (is_swap_pte(*pvmw->pte)) {
				swp_entry_t entry;

				/* Handle un-addressable ZONE_DEVICE memory */
				entry = pte_to_swp_entry(*pvmw->pte);
				if (!is_device_private_entry(entry) &&
				    !is_device_exclusive_entry(entry))
					return false;
			} else if (!pte_present(*pvmw->pte))
				return false;
		}
	}
	pvmw->ptl = pte_lockptr(pvmw->vma->vm_mm, pvmw->pmd);
	spin_lock(pvmw->ptl);
	return true;
}

static inline bool pfn_is_match(struct page *page, unsigned long pfn)
{
	unsigned long page_pfn = page_to_pfn(page);

	/* normal page and hugetlbfs page */
	if (!PageTransCompound(page) || PageHuge(page))
		return page_pfn == pfn;

	/* THP can be referenced by any subpage */
	return pfn >= page_pfn && pfn - page_pfn < thp_nr_pages(page);
}

/*
 * Does the locked pte at pvmw->pte map pvmw->page? Present ptes and (without PVMW_MIGRATION)
 * device-private/device-exclusive entries count; with PVMW_MIGRATION, migration entries and
 * -- a 5.14 quirk fixed in 2025 -- device-exclusive entries count.
 */
static bool check_pte(struct page_vma_mapped_walk *pvmw)
{
	unsigned long pfn;

	if (pvmw->flags & PVMW_MIGRATION) {
		swp_entry_t entry;
		if (!is_swap_pte(*pvmw->pte))
			return false;
		entry = pte_to_swp_entry(*pvmw->pte);

		if (!is_migration_entry(entry) &&
		    !is_device_exclusive_entry(entry))
			return false;

		pfn = swp_offset(entry);
	} else if (is_swap_pte(*pvmw->pte)) {
		swp_entry_t entry;

		/* Handle un-addressable ZONE_DEVICE memory */
		entry = pte_to_swp_entry(*pvmw->pte);
		if (!is_device_private_entry(entry) &&
		    !is_device_exclusive_entry(entry))
			return false;

		pfn = swp_offset(entry);
	} else {
		if (!pte_present(*pvmw->pte))
			return false;

		pfn = pte_pfn(*pvmw->pte);
	}

	return pfn_is_match(pvmw->page, pfn);
}

static void step_forward(struct page_vma_mapped_walk *pvmw, unsigned long size)
{
	pvmw->address = (pvmw->address + size) & ~(size - 1);
	if (!pvmw->address)
		pvmw->address = ULONG_MAX;
}

/*
 * The kernel's next_pte: loop. Advance to the next pte that maps the page. Returns 1 with the
 * pte lock held when one is found, 0 when the walk is over (not_found() done), and
 * NEXT_PTE_RESTART when the walk crossed into the next page table and must restart from the pgd.
 */
#define NEXT_PTE_RESTART 2

static int next_pte(struct page_vma_mapped_walk *pvmw, unsigned long end)
{
	struct mm_struct *mm = pvmw->vma->vm_mm;

	for (;;) {
		do {
			pvmw->address += PAGE_SIZE;
			if (pvmw->address >= end)
				return not_found(pvmw);
			/* Did we cross page table boundary? */
			if ((pvmw->address & (PMD_SIZE - PAGE_SIZE)) == 0) {
				if (pvmw->ptl) {
					spin_unlock(pvmw->ptl);
					pvmw->ptl = NULL;
				}
				pte_unmap(pvmw->pte);
				pvmw->pte = NULL;
				return NEXT_PTE_RESTART;
			}
			pvmw->pte++;
			if ((pvmw->flags & PVMW_SYNC) && !pvmw->ptl) {
				pvmw->ptl = pte_lockptr(mm, pvmw->pmd);
				spin_lock(pvmw->ptl);
			}
		} while (pte_none(*pvmw->pte));

		if (!pvmw->ptl) {
			pvmw->ptl = pte_lockptr(mm, pvmw->pmd);
			spin_lock(pvmw->ptl);
		}
		/* this_pte: */
		if (check_pte(pvmw))
			return 1;
	}
}

/**
 * page_vma_mapped_walk - find where @pvmw->vma maps @pvmw->page, from @pvmw->address
 *
 * Returns true with the page table lock held (pvmw->ptl) and pvmw->pte set for each pte that
 * maps the page -- for a THP, each pte mapping any of its subpages -- or with pvmw->pte NULL
 * and the pmd lock held for a PMD mapping. Call it again to get the next mapping; it returns
 * false (and drops the lock) when there is none.
 */
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw)
{
	struct mm_struct *mm = pvmw->vma->vm_mm;
	struct page *page = pvmw->page;
	unsigned long end;
	pgd_t *pgd;
	p4d_t *p4d;
	pud_t *pud;
	pmd_t pmde;
	int found;

	/* A pmd mapping is the only one there can be, and the last call returned it. */
	if (pvmw->pmd && !pvmw->pte)
		return not_found(pvmw);

	if (unlikely(PageHuge(page)))
		model_not_modelled("page_vma_mapped_walk: hugetlb pages");

	/*
	 * Walking on to further ptes only makes sense for a THP (and filters out KSM
	 * pages, whose index would mislead vma_address_end()).
	 */
	end = PageTransCompound(page) ?
		vma_address_end(page, pvmw->vma) :
		pvmw->address + PAGE_SIZE;
	if (pvmw->pte) {
		found = next_pte(pvmw, end);
		if (found != NEXT_PTE_RESTART)
			return found;
	}
	do {
		pgd = pgd_offset(mm, pvmw->address);
		if (!pgd_present(*pgd)) {
			step_forward(pvmw, PGDIR_SIZE);
			continue;
		}
		p4d = p4d_offset(pgd, pvmw->address);
		if (!p4d_present(*p4d)) {
			step_forward(pvmw, P4D_SIZE);
			continue;
		}
		pud = pud_offset(p4d, pvmw->address);
		if (!pud_present(*pud)) {
			step_forward(pvmw, PUD_SIZE);
			continue;
		}

		pvmw->pmd = pmd_offset(pud, pvmw->address);
		/* One read of the pmd for the checks below. */
		pmde = READ_ONCE(*pvmw->pmd);

		if (pmd_trans_huge(pmde) || is_pmd_migration_entry(pmde)) {
			pvmw->ptl = pmd_lock(mm, pvmw->pmd);
			pmde = *pvmw->pmd;
			if (likely(pmd_trans_huge(pmde))) {
				if (pvmw->flags & PVMW_MIGRATION)
					return not_found(pvmw);
				if (pmd_page(pmde) != page)
					return not_found(pvmw);
				return true;
			}
			if (!pmd_present(pmde))
				model_not_modelled("page_vma_mapped_walk: PMD migration entries");
			/* Someone split the THP pmd meanwhile: walk its ptes. */
			spin_unlock(pvmw->ptl);
			pvmw->ptl = NULL;
		} else if (!pmd_present(pmde)) {
			/*
			 * With PVMW_SYNC, take and drop the THP pmd lock so that a
			 * concurrent zap_huge_pmd() has finished with the mapcount.
			 */
			if ((pvmw->flags & PVMW_SYNC) &&
			    PageTransCompound(page)) {
				spinlock_t *ptl = pmd_lock(mm, pvmw->pmd);

				spin_unlock(ptl);
			}
			step_forward(pvmw, PMD_SIZE);
			continue;
		}
		if (map_pte(pvmw) && check_pte(pvmw))
			return true;
		found = next_pte(pvmw, end);
		if (found != NEXT_PTE_RESTART)
			return found;
	} while (pvmw->address < end);

	return false;
}
