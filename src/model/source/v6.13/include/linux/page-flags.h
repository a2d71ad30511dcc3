/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model header: include/linux/page-flags.h, read from Linux v6.13. The flag tests and setters
 * (PageAnon, PageAnonExclusive, folio_test_anon, folio_test_large ...) and page_folio() are
 * TypeScript builtins over the memmap's state; page_folio() gives the head's struct page seen as
 * a struct folio. With SPARSEMEM_VMEMMAP the struct pages of a folio are contiguous, so
 * nth_page() is pointer arithmetic (include/linux/mm.h).
 */
#ifndef PAGE_FLAGS_H
#define PAGE_FLAGS_H

#define nth_page(page,n) ((page) + (n))

#define folio_page(folio, n)	nth_page(&(folio)->page, n)

#endif
