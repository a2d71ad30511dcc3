// SPDX-License-Identifier: MIT
/*
 * Model source: drivers/gpu/drm/nouveau/nouveau_svm.c, the GPU atomic-fault path and its two
 * notifiers, as of Linux v6.15: nouveau_atomic_range_fault() asks make_device_exclusive() for
 * the one page and, when the interval notifier says it changed meanwhile, unlocks and puts its
 * folio before it goes round again (b3fefbb30a16, January 2025).
 *
 * Read from: Linux v6.15 drivers/gpu/drm/nouveau/nouveau_svm.c (the 6.17 file without the
 * 6.16 flexible-array change to the PFNMAP arguments, which gives back the file the 6.16 patch
 * was written against); the comments are our own.
 *
 * Left out: the fault buffer (nouveau_svm_fault() parses a hardware fault buffer, sorts and
 * groups faults, then calls nouveau_atomic_range_fault() or nouveau_range_fault() per group,
 * and replays or cancels). The model harness nouveau_svm_fault_model() below stands for one
 * ATOMIC fault of that loop; nouveau_range_fault() (non-atomic faults via hmm_range_fault) is
 * not modelled. The GPU page tables behind nvif_object_ioctl()/nvif_object_mthd() are a
 * TypeScript primitive (kernel/drivers/nouveau.ts). Debug printing (SVMM_DBG) prints nothing.
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/rmap.h>
#include <linux/hmm.h>
#include <linux/jiffies.h>
#include "nouveau_svm.h"

/* drivers/gpu/drm/nouveau/nouveau_svm.c: debug messages (NV_DEBUG) print nothing in the model. */
#define SVMM_DBG(s,f,a...) do { } while (0)

/* include/nvif/if000c.h */
#define NVIF_VMM_V0_PFNMAP	0x05
#define NVIF_VMM_V0_PFNCLR	0x06
#define NVIF_VMM_PFNMAP_V0_ADDR		0xfffffffffffff000ULL
#define NVIF_VMM_PFNMAP_V0_ADDR_SHIFT	12
#define NVIF_VMM_PFNMAP_V0_APER		0x00000000000000f0ULL
#define NVIF_VMM_PFNMAP_V0_HOST		0x0000000000000000ULL
#define NVIF_VMM_PFNMAP_V0_VRAM		0x0000000000000010ULL
#define NVIF_VMM_PFNMAP_V0_A		0x0000000000000004ULL
#define NVIF_VMM_PFNMAP_V0_W		0x0000000000000002ULL
#define NVIF_VMM_PFNMAP_V0_V		0x0000000000000001ULL
#define NVIF_VMM_PFNMAP_V0_NONE		0x0000000000000000ULL

struct device {
	int __model;
};

struct nouveau_drm {
	struct device *dev;
};

struct nouveau_cli {
	struct nouveau_drm *drm;
};

struct nvif_client;

struct nvif_object {
	struct nvif_client *client;
	u32 handle;
};

struct nvif_client {
	struct nvif_object object;
	u64 version;
	u8 route;
};

struct nvif_vmm {
	struct nvif_object object;
};

struct nouveau_vmm {
	struct nouveau_cli *cli;
	struct nvif_vmm vmm;
};

struct nouveau_svm {
	struct nouveau_drm *drm;
};

struct svm_notifier {
	struct mmu_interval_notifier notifier;
	struct nouveau_svmm *svmm;
};

/* include/nvif/ioctl.h, include/nvif/if000c.h: the argument block of a PFNMAP ioctl. */
struct nvif_ioctl_v0_hdr {
	u8 version;
	u8 type;
	u8 owner;
	u64 object;
};

struct nvif_ioctl_mthd_v0_hdr {
	u8 version;
	u8 method;
};

struct nvif_vmm_pfnmap_v0 {
	u8 version;
	u8 page;
	u64 addr;
	u64 size;
	u64 phys[1];	/* a flexible array in the kernel; one entry per atomic fault */
};

struct nouveau_pfnmap_args {
	struct nvif_ioctl_v0_hdr i;
	struct nvif_ioctl_mthd_v0_hdr m;
	struct nvif_vmm_pfnmap_v0 p;
};

struct nvif_vmm_pfnclr_v0 {
	u8 version;
	u64 addr;
	u64 size;
};

