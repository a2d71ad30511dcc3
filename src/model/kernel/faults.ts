// Where the kernel can fail, as data: for each function the model C calls (a primitive or model
// C alike) that fails in the kernel, how it fails -- an errno, NULL, false, 0 -- and, where it can
// do less than asked (GUP pinning fewer pages), the smaller request it is run with instead, so
// that the state stays what the kernel's would be. Declared per kernel release where the
// function or its failure differs (pte_offset_map_lock() returns NULL only from 6.5). The fault
// explorer (src/model/scenario/fault-plan.ts) fails one call at a time, like the kernel's
// fail_page_alloc and failslab do.

import type { ExecCtx, Value } from '../interp/api.js';
import { kernelOrdinal } from '../source/bases.js';
import { structAt } from './object.js';

/** How one call fails. */
type FailureHow =
  /** The call does not run and returns this (a number, null for NULL, false/true for bool). */
  | { kind: 'return'; value: number | boolean | null }
  /** The call does not run and returns its argument `arg` (copy_to_user(): every byte left). */
  | { kind: 'return-arg'; arg: number }
  /** The call runs with argument `arg` made smaller: one less, or zero. */
  | { kind: 'request'; arg: number; to: 'one-less' | 'zero' };

export interface FailureMode {
  /** Short name, the last part of a failure point's id: efault, null, false, fewer ... */
  id: string;
  how: FailureHow;
  /** What happens, for reports: "fails with -EFAULT", "asks for one page less". */
  says: string;
  /** Only calls this holds for can fail this way. */
  when?: (ctx: ExecCtx, args: readonly Value[]) => boolean;
}

export interface FailureSite {
  fn: string;
  /** Kernel releases the failure exists in: from (inclusive) until (exclusive). */
  from?: string;
  until?: string;
  /** Why the kernel's function can fail so (documentation and docs/explore.md). */
  why: string;
  modes: FailureMode[];
}

const errno = (id: string, value: number, name: string): FailureMode => ({ id, how: { kind: 'return', value }, says: `fails with ${name}` });
const EFAULT = -14;
const ENOMEM = -12;
const EBUSY = -16;
const VM_FAULT_OOM = 0x1;

/** A request for more than one of something. */
const more = (arg: number) => (_ctx: ExecCtx, args: readonly Value[]): boolean => BigInt(args[arg] as bigint | number) > 1n;

/** page_vma_mapped_walk() before its first step (pvmw->pte not set): finding nothing holds no lock. */
function walkNotStarted(ctx: ExecCtx, args: readonly Value[]): boolean {
  const w = structAt(args[0], ctx, 'pvmw');
  return w.get('pte', ctx) === null && w.get('ptl', ctx) === null;
}

export const FAILURE_SITES: readonly FailureSite[] = [
  {
    fn: 'get_user_pages_remote',
    why: 'GUP fails with -EFAULT when no VMA (or one without the access) covers the first address, returns 0 when no page could be faulted in without waiting, and returns fewer pages than asked when a later page fails',
    modes: [
      errno('efault', EFAULT, '-EFAULT'),
      { id: 'zero', how: { kind: 'return', value: 0 }, says: 'returns 0 (no page pinned)' },
      { id: 'fewer', how: { kind: 'request', arg: 2, to: 'one-less' }, says: 'pins one page less than asked', when: more(2) },
    ],
  },
  {
    fn: 'handle_mm_fault',
    why: 'a fault that cannot allocate the page or a page table returns VM_FAULT_OOM',
    modes: [{ id: 'oom', how: { kind: 'return', value: VM_FAULT_OOM }, says: 'returns VM_FAULT_OOM (an allocation failed)' }],
  },
  {
    fn: 'hmm_range_fault',
    why: 'hmm_range_fault() fails with -EFAULT on a hole or a protection it may not fault, and with -EBUSY when the range was invalidated while it walked',
    modes: [errno('efault', EFAULT, '-EFAULT'), errno('ebusy', EBUSY, '-EBUSY (the range was invalidated)')],
  },
  {
    fn: 'trylock_page',
    why: 'another thread holds the page lock',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the page locked' }],
  },
  {
    fn: 'folio_trylock',
    from: '5.16',
    why: 'another thread holds the folio lock',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the folio locked' }],
  },
  {
    fn: 'mutex_trylock',
    why: 'another thread holds the mutex',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the mutex held' }],
  },
  {
    fn: 'down_read_trylock',
    why: 'a writer holds or waits for the rwsem',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the rwsem write-held' }],
  },
  {
    fn: 'mmu_interval_read_retry',
    why: 'an invalidation of the range ran since mmu_interval_read_begin()',
    modes: [{ id: 'true', how: { kind: 'return', value: true }, says: 'reports an invalidation (retry)' }],
  },
  {
    fn: 'mmu_interval_check_retry',
    why: 'an invalidation of the range ran since mmu_interval_read_begin()',
    modes: [{ id: 'true', how: { kind: 'return', value: true }, says: 'reports an invalidation (retry)' }],
  },
  {
    fn: 'mmu_interval_notifier_insert',
    why: 'allocating the mm\'s notifier subscriptions fails',
    modes: [errno('enomem', ENOMEM, '-ENOMEM')],
  },
  {
    fn: 'mmget_not_zero',
    why: 'the mm is exiting (its users count reached zero)',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the mm exiting' }],
  },
  {
    fn: 'page_vma_mapped_walk',
    why: 'the page is no longer mapped at the address (a racing unmap or migration)',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the page not mapped there', when: walkNotStarted }],
  },
  {
    fn: 'pte_offset_map_lock',
    from: '6.5',
    why: 'from 6.5 the pmd can change under the walk (a racing collapse or split) and the pte table is not there any more',
    modes: [{ id: 'null', how: { kind: 'return', value: null }, says: 'finds no pte table (returns NULL)' }],
  },
  {
    fn: 'folio_try_get',
    from: '5.16',
    why: 'the folio was freed meanwhile (its refcount reached zero)',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the folio freed' }],
  },
  {
    fn: 'get_page_unless_zero',
    why: 'the page was freed meanwhile (its refcount reached zero)',
    modes: [{ id: 'false', how: { kind: 'return', value: false }, says: 'finds the page freed' }],
  },
  {
    fn: 'nvif_object_ioctl',
    why: 'the GPU page-table update cannot allocate',
    modes: [errno('enomem', ENOMEM, '-ENOMEM')],
  },
  {
    fn: 'vmalloc',
    why: 'the allocation fails',
    modes: [{ id: 'null', how: { kind: 'return', value: null }, says: 'fails (returns NULL)' }],
  },
  {
    fn: 'copy_to_user',
    why: 'the user buffer is not mapped or not writable',
    modes: [{ id: 'fault', how: { kind: 'return-arg', arg: 2 }, says: 'copies nothing (the user buffer faults)' }],
  },
  {
    fn: 'copy_from_user',
    why: 'the user buffer is not mapped or not readable',
    modes: [{ id: 'fault', how: { kind: 'return-arg', arg: 2 }, says: 'copies nothing (the user buffer faults)' }],
  },
];

/** The failure sites of kernel release `kernel`, by function name. */
export function failureSites(kernel: string): Map<string, FailureSite> {
  const k = kernelOrdinal(kernel);
  const out = new Map<string, FailureSite>();
  for (const s of FAILURE_SITES) {
    if (s.from !== undefined && k < kernelOrdinal(s.from)) continue;
    if (s.until !== undefined && k >= kernelOrdinal(s.until)) continue;
    out.set(s.fn, s);
  }
  return out;
}
