// The one place where the GitHub side calls the review stage. Everything else in src/action is
// a function of the ReviewForGitHub this returns and of the pull request's state, so it is
// built and tested without the model.
import type { ReviewForGitHub } from './review-for-github.js';

export type FailOn = 'never' | 'difference' | 'regression';
export const FAIL_ON_VALUES: readonly FailOn[] = ['never', 'difference', 'regression'];

/** One input to review, read from the checked-out workspace (never executed). */
export interface ReviewInputFile {
  /**
   * Repository path: for a thread file, where its annotations go; for the PR's own diff, a
   * made-up name (`pull-request-12.diff`): its annotations go on the kernel files it changes.
   */
  path: string;
  bytes: Uint8Array;
  /** `thread`: a .patch/.mbox/.eml file in the PR. `pr-diff`: the PR's own diff of kernel files. */
  kind: 'thread' | 'pr-diff';
}

export interface ReviewOptions {
  base?: string | undefined;
  scenarios?: string | undefined;
  failOn: FailOn;
}

export type ReviewFn = (files: ReviewInputFile[], options: ReviewOptions) => Promise<ReviewForGitHub>;

export class ReviewStageUnavailable extends Error {
  constructor() {
    super('the review stage (src/replay, src/report) is not available yet in this build of lkml-replay');
  }
}

/** Runs the review of `files` and shapes it for GitHub. */
export const reviewFiles: ReviewFn = async () => {
  throw new ReviewStageUnavailable();
};

/**
 * Kernel files the model covers: a PR that changes one of them (and carries no thread file) is
 * reviewed through its own diff. The list mirrors src/model/source (the kernel's tree shape).
 */
const MODELLED_KERNEL_FILES = new Set([
  'mm/rmap.c',
  'mm/huge_memory.c',
  'mm/gup.c',
  'mm/memory.c',
  'mm/mprotect.c',
  'mm/mmu_notifier.c',
  'mm/page_vma_mapped.c',
  'drivers/gpu/drm/nouveau/nouveau_svm.c',
  'lib/test_hmm.c',
]);

export function isModelledKernelPath(path: string): boolean {
  return MODELLED_KERNEL_FILES.has(path);
}
