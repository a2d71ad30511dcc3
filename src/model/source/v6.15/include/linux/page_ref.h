/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/page_ref.h, read from Linux v6.15. page_ref_add_unless() (the
 * atomic on the head's _refcount, with the model's bad-page checks) and the other reference
 * counters are builtins; the folio wrappers that real patches call are the kernel's inlines.
 */
#ifndef _LINUX_PAGE_REF_H
#define _LINUX_PAGE_REF_H

static inline bool folio_ref_add_unless(struct folio *folio, int nr, int u)
{
	return page_ref_add_unless(&folio->page, nr, u);
}

/* Take a reference unless the folio's count is already zero (freed or frozen). */
static inline bool folio_try_get(struct folio *folio)
{
	return folio_ref_add_unless(folio, 1, 0);
}

#endif
