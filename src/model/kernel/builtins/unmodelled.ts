// Primitives off the modelled path that the v6.1 and later sources call in branches the
// scenarios never take (hugetlb, huge puds, device pages, the gate area, pins, NUMA balancing,
// swap devices, file mappings, uffd-wp): each ends the run with verdict `error` naming what is
// not modelled, so a variant that reaches one is never silently replayed. (The v5.14 sources
// have model_not_modelled() in those branches instead.)

import { TableBuilder, protoName, type Releases } from './def.js';

const NOT_MODELLED: [header: string, proto: string, what: string][] = [
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pmd_pte(struct vm_area_struct *vma, unsigned long address, int flags)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pud(struct mm_struct *mm, unsigned long address, pud_t *pud, int flags)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pgd(struct mm_struct *mm, unsigned long address, pgd_t *pgd, int flags)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'long follow_hugetlb_page(struct mm_struct *mm, struct vm_area_struct *vma, struct page **pages, struct vm_area_struct **vmas, unsigned long *position, unsigned long *nr_pages, long i, unsigned int flags, int *locked)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'long hugetlb_change_protection(struct vm_area_struct *vma, unsigned long address, unsigned long end, pgprot_t newprot, unsigned long cp_flags)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'struct hstate *hstate_vma(struct vm_area_struct *vma)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'unsigned long huge_page_size(struct hstate *h)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'pte_t *huge_pte_offset(struct mm_struct *mm, unsigned long addr, unsigned long sz)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'spinlock_t *huge_pte_lock(struct hstate *h, struct mm_struct *mm, pte_t *pte)', 'hugetlb vmas'],
  ['include/linux/pagemap.h', 'pgoff_t hugetlb_basepage_index(struct page *page)', 'hugetlb folios'],
  ['include/linux/huge_mm.h', 'struct page *follow_devmap_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags, struct dev_pagemap **pgmap)', 'devmap pmds'],
  ['include/linux/huge_mm.h', 'struct page *follow_devmap_pud(struct vm_area_struct *vma, unsigned long addr, pud_t *pud, int flags, struct dev_pagemap **pgmap)', 'devmap puds'],
  ['mm/gup.c', 'int get_gate_page(struct mm_struct *mm, unsigned long address, unsigned int gup_flags, struct vm_area_struct **vma, struct page **page)', 'the gate area'],
  ['mm/gup.c', 'long __gup_longterm_locked(struct mm_struct *mm, unsigned long start, unsigned long nr_pages, struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)', 'FOLL_LONGTERM'],
  ['include/linux/mm.h', 'int *folio_pincount_ptr(struct folio *folio)', 'FOLL_PIN'],
  ['include/linux/mm.h', 'void mm_set_has_pinned_flag(unsigned long *mm_flags)', 'FOLL_PIN'],
  ['include/linux/mm.h', 'int page_to_nid(struct page *page)', 'NUMA balancing'],
  ['include/linux/mm.h', 'bool page_is_file_lru(struct page *page)', 'NUMA balancing'],
  ['include/linux/mm.h', 'bool xchg_page_access_time(struct page *page, int time)', 'NUMA balancing'],
  ['include/linux/memory-tiers.h', 'bool node_is_toptier(int node)', 'NUMA balancing'],
  ['include/linux/topology.h', 'int numa_node_id(void)', 'NUMA balancing'],
  ['include/linux/jiffies.h', 'unsigned int jiffies_to_msecs(unsigned long j)', 'NUMA balancing'],
  ['include/linux/swap.h', 'void put_swap_device(struct swap_info_struct *si)', 'swap devices'],
  ['include/linux/slab.h', 'void kfree(const void *objp)', 'freeing model objects'],
];

