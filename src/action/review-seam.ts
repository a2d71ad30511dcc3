// The one place where the GitHub side calls the review stage. Everything else in src/action is
// a function of the ReviewForGitHub this returns and of the pull request's state, so it is
// tested with ReviewForGitHub values made by hand; dist.test.ts runs the whole thing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { FailOn } from '../replay/fail-on.js';
import { modelFiles } from '../model/source/index.js';
import type { ReviewForGitHub } from './review-for-github.js';
import { readWorkspaceFile } from './workspace.js';

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

interface ReviewOptions {
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
 * private temporary directory under their repository paths and read from there by those paths
 * (ReadOptions.dir): reports name the files by their repository paths, and nothing is read from
 * the workspace a second time (it could have changed, or been a symlink).
 */
export const reviewFiles: ReviewFn = async (files, options) => {
  const [{ review, REVIEW_PARSE }, { parseThread }, { toReviewForGitHub }, { BASES }, { withBudgets }] = await Promise.all([
    import('../replay/review.js'),
    import('../thread/parse-thread.js'),
    import('./review-adapter.js'),
    import('../model/source/index.js'),
    import('../model/scenario/budget.js'),
  ]);
  if (options.base !== undefined && !(BASES as readonly string[]).includes(options.base)) {
    throw new Error(`input base: ${JSON.stringify(options.base)} is not a model base (bases: ${BASES.join(', ')})`);
  }
  const scenarios = withBudgets(await chooseScenarios(options.scenarios, options.workspace ?? process.cwd()), options.budgets ?? {});

  const dir = await mkdtemp(join(tmpdir(), 'lkml-replay-inputs-'));
  try {
    for (const f of files) {
      if (f.path === '' || isAbsolute(f.path) || f.path.split('/').includes('..')) throw new Error(`${f.path}: not a repository path`);
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.bytes);
    }
    const inputs = files.map((f) => f.path);
    const parse = await parseThread(inputs, { ...REVIEW_PARSE, dir });
    const report = await review({ inputs, parse, base: options.base, scenarios, partial: options.partial === true });
    return toReviewForGitHub(report, {
      failOn: options.failOn,
      files: files.map((f) => ({ input: f.path, path: f.path, kind: f.kind })),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** The `scenarios` input as scenarios (see ReviewOptions.scenarios): names and workspace files, in one list. */
async function chooseScenarios(spec: string | undefined, workspace: string) {
  const [load, select] = await Promise.all([import('../model/scenario/load.js'), import('../model/scenario/select.js')]);
  const entries = (spec ?? '').split(/[\s,]+/).filter((e) => e !== '');
  const isFile = (e: string): boolean => /\.ya?ml$/i.test(e);
  const files = [];
  for (const entry of entries.filter(isFile)) {
    const bytes = await readWorkspaceFile(workspace, entry, 1024 * 1024);
    files.push(load.parseScenario(new TextDecoder().decode(bytes), entry));
  }
  try {
    return select.chooseScenarios(load.loadBundledScenarios(), entries.filter((e) => !isFile(e)), files);
  } catch (err) {
    if (err instanceof select.ScenarioChoiceError) throw new Error(`input scenarios: ${err.message}`);
    throw err;
  }
}

let modelledKernelFiles: Set<string> | null = null;

/**
 * Kernel files the model covers (the `.c` files of src/model/source): a PR that changes one of
 * them (and carries no thread file) is reviewed through its own diff.
 */
export function isModelledKernelPath(path: string): boolean {
  modelledKernelFiles ??= new Set(modelFiles().filter((p) => p.endsWith('.c')));
  return modelledKernelFiles.has(path);
}
