// The simulator's library API (what the replay stage uses): bases and model sources, scenarios,
// compiling a base with variant patches once, running scenarios on it, rendering outcomes.
export { BASES, baseInfo, loadBase, applyModelPatch, modelFiles, PatchError, type BaseInfo, type ModelSource } from '../source/index.js';
export { compileBase, compileSources, runScenario, runThreads, MODEL_CONFIG, type CompiledBase, type RunOptions, type RunThread, type RawRun } from './run.js';
export { loadBundledScenarios, loadScenarioFile, parseScenario, bundledScenarioDir, ScenarioError } from './load.js';
export { outcomesText, resultText } from './render.js';
export { issuer } from './issuer.js';
export type { Outcome, FinalState, Scenario, ScenarioThread, Step, Verdict } from './types.js';
export type { NotifierRecord, SubscriberAction } from '../kernel/mm/mmu_notifier.js';
