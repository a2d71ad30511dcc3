/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the mm structures. Objects of these types are made and owned by the TypeScript
 * runtime (kernel/mm/*.ts); these declarations give the model C their field names and types.
 * Read against: Linux v6.1 include/linux/mm_types.h, include/linux/rmap.h.
 *
 * struct page is declared in its "page cache / anon" view. The runtime keeps the real 64-byte
 * overlay (notes §2): reading ->mapping of a tail page returns what that slot holds there
 * (compound_pincount and compound_nr in the first tail, deferred_list in the second,
 * TAIL_MAPPING beyond) and records a tail-mapping-read hazard.
 *
 * struct folio is the head page seen as the whole compound page: its first words are the
 * head's struct page (the union with `struct page page`), the fields after them live in the
 * first tail page. A `struct folio *` is a pointer to the head's struct page in the runtime.
 * Left out: the lru/buddy/pool/zone-device views of struct page and every field of the
 * vm_area_struct and mm_struct the modelled functions do not read.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct address_space;
struct vm_operations_struct;
struct mmu_notifier_subscriptions;

struct page {
	unsigned long flags;
	struct address_space *mapping;
	pgoff_t index;
	unsigned long private;
	int _mapcount;
	int _refcount;
};

struct folio {
	union {
		struct {
			unsigned long flags;
			struct address_space *mapping;
			pgoff_t index;
			void *private;
			int _mapcount;
			int _refcount;
		};
		struct page page;
	};
	unsigned long _flags_1;
	unsigned long __head;
	unsigned char _folio_dtor;
	unsigned char _folio_order;
	int _total_mapcount;
	int _pincount;
	unsigned int _folio_nr_pages;
};

/* The anon_vma interval tree: walked only through anon_vma_interval_tree_iter_first/next. */
struct rb_root_cached {
	int __model;
};

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	unsigned long vm_flags;
	struct anon_vma *anon_vma;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
};

struct mm_struct {
	int mm_users;
	int map_count;
	unsigned long flags;
	struct rw_semaphore mmap_lock;
	struct mmu_notifier_subscriptions *notifier_subscriptions;
};

#endif
