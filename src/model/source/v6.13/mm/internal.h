/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the parts of mm/internal.h the modelled functions use, read from Linux v6.13
 * (vma_address() by page offset and count, the pvmw-based vma_address_end(), the GUP flags
 * only GUP itself may set, gup_must_unshare(), the soft-dirty write-protect tests). Left out:
 * the rest of the file.
 */
#ifndef __MM_INTERNAL_H
#define __MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/rmap.h>

pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address);

/*
 * The user address in @vma of the first of @nr_pages pages from page offset @pgoff that the
 * vma maps, or -EFAULT when it maps none of them.
 */
static inline unsigned long vma_address(const struct vm_area_struct *vma,
		pgoff_t pgoff, unsigned long nr_pages)
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

/* Must a write to this entry fault first, for soft-dirty tracking? */
static inline bool pte_needs_soft_dirty_wp(struct vm_area_struct *vma, pte_t pte)
{
	return vma_soft_dirty_enabled(vma) && !pte_soft_dirty(pte);
}

static inline bool pmd_needs_soft_dirty_wp(struct vm_area_struct *vma, pmd_t pmd)
{
	return vma_soft_dirty_enabled(vma) && !pmd_soft_dirty(pmd);
}

int __must_check try_grab_folio(struct folio *folio, int refs,
				unsigned int flags);

/* The GUP flags only GUP itself sets (a caller passing one is refused). */
enum {
	FOLL_TOUCH = 1 << 16,
	FOLL_TRIED = 1 << 17,
	FOLL_REMOTE = 1 << 18,
	FOLL_PIN = 1 << 19,
	FOLL_FAST_ONLY = 1 << 20,
	FOLL_UNLOCKABLE = 1 << 21,
	FOLL_MADV_POPULATE = 1 << 22,
};

#define INTERNAL_GUP_FLAGS (FOLL_TOUCH | FOLL_TRIED | FOLL_REMOTE | FOLL_PIN | \
			    FOLL_FAST_ONLY | FOLL_UNLOCKABLE | \
			    FOLL_MADV_POPULATE)

/*
 * GUP must ask for an unsharing fault (FAULT_FLAG_UNSHARE) before it pins a write-protected
 * page that is not known to be exclusive to this process: an anonymous page that is not
 * PageAnonExclusive, or -- for a long-term pin -- a page of a private writable (COW) mapping.
 * @vma is NULL on the GUP-fast path.
 */
static inline bool gup_must_unshare(struct vm_area_struct *vma,
				    unsigned int flags, struct page *page)
{
	/* A write needs a writable entry, which is exclusive already. */
	if ((flags & (FOLL_WRITE | FOLL_PIN)) != FOLL_PIN)
		return false;
	/* The page's anon state holds until it is freed. */
	if (!PageAnon(page)) {
		/* Only long-term read-only pins must see later changes. */
		if (!(flags & FOLL_LONGTERM))
			return false;

		/* without the vma GUP-fast cannot tell: take the slow path */
		if (!vma)
			return true;

		/* only private writable mappings need COW broken early */
		return is_cow_mapping(vma->vm_flags);
	}

	/* Pairs with the barrier of folio_try_share_anon_rmap_*(). */
	if (IS_ENABLED(CONFIG_HAVE_GUP_FAST))
		smp_rmb();

	/* KSM pages are never exclusive, so they cannot be pinned. */
	return !PageAnonExclusive(page);
}

#endif
