/* SPDX-License-Identifier: GPL-2.0 */
/* Model header: BIT() of include/linux/bits.h (vdso/bits.h), read from Linux v6.15. */
#ifndef __LINUX_BITS_H
#define __LINUX_BITS_H

#define BIT(nr)			(1UL << (nr))

#endif
