// SPDX-License-Identifier: GPL-2.0
/*
 * Model source: mm/mprotect.c, changing the protection of existing ptes, as of Linux v6.1:
 * the caller's mmu_gather collects the TLB flushes, a clean exclusive anonymous pte may be made
 * writable at once (MM_CP_TRY_CHANGE_WRITABLE, can_change_pte_writable()), and writable
 * device-exclusive entries are downgraded to readable ones.
 *
 * Read from: Linux v6.1 mm/mprotect.c; the comments are our own.
 *
 * The mprotect() system call itself (vma split/merge, vm_flags and vm_page_prot update,
 * mprotect_fixup(), tlb_gather_mmu()/tlb_finish_mmu()) is a TypeScript primitive
 * (kernel/mm/mprotect.ts) that calls change_protection(). Left out (verdict `error` if
 * reached): NUMA hinting (the prot_numa branch's page and node queries are builtins that end
 * the run), uffd-wp of file memory, PMD-mapped THPs (change_huge_pmd()), hugetlb vmas.
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/mmu_notifier.h>
#include <linux/swapops.h>
#include <linux/userfaultfd_k.h>
#include <asm-generic/tlb.h>
#include "internal.h"

/*
 * Can a pte of a writable vma be made writable without a write fault? Only a dirty one that
 * nothing wants to trap (soft-dirty, uffd-wp), and in a private mapping only for an exclusive
 * anonymous page (what the write fault would reuse without copying).
 */
static inline bool can_change_pte_writable(struct vm_area_struct *vma,
					   unsigned long addr, pte_t pte)
{
	struct page *page;

	VM_BUG_ON(!(vma->vm_flags & VM_WRITE) || pte_write(pte));

	if (pte_protnone(pte) || !pte_dirty(pte))
		return false;

	/* soft-dirty tracking wants the write fault */
	if (vma_soft_dirty_enabled(vma) && !pte_soft_dirty(pte))
		return false;

	/* and so does uffd-wp */
	if (userfaultfd_pte_wp(vma, pte))
		return false;

	if (!(vma->vm_flags & VM_SHARED)) {
		/*
		 * Private: only an exclusive anonymous page, which the write
		 * fault would map writable without further checks.
		 */
		page = vm_normal_page(vma, addr, pte);
		if (!page || !PageAnon(page) || !PageAnonExclusive(page))
			return false;
	}

	return true;
}