/* Tear down the GPU mappings of [start, limit). */
void
nouveau_svmm_invalidate(struct nouveau_svmm *svmm, u64 start, u64 limit)
{
	if (limit > start) {
		nvif_object_mthd(&svmm->vmm->vmm.object, NVIF_VMM_V0_PFNCLR,
				 &(struct nvif_vmm_pfnclr_v0) {
					.addr = start,
					.size = limit - start,
				 }, sizeof(struct nvif_vmm_pfnclr_v0));
	}
}

/*
 * The process-wide classic notifier: every invalidation but this device's own MIGRATE events
 * removes the GPU mappings of the range. EXCLUSIVE events are not filtered here -- this is what
 * revokes GPU atomic access once the per-fault interval notifier is gone.
 */
static int
nouveau_svmm_invalidate_range_start(struct mmu_notifier *mn,
				    const struct mmu_notifier_range *update)
{
	struct nouveau_svmm *svmm =
		container_of(mn, struct nouveau_svmm, notifier);
	unsigned long start = update->start;
	unsigned long limit = update->end;

	if (!mmu_notifier_range_blockable(update))
		return -EAGAIN;

	SVMM_DBG(svmm, "invalidate %016lx-%016lx", start, limit);

	mutex_lock(&svmm->mutex);
	if (unlikely(!svmm->vmm))
		goto out;

	/*
	 * Device private pages are invalidated by the migration itself: ignore
	 * their invalidation callbacks.
	 */
	if (update->event == MMU_NOTIFY_MIGRATE &&
	    update->owner == svmm->vmm->cli->drm->dev)
		goto out;

	if (limit > svmm->unmanaged.start && start < svmm->unmanaged.limit) {
		if (start < svmm->unmanaged.start) {
			nouveau_svmm_invalidate(svmm, start,
						svmm->unmanaged.limit);
		}
		start = svmm->unmanaged.limit;
	}

	nouveau_svmm_invalidate(svmm, start, limit);

out:
	mutex_unlock(&svmm->mutex);
	return 0;
}

/* The svmm is freed with its notifier (never in the model: no mm is torn down). */
static void nouveau_svmm_free_notifier(struct mmu_notifier *mn)
{
	kfree(container_of(mn, struct nouveau_svmm, notifier));
}

static const struct mmu_notifier_ops nouveau_mn_ops = {
	.invalidate_range_start = nouveau_svmm_invalidate_range_start,
	.free_notifier = nouveau_svmm_free_notifier,
};

/*
 * The per-fault interval notifier. The one event it ignores is the EXCLUSIVE invalidation that
 * make_device_exclusive() issues on this device's behalf (owner == drm->dev); anything
 * else bumps the sequence so that the fault handler retries.
 */
static bool nouveau_svm_range_invalidate(struct mmu_interval_notifier *mni,
					 const struct mmu_notifier_range *range,
					 unsigned long cur_seq)
{
	struct svm_notifier *sn =
		container_of(mni, struct svm_notifier, notifier);

	if (range->event == MMU_NOTIFY_EXCLUSIVE &&
	    range->owner == sn->svmm->vmm->cli->drm->dev)
		return true;

	/*
	 * svmm->mutex serialises the seq update against the fault handler's
	 * read_retry check and the GPU programming; it only works because the
	 * classic notifier that does the invalidation runs after this one.
	 */
	if (mmu_notifier_range_blockable(range))
		mutex_lock(&sn->svmm->mutex);
	else if (!mutex_trylock(&sn->svmm->mutex))
		return false;
	mmu_interval_set_seq(mni, cur_seq);
	mutex_unlock(&sn->svmm->mutex);
	return true;
}

static const struct mmu_interval_notifier_ops nouveau_svm_mni_ops = {
	.invalidate = nouveau_svm_range_invalidate,
};

/*
 * Give the GPU atomic access to one page: make it device-exclusive, then map it with the A bit
 * under svmm->mutex, retrying (with the folio unlocked and put) while the interval notifier
 * says the page changed since mmu_interval_read_begin(). Gives up with -EBUSY after
 * HMM_RANGE_DEFAULT_TIMEOUT ms.
 */
