// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/rmap.c, the anon rmap walk and device-exclusive entries, as of Linux v6.13,
 * the last release before the 2025 rework: make_device_exclusive_range() over a range of pages
 * (skipping tail pages, putting the folio), folio_make_device_exclusive() walking every mapping
 * of the folio, the entry dropping the mapcount (folio_remove_rmap_pte()) and keeping the
 * reference, two entry types (writable and readable).
 *
 * Read from: Linux v6.13 mm/rmap.c (statements, identifiers, calls and conditions as the kernel
 * has them); the comments are our own. rmap_walk_ksm() lives in mm/ksm.c in the kernel.
 *
 * Left out (each ends the run with verdict `error` if reached): KSM and file-backed rmap walks;
 * everything of rmap.c that is not on the device-exclusive path (try_to_unmap, try_to_migrate,
 * folio_referenced, folio_mkclean, mlock ...). folio_add_anon_rmap_ptes() and
 * folio_remove_rmap_ptes() are TypeScript primitives (kernel/builtins/folio-rmap.ts): mapcount
 * and PG_anon_exclusive accounting.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/rmap.h>
#include <linux/mmu_notifier.h>
#include <linux/swapops.h>
#include "internal.h"

/*
 * Lock the anon_vma of an anonymous, mapped folio for reading, or return NULL when it is not
 * (or no longer) one. A contended lock is waited for with a reference on the anon_vma, unless
 * the walk asked for try_lock (then: NULL and rwc->contended).
 */
struct anon_vma *folio_lock_anon_vma_read(const struct folio *folio,
					  struct rmap_walk_control *rwc)
{
	struct anon_vma *anon_vma = NULL;
	struct anon_vma *root_anon_vma;
	unsigned long anon_mapping;

retry:
	rcu_read_lock();
	anon_mapping = (unsigned long)READ_ONCE(folio->mapping);
	if ((anon_mapping & PAGE_MAPPING_FLAGS) != PAGE_MAPPING_ANON)
		goto out;
	if (!folio_mapped(folio))
		goto out;

	anon_vma = (struct anon_vma *) (anon_mapping - PAGE_MAPPING_ANON);
	root_anon_vma = READ_ONCE(anon_vma->root);
	if (down_read_trylock(&root_anon_vma->rwsem)) {
		/*
		 * Without the folio lock the folio may have moved to another
		 * anon_vma meanwhile (folio_move_anon_rmap()): start again.
		 */
		if (unlikely((unsigned long)READ_ONCE(folio->mapping) !=
			     anon_mapping)) {
			up_read(&root_anon_vma->rwsem);
			rcu_read_unlock();
			goto retry;
		}

		/*
		 * Still mapped: this is still the folio's anon_vma, and the
		 * read lock keeps it alive.
		 */
		if (!folio_mapped(folio)) {
			up_read(&root_anon_vma->rwsem);
			anon_vma = NULL;
		}
		goto out;
	}

	if (rwc && rwc->try_lock) {
		anon_vma = NULL;
		rwc->contended = true;
		goto out;
	}

	/* The trylock failed: pin the anon_vma, then sleep for the lock. */
	if (!atomic_inc_not_zero(&anon_vma->refcount)) {
		anon_vma = NULL;
		goto out;
	}

	if (!folio_mapped(folio)) {
		rcu_read_unlock();
		put_anon_vma(anon_vma);
		return NULL;
	}

	/* The anon_vma is pinned: sleeping for its lock is safe. */
	rcu_read_unlock();
	anon_vma_lock_read(anon_vma);

	/* The same re-check after sleeping for the lock. */
	if (unlikely((unsigned long)READ_ONCE(folio->mapping) !=
		     anon_mapping)) {
		anon_vma_unlock_read(anon_vma);
		put_anon_vma(anon_vma);
		anon_vma = NULL;
		goto retry;
	}

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

/*
 * The pmd slot that would map @address if the upper levels are present; NULL otherwise. What
 * the pmd holds is not looked at.
 */
pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address)
{
	pgd_t *pgd;
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd = NULL;

	pgd = pgd_offset(mm, address);
	if (!pgd_present(*pgd))
		goto out;

	p4d = p4d_offset(pgd, address);
	if (!p4d_present(*p4d))
		goto out;

	pud = pud_offset(p4d, address);
	if (!pud_present(*pud))
		goto out;

	pmd = pmd_offset(pud, address);
out:
	return pmd;
}

