/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the mm structures. Objects of these types are made and owned by the TypeScript
 * runtime (kernel/mm/*.ts); these declarations give the model C their field names and types.
 * Read against: Linux v5.14 include/linux/mm_types.h, include/linux/rmap.h.
 *
 * struct page is declared in its "page cache / anon" view. The runtime keeps the real 64-byte
 * overlay (notes §2): reading ->mapping of a tail page returns what that slot holds there
 * (compound_nr, deferred_list, TAIL_MAPPING) and records a tail-mapping-read hazard.
 * Fields of the other views (compound_head, compound_order ...) are reached only through
 * builtins (compound_head(), compound_order(), PageTail() ...), as in the kernel.
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

/* The anon_vma interval tree: walked only through anon_vma_interval_tree_iter_first/next. */
struct rb_root_cached {
	int __model;
};

struct anon_vma {
	struct anon_vma *root;
	struct rw_semaphore rwsem;
	int refcount;
	struct anon_vma *parent;
	struct rb_root_cached rb_root;
};

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	unsigned long vm_flags;
	struct anon_vma *anon_vma;
	unsigned long vm_pgoff;
	const struct vm_operations_struct *vm_ops;
};

struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
};

struct mm_struct {
	struct rw_semaphore mmap_lock;
	struct mmu_notifier_subscriptions *notifier_subscriptions;
	int map_count;
};

#endif