static unsigned long change_pte_range(struct mmu_gather *tlb,
		struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
		unsigned long end, pgprot_t newprot, unsigned long cp_flags)
{
	pte_t *pte, oldpte;
	spinlock_t *ptl;
	unsigned long pages = 0;
	int target_node = NUMA_NO_NODE;
	bool prot_numa = cp_flags & MM_CP_PROT_NUMA;
	bool uffd_wp = cp_flags & MM_CP_UFFD_WP;
	bool uffd_wp_resolve = cp_flags & MM_CP_UFFD_WP_RESOLVE;

	tlb_change_page_size(tlb, PAGE_SIZE);

	/*
	 * Only the read side of mmap_lock may be held (NUMA balancing): make sure
	 * the pmd is a stable page table pointer before mapping it.
	 */
	if (pmd_trans_unstable(pmd))
		return 0;

	/* The pmd points to a regular pte table, which cannot go away under us. */
	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);

	/* single-threaded private vma: the node it runs on */
	if (prot_numa && !(vma->vm_flags & VM_SHARED) &&
	    atomic_read(&vma->vm_mm->mm_users) == 1)
		target_node = numa_node_id();

	flush_tlb_batched_pending(vma->vm_mm);
	arch_enter_lazy_mmu_mode();
	do {
		oldpte = *pte;
		if (pte_present(oldpte)) {
			pte_t ptent;
			bool preserve_write = prot_numa && pte_write(oldpte);

			/* NUMA hinting skips the zero page, KSM pages and others. */
			if (prot_numa) {
				struct page *page;
				int nid;
				bool toptier;

				/* no TLB flush needed */
				if (pte_protnone(oldpte))
					continue;

				page = vm_normal_page(vma, addr, oldpte);
				if (!page || is_zone_device_page(page) || PageKsm(page))
					continue;

				/* shared COW pages are skipped too */
				if (is_cow_mapping(vma->vm_flags) &&
				    page_count(page) != 1)
					continue;

				/* dirty file pages cannot all be migrated asynchronously */
				if (page_is_file_lru(page) && PageDirty(page))
					continue;

				/* already on the node the single thread runs on */
				nid = page_to_nid(page);
				if (target_node == nid)
					continue;
				toptier = node_is_toptier(nid);

				/* top tier nodes only with normal NUMA balancing */
				if (!(sysctl_numa_balancing_mode & NUMA_BALANCING_NORMAL) &&
				    toptier)
					continue;
				if (sysctl_numa_balancing_mode & NUMA_BALANCING_MEMORY_TIERING &&
				    !toptier)
					xchg_page_access_time(page,
						jiffies_to_msecs(jiffies));
			}

			oldpte = ptep_modify_prot_start(vma, addr, pte);
			ptent = pte_modify(oldpte, newprot);
			if (preserve_write)
				ptent = pte_mk_savedwrite(ptent);

			if (uffd_wp) {
				ptent = pte_wrprotect(ptent);
				ptent = pte_mkuffd_wp(ptent);
			} else if (uffd_wp_resolve) {
				ptent = pte_clear_uffd_wp(ptent);
			}

			/*
			 * vm_page_prot of a private (COW) or write-notified mapping
			 * has no write bit; a pte that needs no write fault anyway
			 * may get it here.
			 */
			if ((cp_flags & MM_CP_TRY_CHANGE_WRITABLE) &&
			    !pte_write(ptent) &&
			    can_change_pte_writable(vma, addr, ptent))
				ptent = pte_mkwrite(ptent);

			ptep_modify_prot_commit(vma, addr, pte, oldpte, ptent);
			if (pte_needs_flush(oldpte, ptent))
				tlb_flush_pte_range(tlb, addr, PAGE_SIZE);
			pages++;
		} else if (is_swap_pte(oldpte)) {
			swp_entry_t entry = pte_to_swp_entry(oldpte);
			pte_t newpte;

			if (is_writable_migration_entry(entry)) {
				struct page *page = pfn_swap_entry_to_page(entry);

				/* No protection check for migration entries: drop write. */
				if (PageAnon(page))
					entry = make_readable_exclusive_migration_entry(
							     swp_offset(entry));
				else
					entry = make_readable_migration_entry(swp_offset(entry));
				newpte = swp_entry_to_pte(entry);
				if (pte_swp_soft_dirty(oldpte))
					newpte = pte_swp_mksoft_dirty(newpte);
				if (pte_swp_uffd_wp(oldpte))
					newpte = pte_swp_mkuffd_wp(newpte);
			} else if (is_writable_device_private_entry(entry)) {
				/* Soft-dirtiness is not kept (as in copy_nonpresent_pte()). */
				entry = make_readable_device_private_entry(
							swp_offset(entry));
				newpte = swp_entry_to_pte(entry);
				if (pte_swp_uffd_wp(oldpte))
					newpte = pte_swp_mkuffd_wp(newpte);
			} else if (is_writable_device_exclusive_entry(entry)) {
				entry = make_readable_device_exclusive_entry(
							swp_offset(entry));
				newpte = swp_entry_to_pte(entry);
				if (pte_swp_soft_dirty(oldpte))
					newpte = pte_swp_mksoft_dirty(newpte);
				if (pte_swp_uffd_wp(oldpte))
					newpte = pte_swp_mkuffd_wp(newpte);
			} else if (pte_marker_entry_uffd_wp(entry)) {
				/* Resolving uffd-wp drops the marker: the next fault will not trap. */
				if (uffd_wp_resolve) {
					pte_clear(vma->vm_mm, addr, pte);
					pages++;
				}
				continue;
			} else {
				newpte = oldpte;
			}

			if (uffd_wp)
				newpte = pte_swp_mkuffd_wp(newpte);
			else if (uffd_wp_resolve)
				newpte = pte_swp_clear_uffd_wp(newpte);

			if (!pte_same(oldpte, newpte)) {
				set_pte_at(vma->vm_mm, addr, pte, newpte);
				pages++;
			}
		} else {
			/* nothing else than a none pte can be here */
			WARN_ON_ONCE(!pte_none(oldpte));
#ifdef CONFIG_PTE_MARKER_UFFD_WP
			if (unlikely(uffd_wp && !vma_is_anonymous(vma))) {
				/*
				 * File memory may be cached without a pte: write-protect
				 * the none pte with a marker.
				 */
				set_pte_at(vma->vm_mm, addr, pte,
					   make_pte_marker(PTE_MARKER_UFFD_WP));
				pages++;
			}
#endif
		}
	} while (pte++, addr += PAGE_SIZE, addr != end);
	arch_leave_lazy_mmu_mode();
	pte_unmap_unlock(pte - 1, ptl);

	return pages;
}

