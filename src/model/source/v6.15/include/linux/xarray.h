/* SPDX-License-Identifier: GPL-2.0+ */
/*
 * Model header: include/linux/xarray.h, the part lib/test_hmm.c uses (read against v6.15).
 * The array itself is a runtime object (kernel/lib/xarray.ts); xa_find/xa_find_after are
 * builtins so that xa_for_each_range() can be the kernel's macro.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/types.h>

struct xarray {
	int __model;
};

#define XA_PRESENT	1

#define xa_for_each_range(xa, index, entry, start, last)		\
	for (index = start,						\
	     entry = xa_find(xa, &index, last, XA_PRESENT);		\
	     entry;							\
	     entry = xa_find_after(xa, &index, last, XA_PRESENT))

#endif
