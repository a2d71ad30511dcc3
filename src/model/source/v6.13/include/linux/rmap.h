/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/rmap.h, read from Linux v6.13 (folio-based rmap walk, rmap_t
 * flags, the pfn-based page_vma_mapped_walk, the folio rmap calls of 6.8 that count a batch of
 * PTEs of one folio). The anon_vma objects and their interval tree are runtime objects;
 * folio_add_anon_rmap_ptes() and folio_remove_rmap_ptes() are builtins (mapcount and
 * PG_anon_exclusive accounting); the one-PTE forms are the kernel's macros over them. Left out: the file and KSM rmap, try_to_unmap/migrate,
 * page_referenced, page_mkclean and the rest of the header.
 */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/mm.h>
#include <linux/bits.h>

struct anon_vma {
	struct anon_vma *root;
	struct rw_semaphore rwsem;
	int refcount;
	unsigned long num_children;
	unsigned long num_active_vmas;
	struct anon_vma *parent;
	struct rb_root_cached rb_root;
};

struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
};

static inline void anon_vma_lock_read(struct anon_vma *anon_vma)
{
	down_read(&anon_vma->root->rwsem);
}

static inline int anon_vma_trylock_read(struct anon_vma *anon_vma)
{
	return down_read_trylock(&anon_vma->root->rwsem);
}

static inline void anon_vma_unlock_read(struct anon_vma *anon_vma)
{
	up_read(&anon_vma->root->rwsem);
}

/* No special request: the mapped anonymous (sub)page may be shared with other processes. */
#define RMAP_NONE		((__force rmap_t)0)

/* only this process maps the anonymous (sub)page */
#define RMAP_EXCLUSIVE		((__force rmap_t)BIT(0))

void folio_add_anon_rmap_ptes(struct folio *, struct page *, int nr_pages,
		struct vm_area_struct *, unsigned long address, rmap_t flags);
#define folio_add_anon_rmap_pte(folio, page, vma, address, flags) \
	folio_add_anon_rmap_ptes(folio, page, 1, vma, address, flags)

void folio_remove_rmap_ptes(struct folio *, struct page *, int nr_pages,
		struct vm_area_struct *);
#define folio_remove_rmap_pte(folio, page, vma) \
	folio_remove_rmap_ptes(folio, page, 1, vma)

int make_device_exclusive_range(struct mm_struct *mm, unsigned long start,
				unsigned long end, struct page **pages,
				void *arg);

/* take the pte lock for every entry looked at */
#define PVMW_SYNC		(1 << 0)
/* find migration entries, not present ptes */
#define PVMW_MIGRATION		(1 << 1)

struct page_vma_mapped_walk {
	unsigned long pfn;
	unsigned long nr_pages;
	pgoff_t pgoff;
	struct vm_area_struct *vma;
	unsigned long address;
	pmd_t *pmd;
	pte_t *pte;
	spinlock_t *ptl;
	unsigned int flags;
};

#define DEFINE_FOLIO_VMA_WALK(name, _folio, _vma, _address, _flags)	\
	struct page_vma_mapped_walk name = {				\
		.pfn = folio_pfn(_folio),				\
		.nr_pages = folio_nr_pages(_folio),			\
		.pgoff = folio_pgoff(_folio),				\
		.vma = _vma,						\
		.address = _address,					\
		.flags = _flags,					\
	}

static inline void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw)
{
	/* (a hugetlb pte pointer was never mapped with pte_offset_map()) */
	if (pvmw->pte && !is_vm_hugetlb_page(pvmw->vma))
		pte_unmap(pvmw->pte);
	if (pvmw->ptl)
		spin_unlock(pvmw->ptl);
}

bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);

/*
 * What rmap_walk() does for each vma that may map the folio: arg for rmap_one and invalid_vma;
 * try_lock to give up (contended = true) rather than sleep for the rmap lock; done() to stop.
 */
struct rmap_walk_control {
	void *arg;
	bool try_lock;
	bool contended;
	/* false stops the walk */
	bool (*rmap_one)(struct folio *folio, struct vm_area_struct *vma,
					unsigned long addr, void *arg);
	int (*done)(struct folio *folio);
	struct anon_vma *(*anon_lock)(const struct folio *folio,
				      struct rmap_walk_control *rwc);
	bool (*invalid_vma)(struct vm_area_struct *vma, void *arg);
};

void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc);
void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc);

struct anon_vma *folio_lock_anon_vma_read(const struct folio *folio,
					  struct rmap_walk_control *rwc);

#endif
