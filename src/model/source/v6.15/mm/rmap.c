// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/rmap.c, the anon rmap walk and device-exclusive entries, as of Linux v6.15,
 * after David Hildenbrand's 2025 rework ("mm: fixes for device-exclusive entries"): one page at
 * a time, make_device_exclusive() faults the page in writable with GUP (splitting a PMD
 * mapping), locks its folio, finds the one writable pte mapping it with folio_walk_start() and
 * replaces it by the single SWP_DEVICE_EXCLUSIVE entry type -- keeping the mapcount -- under
 * an EXCLUSIVE invalidation of that page, retrying GUP when the walk finds something else.
 *
 * Read from: Linux v6.15 mm/rmap.c (statements, identifiers, calls and conditions as the kernel
 * has them); the comments are our own. rmap_walk_ksm() lives in mm/ksm.c in the kernel.
 *
 * Left out (each ends the run with verdict `error` if reached): KSM and file-backed rmap walks
 * (__rmap_walk_file() is a stub); everything of rmap.c that is not on the device-exclusive path
 * (try_to_unmap, try_to_migrate, folio_referenced, folio_mkclean, mlock ...). The folio rmap
 * calls (folio_add_anon_rmap_ptes() ...) are TypeScript primitives
 * (kernel/builtins/folio-rmap.ts).
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/rmap.h>
#include <linux/mmu_notifier.h>
#include <linux/pagewalk.h>
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

/*
 * make_device_exclusive() - give a device exclusive access to the page mapped at @addr: the
 * pte becomes a device-exclusive entry, so a CPU access faults and restores it (the driver
 * learns of that by an invalidation). The page's folio is returned locked and referenced in
 * *@foliop; the caller programs its device under its notifier lock, then unlocks and puts the
 * folio. Anonymous, non-hugetlb folios only; the caller holds mmap_lock. A PMD mapping is split
 * first; any page of a large folio can be made exclusive. The EXCLUSIVE invalidation carries
 * @owner, which the caller's notifier must filter, or it would retry forever.
 * Returns the page, or an ERR_PTR().
 */
struct page *make_device_exclusive(struct mm_struct *mm, unsigned long addr,
		void *owner, struct folio **foliop)
{
	struct mmu_notifier_range range;
	struct folio *folio, *fw_folio;
	struct vm_area_struct *vma;
	struct folio_walk fw;
	struct page *page;
	swp_entry_t entry;
	pte_t swp_pte;
	int ret;

	mmap_assert_locked(mm);
	addr = PAGE_ALIGN_DOWN(addr);

	/*
	 * Fault the page in writable (a device-exclusive entry already there is restored by
	 * that fault, another device's too) and take a reference.
	 */
retry:
	page = get_user_page_vma_remote(mm, addr,
					FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD,
					&vma);
	if (IS_ERR(page))
		return page;
	folio = page_folio(page);

	if (!folio_test_anon(folio) || folio_test_hugetlb(folio)) {
		folio_put(folio);
		return ERR_PTR(-EOPNOTSUPP);
	}

	ret = folio_lock_killable(folio);
	if (ret) {
		folio_put(folio);
		return ERR_PTR(ret);
	}

	/* Secondary MMUs unmap the page now; the caller filters its own owner. */
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0,
				      mm, addr, addr + PAGE_SIZE, owner);
	mmu_notifier_invalidate_range_start(&range);

	/*
	 * Look again under the pte lock: still this page, mapped writable by a pte (the only
	 * mapping a writable anonymous page can have)? Else start over.
	 */
	fw_folio = folio_walk_start(&fw, vma, addr, 0);
	if (fw_folio != folio || fw.page != page ||
	    fw.level != FW_LEVEL_PTE || !pte_write(fw.pte)) {
		if (fw_folio)
			folio_walk_end(&fw, vma);
		mmu_notifier_invalidate_range_end(&range);
		folio_unlock(folio);
		folio_put(folio);
		goto retry;
	}

	/* Clear the pte (and flush the TLB) to get its final dirty bit. */
	flush_cache_page(vma, addr, page_to_pfn(page));
	fw.pte = ptep_clear_flush(vma, addr, fw.ptep);

	/* The dirty bit moves to the folio now that the pte is gone. */
	if (pte_dirty(fw.pte))
		folio_mark_dirty(folio);

	/*
	 * Keep the pfn in a device-exclusive entry; the reference and the mapcount stay with
	 * it. A fault on it (do_swap_page) restores the pte under the folio lock.
	 */
	entry = make_device_exclusive_entry(page_to_pfn(page));
	swp_pte = swp_entry_to_pte(entry);
	if (pte_soft_dirty(fw.pte))
		swp_pte = pte_swp_mksoft_dirty(swp_pte);
	/* (a writable pte has no uffd-wp bit to carry over) */
	set_pte_at(mm, addr, fw.ptep, swp_pte);

	folio_walk_end(&fw, vma);
	mmu_notifier_invalidate_range_end(&range);
	*foliop = folio;
	return page;
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

/* Not modelled: file-backed folios are never made device-exclusive. */
static void __rmap_walk_file(struct folio *folio, struct address_space *mapping,
			     pgoff_t pgoff_start, unsigned long nr_pages,
			     struct rmap_walk_control *rwc, bool locked)
{
	model_not_modelled("__rmap_walk_file: file-backed folios");
}

/* The walk of a locked file-backed folio, by its mapping and index. */
static void rmap_walk_file(struct folio *folio,
		struct rmap_walk_control *rwc, bool locked)
{
	VM_BUG_ON_FOLIO(!folio_test_locked(folio), folio);

	if (!folio->mapping)
		return;

	__rmap_walk_file(folio, folio->mapping, folio->index,
			 folio_nr_pages(folio), rwc, locked);
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
