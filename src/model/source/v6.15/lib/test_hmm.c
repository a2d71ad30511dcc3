// SPDX-License-Identifier: GPL-2.0
/*
 * Model source: lib/test_hmm.c, the dmirror test driver the kernel's hmm-tests drive, as of
 * Linux v6.15, in the part the device-exclusive tests use: HMM_DMIRROR_EXCLUSIVE,
 * HMM_DMIRROR_CHECK_EXCLUSIVE and HMM_DMIRROR_WRITE, and the interval notifier that erases
 * mirror entries. Since the 2025 rework dmirror_exclusive() makes one page at a time
 * exclusive (make_device_exclusive()) and stores it in the mirror.
 *
 * Read from: Linux v6.15 lib/test_hmm.c (the 6.17 file without the 6.16 stack-usage change,
 * which gives back the file that change was written against); the comments are our own.
 *
 * Simplifications: page contents are one word per page in the model (kernel/mm/page.ts), so
 * memcpy_from_page()/memcpy_to_page() copy that word and a bounce buffer is an array of page-sized
 * elements; the ioctl entry takes the command block directly (no copy_from_user of it); device
 * memory migration, snapshots and reads through hmm_range_fault are not modelled.
 * hmm_range_fault() is a TypeScript primitive that models the permission checks only (so
 * dmirror_do_fault() is never reached).
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/rmap.h>
#include <linux/hmm.h>
#include <linux/jiffies.h>
#include <linux/xarray.h>

/* The command numbers the model harness takes (lib/test_hmm_uapi.h has _IOWR() codes). */
#define HMM_DMIRROR_READ		0
#define HMM_DMIRROR_WRITE		1
#define HMM_DMIRROR_MIGRATE		2
#define HMM_DMIRROR_SNAPSHOT		3
#define HMM_DMIRROR_EXCLUSIVE		4
#define HMM_DMIRROR_CHECK_EXCLUSIVE	5

#define DPT_XA_TAG_ATOMIC 1UL
#define DPT_XA_TAG_WRITE 3UL

struct hmm_dmirror_cmd {
	u64 addr;
	u64 ptr;
	u64 npages;
	u64 cpages;
	u64 faults;
};

struct dmirror_device {
	int __model;
};

struct dmirror {
	struct dmirror_device *mdevice;
	struct xarray pt;
	struct mmu_interval_notifier notifier;
	struct mutex mutex;
};

struct dmirror_bounce {
	void *ptr;
	unsigned long size;
	unsigned long addr;
	unsigned long cpages;
};

static int dmirror_bounce_init(struct dmirror_bounce *bounce,
			       unsigned long addr,
			       unsigned long size)
{
	bounce->addr = addr;
	bounce->size = size;
	bounce->cpages = 0;
	bounce->ptr = vmalloc(size);
	if (!bounce->ptr)
		return -ENOMEM;
	return 0;
}

static void dmirror_bounce_fini(struct dmirror_bounce *bounce)
{
	vfree(bounce->ptr);
}

/* Erase the mirror entries of [start, end] (end's pfn included, as the kernel's range is). */
static void dmirror_do_update(struct dmirror *dmirror, unsigned long start,
			      unsigned long end)
{
	unsigned long pfn;
	void *entry;

	/*
	 * The mirror holds no page references; the notifier keeps it from going
	 * stale, so clearing the entry is all there is to do.
	 */
	xa_for_each_range(&dmirror->pt, pfn, entry, start >> PAGE_SHIFT,
			  end >> PAGE_SHIFT)
		xa_erase(&dmirror->pt, pfn);
}

/*
 * The mirror's interval notifier, over the whole address space: everything but this device's
 * own MIGRATE events bumps the seq and erases the mirror entries of the range.
 */
