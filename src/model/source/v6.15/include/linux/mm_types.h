/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the mm structures. Objects of these types are made and owned by the TypeScript
 * runtime (kernel/mm/*.ts); these declarations give the model C their field names and types.
 * Read against: Linux v6.15 include/linux/mm_types.h, include/linux/rmap.h (struct folio's
 * first-tail fields as 6.15's MM owner tracking left them: without NR_PAGES_IN_LARGE_FOLIO
 * there is no page count field; the mm ids are left out).
 *
 * struct page is declared in its "page cache / anon" view. The runtime keeps the real 64-byte
 * overlay (notes §2): reading ->mapping of a tail page returns what that slot holds there and
 * records a tail-mapping-read hazard.
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
	/* the first tail page: the order is the low byte of _flags_1 */
	unsigned long _flags_1;
	unsigned long _head_1;
	int _large_mapcount;
	int _nr_pages_mapped;
	int _entire_mapcount;
	int _pincount;
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

/* enum vm_fault_reason: what a fault handler returns (vm_fault_t bits) */
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002
#define VM_FAULT_MAJOR		0x000004
#define VM_FAULT_HWPOISON	0x000010
#define VM_FAULT_HWPOISON_LARGE	0x000020
#define VM_FAULT_SIGSEGV	0x000040
#define VM_FAULT_NOPAGE		0x000100
#define VM_FAULT_LOCKED		0x000200
#define VM_FAULT_RETRY		0x000400
#define VM_FAULT_FALLBACK	0x000800
#define VM_FAULT_DONE_COW	0x001000
#define VM_FAULT_NEEDDSYNC	0x002000
#define VM_FAULT_COMPLETED	0x004000
#define VM_FAULT_HINDEX_MASK	0x0f0000

#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS |	\
			VM_FAULT_SIGSEGV | VM_FAULT_HWPOISON |	\
			VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

enum fault_flag {
	FAULT_FLAG_WRITE =		1 << 0,
	FAULT_FLAG_MKWRITE =		1 << 1,
	FAULT_FLAG_ALLOW_RETRY =	1 << 2,
	FAULT_FLAG_RETRY_NOWAIT = 	1 << 3,
	FAULT_FLAG_KILLABLE =		1 << 4,
	FAULT_FLAG_TRIED = 		1 << 5,
	FAULT_FLAG_USER =		1 << 6,
	FAULT_FLAG_REMOTE =		1 << 7,
	FAULT_FLAG_INSTRUCTION =	1 << 8,
	FAULT_FLAG_INTERRUPTIBLE =	1 << 9,
	FAULT_FLAG_UNSHARE =		1 << 10,
	FAULT_FLAG_ORIG_PTE_VALID =	1 << 11,
	FAULT_FLAG_VMA_LOCK =		1 << 12,
};

/* The GUP flags callers may pass (the internal ones are in mm/internal.h). */
enum {
	FOLL_WRITE = 1 << 0,
	FOLL_GET = 1 << 1,
	FOLL_DUMP = 1 << 2,
	FOLL_FORCE = 1 << 3,
	FOLL_NOWAIT = 1 << 4,
	FOLL_NOFAULT = 1 << 5,
	FOLL_HWPOISON = 1 << 6,
	FOLL_ANON = 1 << 7,
	FOLL_LONGTERM = 1 << 8,
	FOLL_SPLIT_PMD = 1 << 9,
	FOLL_PCI_P2PDMA = 1 << 10,
	FOLL_INTERRUPTIBLE = 1 << 11,
	FOLL_HONOR_NUMA_FAULT = 1 << 12,
};

#endif
