// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/memory.c, where device-exclusive entries are consumed, as of Linux v6.15:
 * the CPU fault (do_swap_page -> remove_device_exclusive_entry -> restore_exclusive_pte, with a
 * reference on the folio taken before its lock) and fork (copy_nonpresent_pte ->
 * try_restore_exclusive_pte). Since the 2025 rework the entry keeps the mapcount, so the
 * restore maps the page again without touching it; the pte comes back writable when the vma
 * is and can_change_pte_writable() allows it (not from the entry type: there is one); the
 * devices are told with a CLEAR invalidation.
 *
 * Read from: Linux v6.15 mm/memory.c; the comments are our own.
 *
 * Only the device-exclusive branches are modelled. do_swap_page() on a real swap entry or a
 * device-private entry (migrate_to_ram), and copy_nonpresent_pte() on anything but a
 * device-exclusive entry, end the run with verdict `error` (model_not_modelled() in their
 * place). The rest of the fault path -- handle_mm_fault(), do_anonymous_page(),
 * do_wp_page()/wp_page_copy() and the THP fault -- and copy_page_range()/copy_pte_range() are
 * TypeScript primitives (kernel/mm/memory.ts); they call back into this file.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/rmap.h>
#include <linux/mmu_notifier.h>
#include <linux/swapops.h>
#include <linux/userfaultfd_k.h>
#include "internal.h"

/*
 * Faults that skip the swap cache wait here for one another (swap-in only). The kernel
 * declares it with DECLARE_WAIT_QUEUE_HEAD(), a macro the parser cannot see as a declaration.
 */
static wait_queue_head_t swapcache_wq;

/*
 * Put back the present pte a device-exclusive entry replaced, with the folio and the page table
 * locked and the devices already told. The entry holds the pte's reference and mapcount
 * already. The pte comes back old and read-only, and writable (dirty if the folio is) only in
 * a writable vma where can_change_pte_writable() says a write fault would not be needed: an
 * exclusive anonymous page. The folio lock keeps a device that just made the entry from seeing
 * it converted back before it could map the page.
 */
static void restore_exclusive_pte(struct vm_area_struct *vma,
		struct folio *folio, struct page *page, unsigned long address,
		pte_t *ptep, pte_t orig_pte)
{
	pte_t pte;

	VM_WARN_ON_FOLIO(!folio_test_locked(folio), folio);

	pte = pte_mkold(mk_pte(page, READ_ONCE(vma->vm_page_prot)));
	if (pte_swp_soft_dirty(orig_pte))
		pte = pte_mksoft_dirty(pte);

	if (pte_swp_uffd_wp(orig_pte))
		pte = pte_mkuffd_wp(pte);

	if ((vma->vm_flags & VM_WRITE) &&
	    can_change_pte_writable(vma, address, pte)) {
		if (folio_test_dirty(folio))
			pte = pte_mkdirty(pte);
		pte = pte_mkwrite(pte, vma);
	}
	set_pte_at(vma->vm_mm, address, ptep, pte);

	/* It was not present before: nothing to invalidate, but tell the MMU cache. */
	update_mmu_cache(vma, address, ptep);
}

/*
 * Restore a device-exclusive entry during fork, so that the caller copies a present pte.
 * Fork must not sleep here: a folio locked by someone else makes the fork fail (-EBUSY).
 */