static bool dmirror_interval_invalidate(struct mmu_interval_notifier *mni,
				const struct mmu_notifier_range *range,
				unsigned long cur_seq)
{
	struct dmirror *dmirror = container_of(mni, struct dmirror, notifier);

	/*
	 * Device private pages are invalidated by the migration itself: ignore
	 * their invalidation callbacks.
	 */
	if (range->event == MMU_NOTIFY_MIGRATE &&
	    range->owner == dmirror->mdevice)
		return true;

	if (mmu_notifier_range_blockable(range))
		mutex_lock(&dmirror->mutex);
	else if (!mutex_trylock(&dmirror->mutex))
		return false;

	mmu_interval_set_seq(mni, cur_seq);
	dmirror_do_update(dmirror, range->start, range->end);

	mutex_unlock(&dmirror->mutex);
	return true;
}

static const struct mmu_interval_notifier_ops dmirror_min_ops = {
	.invalidate = dmirror_interval_invalidate,
};

/* Copy the mirrored pages of [start, end) into the bounce buffer; -ENOENT at the first hole. */
static int dmirror_do_read(struct dmirror *dmirror, unsigned long start,
			   unsigned long end, struct dmirror_bounce *bounce)
{
	unsigned long pfn;
	void *ptr;

	ptr = bounce->ptr + ((start - bounce->addr) & PAGE_MASK);

	for (pfn = start >> PAGE_SHIFT; pfn < (end >> PAGE_SHIFT); pfn++) {
		void *entry;
		struct page *page;

		entry = xa_load(&dmirror->pt, pfn);
		page = xa_untag_pointer(entry);
		if (!page)
			return -ENOENT;

		memcpy_from_page(ptr, page, 0, PAGE_SIZE);

		ptr += PAGE_SIZE;
		bounce->cpages++;
	}

	return 0;
}

/* Write the bounce buffer through the mirror; -ENOENT where no writable entry is mirrored. */
static int dmirror_do_write(struct dmirror *dmirror, unsigned long start,
			    unsigned long end, struct dmirror_bounce *bounce)
{
	unsigned long pfn;
	void *ptr;

	ptr = bounce->ptr + ((start - bounce->addr) & PAGE_MASK);

	for (pfn = start >> PAGE_SHIFT; pfn < (end >> PAGE_SHIFT); pfn++) {
		void *entry;
		struct page *page;

		entry = xa_load(&dmirror->pt, pfn);
		page = xa_untag_pointer(entry);
		if (!page || xa_pointer_tag(entry) != DPT_XA_TAG_WRITE)
			return -ENOENT;

		memcpy_to_page(page, 0, ptr, PAGE_SIZE);

		ptr += PAGE_SIZE;
		bounce->cpages++;
	}

	return 0;
}

/* Store the pages hmm_range_fault() found into the mirror, tagged writable where they are. */
static int dmirror_do_fault(struct dmirror *dmirror, struct hmm_range *range)
{
	unsigned long *pfns = range->hmm_pfns;
	unsigned long pfn;

	for (pfn = (range->start >> PAGE_SHIFT);
	     pfn < (range->end >> PAGE_SHIFT);
	     pfn++, pfns++) {
		struct page *page;
		void *entry;

		/* hmm_range_fault() was asked to fault every page in: no error entries. */
		WARN_ON(*pfns & HMM_PFN_ERROR);
		WARN_ON(!(*pfns & HMM_PFN_VALID));

		page = hmm_pfn_to_page(*pfns);
		WARN_ON(!page);

		entry = page;
		if (*pfns & HMM_PFN_WRITE)
			entry = xa_tag_pointer(entry, DPT_XA_TAG_WRITE);
		else if (WARN_ON(range->default_flags & HMM_PFN_WRITE))
			return -EFAULT;
		entry = xa_store(&dmirror->pt, pfn, entry, GFP_ATOMIC);
		if (xa_is_err(entry))
			return xa_err(entry);
	}

	return 0;
}

static int dmirror_range_fault(struct dmirror *dmirror,
				struct hmm_range *range)
{
	struct mm_struct *mm = dmirror->notifier.mm;
	unsigned long timeout =
		jiffies + msecs_to_jiffies(HMM_RANGE_DEFAULT_TIMEOUT);
	int ret;

