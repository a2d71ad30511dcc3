// Types of scripts/build-action.mjs for the tests that reuse its esbuild options.
import type { BuildOptions } from 'esbuild';
export function actionBuildOptions(entry: string, outfile: string, base?: string): BuildOptions;
export function buildAction(options?: { dist?: string; entry?: string; base?: string }): Promise<void>;
export function buildActionFromGitHead(): Promise<void>;
