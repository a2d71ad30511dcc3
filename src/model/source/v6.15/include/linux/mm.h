/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: constants, structures and small inlines of include/linux/mm.h and
 * mm_types.h (x86-64, 4 KiB pages, PMD THP = 2 MiB), read from Linux v6.15.
 * The inlines below are the kernel's statements; everything that inspects a struct page, a
 * page table entry or a lock is a TypeScript builtin (`lkml-replay model` lists them with
 * their prototypes). Left out: every declaration the modelled functions do not use.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/align.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN_DOWN(addr) ALIGN_DOWN(addr, PAGE_SIZE)
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
#define VM_GROWSDOWN	0x00000100UL
#define VM_PFNMAP	0x00000400UL
#define VM_UFFD_WP	0x00001000UL
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_HUGETLB	0x00400000UL
#define VM_MIXEDMAP	0x10000000UL
/* without CONFIG_MEM_SOFT_DIRTY */
#define VM_SOFTDIRTY	0
/* without CONFIG_X86_USER_SHADOW_STACK */
#define VM_SHADOW_STACK	VM_NONE

#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)

/* page->mapping low bits (include/linux/page-flags.h) */
#define PAGE_MAPPING_ANON	0x1
#define PAGE_MAPPING_MOVABLE	0x2
#define PAGE_MAPPING_KSM	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

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
struct mmu_gather;

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

/* (v6.15: the large-folio part of folio_order() is folio_large_order()) */
static inline unsigned int folio_large_order(const struct folio *folio)
{
	return folio->_flags_1 & 0xff;
}

static inline unsigned int folio_order(const struct folio *folio)
{
	if (!folio_test_large(folio))
		return 0;
	return folio_large_order(folio);
}

/*
 * Without NR_PAGES_IN_LARGE_FOLIO (it needs CONFIG_MEMCG or CONFIG_SLAB_OBJ_EXT, which the model
 * is built without) the page count comes from the order.
 */
static inline long folio_large_nr_pages(const struct folio *folio)
{
	return 1L << folio_large_order(folio);
}

/* The legacy wrappers around the folio calls (get_page, put_page ...) are builtins. */
static inline bool get_page_unless_zero(struct page *page)
{
	return page_ref_add_unless(page, 1, 0);
}

static inline unsigned long folio_pfn(const struct folio *folio)
{
	return page_to_pfn(&folio->page);
}

static inline long folio_nr_pages(const struct folio *folio)
{
	if (!folio_test_large(folio))
		return 1;
	return folio_large_nr_pages(folio);
}

static inline size_t folio_size(const struct folio *folio)
{
	return PAGE_SIZE << folio_order(folio);
}

/* Is _pincount there? (on 64-bit in every large folio) */
static inline bool folio_has_pincount(const struct folio *folio)
{
	if (IS_ENABLED(CONFIG_64BIT))
		return folio_test_large(folio);
	return folio_order(folio) > 1;
}

/* Can the vma be accessed at all (not PROT_NONE)? */
static inline bool vma_is_accessible(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_ACCESS_FLAGS;
}

long get_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   int *locked);

/*
 * One page and the vma it is mapped in, for a caller holding mmap_lock; the page comes with
 * the reference GUP took (FOLL_GET must be in @gup_flags). FOLL_NOWAIT is refused.
 */
static inline struct page *get_user_page_vma_remote(struct mm_struct *mm,
						    unsigned long addr,
						    int gup_flags,
						    struct vm_area_struct **vmap)
{
	struct page *page;
	struct vm_area_struct *vma;
	int got;

	if (WARN_ON_ONCE(unlikely(gup_flags & FOLL_NOWAIT)))
		return ERR_PTR(-EINVAL);

	got = get_user_pages_remote(mm, addr, 1, gup_flags, &page, NULL);

	if (got < 0)
		return ERR_PTR(got);

	vma = vma_lookup(mm, addr);
	if (WARN_ON_ONCE(!vma)) {
		put_page(page);
		return ERR_PTR(-EINVAL);
	}

	*vmap = vma;
	return page;
}

bool can_change_pte_writable(struct vm_area_struct *vma, unsigned long addr,
			     pte_t pte);
extern long change_protection(struct mmu_gather *tlb,
			      struct vm_area_struct *vma, unsigned long start,
			      unsigned long end, unsigned long cp_flags);

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
 * May GUP follow a PROT_NONE entry without a fault? Always, unless the caller honours NUMA
 * hinting faults; then only in a vma that cannot be accessed at all (a NUMA hint needs an
 * accessible one, and FOLL_FORCE must make progress in the other).
 */
static inline bool gup_can_follow_protnone(struct vm_area_struct *vma,
					   unsigned int flags)
{
	if (!(flags & FOLL_HONOR_NUMA_FAULT))
		return true;

	return !vma_is_accessible(vma);
}

#define page_to_phys(page) ((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)

#endif