static int try_restore_exclusive_pte(struct vm_area_struct *vma,
		unsigned long addr, pte_t *ptep, pte_t orig_pte)
{
	struct page *page = pfn_swap_entry_to_page(pte_to_swp_entry(orig_pte));
	struct folio *folio = page_folio(page);

	if (folio_trylock(folio)) {
		restore_exclusive_pte(vma, folio, page, addr, ptep, orig_pte);
		folio_unlock(folio);
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
	pte_t orig_pte = ptep_get(src_pte);
	pte_t pte = orig_pte;
	struct folio *folio;
	struct page *page;
	swp_entry_t entry = pte_to_swp_entry(orig_pte);

	if (likely(!non_swap_entry(entry))) {
		model_not_modelled("copy_nonpresent_pte: real swap entries");
	} else if (is_migration_entry(entry)) {
		model_not_modelled("copy_nonpresent_pte: migration entries");
	} else if (is_device_private_entry(entry)) {
		model_not_modelled("copy_nonpresent_pte: device private entries");
	} else if (is_device_exclusive_entry(entry)) {
		/*
		 * Restore the present pte first and copy that (-ENOENT). Only private
		 * writable (COW) mappings have device-exclusive entries.
		 */
		VM_BUG_ON(!is_cow_mapping(src_vma->vm_flags));
		if (try_restore_exclusive_pte(src_vma, addr, src_pte, orig_pte))
			return -EBUSY;
		return -ENOENT;
	} else if (is_pte_marker_entry(entry)) {
		model_not_modelled("copy_nonpresent_pte: pte markers (uffd-wp)");
	}
	if (!userfaultfd_wp(dst_vma))
		pte = pte_swp_clear_uffd_wp(pte);
	set_pte_at(dst_mm, addr, dst_pte, pte);
	return 0;
}

/*
 * Restore a device-exclusive entry on CPU access. The fault holds no pte lock, so the folio may
 * be unmapped and freed meanwhile: it first takes a reference (none left: the entry is gone,
 * nothing to do), then the folio lock (folio_lock_or_retry(): with FAULT_FLAG_ALLOW_RETRY a
 * contended lock makes the fault drop mmap_lock and retry; without it the fault sleeps until
 * the folio is unlocked). The devices are told with a CLEAR invalidation (owner NULL): they
 * lose the page like any other change of the pte.
 */
static vm_fault_t remove_device_exclusive_entry(struct vm_fault *vmf)
{
	struct folio *folio = page_folio(vmf->page);
	struct vm_area_struct *vma = vmf->vma;
	struct mmu_notifier_range range;
	vm_fault_t ret;

	if (!folio_try_get(folio))
		return 0;

	ret = folio_lock_or_retry(folio, vmf);
	if (ret) {
		folio_put(folio);
		return ret;
	}
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_CLEAR, 0,
				vma->vm_mm, vmf->address & PAGE_MASK,
				(vmf->address & PAGE_MASK) + PAGE_SIZE, NULL);
	mmu_notifier_invalidate_range_start(&range);

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				&vmf->ptl);
	if (likely(vmf->pte && pte_same(ptep_get(vmf->pte), vmf->orig_pte)))
		restore_exclusive_pte(vma, folio, vmf->page, vmf->address,
				      vmf->pte, vmf->orig_pte);

	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_unlock(folio);
	folio_put(folio);

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
	struct folio *swapcache, *folio = NULL;
	DECLARE_WAITQUEUE(wait, current);
	struct page *page;
	struct swap_info_struct *si = NULL;
	rmap_t rmap_flags = RMAP_NONE;
	bool need_clear_cache = false;
	bool exclusive = false;
	swp_entry_t entry;
	pte_t pte;
	vm_fault_t ret = 0;
	void *shadow = NULL;
	int nr_pages;
	unsigned long page_idx;
	unsigned long address;
	pte_t *ptep;

	if (!pte_unmap_same(vmf))
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
		} else if (is_pte_marker_entry(entry)) {
			ret = handle_pte_marker(vmf);
		} else {
			print_bad_pte(vma, vmf->address, vmf->orig_pte, NULL);
			ret = VM_FAULT_SIGBUS;
		}
		goto out;
	}

	model_not_modelled("do_swap_page: swap-in of a real swap entry");
out:
	if (need_clear_cache) {
		swapcache_clear(si, entry, nr_pages);
		if (waitqueue_active(&swapcache_wq))
			wake_up(&swapcache_wq);
	}
	if (si)
		put_swap_device(si);
	return ret;
}
