/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the folio lock and offset inlines of include/linux/pagemap.h, read from
 * Linux v6.1. folio_trylock(), __folio_lock(), __folio_lock_or_retry() and folio_unlock() are
 * builtins on the head's PG_locked (a waitable with an owner); so are the legacy page wrappers
 * (trylock_page, lock_page, unlock_page).
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/mm.h>

/* The folio's offset in PAGE_SIZE units (hugetlb folios count in their own unit). */
static inline pgoff_t folio_pgoff(struct folio *folio)
{
	if (unlikely(folio_test_hugetlb(folio)))
		return hugetlb_basepage_index(&folio->page);
	return folio->index;
}

static inline void folio_lock(struct folio *folio)
{
	might_sleep();
	if (!folio_trylock(folio))
		__folio_lock(folio);
}

/*
 * Lock the folio, or -- when the fault may be retried and the lock is contended -- drop
 * mmap_lock, wait for the unlock and return false (see __folio_lock_or_retry()).
 */
static inline bool folio_lock_or_retry(struct folio *folio,
		struct mm_struct *mm, unsigned int flags)
{
	might_sleep();
	return folio_trylock(folio) || __folio_lock_or_retry(folio, mm, flags);
}

#endif
