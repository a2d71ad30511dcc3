/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the folio lock and offset inlines of include/linux/pagemap.h, read from
 * Linux v6.13. folio_trylock(), __folio_lock(), __folio_lock_or_retry() and folio_unlock() are
 * builtins on the head's PG_locked (a waitable with an owner); so are the legacy page wrappers
 * (trylock_page, lock_page, unlock_page).
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/mm.h>

/* The folio's offset in PAGE_SIZE units. */
static inline pgoff_t folio_pgoff(struct folio *folio)
{
	return folio->index;
}

static inline void folio_lock(struct folio *folio)
{
	might_sleep();
	if (!folio_trylock(folio))
		__folio_lock(folio);
}

/*
 * Lock the folio for a fault: 0 once it is locked, or VM_FAULT_RETRY when the fault may be
 * retried and the lock is contended (__folio_lock_or_retry() has then dropped mmap_lock and
 * waited for the unlock).
 */
static inline vm_fault_t folio_lock_or_retry(struct folio *folio,
					     struct vm_fault *vmf)
{
	might_sleep();
	if (!folio_trylock(folio))
		return __folio_lock_or_retry(folio, vmf);
	return 0;
}

#endif
