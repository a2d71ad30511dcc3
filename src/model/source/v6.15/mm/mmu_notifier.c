// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/mmu_notifier.c, the reader side of interval notifiers, as of Linux v6.15.
 *
 * Read from: Linux v6.15 mm/mmu_notifier.c (mmu_interval_read_begin()); the comments are our own.
 *
 * The writer side -- __mmu_notifier_invalidate_range_start/_end (mn_itree_invalidate,
 * mn_itree_inv_start_range, mn_itree_inv_end, the classic hlist), mmu_interval_notifier_insert
 * and _remove, __mmu_notifier_register -- is a TypeScript primitive
 * (kernel/mm/mmu_notifier.ts): it records every invalidation with its owner and what each
 * subscriber did, and calls the subscribers' model C callbacks. Of struct
 * mmu_notifier_subscriptions (a runtime object) only the fields the reader side uses are
 * declared.
 *
 * Sequence numbers (notes §1.11): subscriptions->invalidate_seq is even when idle and odd while
 * an invalidation overlapping some interval is in progress; an invalidation sets each
 * overlapped subscriber's seq to the odd value; the end makes the global seq even again.
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>

/* Per-mm state; made and owned by the runtime (kernel/mm/mmu_notifier.ts). */
struct mmu_notifier_subscriptions {
	spinlock_t lock;
	unsigned long invalidate_seq;
	unsigned long active_invalidate_ranges;
	wait_queue_head_t wq;
};

/* lockdep's pseudo-lock for "inside invalidate_range_start" (CONFIG_LOCKDEP). */
struct lockdep_map __mmu_notifier_invalidate_range_start_map;

/*
 * Start a read-side critical section: return the subscriber's current seq, after waiting for
 * an invalidation that covers it (subscriber seq == global odd seq) to end. A seq returned
 * here may already be stale: mmu_interval_read_retry() under the driver's lock decides.
 */
unsigned long
mmu_interval_read_begin(struct mmu_interval_notifier *interval_sub)
{
	struct mmu_notifier_subscriptions *subscriptions =
		interval_sub->mm->notifier_subscriptions;
	unsigned long seq;
	bool is_invalidating;

	/*
	 * The subscriber seq is written under subscriptions->lock by the
	 * invalidation side; equal to the global seq means "being invalidated".
	 */
	spin_lock(&subscriptions->lock);
	/* read as mmu_interval_set_seq() writes it */
	seq = READ_ONCE(interval_sub->invalidate_seq);
	is_invalidating = seq == subscriptions->invalidate_seq;
	spin_unlock(&subscriptions->lock);

	/*
	 * A subscriber seq is always set to the odd cur_seq of an invalidation,
	 * and the global seq is even when idle, so the wait below ends.
	 */
	lock_map_acquire(&__mmu_notifier_invalidate_range_start_map);
	lock_map_release(&__mmu_notifier_invalidate_range_start_map);
	if (is_invalidating)
		wait_event(subscriptions->wq,
			   READ_ONCE(subscriptions->invalidate_seq) != seq);

	/* No loop here: the caller bounds its retries itself. */

	return seq;
}
