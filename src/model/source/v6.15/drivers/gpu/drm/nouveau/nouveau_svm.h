/* SPDX-License-Identifier: MIT */
/*
 * Model header: drivers/gpu/drm/nouveau/nouveau_svm.h, read from Linux v6.15: the per-process
 * SVM state (its classic MMU notifier, the GPU vmm, the unmanaged window and the mutex that
 * serialises GPU page table updates against invalidations).
 */
#ifndef __NOUVEAU_SVM_H__
#define __NOUVEAU_SVM_H__

#include <linux/mmu_notifier.h>

struct nouveau_svmm {
	struct mmu_notifier notifier;
	struct nouveau_vmm *vmm;
	struct {
		unsigned long start;
		unsigned long limit;
	} unmanaged;

	struct mutex mutex;
};

#endif
