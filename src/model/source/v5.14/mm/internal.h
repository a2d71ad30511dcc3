/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the parts of mm/internal.h the model uses. Read against Linux v5.14
 * (vma_address()/vma_address_end() as reworked by Hugh Dickins in June 2021).
 */
#ifndef __MM_INTERNAL_H
#define __MM_INTERNAL_H

#include <linux/mm.h>

/*
 * The user address of @page inside @vma, or -EFAULT when the page is not inside it. A THP head
 * that starts before the vma but overlaps it gives vm_start.
 */
static inline unsigned long
vma_address(struct page *page, struct vm_area_struct *vma)
{
	pgoff_t pgoff;
	unsigned long address;

	VM_BUG_ON_PAGE(PageKsm(page), page);	/* KSM page->index unusable */
	pgoff = page_to_pgoff(page);
	if (pgoff >= vma->vm_pgoff) {
		address = vma->vm_start +
			((pgoff - vma->vm_pgoff) << PAGE_SHIFT);
		/* The page's address falls outside the vma (or the sum wrapped). */
		if (address < vma->vm_start || address >= vma->vm_end)
			address = -EFAULT;
	} else if (PageHead(page) &&
		   pgoff + compound_nr(page) - 1 >= vma->vm_pgoff) {
		/* The check before keeps the end from wrapping to 0 on 32-bit. */
		address = vma->vm_start;
	} else {
		address = -EFAULT;
	}
	return address;
}

/* One past the last user address of @page (all of a compound page) inside @vma. */
static inline unsigned long
vma_address_end(struct page *page, struct vm_area_struct *vma)
{
	pgoff_t pgoff;
	unsigned long address;

	VM_BUG_ON_PAGE(PageKsm(page), page);	/* KSM page->index unusable */
	pgoff = page_to_pgoff(page) + compound_nr(page);
	address = vma->vm_start + ((pgoff - vma->vm_pgoff) << PAGE_SHIFT);
	/* The page's address falls outside the vma (or the sum wrapped). */
	if (address < vma->vm_start || address > vma->vm_end)
		address = vma->vm_end;
	return address;
}

#endif
