/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/hmm.h, read from Linux v6.15: the range a driver asks
 * hmm_range_fault() to fill, and its pfn flags. hmm_range_fault() is a builtin that models the
 * permission checks only (faulting pages for the device is not modelled).
 */
#ifndef _LINUX_HMM_H
#define _LINUX_HMM_H

#include <linux/mm.h>

#define BITS_PER_LONG 64

/*
 * enum hmm_pfn_flags in the kernel: its values need 64 bits (a GCC extension for enums), which
 * the model's enums (int) do not hold, so they are macros here with the same values.
 */
/* what hmm_range_fault() reports */
#define HMM_PFN_VALID		(1UL << (BITS_PER_LONG - 1))
#define HMM_PFN_WRITE		(1UL << (BITS_PER_LONG - 2))
#define HMM_PFN_ERROR		(1UL << (BITS_PER_LONG - 3))
#define HMM_PFN_ORDER_SHIFT	(BITS_PER_LONG - 8)

/* what the caller asks for */
#define HMM_PFN_REQ_FAULT	HMM_PFN_VALID
#define HMM_PFN_REQ_WRITE	HMM_PFN_WRITE

#define HMM_PFN_FLAGS		(0xFFUL << HMM_PFN_ORDER_SHIFT)

static inline struct page *hmm_pfn_to_page(unsigned long hmm_pfn)
{
	return pfn_to_page(hmm_pfn & ~HMM_PFN_FLAGS);
}

struct hmm_range {
	struct mmu_interval_notifier *notifier;
	unsigned long		notifier_seq;
	unsigned long		start;
	unsigned long		end;
	unsigned long		*hmm_pfns;
	unsigned long		default_flags;
	unsigned long		pfn_flags_mask;
	void			*dev_private_owner;
};

int hmm_range_fault(struct hmm_range *range);

/* How long a driver waits for the mmu notifiers before giving up with -EBUSY (ms). */
#define HMM_RANGE_DEFAULT_TIMEOUT 1000

#endif
