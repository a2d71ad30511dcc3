/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/align.h, read from Linux v6.15. IS_ALIGNED() without the kernel's
 * cast of @a to the type of @x (typeof), ALIGN_DOWN() as what __ALIGN_KERNEL() of x - (a - 1)
 * comes to: the model only aligns unsigned long addresses, by powers of two.
 */
#ifndef _LINUX_ALIGN_H
#define _LINUX_ALIGN_H

#define IS_ALIGNED(x, a)	(((x) & ((a) - 1)) == 0)
#define ALIGN_DOWN(x, a)	((x) & ~((a) - 1))

#endif
