/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: constants, structures and small inlines of include/linux/mm.h and
 * mm_types.h (x86-64, 4 KiB pages, PMD THP = 2 MiB), read from Linux v6.1.
 * The inlines below are the kernel's statements; everything that inspects a struct page, a
 * page table entry or a lock is a TypeScript builtin (`lkml-replay model` lists them with
 * their prototypes). Left out: every declaration the modelled functions do not use.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define HPAGE_PMD_SHIFT		21
#define HPAGE_PMD_SIZE		(1UL << HPAGE_PMD_SHIFT)
#define HPAGE_PMD_MASK		(~(HPAGE_PMD_SIZE - 1))
#define HPAGE_PMD_NR		(1 << (HPAGE_PMD_SHIFT - PAGE_SHIFT))

/* vm_flags */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_PFNMAP	0x00000400UL
#define VM_UFFD_WP	0x00001000UL
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_HUGETLB	0x00400000UL
#define VM_MIXEDMAP	0x10000000UL
/* without CONFIG_MEM_SOFT_DIRTY */
#define VM_SOFTDIRTY	0

/* page->mapping low bits (include/linux/page-flags.h) */
#define PAGE_MAPPING_ANON	0x1
#define PAGE_MAPPING_MOVABLE	0x2
#define PAGE_MAPPING_KSM	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

/* GUP flags (include/linux/mm.h, v6.1: no FOLL_COW, FOLL_NUMA, FOLL_MLOCK or FOLL_POPULATE) */
#define FOLL_WRITE	0x01
#define FOLL_TOUCH	0x02
#define FOLL_GET	0x04
#define FOLL_DUMP	0x08
#define FOLL_FORCE	0x10
#define FOLL_NOWAIT	0x20
#define FOLL_NOFAULT	0x80
#define FOLL_HWPOISON	0x100
#define FOLL_MIGRATION	0x400
#define FOLL_TRIED	0x800
#define FOLL_REMOTE	0x2000
#define FOLL_ANON	0x8000
#define FOLL_LONGTERM	0x10000
#define FOLL_SPLIT_PMD	0x20000
#define FOLL_PIN	0x40000
#define FOLL_FAST_ONLY	0x80000

/* fault flags (enum fault_flag, mm_types.h) */
enum fault_flag {
	FAULT_FLAG_WRITE =		1 << 0,
	FAULT_FLAG_MKWRITE =		1 << 1,
	FAULT_FLAG_ALLOW_RETRY =	1 << 2,
	FAULT_FLAG_RETRY_NOWAIT =	1 << 3,
	FAULT_FLAG_KILLABLE =		1 << 4,
	FAULT_FLAG_TRIED =		1 << 5,
	FAULT_FLAG_USER =		1 << 6,
	FAULT_FLAG_REMOTE =		1 << 7,
	FAULT_FLAG_INSTRUCTION =	1 << 8,
	FAULT_FLAG_INTERRUPTIBLE =	1 << 9,
	FAULT_FLAG_UNSHARE =		1 << 10,
	FAULT_FLAG_ORIG_PTE_VALID =	1 << 11,
};

/* vm_fault_t bits (enum vm_fault_reason, include/linux/mm_types.h) */
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002
#define VM_FAULT_MAJOR		0x000004
#define VM_FAULT_WRITE		0x000008
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
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | \
			 VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

/* change_protection() cp_flags */
#define MM_CP_TRY_CHANGE_WRITABLE	(1UL << 0)
#define MM_CP_PROT_NUMA			(1UL << 1)
#define MM_CP_UFFD_WP			(1UL << 2)
#define MM_CP_UFFD_WP_RESOLVE		(1UL << 3)
#define MM_CP_UFFD_WP_ALL		(MM_CP_UFFD_WP | MM_CP_UFFD_WP_RESOLVE)

#define NUMA_NO_NODE	(-1)
#define NUMA_HUGE_PTE_UPDATES	0
/* include/linux/sched/sysctl.h: sysctl_numa_balancing_mode bits */
#define NUMA_BALANCING_NORMAL		0x1
#define NUMA_BALANCING_MEMORY_TIERING	0x2
extern int sysctl_numa_balancing_mode;

