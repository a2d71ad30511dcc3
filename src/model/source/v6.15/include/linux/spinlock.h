/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: lock types. The model C only ever passes their addresses to builtins
 * (spin_lock, mutex_lock, down_read_trylock ...); the runtime (kernel/locks.ts) attaches a
 * lock object with an owner to each, whether the lock lives in a runtime object (pte/pmd
 * locks, anon_vma rwsem, mmap_lock) or is embedded in a model struct (svmm->mutex).
 * The single field exists only because a C struct cannot be empty.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

typedef struct spinlock {
	int __model;
} spinlock_t;

struct mutex {
	int __model;
};

struct rw_semaphore {
	int __model;
};

typedef struct wait_queue_head {
	int __model;
} wait_queue_head_t;

/* include/linux/wait.h: one task's entry on a queue (only declared). */
struct task_struct;

typedef struct wait_queue_entry {
	void *private;
} wait_queue_entry_t;

#define DECLARE_WAITQUEUE(name, tsk) wait_queue_entry_t name = { .private = tsk }

/* Lockdep's map of a pseudo-lock (lock_map_acquire()/lock_map_release() are no-ops in the model). */
struct lockdep_map {
	int __model;
};

/* A wait_event() the model can run: the condition is re-tested every time the waitqueue is woken. */
#define wait_event(wq, condition)				\
	do {							\
		while (!(condition))				\
			__wait_event_sleep(&(wq));		\
	} while (0)

#endif
