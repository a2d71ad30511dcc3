/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the folio walk of include/linux/pagewalk.h, read from Linux v6.13: look up the
 * folio mapped at one address with the page table lock held (folio_walk_start() in
 * mm/pagewalk.c), then drop the lock with folio_walk_end().
 */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

#include <linux/mm.h>
#include <linux/bits.h>

typedef int folio_walk_flags_t;

/* also find migration entries (the page they name is not exposed) */
#define FW_MIGRATION			((__force folio_walk_flags_t)BIT(0))
/* also find the shared zero page (not exposed either) */
#define FW_ZEROPAGE			((__force folio_walk_flags_t)BIT(1))

enum folio_walk_level {
	FW_LEVEL_PTE,
	FW_LEVEL_PMD,
	FW_LEVEL_PUD,
};

/* What folio_walk_start() found: the page, the entry it was found in and the lock held. */
struct folio_walk {
	struct page *page;
	enum folio_walk_level level;
	union {
		pte_t *ptep;
		pud_t *pudp;
		pmd_t *pmdp;
	};
	union {
		pte_t pte;
		pud_t pud;
		pmd_t pmd;
	};
	struct vm_area_struct *vma;
	spinlock_t *ptl;
};

struct folio *folio_walk_start(struct folio_walk *fw,
		struct vm_area_struct *vma, unsigned long addr,
		folio_walk_flags_t flags);

#define folio_walk_end(__fw, __vma) do { \
	spin_unlock((__fw)->ptl); \
	if (likely((__fw)->level == FW_LEVEL_PTE)) \
		pte_unmap((__fw)->ptep); \
	vma_pgtable_walk_end(__vma); \
} while (0)

#endif