/* uffd-wp of file memory, which needs page tables where none are yet. */
static inline bool
uffd_wp_protect_file(struct vm_area_struct *vma, unsigned long cp_flags)
{
	return (cp_flags & MM_CP_UFFD_WP) && !vma_is_anonymous(vma);
}

/* Populate the pte table for uffd-wp of file memory (pte_alloc() returns 0 on success). */
#define  change_pmd_prepare(vma, pmd, cp_flags)				\
	do {								\
		if (unlikely(uffd_wp_protect_file(vma, cp_flags))) {	\
			if (WARN_ON_ONCE(pte_alloc(vma->vm_mm, pmd)))	\
				break;					\
		}							\
	} while (0)

/* The same for the upper levels ({pmd,pud,p4d}_alloc() return the table). */
#define  change_prepare(vma, high, low, addr, cp_flags)			\
	do {								\
		if (unlikely(uffd_wp_protect_file(vma, cp_flags))) {	\
			low##_t *p = low##_alloc(vma->vm_mm, high, addr); \
			if (WARN_ON_ONCE(p == NULL))			\
				break;					\
		}							\
	} while (0)

/*
 * The PMD level. The PROTECTION_VMA invalidation is started lazily, at the first populated pmd,
 * and covers [addr, end) of this pud; its owner is left unset (mmu_notifier_range_init).
 */
static inline unsigned long change_pmd_range(struct mmu_gather *tlb,
		struct vm_area_struct *vma, pud_t *pud, unsigned long addr,
		unsigned long end, pgprot_t newprot, unsigned long cp_flags)
{
	pmd_t *pmd;
	unsigned long next;
	unsigned long pages = 0;
	unsigned long nr_huge_updates = 0;
	struct mmu_notifier_range range;

	range.start = 0;

	pmd = pmd_offset(pud, addr);
	do {
		unsigned long this_pages;

		next = pmd_addr_end(addr, end);

		change_pmd_prepare(vma, pmd, cp_flags);
		/*
		 * Read the pmd once for all checks (NUMA balancing walks with the
		 * read lock only: a racing update must not make it look bad).
		 */
		if (!is_swap_pmd(*pmd) && !pmd_devmap(*pmd) &&
		     pmd_none_or_clear_bad_unless_trans_huge(pmd))
			goto next;

		/* the notifier starts at the first populated pmd */
		if (!range.start) {
			mmu_notifier_range_init(&range,
				MMU_NOTIFY_PROTECTION_VMA, 0,
				vma, vma->vm_mm, addr, end);
			mmu_notifier_invalidate_range_start(&range);
		}

		if (is_swap_pmd(*pmd) || pmd_trans_huge(*pmd) || pmd_devmap(*pmd)) {
			if ((next - addr != HPAGE_PMD_SIZE) ||
			    uffd_wp_protect_file(vma, cp_flags)) {
				__split_huge_pmd(vma, pmd, addr, false, NULL);
				/* a file pmd may be none now: populate it again */
				change_pmd_prepare(vma, pmd, cp_flags);
			} else {
				/* change_huge_pmd() flushes itself: no tlb to pass on */
				int nr_ptes = change_huge_pmd(tlb, vma, pmd,
						addr, newprot, cp_flags);

				if (nr_ptes) {
					if (nr_ptes == HPAGE_PMD_NR) {
						pages += HPAGE_PMD_NR;
						nr_huge_updates++;
					}

					/* the whole THP is done */
					goto next;
				}
			}
			/* split: go on at the pte level */
		}
		this_pages = change_pte_range(tlb, vma, pmd, addr, next,
					      newprot, cp_flags);
		pages += this_pages;
next:
		cond_resched();
	} while (pmd++, addr = next, addr != end);

	if (range.start)
		mmu_notifier_invalidate_range_end(&range);

	if (nr_huge_updates)
		count_vm_numa_events(NUMA_HUGE_PTE_UPDATES, nr_huge_updates);
	return pages;
}

