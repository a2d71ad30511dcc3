/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/align.h, read from Linux v6.13. IS_ALIGNED() without the kernel's
 * cast of @a to the type of @x (typeof): the model only aligns unsigned long addresses.
 */
#ifndef _LINUX_ALIGN_H
#define _LINUX_ALIGN_H

#define IS_ALIGNED(x, a)	(((x) & ((a) - 1)) == 0)

#endif
