/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: struct mmu_gather of include/asm-generic/tlb.h, read from Linux v6.13.
 * The gather is made by the mprotect() primitive (tlb_gather_mmu()); the model flushes nothing,
 * so tlb_change_page_size(), tlb_flush_pte_range(), tlb_start_vma() and tlb_end_vma() are
 * builtins that only check their arguments. Left out: the page and table batches.
 */
#ifndef _ASM_GENERIC__TLB_H
#define _ASM_GENERIC__TLB_H

struct mmu_gather {
	struct mm_struct	*mm;
	unsigned long		start;
	unsigned long		end;
};

#endif