/** The same, for what the v6.13 sources call. */
const NOT_MODELLED_613: [header: string, proto: string, what: string][] = [
  ['include/linux/hugetlb.h', 'pte_t *hugetlb_walk(struct vm_area_struct *vma, unsigned long addr, unsigned long sz)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'bool hugetlbfs_pagecache_present(struct hstate *h, struct vm_area_struct *vma, unsigned long address)', 'hugetlb vmas'],
  ['include/linux/huge_mm.h', 'void __split_huge_pud(struct vm_area_struct *vma, pud_t *pud, unsigned long address)', 'huge puds'],
  ['include/linux/huge_mm.h', 'int change_huge_pud(struct mmu_gather *tlb, struct vm_area_struct *vma, pud_t *pudp, unsigned long addr, pgprot_t newprot, unsigned long cp_flags)', 'huge puds'],
  ['include/linux/huge_mm.h', 'void touch_pud(struct vm_area_struct *vma, unsigned long addr, pud_t *pud, bool write)', 'huge puds'],
  ['include/linux/mm.h', 'spinlock_t *pud_lockptr(struct mm_struct *mm, pud_t *pud)', 'huge puds'],
  ['arch/x86/include/asm/pgtable.h', 'unsigned long pud_pfn(pud_t pud)', 'huge puds'],
  ['arch/x86/include/asm/pgtable.h', 'int pud_write(pud_t pud)', 'huge puds'],
  ['include/linux/mm.h', 'bool vma_needs_dirty_tracking(struct vm_area_struct *vma)', 'file mappings'],
  ['include/linux/userfaultfd_k.h', 'bool userfaultfd_wp_unpopulated(struct vm_area_struct *vma)', 'uffd-wp'],
  ['include/linux/mm.h', 'struct folio *vm_normal_folio(struct vm_area_struct *vma, unsigned long addr, pte_t pte)', 'NUMA balancing'],
  ['include/linux/mm.h', 'bool folio_is_zone_device(const struct folio *folio)', 'NUMA balancing'],
  ['include/linux/mm.h', 'bool folio_maybe_dma_pinned(struct folio *folio)', 'NUMA balancing'],
  ['include/linux/hugetlb.h', 'unsigned long pages_per_huge_page(const struct hstate *h)', 'hugetlb vmas'],
  ['include/linux/mm_inline.h', 'int folio_is_file_lru(struct folio *folio)', 'NUMA balancing'],
  ['include/linux/mm.h', 'int folio_nid(const struct folio *folio)', 'NUMA balancing'],
  ['include/linux/mm.h', 'bool folio_use_access_time(struct folio *folio)', 'NUMA balancing'],
  ['include/linux/mm.h', 'int folio_xchg_access_time(struct folio *folio, int time)', 'NUMA balancing'],
  ['include/linux/swapops.h', 'pte_t make_pte_marker(pte_marker marker)', 'pte markers'],
  ['mm/swap.h', 'void swapcache_clear(struct swap_info_struct *si, swp_entry_t entry, int nr)', 'swap-in'],
  ['include/linux/wait.h', 'int waitqueue_active(struct wait_queue_head *wq_head)', 'the swap cache wait queue (swap-in)'],
  ['include/linux/wait.h', 'void wake_up(struct wait_queue_head *wq_head)', 'the swap cache wait queue (swap-in)'],
];

/** Rows of some releases only: hugepd lookups left GUP before v6.13; a NUMA helper renamed in v6.15. */
const NOT_MODELLED_SOME: [header: string, proto: string, what: string, releases: Releases][] = [
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pd(struct vm_area_struct *vma, unsigned long address, hugepd_t hpd, int flags, int pdshift)', 'hugepd tables', { from: '6.1', until: '6.13' }],
  ['include/linux/mm.h', 'bool folio_likely_mapped_shared(struct folio *folio)', 'NUMA balancing', { from: '6.13', until: '6.15' }],
  ['include/linux/mm.h', 'bool folio_maybe_mapped_shared(struct folio *folio)', 'NUMA balancing', { from: '6.15' }],
];

export function unmodelledBuiltins(): TableBuilder {
  const t = new TableBuilder('');
  const add = (rows: readonly [string, string, string][]) => {
    for (const [header, proto, what] of rows) t.in(header).fn(proto, (ctx) => ctx.notModelled(`${protoName(proto)}: ${what}`));
  };
  t.releasesOf({ from: '6.1' });
  add(NOT_MODELLED);
  t.releasesOf({ from: '6.13' });
  add(NOT_MODELLED_613);
  for (const [header, proto, what, releases] of NOT_MODELLED_SOME) t.releasesOf(releases).in(header).fn(proto, (ctx) => ctx.notModelled(`${protoName(proto)}: ${what}`));
  return t;
}
