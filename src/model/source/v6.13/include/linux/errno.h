/* SPDX-License-Identifier: GPL-2.0 */
/* Model header: the errno values the model returns (asm-generic/errno-base.h and errno.h, v6.13). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		 1
#define ENOENT		 2
#define EINTR		 4
#define EIO		 5
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define EINVAL		22
#define EMLINK		31
#define EOPNOTSUPP	95
#define ENOTTY		25
#define EAGAIN		11
#define EREMOTEIO	121
#define EHWPOISON	133

#endif
