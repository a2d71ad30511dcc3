// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/huge_memory.c, splitting a PMD mapping and following a huge PMD.
 *
 * Read from: Linux v5.14 (tag v5.14). Each function's code is v5.14's statement for
 * statement; src/model/source/v5.14/read-from.json holds the digest of each one's tokens and
 * the reason for every difference. The comments are our own.
 *
 * __split_huge_pmd_locked() (writing 512 PTEs from the huge PMD, withdrawing the deposited
 * table, moving the mapcounts) is a TypeScript primitive: kernel/mm/huge_memory.ts.
 * Left out: freeze (migration entries), huge zero page splits, devmap and PMD migration
 * entries, mlock; reaching them ends the run with verdict `error`.
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/mmu_notifier.h>
#include <linux/rmap.h>

static inline bool can_follow_write_pmd(pmd_t pmd, unsigned int flags)
{
	return pmd_write(pmd) ||
	       ((flags & FOLL_FORCE) && (flags & FOLL_COW) && pmd_dirty(pmd));
}

/*
 * Look up the subpage mapped by a huge PMD. The caller holds the pmd lock. Note the last step:
 * the compound head is advanced to the subpage of @addr, so any address that is not 2 MiB
 * aligned gives a tail page.
 */
struct page *follow_trans_huge_pmd(struct vm_area_struct *vma,
				   unsigned long addr,
				   pmd_t *pmd,
				   unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = NULL;

	assert_spin_locked(pmd_lockptr(mm, pmd));

	if (flags & FOLL_WRITE && !can_follow_write_pmd(*pmd, flags))
		goto out;

	/* Avoid dumping huge zero page */
	if ((flags & FOLL_DUMP) && is_huge_zero_pmd(*pmd))
		return ERR_PTR(-EFAULT);

	/* A NUMA hinting pmd: let the fault path handle it (it serialises against migration). */
	if ((flags & FOLL_NUMA) && pmd_protnone(*pmd))
		goto out;

	page = pmd_page(*pmd);
	VM_BUG_ON_PAGE(!PageHead(page) && !is_zone_device_page(page), page);

	if (!try_grab_page(page, flags))
		return ERR_PTR(-ENOMEM);

	if (flags & FOLL_TOUCH)
		touch_pmd(vma, addr, pmd, flags);

	if ((flags & FOLL_MLOCK) && (vma->vm_flags & VM_LOCKED)) {
		/*
		 * Only a THP this pmd alone maps is mlocked (mlock itself is not
		 * modelled): skip shared, double-mapped or truncated ones, and one
		 * whose lock someone else holds.
		 */
		if (PageAnon(page) && compound_mapcount(page) != 1)
			goto skip_mlock;
		if (PageDoubleMap(page) || !page->mapping)
			goto skip_mlock;
		if (!trylock_page(page))
			goto skip_mlock;
		if (page->mapping && !PageDoubleMap(page))
			mlock_vma_page(page);
		unlock_page(page);
	}
skip_mlock:
	page += (addr & ~HPAGE_PMD_MASK) >> PAGE_SHIFT;
	VM_BUG_ON_PAGE(!PageCompound(page) && !is_zone_device_page(page), page);

out:
	return page;
}

/*
 * Split the PMD mapping of a THP into PTE mappings. The CLEAR invalidation covers the whole
 * 2 MiB window and is started before the pmd lock is taken and before the pmd is looked at:
 * every call notifies, whether or not there is anything to split (notes §1.4). The range is
 * set up with mmu_notifier_range_init(), which leaves ->owner unset.
 */
void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		unsigned long address, bool freeze, struct page *page)
{
	spinlock_t *ptl;
	struct mmu_notifier_range range;
	bool do_unlock_page = false;
	pmd_t _pmd;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address & HPAGE_PMD_MASK,
				(address & HPAGE_PMD_MASK) + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(vma->vm_mm, pmd);

	/*
	 * Setting up migration entries needs the page to check the pmd against,
	 * or the wrong page could be replaced.
	 */
	VM_BUG_ON(freeze && !page);
	if (page) {
		VM_WARN_ON_ONCE(!PageLocked(page));
		if (page != pmd_page(*pmd))
			goto out;
	}

repeat:
	if (pmd_trans_huge(*pmd)) {
		if (!page) {
			page = pmd_page(*pmd);
			/*
			 * An anonymous THP is split with its page lock held, so that
			 * reuse_swap_page() sees a stable mapcount.
			 */
			if (PageAnon(page)) {
				if (unlikely(!trylock_page(page))) {
					get_page(page);
					_pmd = *pmd;
					spin_unlock(ptl);
					lock_page(page);
					spin_lock(ptl);
					if (unlikely(!pmd_same(*pmd, _pmd))) {
						unlock_page(page);
						put_page(page);
						page = NULL;
						goto repeat;
					}
					put_page(page);
				}
				do_unlock_page = true;
			}
		}
		if (PageMlocked(page))
			clear_page_mlock(page);
	} else if (!(pmd_devmap(*pmd) || is_pmd_migration_entry(*pmd)))
		goto out;
	__split_huge_pmd_locked(vma, pmd, range.start, freeze);
out:
	spin_unlock(ptl);
	if (do_unlock_page)
		unlock_page(page);
	/*
	 * The secondary-TLB ->invalidate_range() callback is not needed again here:
	 * only the range_end callbacks and the sequence end run.
	 */
	mmu_notifier_invalidate_range_only_end(&range);
}

/*
 * Split the PMD that maps @address, if the upper levels are present. There is no check of the
 * pmd itself: __split_huge_pmd() is called -- and notifies -- for any mapped address.
 */
void split_huge_pmd_address(struct vm_area_struct *vma, unsigned long address,
		bool freeze, struct page *page)
{
	pgd_t *pgd;
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	pgd = pgd_offset(vma->vm_mm, address);
	if (!pgd_present(*pgd))
		return;

	p4d = p4d_offset(pgd, address);
	if (!p4d_present(*p4d))
		return;

	pud = pud_offset(p4d, address);
	if (!pud_present(*pud))
		return;

	pmd = pmd_offset(pud, address);

	__split_huge_pmd(vma, pmd, address, freeze, page);
}

/* Changing the protection of a whole huge PMD is not modelled (scenarios split first). */
int change_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		unsigned long addr, pgprot_t newprot, unsigned long cp_flags)
{
	model_not_modelled("change_huge_pmd: mprotect of a PMD-mapped THP");
	return 0;
}