static int folio_not_mapped(struct folio *folio)
{
	return !folio_mapped(folio);
}

struct make_exclusive_args {
	struct mm_struct *mm;
	unsigned long address;
	void *owner;
	bool valid;
};

/*
 * rmap_one callback: replace every PTE of @vma that maps a page of @folio by a device-exclusive
 * swap entry, under one MMU_NOTIFY_EXCLUSIVE invalidation tagged with the caller's owner so that
 * the caller's own interval notifier can filter it.
 */
static bool page_make_device_exclusive_one(struct folio *folio,
		struct vm_area_struct *vma, unsigned long address, void *priv)
{
	struct mm_struct *mm = vma->vm_mm;
	DEFINE_FOLIO_VMA_WALK(pvmw, folio, vma, address, 0);
	struct make_exclusive_args *args = priv;
	pte_t pteval;
	struct page *subpage;
	bool ret = true;
	struct mmu_notifier_range range;
	swp_entry_t entry;
	pte_t swp_pte;
	pte_t ptent;

	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0,
				      vma->vm_mm, address, min(vma->vm_end,
				      address + folio_size(folio)),
				      args->owner);
	mmu_notifier_invalidate_range_start(&range);

	while (page_vma_mapped_walk(&pvmw)) {
		/* a PMD mapping cannot be here: GUP split it */
		VM_BUG_ON_FOLIO(!pvmw.pte, folio);

		ptent = ptep_get(pvmw.pte);
		if (!pte_present(ptent)) {
			ret = false;
			page_vma_mapped_walk_done(&pvmw);
			break;
		}

		subpage = folio_page(folio,
				pte_pfn(ptent) - folio_pfn(folio));
		address = pvmw.address;

		/* Clear the pte (and flush the TLB). */
		flush_cache_page(vma, address, pte_pfn(ptent));
		pteval = ptep_clear_flush(vma, address, pvmw.pte);

		/* The dirty bit moves to the folio now that the pte is gone. */
		if (pte_dirty(pteval))
			folio_mark_dirty(folio);

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
		folio_remove_rmap_pte(folio, subpage, vma);
	}

	mmu_notifier_invalidate_range_end(&range);

	return ret;
}

/*
 * Replace all mappings of @folio by device-exclusive entries. The caller holds the folio lock.
 * True when no mapping is left and the folio was mapped writable at @address in @mm.
 */
static bool folio_make_device_exclusive(struct folio *folio,
		struct mm_struct *mm, unsigned long address, void *owner)
{
	struct make_exclusive_args args = {
		.mm = mm,
		.address = address,
		.owner = owner,
		.valid = false,
	};
	struct rmap_walk_control rwc = {
		.rmap_one = page_make_device_exclusive_one,
		.done = folio_not_mapped,
		.anon_lock = folio_lock_anon_vma_read,
		.arg = &args,
	};

	/* Anonymous folios only, for now (writeback of file folios is not handled). */
	if (!folio_test_anon(folio))
		return false;

	rmap_walk(folio, &rwc);

	return args.valid && !folio_mapcount(folio);
}

/*
 * make_device_exclusive_range() - mark [start, end) for exclusive use by a device.
 * Returns the number of pages GUP found (or -errno). pages[i] is non-NULL only for a page that
 * was made exclusive; such a page is returned locked and with the GUP reference held, and the
 * caller must unlock and put it once its device mapping is programmed. A tail page of a large
 * folio is never made exclusive: its reference is dropped and its slot cleared.
 */