	while (true) {
		if (time_after(jiffies, timeout)) {
			ret = -EBUSY;
			goto out;
		}

		range->notifier_seq = mmu_interval_read_begin(range->notifier);
		mmap_read_lock(mm);
		ret = hmm_range_fault(range);
		mmap_read_unlock(mm);
		if (ret) {
			if (ret == -EBUSY)
				continue;
			goto out;
		}

		mutex_lock(&dmirror->mutex);
		if (mmu_interval_read_retry(range->notifier,
					    range->notifier_seq)) {
			mutex_unlock(&dmirror->mutex);
			continue;
		}
		break;
	}

	ret = dmirror_do_fault(dmirror, range);

	mutex_unlock(&dmirror->mutex);
out:
	return ret;
}

static int dmirror_fault(struct dmirror *dmirror, unsigned long start,
			 unsigned long end, bool write)
{
	struct mm_struct *mm = dmirror->notifier.mm;
	unsigned long addr;
	unsigned long pfns[64];
	struct hmm_range range = {
		.notifier = &dmirror->notifier,
		.hmm_pfns = pfns,
		.pfn_flags_mask = 0,
		.default_flags =
			HMM_PFN_REQ_FAULT | (write ? HMM_PFN_REQ_WRITE : 0),
		.dev_private_owner = dmirror->mdevice,
	};
	int ret = 0;

	/* The mirrored process's mm: hold a reference while using it. */
	if (!mmget_not_zero(mm))
		return 0;

	for (addr = start; addr < end; addr = range.end) {
		range.start = addr;
		range.end = min(addr + (ARRAY_SIZE(pfns) << PAGE_SHIFT), end);

		ret = dmirror_range_fault(dmirror, &range);
		if (ret)
			break;
	}

	mmput(mm);
	return ret;
}

static int dmirror_write(struct dmirror *dmirror, struct hmm_dmirror_cmd *cmd)
{
	struct dmirror_bounce bounce;
	unsigned long start, end;
	unsigned long size = cmd->npages << PAGE_SHIFT;
	int ret;

	start = cmd->addr;
	end = start + size;
	if (end < start)
		return -EINVAL;

	ret = dmirror_bounce_init(&bounce, start, size);
	if (ret)
		return ret;
	if (copy_from_user(bounce.ptr, u64_to_user_ptr(cmd->ptr),
			   bounce.size)) {
		ret = -EFAULT;
		goto fini;
	}

	while (1) {
		mutex_lock(&dmirror->mutex);
		ret = dmirror_do_write(dmirror, start, end, &bounce);
		mutex_unlock(&dmirror->mutex);
		if (ret != -ENOENT)
			break;

		start = cmd->addr + (bounce.cpages << PAGE_SHIFT);
		ret = dmirror_fault(dmirror, start, end, true);
		if (ret)
			break;
		cmd->faults++;
	}

fini:
	cmd->cpages = bounce.cpages;
	dmirror_bounce_fini(&bounce);
	return ret;
}

/* Is any page of [start, end) still mapped for atomic access by the device? */
static int dmirror_check_atomic(struct dmirror *dmirror, unsigned long start,
			     unsigned long end)
{
	unsigned long pfn;

	for (pfn = start >> PAGE_SHIFT; pfn < (end >> PAGE_SHIFT); pfn++) {
		void *entry;

		entry = xa_load(&dmirror->pt, pfn);
		if (xa_pointer_tag(entry) == DPT_XA_TAG_ATOMIC)
			return -EPERM;
	}

	return 0;
}

/* Mirror the page make_device_exclusive() returned, tagged for atomic access. */
static int dmirror_atomic_map(unsigned long addr, struct page *page,
		struct dmirror *dmirror)
{
	void *entry;

	/* Store the exclusive page in the mirror. */
	mutex_lock(&dmirror->mutex);

	entry = xa_tag_pointer(page, DPT_XA_TAG_ATOMIC);
	entry = xa_store(&dmirror->pt, addr >> PAGE_SHIFT, entry, GFP_ATOMIC);
	if (xa_is_err(entry)) {
		mutex_unlock(&dmirror->mutex);
		return xa_err(entry);
	}

	mutex_unlock(&dmirror->mutex);
	return 0;
}

