// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/rmap.c, the anon rmap walk and device-exclusive entries.
 *
 * Read from: Linux v5.14 (tag v5.14). Each function's code is v5.14's statement for
 * statement; src/model/source/v5.14/read-from.json holds the digest of each one's tokens and
 * the reason for every difference. The comments are our own.
 * The v10 base is ../../v10.patch over this tree (the series as posted).
 *
 * Left out (each ends the run with verdict `error` if reached): KSM and file-backed rmap
 * walks; everything of rmap.c that is not on the device-exclusive path (try_to_unmap,
 * try_to_migrate, page_referenced, page_mkclean, mlock ...). page_add_anon_rmap() and
 * page_remove_rmap() are TypeScript primitives (kernel/mm/rmap.ts): mapcount accounting.
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/mmu_notifier.h>
#include <linux/swapops.h>
#include "internal.h"

/*
 * Lock the anon_vma of an anonymous page for reading, or return NULL when the page is not
 * (or no longer) anonymous and mapped. Note that this reads the page's *own* ->mapping: for a
 * THP tail page that slot holds compound_nr / deferred_list / TAIL_MAPPING, whose low bits are
 * not PAGE_MAPPING_ANON, so a tail is "not anon" here (notes §1.7, §2).
 */
struct anon_vma *page_lock_anon_vma_read(struct page *page)
{
	struct anon_vma *anon_vma = NULL;
	struct anon_vma *root_anon_vma;
	unsigned long anon_mapping;

	rcu_read_lock();
	anon_mapping = (unsigned long)READ_ONCE(page->mapping);
	if ((anon_mapping & PAGE_MAPPING_FLAGS) != PAGE_MAPPING_ANON)
		goto out;
	if (!page_mapped(page))
		goto out;

	anon_vma = (struct anon_vma *) (anon_mapping - PAGE_MAPPING_ANON);
	root_anon_vma = READ_ONCE(anon_vma->root);
	if (down_read_trylock(&root_anon_vma->rwsem)) {
		/*
		 * Still mapped: this is still the page's anon_vma, and the
		 * read lock keeps it alive.
		 */
		if (!page_mapped(page)) {
			up_read(&root_anon_vma->rwsem);
			anon_vma = NULL;
		}
		goto out;
	}

	/* The trylock failed: pin the anon_vma, then sleep for the lock. */
	if (!atomic_inc_not_zero(&anon_vma->refcount)) {
		anon_vma = NULL;
		goto out;
	}

	if (!page_mapped(page)) {
		rcu_read_unlock();
		put_anon_vma(anon_vma);
		return NULL;
	}

	/* With the anon_vma referenced, sleeping for its lock is safe. */
	rcu_read_unlock();
	anon_vma_lock_read(anon_vma);

	if (atomic_dec_and_test(&anon_vma->refcount)) {
		/* We held the last reference: drop the lock and give up. */
		anon_vma_unlock_read(anon_vma);
		__put_anon_vma(anon_vma);
		anon_vma = NULL;
	}

	return anon_vma;

out:
	rcu_read_unlock();
	return anon_vma;
}

void page_unlock_anon_vma_read(struct anon_vma *anon_vma)
{
	anon_vma_unlock_read(anon_vma);
}

static int page_not_mapped(struct page *page)
{
	return !page_mapped(page);
}

static struct anon_vma *rmap_walk_anon_lock(struct page *page,
					struct rmap_walk_control *rwc)
{
	struct anon_vma *anon_vma;

	if (rwc->anon_lock)
		return rwc->anon_lock(page);

	/*
	 * No anon_lock callback: lock the anon_vma of the compound head (page_anon_vma() goes
	 * through compound_head(), unlike page_lock_anon_vma_read()).
	 */
	anon_vma = page_anon_vma(page);
	if (!anon_vma)
		return NULL;

	anon_vma_lock_read(anon_vma);
	return anon_vma;
}

/*
 * Call rwc->rmap_one for every VMA that may map @page. An anon_lock that fails (returns
 * NULL) makes the walk end silently, without a single callback.
 */
static void rmap_walk_anon(struct page *page, struct rmap_walk_control *rwc,
		bool locked)
{
	struct anon_vma *anon_vma;
	pgoff_t pgoff_start, pgoff_end;
	struct anon_vma_chain *avc;

	if (locked) {
		anon_vma = page_anon_vma(page);
		/* anon_vma disappear under us? */
		VM_BUG_ON_PAGE(!anon_vma, page);
	} else {
		anon_vma = rmap_walk_anon_lock(page, rwc);
	}
	if (!anon_vma)
		return;

	pgoff_start = page_to_pgoff(page);
	pgoff_end = pgoff_start + thp_nr_pages(page) - 1;
	anon_vma_interval_tree_foreach(avc, &anon_vma->rb_root,
			pgoff_start, pgoff_end) {
		struct vm_area_struct *vma = avc->vma;
		unsigned long address = vma_address(page, vma);

		VM_BUG_ON_VMA(address == -EFAULT, vma);
		cond_resched();

		if (rwc->invalid_vma && rwc->invalid_vma(vma, rwc->arg))
			continue;

		if (!rwc->rmap_one(page, vma, address, rwc->arg))
			break;
		if (rwc->done && rwc->done(page))
			break;
	}

	if (!locked)
		anon_vma_unlock_read(anon_vma);
}

/* Not modelled: the device-exclusive path only walks anonymous pages. */
static void rmap_walk_ksm(struct page *page, struct rmap_walk_control *rwc)
{
	model_not_modelled("rmap_walk_ksm: KSM pages");
}

