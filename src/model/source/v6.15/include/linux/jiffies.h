/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/jiffies.h (v6.15). `jiffies` reads the model's clock, which only
 * moves when the runtime moves it (a proven livelock fast-forwards it to let a timeout fire).
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

/* CONFIG_HZ=250, the rate of the runtime's clock */
#define HZ 250

#define jiffies get_jiffies_64()

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

#endif