static int nouveau_atomic_range_fault(struct nouveau_svmm *svmm,
			       struct nouveau_drm *drm,
			       struct nouveau_pfnmap_args *args, u32 size,
			       struct svm_notifier *notifier)
{
	unsigned long timeout =
		jiffies + msecs_to_jiffies(HMM_RANGE_DEFAULT_TIMEOUT);
	struct mm_struct *mm = svmm->notifier.mm;
	struct folio *folio;
	struct page *page;
	unsigned long start = args->p.addr;
	unsigned long notifier_seq;
	int ret = 0;

	ret = mmu_interval_notifier_insert(&notifier->notifier, mm,
					args->p.addr, args->p.size,
					&nouveau_svm_mni_ops);
	if (ret)
		return ret;

	while (true) {
		if (time_after(jiffies, timeout)) {
			ret = -EBUSY;
			goto out;
		}

		notifier_seq = mmu_interval_read_begin(&notifier->notifier);
		mmap_read_lock(mm);
		page = make_device_exclusive(mm, start, drm->dev, &folio);
		mmap_read_unlock(mm);
		if (IS_ERR(page)) {
			ret = -EINVAL;
			goto out;
		}
		folio = page_folio(page);

		mutex_lock(&svmm->mutex);
		if (!mmu_interval_read_retry(&notifier->notifier,
					     notifier_seq))
			break;
		mutex_unlock(&svmm->mutex);

		folio_unlock(folio);
		folio_put(folio);
	}

	/* Program the GPU pte: valid, writable, atomic. */
	args->p.page = 12;
	args->p.size = PAGE_SIZE;
	args->p.addr = start;
	args->p.phys[0] = page_to_phys(page) |
		NVIF_VMM_PFNMAP_V0_V |
		NVIF_VMM_PFNMAP_V0_W |
		NVIF_VMM_PFNMAP_V0_A |
		NVIF_VMM_PFNMAP_V0_HOST;

	ret = nvif_object_ioctl(&svmm->vmm->vmm.object, args, size, NULL);
	mutex_unlock(&svmm->mutex);

	folio_unlock(folio);
	folio_put(folio);

out:
	mmu_interval_notifier_remove(&notifier->notifier);
	return ret;
}

/* ----------------------------------------------------------------------------------------- */
/* Model harness (not kernel code): the state nouveau_svmm_init() and the fault worker set up. */

static struct nouveau_drm model_drm;
static struct nouveau_cli model_cli;
static struct nvif_client model_client;
static struct nouveau_vmm model_vmm;
static struct nouveau_svmm model_svmm;
static struct nouveau_svm model_svm;

/*
 * What nouveau_svmm_init() leaves behind for the process owning @mm: the svmm with its mutex and
 * its classic notifier registered on @mm, bound to the GPU device @dev.
 */
int nouveau_svm_model_init(struct mm_struct *mm, struct device *dev)
{
	model_drm.dev = dev;
	model_cli.drm = &model_drm;
	model_vmm.cli = &model_cli;
	model_vmm.vmm.object.client = &model_client;
	model_svm.drm = &model_drm;
	model_svmm.vmm = &model_vmm;
	model_svmm.unmanaged.start = 0;
	model_svmm.unmanaged.limit = 0;
	mutex_init(&model_svmm.mutex);
	model_svmm.notifier.ops = &nouveau_mn_ops;
	return __mmu_notifier_register(&model_svmm.notifier, mm);
}

/*
 * One ATOMIC (access == 2) GPU fault at @addr, as nouveau_svm_fault() handles it: a one-page
 * PFNMAP request and an on-stack interval notifier, with a reference on the mm held around it.
 */
int nouveau_svm_fault_model(unsigned long addr)
{
	struct nouveau_svm *svm = &model_svm;
	struct nouveau_svmm *svmm = &model_svmm;
	struct svm_notifier notifier;
	struct nouveau_pfnmap_args args;
	struct mm_struct *mm = svmm->notifier.mm;
	int ret;

	if (!mmget_not_zero(mm))
		return -EINVAL;

	args.i.version = 0;
	args.i.type = 0;
	args.i.owner = 0;
	args.m.version = 0;
	args.m.method = NVIF_VMM_V0_PFNMAP;
	args.p.version = 0;
	args.p.page = PAGE_SHIFT;
	args.p.addr = addr & PAGE_MASK;
	args.p.size = PAGE_SIZE;
	args.p.phys[0] = 0;

	notifier.svmm = svmm;
	ret = nouveau_atomic_range_fault(svmm, svm->drm, &args,
					 sizeof(args), &notifier);
	mmput(mm);
	return ret;
}
