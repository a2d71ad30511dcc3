/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: the kernel log. Nothing is printed in the model: pr_warn() expands to nothing
 * (its arguments are not evaluated, as they have no side effects where the model C uses it);
 * dump_stack() is a builtin that does nothing.
 */
#ifndef __KERNEL_PRINTK__
#define __KERNEL_PRINTK__

#define pr_warn(fmt, ...) do { } while (0)

#endif
