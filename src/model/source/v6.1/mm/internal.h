/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the parts of mm/internal.h the modelled functions use, read from Linux v6.1
 * (vma_pgoff_address(), vma_address(), the pvmw-based vma_address_end(),
 * vma_soft_dirty_enabled()). Left out: the rest of the file.
 */
#ifndef __MM_INTERNAL_H
#define __MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/rmap.h>

pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address);

/*
 * The user address of page offset @pgoff inside @vma, or -EFAULT when none of the @nr_pages
 * pages starting there is inside it; a range that starts before the vma but reaches into it
 * gives vm_start.
 */
static inline unsigned long
vma_pgoff_address(pgoff_t pgoff, unsigned long nr_pages,
		  struct vm_area_struct *vma)
{
	unsigned long address;

	if (pgoff >= vma->vm_pgoff) {
		address = vma->vm_start +
			((pgoff - vma->vm_pgoff) << PAGE_SHIFT);
		/* past the vma's end, or wrapped */
		if (address < vma->vm_start || address >= vma->vm_end)
			address = -EFAULT;
	} else if (pgoff + nr_pages - 1 >= vma->vm_pgoff) {
		/* (no wrap possible: pgoff < vm_pgoff here) */
		address = vma->vm_start;
	} else {
		address = -EFAULT;
	}
	return address;
}

/* The user address of @page (all of a compound head) inside @vma, or -EFAULT. */
static inline unsigned long
vma_address(struct page *page, struct vm_area_struct *vma)
{
	VM_BUG_ON_PAGE(PageKsm(page), page);	/* a KSM page has no usable index */
	return vma_pgoff_address(page_to_pgoff(page), compound_nr(page), vma);
}

/*
 * One past the last user address the walk's pages can have inside the vma; assumes
 * vma_address() found a good start.
 */
static inline unsigned long vma_address_end(struct page_vma_mapped_walk *pvmw)
{
	struct vm_area_struct *vma = pvmw->vma;
	pgoff_t pgoff;
	unsigned long address;

	/* one page (KSM pages have no usable pgoff either) */
	if (pvmw->nr_pages == 1)
		return pvmw->address + PAGE_SIZE;

	pgoff = pvmw->pgoff + pvmw->nr_pages;
	address = vma->vm_start + ((pgoff - vma->vm_pgoff) << PAGE_SHIFT);
	/* past the vma's end, or wrapped */
	if (address < vma->vm_start || address > vma->vm_end)
		address = vma->vm_end;
	return address;
}

static inline bool vma_soft_dirty_enabled(struct vm_area_struct *vma)
{
	/*
	 * Without CONFIG_MEM_SOFT_DIRTY, VM_SOFTDIRTY is 0 and the test below would always
	 * say "enabled": check the config first.
	 */
	if (!IS_ENABLED(CONFIG_MEM_SOFT_DIRTY))
		return false;

	/* Tracking is on while the vma's flag is clear. */
	return !(vma->vm_flags & VM_SOFTDIRTY);
}

#endif
