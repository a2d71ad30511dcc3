// SPDX-License-Identifier: GPL-2.0
/*
 * Model source: mm/page_vma_mapped.c, "where does this vma map this pfn range", as of Linux
 * v6.13: the walk is over [pvmw->pfn, pvmw->pfn + nr_pages) (DEFINE_FOLIO_VMA_WALK), device-
 * exclusive entries count as mappings, and a pte table is mapped without its lock first
 * (pte_offset_map_rw_nolock()), the lock taken only for an entry worth looking at and the pmd
 * checked again under it (a table that went away makes the walk restart).
 *
 * Read from: Linux v6.13 mm/page_vma_mapped.c; the comments are our own. One statement is
 * moved: the kernel enters the pte loop of a walk in progress with `if (pvmw->pte) goto
 * next_pte;` before the outer loop, a jump into a loop body the interpreter does not take;
 * here the same test and jump are the first statement of the outer loop's body (pvmw->pte is
 * NULL at the top of every later pass, so the walk visits the same entries in the same order
 * with the same locks).
 *
 * Left out (verdict `error` if reached): hugetlb vmas (hugetlb_walk() and friends are
 * builtins that say so).
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

/*
 * Map the pte table at pvmw->address and, for an entry that may map the range, lock it (the
 * lock is returned in *ptlp even when not taken, for a later match in the same table). False
 * with pvmw->pte NULL when there is no pte table any more; false with pvmw->pte set when the
 * entry is not worth locking.
 */
static bool map_pte(struct page_vma_mapped_walk *pvmw, pmd_t *pmdvalp,
		    spinlock_t **ptlp)
{
	pte_t ptent;

	if (pvmw->flags & PVMW_SYNC) {
		/* map and lock in one go */
		pvmw->pte = pte_offset_map_lock(pvmw->vma->vm_mm, pvmw->pmd,
						pvmw->address, &pvmw->ptl);
		*ptlp = pvmw->ptl;
		return !!pvmw->pte;
	}

again:
	pvmw->pte = pte_offset_map_rw_nolock(pvmw->vma->vm_mm, pvmw->pmd,
					     pvmw->address, pmdvalp, ptlp);
	if (!pvmw->pte)
		return false;

	ptent = ptep_get(pvmw->pte);

	if (pvmw->flags & PVMW_MIGRATION) {
		if (!is_swap_pte(ptent))
			return false;
	} else if (is_swap_pte(ptent)) {
		swp_entry_t entry;
		/*
		 * A device-private or device-exclusive swap entry still counts
		 * as a mapping of the page (it is in the page's mapcount, or
		 * holds its reference): lock it like a present pte.
		 */
		entry = pte_to_swp_entry(ptent);
		if (!is_device_private_entry(entry) &&
		    !is_device_exclusive_entry(entry))
			return false;
	} else if (!pte_present(ptent)) {
		return false;
	}
	spin_lock(*ptlp);
	/* the pmd changed before we held the lock: map the table again */
	if (unlikely(!pmd_same(*pmdvalp, pmdp_get_lockless(pvmw->pmd)))) {
		pte_unmap_unlock(pvmw->pte, *ptlp);
		goto again;
	}
	pvmw->ptl = *ptlp;

	return true;
}

/*
 * Does the locked pte at pvmw->pte map a pfn of the walk's range? Present ptes and (without
 * PVMW_MIGRATION) device-private/device-exclusive entries count; with PVMW_MIGRATION, migration
 * entries and -- still in v6.13 -- device-exclusive entries count.
 */
static bool check_pte(struct page_vma_mapped_walk *pvmw)
{
	unsigned long pfn;
	pte_t ptent = ptep_get(pvmw->pte);

	if (pvmw->flags & PVMW_MIGRATION) {
		swp_entry_t entry;
		if (!is_swap_pte(ptent))
			return false;
		entry = pte_to_swp_entry(ptent);

		if (!is_migration_entry(entry) &&
		    !is_device_exclusive_entry(entry))
			return false;

		pfn = swp_offset_pfn(entry);
	} else if (is_swap_pte(ptent)) {
		swp_entry_t entry;

		/* device-private (un-addressable) or device-exclusive */
		entry = pte_to_swp_entry(ptent);
		if (!is_device_private_entry(entry) &&
		    !is_device_exclusive_entry(entry))
			return false;

		pfn = swp_offset_pfn(entry);
	} else {
		if (!pte_present(ptent))
			return false;

		pfn = pte_pfn(ptent);
	}

	return (pfn - pvmw->pfn) < pvmw->nr_pages;
}

/* Do the PMD's HPAGE_PMD_NR pfns from @pfn overlap the walk's range? (no overflow) */
static bool check_pmd(unsigned long pfn, struct page_vma_mapped_walk *pvmw)
{
	if ((pfn + HPAGE_PMD_NR - 1) < pvmw->pfn)
		return false;
	if (pfn > pvmw->pfn + pvmw->nr_pages - 1)
		return false;
	return true;
}