/*
 * HMM_DMIRROR_EXCLUSIVE: make [addr, addr + npages) device-exclusive 64 pages at a time
 * (owner NULL), mirror each chunk GUP found whole, give up with -EBUSY when a chunk is not
 * fully mapped, then read everything back through the mirror (-ENOENT at the first missing
 * entry).
 */
static int dmirror_exclusive(struct dmirror *dmirror,
			     struct hmm_dmirror_cmd *cmd)
{
	unsigned long start, end, addr;
	unsigned long size = cmd->npages << PAGE_SHIFT;
	struct mm_struct *mm = dmirror->notifier.mm;
	struct dmirror_bounce bounce;
	int ret = 0;

	start = cmd->addr;
	end = start + size;
	if (end < start)
		return -EINVAL;

	/* The mirrored process's mm: hold a reference while using it. */
	if (!mmget_not_zero(mm))
		return -EINVAL;

	mmap_read_lock(mm);
	for (addr = start; !ret && addr < end; addr += PAGE_SIZE) {
		struct folio *folio;
		struct page *page;

		page = make_device_exclusive(mm, addr, NULL, &folio);
		if (IS_ERR(page)) {
			ret = PTR_ERR(page);
			break;
		}

		ret = dmirror_atomic_map(addr, page, dmirror);
		folio_unlock(folio);
		folio_put(folio);
	}
	mmap_read_unlock(mm);
	mmput(mm);

	if (ret)
		return ret;

	/* Copy the data out through the mirror, for the test to check. */
	ret = dmirror_bounce_init(&bounce, start, size);
	if (ret)
		return ret;
	mutex_lock(&dmirror->mutex);
	ret = dmirror_do_read(dmirror, start, end, &bounce);
	mutex_unlock(&dmirror->mutex);
	if (ret == 0) {
		if (copy_to_user(u64_to_user_ptr(cmd->ptr), bounce.ptr,
				 bounce.size))
			ret = -EFAULT;
	}

	cmd->cpages = bounce.cpages;
	dmirror_bounce_fini(&bounce);
	return ret;
}

/* ----------------------------------------------------------------------------------------- */
/* Model harness (not kernel code): what dmirror_fops_open() and the ioctl entry do. */

static struct dmirror_device model_mdevice;
static struct dmirror model_dmirror;
static struct hmm_dmirror_cmd model_cmd;

/* dmirror_fops_open(): one mirror per open file, its notifier over the whole address space. */
int dmirror_model_open(struct mm_struct *mm)
{
	struct dmirror *dmirror = &model_dmirror;
	int ret;

	dmirror->mdevice = &model_mdevice;
	mutex_init(&dmirror->mutex);
	xa_init(&dmirror->pt);

	ret = mmu_interval_notifier_insert(&dmirror->notifier, mm,
				0, ULONG_MAX & PAGE_MASK, &dmirror_min_ops);
	return ret;
}

/*
 * dmirror_fops_unlocked_ioctl() for the commands the exclusive tests use. @ptr is the user
 * address of the test's mirror buffer. Returns the ioctl's result; cmd.cpages is kept for
 * dmirror_model_cpages().
 */
long dmirror_model_ioctl(unsigned int command, u64 addr, u64 npages, u64 ptr)
{
	struct dmirror *dmirror = &model_dmirror;
	struct hmm_dmirror_cmd *cmd = &model_cmd;
	long ret;

	cmd->addr = addr;
	cmd->ptr = ptr;
	cmd->npages = npages;
	cmd->cpages = 0;
	cmd->faults = 0;

	if (command == HMM_DMIRROR_WRITE)
		ret = dmirror_write(dmirror, cmd);
	else if (command == HMM_DMIRROR_EXCLUSIVE)
		ret = dmirror_exclusive(dmirror, cmd);
	else if (command == HMM_DMIRROR_CHECK_EXCLUSIVE)
		ret = dmirror_check_atomic(dmirror, cmd->addr,
					cmd->addr + (cmd->npages << PAGE_SHIFT));
	else
		ret = -EINVAL;

	return ret;
}

u64 dmirror_model_cpages(void)
{
	return model_cmd.cpages;
}
