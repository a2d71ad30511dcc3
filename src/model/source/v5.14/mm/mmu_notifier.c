// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model source: mm/mmu_notifier.c, the reader side of interval notifiers.
 *
 * Read from: Linux v5.14 (tag v5.14). Each function's code is v5.14's statement for
 * statement; src/model/source/v5.14/read-from.json holds the digest of each one's tokens and
 * the reason for every difference. The comments are our own.
 *
 * The writer side -- __mmu_notifier_invalidate_range_start/_end (mn_itree_invalidate,
 * mn_itree_inv_start_range, mn_itree_inv_end, the classic hlist), mmu_interval_notifier_insert
 * and _remove, __mmu_notifier_register -- is a TypeScript primitive
 * (kernel/mm/mmu_notifier.ts): it records every invalidation with its owner and what each
 * subscriber did, and calls the subscribers' model C callbacks. mmu_interval_set_seq(),
 * mmu_interval_read_retry() and mmu_interval_check_retry() are the static inlines of
 * include/linux/mmu_notifier.h.
 *
 * Sequence numbers (notes §1.11): subscriptions->invalidate_seq is even when idle and odd while
 * an invalidation overlapping some interval is in progress; an invalidation sets each
 * overlapped subscriber's seq to the odd value; the end makes the global seq even again.
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>

/*
 * Start a read-side critical section: return the subscriber's current seq, after waiting for
 * an invalidation that covers it (subscriber seq == global odd seq) to end.
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
	seq = READ_ONCE(interval_sub->invalidate_seq);
	is_invalidating = seq == subscriptions->invalidate_seq;
	spin_unlock(&subscriptions->lock);

	/*
	 * Tell lockdep this may wait as an invalidation does (nothing without
	 * CONFIG_LOCKDEP, as in the model).
	 */
	lock_map_acquire(&__mmu_notifier_invalidate_range_start_map);
	lock_map_release(&__mmu_notifier_invalidate_range_start_map);
	if (is_invalidating)
		wait_event(subscriptions->wq,
			   READ_ONCE(subscriptions->invalidate_seq) != seq);

	/*
	 * A seq from here that is not odd-and-current is safe to use with
	 * mmu_interval_read_retry(): an invalidation that starts after this point
	 * will change the subscriber seq.
	 */
	return seq;
}
