/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/mmu_notifier.h with CONFIG_MMU_NOTIFIER, read from Linux v6.13
 * (the range no longer names a vma; the secondary-TLB invalidate_range() callback and
 * mmu_notifier_invalidate_range_only_end() are gone).
 *
 * The range initialisers, the invalidate_range_start/end wrappers and the interval-notifier
 * sequence helpers are the kernel's inlines (a hunk can change them). The dispatch to
 * subscribers (__mmu_notifier_invalidate_range_start/_end) is a TypeScript primitive in
 * kernel/mm/mmu_notifier.ts: it records each invalidation (event, owner, range, stack, what
 * each subscriber did) and calls the subscribers' callbacks, which are model C again.
 * lockdep's lock_map_acquire()/lock_map_release() are builtins that do nothing.
 * Left out: the ops the modelled drivers do not set (release, clear_flush_young ...).
 */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

#include <linux/mm_types.h>

struct mmu_notifier;
struct mmu_interval_notifier;

/*
 * Why a range is invalidated. EXCLUSIVE: the device loses (or, when the owner is set by
 * make_device_exclusive_range()'s caller, gains) exclusive access to the pages.
 */
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

struct mmu_notifier_ops {
	int (*invalidate_range_start)(struct mmu_notifier *subscription,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *subscription,
				     const struct mmu_notifier_range *range);
	struct mmu_notifier *(*alloc_notifier)(struct mm_struct *mm);
	void (*free_notifier)(struct mmu_notifier *subscription);
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

/* The tree node is the runtime's: [start, last] of an inserted subscription. */
struct interval_tree_node {
	unsigned long start;
	unsigned long last;
};

struct mmu_interval_notifier {
	struct interval_tree_node interval_tree;
	const struct mmu_interval_notifier_ops *ops;
	struct mm_struct *mm;
	unsigned long invalidate_seq;
};

struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	unsigned flags;
	enum mmu_notifier_event event;
	void *owner;
};

extern struct lockdep_map __mmu_notifier_invalidate_range_start_map;

static inline int mm_has_notifiers(struct mm_struct *mm)
{
	return unlikely(mm->notifier_subscriptions);
}

unsigned long
mmu_interval_read_begin(struct mmu_interval_notifier *interval_sub);

int mmu_interval_notifier_insert(struct mmu_interval_notifier *interval_sub,
				 struct mm_struct *mm, unsigned long start,
				 unsigned long length,
				 const struct mmu_interval_notifier_ops *ops);

void mmu_interval_notifier_remove(struct mmu_interval_notifier *interval_sub);

/*
 * Called by the ->invalidate callback under the driver's own lock: the next
 * mmu_interval_read_retry() of a reader that began before it returns true. cur_seq is odd.
 */
static inline void
mmu_interval_set_seq(struct mmu_interval_notifier *interval_sub,
		     unsigned long cur_seq)
{
	WRITE_ONCE(interval_sub->invalidate_seq, cur_seq);
}

/* Under the same driver lock as mmu_interval_set_seq(): true means retry. */
static inline bool
mmu_interval_read_retry(struct mmu_interval_notifier *interval_sub,
			unsigned long seq)
{
	return interval_sub->invalidate_seq != seq;
}

/* Lockless early check: a true answer is final, a false one must be confirmed by read_retry. */
static inline bool
mmu_interval_check_retry(struct mmu_interval_notifier *interval_sub,
			 unsigned long seq)
{
	/* read as mmu_interval_set_seq() writes it */
	return READ_ONCE(interval_sub->invalidate_seq) != seq;
}

static inline bool
mmu_notifier_range_blockable(const struct mmu_notifier_range *range)
{
	return (range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE);
}

/* The sleeping variant: the range is marked blockable, then the dispatch runs. */
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
		__mmu_notifier_invalidate_range_end(range);
}

/*
 * Sets every field but ->owner. A range is an on-stack object, so for a plain
 * mmu_notifier_range_init() user the owner stays whatever was on the stack: the runtime keeps
 * it as "never written" and reports it as `unset` (notes §1.10).
 */
static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   enum mmu_notifier_event event,
					   unsigned flags,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	range->event = event;
	range->mm = mm;
	range->start = start;
	range->end = end;
	range->flags = flags;
}

static inline void mmu_notifier_range_init_owner(
			struct mmu_notifier_range *range,
			enum mmu_notifier_event event, unsigned int flags,
			struct mm_struct *mm, unsigned long start,
			unsigned long end, void *owner)
{
	mmu_notifier_range_init(range, event, flags, mm, start, end);
	range->owner = owner;
}

#endif
