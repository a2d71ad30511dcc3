// The one place where the GitHub side calls the review stage. Everything else in src/action is
// a function of the ReviewForGitHub this returns and of the pull request's state, so it is
// tested with ReviewForGitHub values made by hand; dist.test.ts runs the whole thing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { ReviewForGitHub } from './review-for-github.js';
import { readWorkspaceFile } from './workspace.js';

import type { FailOn } from '../replay/fail-on.js';
export type { FailOn } from '../replay/fail-on.js';

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
  /**
   * Scenarios to replay, separated by commas, spaces or new lines: bundled scenario names, or
   * `.yaml`/`.yml` files of the workspace. Empty: every bundled scenario.
   */
  scenarios?: string | undefined;
  failOn: readonly FailOn[];
  /** Replay the placed hunks of a variant even when some hunk could not be placed (`review --partial`). */
  partial?: boolean;
  /** Run budgets that replace every scenario's (`review --max-steps/--max-depth/--max-memory`). */
  budgets?: { steps?: number; depth?: number; memory?: number };
  /** Where scenario files are read from (the checked-out repository). */
  workspace?: string | undefined;
}

export type ReviewFn = (files: ReviewInputFile[], options: ReviewOptions) => Promise<ReviewForGitHub>;

/**
 * Runs the review of `files` (src/replay) and shapes it for GitHub (review-adapter.ts).
 *
 * The thread reader takes paths, so the bytes already read from the workspace are written to a
 * private temporary directory under their repository paths and reviewed from there, with that
 * directory as the working directory: reports name the files by their repository paths, and
 * nothing is read from the workspace a second time (it could have changed, or been a symlink).
 */
export const reviewFiles: ReviewFn = async (files, options) => {
  const [{ review }, { toReviewForGitHub }, { BASES }, { withBudgets }] = await Promise.all([
    import('../replay/review.js'),
    import('./review-adapter.js'),
    import('../model/source/index.js'),
    import('../model/scenario/budget.js'),
  ]);
  if (options.base !== undefined && !(BASES as readonly string[]).includes(options.base)) {
    throw new Error(`input base: ${JSON.stringify(options.base)} is not a model base (bases: ${BASES.join(', ')})`);
  }
  const scenarios = withBudgets(await chooseScenarios(options.scenarios, options.workspace ?? process.cwd()), options.budgets ?? {});

  const dir = await mkdtemp(join(tmpdir(), 'lkml-replay-inputs-'));
  const cwd = process.cwd();
  try {
    for (const f of files) {
      if (f.path === '' || isAbsolute(f.path) || f.path.split('/').includes('..')) throw new Error(`${f.path}: not a repository path`);
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.bytes);
    }
    process.chdir(dir);
    const report = await review({ inputs: files.map((f) => f.path), base: options.base, scenarios, partial: options.partial === true });
    return toReviewForGitHub(report, {
      failOn: options.failOn,
      files: files.map((f) => ({ input: f.path, path: f.path, kind: f.kind })),
    });
  } finally {
    process.chdir(cwd);
    await rm(dir, { recursive: true, force: true });
  }
};

/** The `scenarios` input as scenarios (see ReviewOptions.scenarios). */
async function chooseScenarios(spec: string | undefined, workspace: string) {
  const load = await import('../model/scenario/load.js');
  const bundled = load.loadBundledScenarios();
  const entries = (spec ?? '').split(/[\s,]+/).filter((e) => e !== '');
  if (entries.length === 0) return bundled;
  const chosen = [];
  for (const entry of entries) {
    if (/\.ya?ml$/i.test(entry)) {
      const bytes = await readWorkspaceFile(workspace, entry, 1024 * 1024);
      chosen.push(load.parseScenario(new TextDecoder().decode(bytes), entry));
      continue;
    }
    const s = bundled.find((b) => b.name === entry);
    if (!s) throw new Error(`input scenarios: no bundled scenario ${JSON.stringify(entry)} (scenarios: ${bundled.map((b) => b.name).join(', ')})`);
    chosen.push(s);
  }
  return chosen;
}

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
