// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/memory.c, where device-exclusive entries are consumed: the CPU fault
 * (do_swap_page -> remove_device_exclusive_entry -> restore_exclusive_pte) and fork
 * (copy_nonpresent_pte -> try_restore_exclusive_pte).
 *
 * Read from: Linux v5.14 (tag v5.14). Each function's code is v5.14's statement for
 * statement; src/model/source/v5.14/read-from.json holds the digest of each one's tokens and
 * the reason for every difference. The comments are our own.
 *
 * Only the device-exclusive branches are modelled. do_swap_page() on a real swap entry, a
 * migration entry, a device-private entry or a hwpoison entry, and copy_nonpresent_pte() on
 * anything but a device-exclusive entry, end the run with verdict `error`. The rest of the
 * fault path -- handle_mm_fault(), do_anonymous_page(), do_wp_page()/wp_page_copy() and the
 * THP fault -- and copy_page_range()/copy_pte_range() are TypeScript primitives
 * (kernel/mm/memory.ts); they call back into this file.
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/mmu_notifier.h>
#include <linux/swapops.h>
#include "internal.h"

/*
 * Put back the present pte a device-exclusive entry replaced. Readable entries come back
 * read-only; writable ones writable and dirty. The entry's page reference becomes the pte's.
 */
static void restore_exclusive_pte(struct vm_area_struct *vma,
				  struct page *page, unsigned long address,
				  pte_t *ptep)
{
	pte_t pte;
	swp_entry_t entry;

	pte = pte_mkold(mk_pte(page, READ_ONCE(vma->vm_page_prot)));
	if (pte_swp_soft_dirty(*ptep))
		pte = pte_mksoft_dirty(pte);

	entry = pte_to_swp_entry(*ptep);
	if (pte_swp_uffd_wp(*ptep))
		pte = pte_mkuffd_wp(pte);
	else if (is_writable_device_exclusive_entry(entry))
		pte = maybe_mkwrite(pte_mkdirty(pte), vma);

	set_pte_at(vma->vm_mm, address, ptep, pte);

	/* The exclusive entry kept its page reference: the pte takes it over. */
	if (PageAnon(page))
		page_add_anon_rmap(page, vma, address, false);
	else
		/* Device exclusive entries are made for anonymous pages only. */
		WARN_ON_ONCE(!PageAnon(page));

	if (vma->vm_flags & VM_LOCKED)
		mlock_vma_page(page);

	/* It was not present before: nothing to invalidate, but tell the MMU cache. */
	update_mmu_cache(vma, address, ptep);
}

/*
 * Restore a device-exclusive entry during fork, so that the caller copies a present pte.
 * Fork must not sleep here: a page locked by someone else makes the fork fail (-EBUSY).
 */
static int
try_restore_exclusive_pte(pte_t *src_pte, struct vm_area_struct *vma,
			unsigned long addr)
{
	swp_entry_t entry = pte_to_swp_entry(*src_pte);
	struct page *page = pfn_swap_entry_to_page(entry);

	if (trylock_page(page)) {
		restore_exclusive_pte(vma, page, addr, src_pte);
		unlock_page(page);
		return 0;
	}

	return -EBUSY;
}

/*
 * Copy one non-present pte from parent to child. Returns 0 when copied, -EBUSY when fork must
 * back off, -ENOENT when the entry was made present again and must be copied as a present pte.
 */
static unsigned long
copy_nonpresent_pte(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		pte_t *dst_pte, pte_t *src_pte, struct vm_area_struct *dst_vma,
		struct vm_area_struct *src_vma, unsigned long addr, int *rss)
{
	unsigned long vm_flags = dst_vma->vm_flags;
	pte_t pte = *src_pte;
	struct page *page;
	swp_entry_t entry = pte_to_swp_entry(pte);

	if (likely(!non_swap_entry(entry))) {
		model_not_modelled("copy_nonpresent_pte: real swap entries");
	} else if (is_migration_entry(entry)) {
		model_not_modelled("copy_nonpresent_pte: migration entries");
	} else if (is_device_private_entry(entry)) {
		model_not_modelled("copy_nonpresent_pte: device private entries");
	} else if (is_device_exclusive_entry(entry)) {
		/*
		 * Turn the entry back into the pte it replaced and let the caller
		 * copy that; exclusive entries exist only in private (COW) mappings.
		 */
		VM_BUG_ON(!is_cow_mapping(src_vma->vm_flags));
		if (try_restore_exclusive_pte(src_pte, src_vma, addr))
			return -EBUSY;
		return -ENOENT;
	}
	if (!userfaultfd_wp(dst_vma))
		pte = pte_swp_clear_uffd_wp(pte);
	set_pte_at(dst_mm, addr, dst_pte, pte);
	return 0;
}

/*
 * Restore a device-exclusive entry on CPU access. The page lock is taken first
 * (lock_page_or_retry: with FAULT_FLAG_ALLOW_RETRY a locked page makes the fault drop mmap_lock
 * and retry; without it the fault sleeps until the page is unlocked). The device is told with
 * an EXCLUSIVE invalidation whose owner is NULL, so no driver filters it.
 * (5.14 takes no page reference here; the reference was added in 2023.)
 */
static vm_fault_t remove_device_exclusive_entry(struct vm_fault *vmf)
{
	struct page *page = vmf->page;
	struct vm_area_struct *vma = vmf->vma;
	struct mmu_notifier_range range;

	if (!lock_page_or_retry(page, vma->vm_mm, vmf->flags))
		return VM_FAULT_RETRY;
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,
				vma->vm_mm, vmf->address & PAGE_MASK,
				(vmf->address & PAGE_MASK) + PAGE_SIZE, NULL);
	mmu_notifier_invalidate_range_start(&range);

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				&vmf->ptl);
	if (likely(pte_same(*vmf->pte, vmf->orig_pte)))
		restore_exclusive_pte(vma, page, vmf->address, vmf->pte);

	pte_unmap_unlock(vmf->pte, vmf->ptl);
	unlock_page(page);

	mmu_notifier_invalidate_range_end(&range);
	return 0;
}

/*
 * Fault on a non-present, non-none pte. Only the non-swap entries the model knows are handled:
 * device-exclusive entries are restored; everything else is outside the model.
 */
vm_fault_t do_swap_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page = NULL, *swapcache;
	struct swap_info_struct *si = NULL;
	swp_entry_t entry;
	pte_t pte;
	int locked;
	int exclusive = 0;
	vm_fault_t ret = 0;
	void *shadow = NULL;

	if (!pte_unmap_same(vma->vm_mm, vmf->pmd, vmf->pte, vmf->orig_pte))
		goto out;

	entry = pte_to_swp_entry(vmf->orig_pte);
	if (unlikely(non_swap_entry(entry))) {
		if (is_migration_entry(entry)) {
			migration_entry_wait(vma->vm_mm, vmf->pmd,
					     vmf->address);
		} else if (is_device_exclusive_entry(entry)) {
			vmf->page = pfn_swap_entry_to_page(entry);
			ret = remove_device_exclusive_entry(vmf);
		} else if (is_device_private_entry(entry)) {
			model_not_modelled("do_swap_page: device private entries (migrate_to_ram)");
		} else if (is_hwpoison_entry(entry)) {
			ret = VM_FAULT_HWPOISON;
		} else {
			print_bad_pte(vma, vmf->address, vmf->orig_pte, NULL);
			ret = VM_FAULT_SIGBUS;
		}
		goto out;
	}

	model_not_modelled("do_swap_page: swap-in of a real swap entry");
out:
	if (si)
		put_swap_device(si);
	return ret;
}
