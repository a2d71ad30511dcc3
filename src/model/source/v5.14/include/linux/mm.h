/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: constants and small macros of include/linux/mm.h, mm_types.h, page-flags.h,
 * huge_mm.h and pgtable.h (x86-64, 4 KiB pages, PMD THP = 2 MiB). Read against Linux v5.14.
 * Everything that inspects a struct page, a page table entry or a lock is a TypeScript
 * builtin (see `lkml-replay model` for the list with their prototypes).
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/mm_types.h>

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
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_PFNMAP	0x00000400UL
#define VM_UFFD_WP	0x00001000UL

/* page->mapping low bits (include/linux/page-flags.h) */
#define PAGE_MAPPING_ANON	0x1
#define PAGE_MAPPING_MOVABLE	0x2
#define PAGE_MAPPING_KSM	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

/* GUP flags (include/linux/mm.h, v5.14) */
#define FOLL_WRITE	0x01
#define FOLL_TOUCH	0x02
#define FOLL_GET	0x04
#define FOLL_DUMP	0x08
#define FOLL_FORCE	0x10
#define FOLL_NOWAIT	0x20
#define FOLL_POPULATE	0x40
#define FOLL_HWPOISON	0x100
#define FOLL_NUMA	0x200
#define FOLL_MIGRATION	0x400
#define FOLL_TRIED	0x800
#define FOLL_MLOCK	0x1000
#define FOLL_REMOTE	0x2000
#define FOLL_COW	0x4000
#define FOLL_ANON	0x8000
#define FOLL_LONGTERM	0x10000
#define FOLL_SPLIT_PMD	0x20000
#define FOLL_PIN	0x40000
#define FOLL_FAST_ONLY	0x80000

/* fault flags */
#define FAULT_FLAG_WRITE		0x01
#define FAULT_FLAG_MKWRITE		0x02
#define FAULT_FLAG_ALLOW_RETRY		0x04
#define FAULT_FLAG_RETRY_NOWAIT		0x08
#define FAULT_FLAG_KILLABLE		0x10
#define FAULT_FLAG_TRIED		0x20
#define FAULT_FLAG_USER			0x40
#define FAULT_FLAG_REMOTE		0x80
#define FAULT_FLAG_INSTRUCTION		0x100
#define FAULT_FLAG_INTERRUPTIBLE	0x200

/* vm_fault_t bits (include/linux/mm_types.h) */
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
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | \
			 VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

/* change_protection() cp_flags (include/linux/mm.h) */
#define MM_CP_DIRTY_ACCT	(1UL << 0)
#define MM_CP_PROT_NUMA		(1UL << 1)
#define MM_CP_UFFD_WP		(1UL << 2)
#define MM_CP_UFFD_WP_RESOLVE	(1UL << 3)
#define MM_CP_UFFD_WP_ALL	(MM_CP_UFFD_WP | MM_CP_UFFD_WP_RESOLVE)

#define NUMA_NO_NODE	(-1)
#define NUMA_HUGE_PTE_UPDATES	0

struct vm_fault {
	struct vm_area_struct *vma;
	gfp_t gfp_mask;
	pgoff_t pgoff;
	unsigned long address;
	unsigned int flags;
	pmd_t *pmd;
	pud_t *pud;
	pte_t orig_pte;
	struct page *cow_page;
	struct page *page;
	pte_t *pte;
	spinlock_t *ptl;
};

struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *vmf);
};

/* is_cow_mapping(): private and may be written (include/linux/mm.h) */
#define is_cow_mapping(flags) (((flags) & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE)

#define VM_SOFTDIRTY	0

/* Per-level sizes (x86-64, 4-level paging). */
#define PMD_SHIFT	21
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#define PUD_SHIFT	30
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))
#define P4D_SHIFT	39
#define P4D_SIZE	(1UL << P4D_SHIFT)
#define P4D_MASK	(~(P4D_SIZE - 1))
#define PGDIR_SHIFT	39
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))

/*
 * include/linux/hugetlb.h on x86-64: no hugepd directories (!CONFIG_ARCH_HAS_HUGEPD) and no
 * huge pgd or p4d entries.
 */
typedef struct { unsigned long pd; } hugepd_t;
#define is_hugepd(hugepd)	(0)
#define __hugepd(x)		((hugepd_t) { (x) })
#define pgd_huge(x)		0
#define p4d_huge(x)		0

#define ULONG_MAX	(~0UL)
#define GFP_KERNEL	0x0cc0
#define GFP_ATOMIC	0x0a20

/* 'current': the model thread running the code. */
#define current get_current()

/* include/linux/pgtable.h: the end of this entry's span, or @end if that comes first. */
#define pgd_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PGDIR_SIZE) & PGDIR_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

#define p4d_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + P4D_SIZE) & P4D_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

#define pud_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PUD_SIZE) & PUD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

#define pmd_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PMD_SIZE) & PMD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

static inline bool vma_is_anonymous(struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

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

#define page_to_phys(page) ((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)

#endif