static void rmap_walk_file(struct page *page, struct rmap_walk_control *rwc,
		bool locked)
{
	model_not_modelled("rmap_walk_file: file-backed pages");
}

void rmap_walk(struct page *page, struct rmap_walk_control *rwc)
{
	if (unlikely(PageKsm(page)))
		rmap_walk_ksm(page, rwc);
	else if (PageAnon(page))
		rmap_walk_anon(page, rwc, false);
	else
		rmap_walk_file(page, rwc, false);
}

struct make_exclusive_args {
	struct mm_struct *mm;
	unsigned long address;
	void *owner;
	bool valid;
};

/*
 * rmap_one callback: replace every PTE of @vma that maps (a subpage of) @page by a
 * device-exclusive swap entry, under one MMU_NOTIFY_EXCLUSIVE invalidation tagged with the
 * caller's owner so that the caller's own interval notifier can filter it.
 */
static bool page_make_device_exclusive_one(struct page *page,
		struct vm_area_struct *vma, unsigned long address, void *priv)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.page = page,
		.vma = vma,
		.address = address,
	};
	struct make_exclusive_args *args = priv;
	pte_t pteval;
	struct page *subpage;
	bool ret = true;
	struct mmu_notifier_range range;
	swp_entry_t entry;
	pte_t swp_pte;

	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,
				      vma->vm_mm, address, min(vma->vm_end,
				      address + page_size(page)), args->owner);
	mmu_notifier_invalidate_range_start(&range);

	while (page_vma_mapped_walk(&pvmw)) {
		/* Unexpected PMD-mapped THP? */
		VM_BUG_ON_PAGE(!pvmw.pte, page);

		if (!pte_present(*pvmw.pte)) {
			ret = false;
			page_vma_mapped_walk_done(&pvmw);
			break;
		}

		subpage = page - page_to_pfn(page) + pte_pfn(*pvmw.pte);
		address = pvmw.address;

		/* Nuke the page table entry. */
		flush_cache_page(vma, address, pte_pfn(*pvmw.pte));
		pteval = ptep_clear_flush(vma, address, pvmw.pte);

		/* The dirty bit moves to the page now that the pte is gone. */
		if (pte_dirty(pteval))
			set_page_dirty(page);

		/* Is the page still mapped writable where the caller asked for it? */
		if (args->mm == mm && args->address == address &&
		    pte_write(pteval))
			args->valid = true;

		/*
		 * Keep the pfn in a device-exclusive swap entry; a CPU fault on it
		 * (do_swap_page) restores the original mapping.
		 */
		if (pte_write(pteval))
			entry = make_writable_device_exclusive_entry(
							page_to_pfn(subpage));
		else
			entry = make_readable_device_exclusive_entry(
							page_to_pfn(subpage));
		swp_pte = swp_entry_to_pte(entry);
		if (pte_soft_dirty(pteval))
			swp_pte = pte_swp_mksoft_dirty(swp_pte);
		if (pte_uffd_wp(pteval))
			swp_pte = pte_swp_mkuffd_wp(swp_pte);

		set_pte_at(mm, address, pvmw.pte, swp_pte);

		/*
		 * The mapping is gone but the page reference it held now belongs
		 * to the swap entry: drop the mapcount only.
		 */
		page_remove_rmap(subpage, false);
	}

	mmu_notifier_invalidate_range_end(&range);

	return ret;
}

/*
 * Replace all mappings of @page by device-exclusive entries. The caller holds the page lock.
 * True when no mapping is left and the page was mapped writable at @address in @mm.
 */
static bool page_make_device_exclusive(struct page *page, struct mm_struct *mm,
				unsigned long address, void *owner)
{
	struct make_exclusive_args args = {
		.mm = mm,
		.address = address,
		.owner = owner,
		.valid = false,
	};
	struct rmap_walk_control rwc = {
		.rmap_one = page_make_device_exclusive_one,
		.done = page_not_mapped,
		.anon_lock = page_lock_anon_vma_read,
		.arg = &args,
	};

	/*
	 * Anonymous pages only, for now (writeback of file pages is not handled);
	 * tail pages must not be handed to rmap_walk().
	 */
	if (!PageAnon(page) || PageTail(page))
		return false;

	rmap_walk(page, &rwc);

	return args.valid && !page_mapcount(page);
}

/*
 * make_device_exclusive_range() - mark [start, end) for exclusive use by a device.
 * Returns the number of pages GUP found (or -errno). pages[i] is non-NULL only for a page that
 * was made exclusive; such a page is returned locked and with the GUP reference held, and the
 * caller must unlock and put it once its device mapping is programmed.
 */
int make_device_exclusive_range(struct mm_struct *mm, unsigned long start,
				unsigned long end, struct page **pages,
				void *owner)
{
	long npages = (end - start) >> PAGE_SHIFT;
	long i;

	npages = get_user_pages_remote(mm, start, npages,
				       FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD,
				       pages, NULL, NULL);
	if (npages < 0)
		return npages;

	for (i = 0; i < npages; i++, start += PAGE_SIZE) {
		if (!trylock_page(pages[i])) {
			put_page(pages[i]);
			pages[i] = NULL;
			continue;
		}

		if (!page_make_device_exclusive(pages[i], mm, start, owner)) {
			unlock_page(pages[i]);
			put_page(pages[i]);
			pages[i] = NULL;
		}
	}

	return npages;
}