int make_device_exclusive_range(struct mm_struct *mm, unsigned long start,
				unsigned long end, struct page **pages,
				void *owner)
{
	long npages = (end - start) >> PAGE_SHIFT;
	long i;

	npages = get_user_pages_remote(mm, start, npages,
				       FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD,
				       pages, NULL);
	if (npages < 0)
		return npages;

	for (i = 0; i < npages; i++, start += PAGE_SIZE) {
		struct folio *folio = page_folio(pages[i]);
		if (PageTail(pages[i]) || !folio_trylock(folio)) {
			folio_put(folio);
			pages[i] = NULL;
			continue;
		}

		if (!folio_make_device_exclusive(folio, mm, start, owner)) {
			folio_unlock(folio);
			folio_put(folio);
			pages[i] = NULL;
		}
	}

	return npages;
}

static struct anon_vma *rmap_walk_anon_lock(const struct folio *folio,
					    struct rmap_walk_control *rwc)
{
	struct anon_vma *anon_vma;

	if (rwc->anon_lock)
		return rwc->anon_lock(folio, rwc);

	/*
	 * No anon_lock callback: lock the folio's anon_vma, which the caller keeps
	 * alive (mmap_lock or its own reference).
	 */
	anon_vma = folio_anon_vma(folio);
	if (!anon_vma)
		return NULL;

	if (anon_vma_trylock_read(anon_vma))
		goto out;

	if (rwc->try_lock) {
		anon_vma = NULL;
		rwc->contended = true;
		goto out;
	}

	anon_vma_lock_read(anon_vma);
out:
	return anon_vma;
}

/*
 * Call rwc->rmap_one for every VMA that may map @folio. An anon_lock that fails (returns NULL)
 * makes the walk end silently, without a single callback.
 */
static void rmap_walk_anon(struct folio *folio,
		struct rmap_walk_control *rwc, bool locked)
{
	struct anon_vma *anon_vma;
	pgoff_t pgoff_start, pgoff_end;
	struct anon_vma_chain *avc;

	if (locked) {
		anon_vma = folio_anon_vma(folio);
		/* the caller holds the anon_vma lock: it must exist */
		VM_BUG_ON_FOLIO(!anon_vma, folio);
	} else {
		anon_vma = rmap_walk_anon_lock(folio, rwc);
	}
	if (!anon_vma)
		return;

	pgoff_start = folio_pgoff(folio);
	pgoff_end = pgoff_start + folio_nr_pages(folio) - 1;
	anon_vma_interval_tree_foreach(avc, &anon_vma->rb_root,
			pgoff_start, pgoff_end) {
		struct vm_area_struct *vma = avc->vma;
		unsigned long address = vma_address(vma, pgoff_start,
				folio_nr_pages(folio));

		VM_BUG_ON_VMA(address == -EFAULT, vma);
		cond_resched();

		if (rwc->invalid_vma && rwc->invalid_vma(vma, rwc->arg))
			continue;

		if (!rwc->rmap_one(folio, vma, address, rwc->arg))
			break;
		if (rwc->done && rwc->done(folio))
			break;
	}

	if (!locked)
		anon_vma_unlock_read(anon_vma);
}

/* Not modelled: the device-exclusive path only walks anonymous folios. */
static void rmap_walk_ksm(struct folio *folio, struct rmap_walk_control *rwc)
{
	model_not_modelled("rmap_walk_ksm: KSM folios");
}

static void rmap_walk_file(struct folio *folio,
		struct rmap_walk_control *rwc, bool locked)
{
	model_not_modelled("rmap_walk_file: file-backed folios");
}

void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc)
{
	if (unlikely(folio_test_ksm(folio)))
		rmap_walk_ksm(folio, rwc);
	else if (folio_test_anon(folio))
		rmap_walk_anon(folio, rwc, false);
	else
		rmap_walk_file(folio, rwc, false);
}

/* As rmap_walk(), with the rmap lock already held by the caller. */
void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc)
{
	/* KSM folios cannot be walked with the lock held */
	VM_BUG_ON_FOLIO(folio_test_ksm(folio), folio);
	if (folio_test_anon(folio))
		rmap_walk_anon(folio, rwc, true);
	else
		rmap_walk_file(folio, rwc, true);
}
