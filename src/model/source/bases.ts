// The bases the model knows, as data. A release base is a tree of model sources under
// src/model/source/<name>/ (kernel layout); a posting base is a unified diff over another base
// (src/model/source/<name>.patch), applied with jsdiff exactly as a variant's hunks are.
// `kernel` is the release whose runtime rules apply (primitive prototypes, mapcount accounting of
// device-exclusive entries ...): a posting takes the one of the tree it was written for.

export type BaseKind = 'release' | 'posting';

/** One mail of a posting: the functions of `files` that the posting changes are as posted in it. */
export interface PostedMail {
  subject: string;
  messageId: string;
  /** Kernel paths or path prefixes ("mm/", "lib/test_hmm.c") whose functions come from this mail. */
  files: string[];
}

export interface BaseSpec {
  name: string;
  kind: BaseKind;
  /** Kernel release ("5.14") whose runtime rules the base runs under. */
  kernel: string;
  /** Release date, or the date the series was posted (YYYY-MM-DD). */
  date: string;
  /** The release's tag commit, as a `base-commit:` trailer names it (releases only). */
  commit?: string;
  /** The base a posting's patch applies to. */
  over?: string;
  /** A posting's mails whose code the base carries, by the files each covers. */
  mails?: PostedMail[];
  /** What sets this base apart from its neighbours, as a noun phrase. */
  summary: string;
}

/** Oldest first. */
export const BASE_SPECS: readonly BaseSpec[] = [
  {
    name: 'v10',
    kind: 'posting',
    kernel: '5.14',
    date: '2021-06-07',
    over: 'v5.14',
    mails: [
      { subject: '[PATCH v10 07/10] mm: Device exclusive memory access', messageId: '20210607075855.5084-8-apopple@nvidia.com', files: ['mm/', 'include/'] },
      { subject: '[PATCH v10 08/10] mm: Selftests for exclusive device memory', messageId: '20210607075855.5084-9-apopple@nvidia.com', files: ['lib/'] },
      { subject: '[PATCH v10 10/10] nouveau/svm: Implement atomic SVM access', messageId: '20210607075855.5084-11-apopple@nvidia.com', files: ['drivers/gpu/drm/nouveau/'] },
    ],
    summary: 'the series as posted in [PATCH v10 07,08,10/10]: no PageTail() skip in page_make_device_exclusive(), `unsigned long i` and no npages < 0 check in make_device_exclusive_range(), copy_nonpresent_pte() with one vma, the posted test_hmm and nouveau code',
  },
  {
    name: 'v5.14',
    kind: 'release',
    kernel: '5.14',
    date: '2021-08-29',
    commit: '7d2a07b769330c34b4deabeed939325c77a7ec2f',
    summary: 'the merged page-based code: PageTail() skip, `long i` and the npages < 0 check in make_device_exclusive_range()',
  },
  {
    name: 'v6.1',
    kind: 'release',
    kernel: '6.1',
    date: '2022-12-11',
    commit: '830b3c68c1fb1e9176028d02ef86f3cf76aa2476',
    summary: 'the folio-based code (LTS): make_device_exclusive_range() skips tail pages and puts folios, PG_anon_exclusive, mprotect with an mmu_gather; the nouveau retry loop still keeps its page locked',
  },
  {
    name: 'v6.13',
    kind: 'release',
    kernel: '6.13',
    date: '2025-01-19',
    commit: 'ffd294d346d185b70e28b1a28abe367bbfe53c04',
    summary: 'the last release before the 2025 device-exclusive rework: make_device_exclusive_range() on folios, the 2023 reference fix in remove_device_exclusive_entry(), the folio rmap calls of 6.8, GUP without stack expansion; the nouveau retry loop still keeps its folio locked',
  },
  {
    name: 'v6.15',
    kind: 'release',
    kernel: '6.15',
    date: '2025-05-25',
    commit: '0ff41df1cb268fc69e703a08a57ee14ae967d0ca',
    summary: 'after the 2025 device-exclusive rework: one-page make_device_exclusive() through GUP and folio_walk_start(), one SWP_DEVICE_EXCLUSIVE type (mprotect leaves it alone), the mapcount kept, restore_exclusive_pte() with can_change_pte_writable() under a CLEAR invalidation; nouveau unlocks and puts its folio on a retry (b3fefbb30a16), test_hmm maps one page at a time',
  },
];

export const BASES: readonly string[] = BASE_SPECS.map((b) => b.name);

/** The mail of posting `spec` whose code file `path` carries, or undefined. */
export function postedMail(spec: BaseSpec, path: string): PostedMail | undefined {
  return spec.mails?.find((m) => m.files.some((f) => (f.endsWith('/') ? path.startsWith(f) : path === f)));
}

/** The spec of a base, or undefined. */
export function baseSpec(name: string): BaseSpec | undefined {
  return BASE_SPECS.find((b) => b.name === name);
}

/** "6.13" -> 613: kernel releases compared as numbers. */
export function kernelOrdinal(kernel: string): number {
  const m = /^(\d+)\.(\d+)$/.exec(kernel);
  if (!m) throw new Error(`not a kernel release: ${kernel}`);
  return Number(m[1]) * 100 + Number(m[2]);
}