static void step_forward(struct page_vma_mapped_walk *pvmw, unsigned long size)
{
	pvmw->address = (pvmw->address + size) & ~(size - 1);
	if (!pvmw->address)
		pvmw->address = ULONG_MAX;
}

/**
 * page_vma_mapped_walk - is the walk's pfn range mapped in @pvmw->vma at @pvmw->address?
 *
 * Returns true with the page table lock held (pvmw->ptl) and pvmw->pte set for each pte that
 * maps a pfn of the range, or with pvmw->pte NULL and the pmd lock held for a PMD mapping.
 * Call it again for the next mapping; it returns false (and drops the lock) when there is none.
 * page_vma_mapped_walk_done() ends a walk early.
 */
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw)
{
	struct vm_area_struct *vma = pvmw->vma;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long end;
	spinlock_t *ptl;
	pgd_t *pgd;
	p4d_t *p4d;
	pud_t *pud;
	pmd_t pmde;

	/* A PMD mapping was the only possible one, and the last call returned it. */
	if (pvmw->pmd && !pvmw->pte)
		return not_found(pvmw);

	if (unlikely(is_vm_hugetlb_page(vma))) {
		struct hstate *hstate = hstate_vma(vma);
		unsigned long size = huge_page_size(hstate);
		/* The only possible mapping was returned by the last call. */
		if (pvmw->pte)
			return not_found(pvmw);

		/* NULL when the pud is not present */
		pvmw->pte = hugetlb_walk(vma, pvmw->address, size);
		if (!pvmw->pte)
			return false;

		pvmw->ptl = huge_pte_lock(hstate, mm, pvmw->pte);
		if (!check_pte(pvmw))
			return not_found(pvmw);
		return true;
	}

	end = vma_address_end(pvmw);
restart:
	do {
		/* (moved from before `restart:`: a walk in progress goes on at the next pte) */
		if (pvmw->pte)
			goto next_pte;
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
		/* One read of the pmd for all the checks below. */
		pmde = pmdp_get_lockless(pvmw->pmd);

		if (pmd_trans_huge(pmde) || is_pmd_migration_entry(pmde) ||
		    (pmd_present(pmde) && pmd_devmap(pmde))) {
			pvmw->ptl = pmd_lock(mm, pvmw->pmd);
			pmde = *pvmw->pmd;
			if (!pmd_present(pmde)) {
				swp_entry_t entry;

				if (!thp_migration_supported() ||
				    !(pvmw->flags & PVMW_MIGRATION))
					return not_found(pvmw);
				entry = pmd_to_swp_entry(pmde);
				if (!is_migration_entry(entry) ||
				    !check_pmd(swp_offset_pfn(entry), pvmw))
					return not_found(pvmw);
				return true;
			}
			if (likely(pmd_trans_huge(pmde) || pmd_devmap(pmde))) {
				if (pvmw->flags & PVMW_MIGRATION)
					return not_found(pvmw);
				if (!check_pmd(pmd_pfn(pmde), pvmw))
					return not_found(pvmw);
				return true;
			}
			/* The THP pmd was split under us: go on at the pte level. */
			spin_unlock(pvmw->ptl);
			pvmw->ptl = NULL;
		} else if (!pmd_present(pmde)) {
			/*
			 * With PVMW_SYNC, take and drop the THP pmd lock so that a
			 * concurrent zap_huge_pmd() has finished with the mapcount.
			 */
			if ((pvmw->flags & PVMW_SYNC) &&
			    thp_vma_suitable_order(vma, pvmw->address,
						   PMD_ORDER) &&
			    (pvmw->nr_pages >= HPAGE_PMD_NR)) {
				spinlock_t *ptl = pmd_lock(mm, pvmw->pmd);

				spin_unlock(ptl);
			}
			step_forward(pvmw, PMD_SIZE);
			continue;
		}
		if (!map_pte(pvmw, &pmde, &ptl)) {
			/* no pte table: look at the pmd again */
			if (!pvmw->pte)
				goto restart;
			goto next_pte;
		}
this_pte:
		if (check_pte(pvmw))
			return true;
next_pte:
		do {
			pvmw->address += PAGE_SIZE;
			if (pvmw->address >= end)
				return not_found(pvmw);
			/* Crossed into the next page table? */
			if ((pvmw->address & (PMD_SIZE - PAGE_SIZE)) == 0) {
				if (pvmw->ptl) {
					spin_unlock(pvmw->ptl);
					pvmw->ptl = NULL;
				}
				pte_unmap(pvmw->pte);
				pvmw->pte = NULL;
				goto restart;
			}
			pvmw->pte++;
		} while (pte_none(ptep_get(pvmw->pte)));

		if (!pvmw->ptl) {
			/* lock the table, unless it went away meanwhile */
			spin_lock(ptl);
			if (unlikely(!pmd_same(pmde, pmdp_get_lockless(pvmw->pmd)))) {
				pte_unmap_unlock(pvmw->pte, ptl);
				pvmw->pte = NULL;
				goto restart;
			}
			pvmw->ptl = ptl;
		}
		goto this_pte;
	} while (pvmw->address < end);

	return false;
}
