// Primitives off the modelled path that the v6.1 sources call in branches the scenarios never
// take (hugetlb, device pages, the gate area, pins, NUMA balancing, swap devices): each ends the
// run with verdict `error` naming what is not modelled, so a variant that reaches one is never
// silently replayed. (The v5.14 sources have model_not_modelled() in those branches instead.)

import { TableBuilder, protoName } from './def.js';

const NOT_MODELLED: [header: string, proto: string, what: string][] = [
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pmd_pte(struct vm_area_struct *vma, unsigned long address, int flags)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pud(struct mm_struct *mm, unsigned long address, pud_t *pud, int flags)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pgd(struct mm_struct *mm, unsigned long address, pgd_t *pgd, int flags)', 'hugetlb vmas'],
  ['include/linux/hugetlb.h', 'struct page *follow_huge_pd(struct vm_area_struct *vma, unsigned long address, hugepd_t hpd, int flags, int pdshift)', 'hugepd tables'],
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

export function unmodelledBuiltins(): TableBuilder {
  const t = new TableBuilder('').releasesOf({ from: '6.1' });
  for (const [header, proto, what] of NOT_MODELLED) {
    t.in(header).fn(proto, (ctx) => ctx.notModelled(`${protoName(proto)}: ${what}`));
  }
  return t;
}