typedef struct page *pgtable_t;

/* A pin counts this much in a small folio's _refcount (include/linux/mm.h). */
#define GUP_PIN_COUNTING_BIAS (1U << 10)

/* include/linux/mmzone.h: the node statistic pins are counted in */
enum node_stat_item {
	NR_FOLL_PIN_ACQUIRED,
	NR_FOLL_PIN_RELEASED,
};

struct vm_fault;

/* What a vma's backing does on a fault; anonymous vmas have none (vm_ops == NULL). */
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *vmf);
};

struct vm_fault {
	const struct {
		struct vm_area_struct *vma;
		gfp_t gfp_mask;
		pgoff_t pgoff;
		unsigned long address;
		unsigned long real_address;
	};
	enum fault_flag flags;
	pmd_t *pmd;
	pud_t *pud;
	union {
		pte_t orig_pte;
		pmd_t orig_pmd;
	};

	struct page *cow_page;
	struct page *page;
	pte_t *pte;
	spinlock_t *ptl;
	pgtable_t prealloc_pte;
};

#define ULONG_MAX	(~0UL)
#define GFP_KERNEL	0x0cc0
#define GFP_ATOMIC	0x0a20

/* 'current': the model thread running the code. */
#define current get_current()

static inline bool vma_is_anonymous(struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

static inline bool is_cow_mapping(vm_flags_t flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

static inline unsigned int folio_order(struct folio *folio)
{
	if (!folio_test_large(folio))
		return 0;
	return folio->_folio_order;
}

/* The legacy wrappers around the folio calls (get_page, put_page ...) are builtins. */
static inline bool get_page_unless_zero(struct page *page)
{
	return page_ref_add_unless(page, 1, 0);
}

static inline unsigned long folio_pfn(struct folio *folio)
{
	return page_to_pfn(&folio->page);
}

static inline long folio_nr_pages(struct folio *folio)
{
	if (!folio_test_large(folio))
		return 1;
#ifdef CONFIG_64BIT
	return folio->_folio_nr_pages;
#else
	return 1L << folio->_folio_order;
#endif
}

static inline size_t folio_size(struct folio *folio)
{
	return PAGE_SIZE << folio_order(folio);
}

#define anon_vma_interval_tree_foreach(avc, root, start, last)		 \
	for (avc = anon_vma_interval_tree_iter_first(root, start, last); \
	     avc; avc = anon_vma_interval_tree_iter_next(avc, start, last))

static inline int vm_fault_to_errno(vm_fault_t vm_fault, int foll_flags)
{
	if (vm_fault & VM_FAULT_OOM)
		return -ENOMEM;
	if (vm_fault & (VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE))
		return (foll_flags & FOLL_HWPOISON) ? -EHWPOISON : -EFAULT;
	if (vm_fault & (VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV))
		return -EFAULT;
	return 0;
}

/*
 * GUP must ask for an unsharing fault (FAULT_FLAG_UNSHARE) before it pins a write-protected
 * anonymous page that is not known to be exclusive to this process.
 */
static inline bool gup_must_unshare(unsigned int flags, struct page *page)
{
	/* A write needs a writable entry, which is exclusive already. */
	if ((flags & (FOLL_WRITE | FOLL_PIN)) != FOLL_PIN)
		return false;
	/* The page's anon state holds until it is freed. */
	if (!PageAnon(page))
		return false;

	/* Pairs with the barrier of page_try_share_anon_rmap(). */
	if (IS_ENABLED(CONFIG_HAVE_FAST_GUP))
		smp_rmb();

	/* KSM pages are never exclusive, so they cannot be pinned. */
	return !PageAnonExclusive(page);
}

/* Only FOLL_FORCE follows a PROT_NONE (NUMA hinting) entry without a fault. */
static inline bool gup_can_follow_protnone(unsigned int flags)
{
	return flags & FOLL_FORCE;
}

#define page_to_phys(page) ((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)

#endif
