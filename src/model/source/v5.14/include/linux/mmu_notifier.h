/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: MMU notifiers. Read against Linux v5.14 include/linux/mmu_notifier.h and the
 * v11 posting of "mm: Device exclusive memory access" (which adds MMU_NOTIFY_EXCLUSIVE and
 * mmu_notifier_range_init_owner()).
 *
 * The range initialisers, the invalidate_range_start/end wrappers and the interval-notifier
 * sequence helpers are model C (a hunk can change them). The dispatch to subscribers
 * (__mmu_notifier_invalidate_range_start/_end) is a TypeScript primitive in
 * kernel/mm/mmu_notifier.ts: it records each invalidation (event, owner, range, stack, what
 * each subscriber did) and calls the subscribers' callbacks, which are model C again.
 */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

#include <linux/mm_types.h>

enum mmu_notifier_event {
	MMU_NOTIFY_UNMAP = 0,
	MMU_NOTIFY_CLEAR,
	MMU_NOTIFY_PROTECTION_VMA,
	MMU_NOTIFY_PROTECTION_PAGE,
	MMU_NOTIFY_SOFT_DIRTY,
	MMU_NOTIFY_RELEASE,
	MMU_NOTIFY_MIGRATE,
	MMU_NOTIFY_EXCLUSIVE,
};

#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)

struct mmu_notifier;
struct mmu_interval_notifier;

struct mmu_notifier_range {
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	unsigned flags;
	enum mmu_notifier_event event;
	void *owner;
};

/* Per-mm state; made and owned by the runtime (kernel/mm/mmu_notifier.ts). */
struct mmu_notifier_subscriptions {
	spinlock_t lock;
	unsigned long invalidate_seq;
	unsigned long active_invalidate_ranges;
	wait_queue_head_t wq;
};

struct mmu_notifier_ops {
	int (*invalidate_range_start)(struct mmu_notifier *subscription,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *subscription,
				     const struct mmu_notifier_range *range);
};

struct mmu_notifier {
	const struct mmu_notifier_ops *ops;
	struct mm_struct *mm;
	unsigned int users;
};

struct mmu_interval_notifier_ops {
	bool (*invalidate)(struct mmu_interval_notifier *interval_sub,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq);
};

struct mmu_interval_notifier {
	const struct mmu_interval_notifier_ops *ops;
	struct mm_struct *mm;
	unsigned long invalidate_seq;
};

static inline bool
mmu_notifier_range_blockable(const struct mmu_notifier_range *range)
{
	return (range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE);
}

/*
 * Written under the driver's own lock by its ->invalidate callback: makes the next
 * mmu_interval_read_retry() of a reader that began before it return true.
 */
static inline void mmu_interval_set_seq(struct mmu_interval_notifier *interval_sub,
					unsigned long cur_seq)
{
	WRITE_ONCE(interval_sub->invalidate_seq, cur_seq);
}

/* Called under the same driver lock as mmu_interval_set_seq(). */
static inline bool mmu_interval_read_retry(struct mmu_interval_notifier *interval_sub,
					   unsigned long seq)
{
	return interval_sub->invalidate_seq != seq;
}

/* Lockless early check; a true answer is final, a false one must be confirmed by read_retry. */
static inline bool mmu_interval_check_retry(struct mmu_interval_notifier *interval_sub,
					    unsigned long seq)
{
	return READ_ONCE(interval_sub->invalidate_seq) != seq;
}

static inline int mm_has_notifiers(struct mm_struct *mm)
{
	return unlikely(mm->notifier_subscriptions);
}

/* The kernel's wrappers: BLOCKABLE is set for the sleeping variant, then the dispatch runs. */
static inline void
mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)
{
	might_sleep();

	lock_map_acquire(&__mmu_notifier_invalidate_range_start_map);
	if (mm_has_notifiers(range->mm)) {
		range->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
		__mmu_notifier_invalidate_range_start(range);
	}
	lock_map_release(&__mmu_notifier_invalidate_range_start_map);
}

static inline void
mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)
{
	if (mmu_notifier_range_blockable(range))
		might_sleep();

	if (mm_has_notifiers(range->mm))
		__mmu_notifier_invalidate_range_end(range, false);
}

/* As _end, without the secondary-TLB ->invalidate_range() callback. */
static inline void
mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm))
		__mmu_notifier_invalidate_range_end(range, true);
}

/*
 * Sets every field but ->owner. A range is an on-stack object, so for a plain
 * mmu_notifier_range_init() user the owner stays whatever was on the stack: the runtime keeps
 * it as "never written" and reports it as `unset` (notes §1.10).
 */
static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   enum mmu_notifier_event event,
					   unsigned flags,
					   struct vm_area_struct *vma,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	range->vma = vma;
	range->event = event;
	range->mm = mm;
	range->start = start;
	range->end = end;
	range->flags = flags;
}

static inline void mmu_notifier_range_init_owner(
			struct mmu_notifier_range *range,
			enum mmu_notifier_event event, unsigned int flags,
			struct vm_area_struct *vma, struct mm_struct *mm,
			unsigned long start, unsigned long end, void *owner)
{
	mmu_notifier_range_init(range, event, flags, vma, mm, start, end);
	range->owner = owner;
}

#endif