static inline unsigned long change_pud_range(struct mmu_gather *tlb,
		struct vm_area_struct *vma, p4d_t *p4d, unsigned long addr,
		unsigned long end, pgprot_t newprot, unsigned long cp_flags)
{
	pud_t *pud;
	unsigned long next;
	unsigned long pages = 0;

	pud = pud_offset(p4d, addr);
	do {
		next = pud_addr_end(addr, end);
		change_prepare(vma, pud, pmd, addr, cp_flags);
		if (pud_none_or_clear_bad(pud))
			continue;
		pages += change_pmd_range(tlb, vma, pud, addr, next, newprot,
					  cp_flags);
	} while (pud++, addr = next, addr != end);

	return pages;
}

static inline unsigned long change_p4d_range(struct mmu_gather *tlb,
		struct vm_area_struct *vma, pgd_t *pgd, unsigned long addr,
		unsigned long end, pgprot_t newprot, unsigned long cp_flags)
{
	p4d_t *p4d;
	unsigned long next;
	unsigned long pages = 0;

	p4d = p4d_offset(pgd, addr);
	do {
		next = p4d_addr_end(addr, end);
		change_prepare(vma, p4d, pud, addr, cp_flags);
		if (p4d_none_or_clear_bad(p4d))
			continue;
		pages += change_pud_range(tlb, vma, p4d, addr, next, newprot,
					  cp_flags);
	} while (p4d++, addr = next, addr != end);

	return pages;
}

static unsigned long change_protection_range(struct mmu_gather *tlb,
		struct vm_area_struct *vma, unsigned long addr,
		unsigned long end, pgprot_t newprot, unsigned long cp_flags)
{
	struct mm_struct *mm = vma->vm_mm;
	pgd_t *pgd;
	unsigned long next;
	unsigned long pages = 0;

	BUG_ON(addr >= end);
	pgd = pgd_offset(mm, addr);
	tlb_start_vma(tlb, vma);
	do {
		next = pgd_addr_end(addr, end);
		change_prepare(vma, pgd, p4d, addr, cp_flags);
		if (pgd_none_or_clear_bad(pgd))
			continue;
		pages += change_p4d_range(tlb, vma, pgd, addr, next, newprot,
					  cp_flags);
	} while (pgd++, addr = next, addr != end);

	tlb_end_vma(tlb, vma);

	return pages;
}

unsigned long change_protection(struct mmu_gather *tlb,
		       struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot,
		       unsigned long cp_flags)
{
	unsigned long pages;

	BUG_ON((cp_flags & MM_CP_UFFD_WP_ALL) == MM_CP_UFFD_WP_ALL);

	if (is_vm_hugetlb_page(vma))
		pages = hugetlb_change_protection(vma, start, end, newprot,
						  cp_flags);
	else
		pages = change_protection_range(tlb, vma, start, end, newprot,
						cp_flags);

	return pages;
}
