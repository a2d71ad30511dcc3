// What `lkml-replay model` shows: every modelled function with its file and lines (model C) or
// its kernel header and C prototype (TypeScript primitive), the bases, and the bundled scenarios.

import { kernelBuiltins } from '../kernel/builtins/index.js';
import { BASES, baseInfo } from '../source/index.js';
import { loadBundledScenarios } from './load.js';
import { compileBase } from './run.js';

export interface ModelDescription {
  functions: { name: string; kind: 'model C' | 'TypeScript primitive'; file: string; lines?: [number, number]; proto?: string; compiles?: boolean }[];
  bases: { name: string; description: string; patchLines: number }[];
  scenarios: { name: string; thp: boolean; description: string }[];
}

export async function describeModel(baseName = 'v5.14'): Promise<ModelDescription> {
  const c = await compileBase(baseName);
  const fns: ModelDescription['functions'] = c.program.functions
    .map((f) => ({ name: f.name, kind: 'model C' as const, file: f.file, lines: [f.line, f.endLine] as [number, number], compiles: f.error === null }))
    .sort((a, b) => (a.file === b.file ? a.lines![0] - b.lines![0] : a.file < b.file ? -1 : 1));
  const bs = Object.entries(kernelBuiltins(c.base.spec.kernel))
    .map(([name, b]) => ({ name, kind: 'TypeScript primitive' as const, file: b.header ?? '', proto: b.proto }))
    .sort((a, b) => (a.file === b.file ? (a.name < b.name ? -1 : 1) : a.file < b.file ? -1 : 1));
  return {
    functions: [...fns, ...bs],
    bases: BASES.map((n) => {
      const b = baseInfo(n);
      return { name: b.name, description: b.description, patchLines: b.patch ? b.patch.split('\n').length : 0 };
    }),
    scenarios: loadBundledScenarios().map((s) => ({ name: s.name, thp: s.thp, description: s.description })),
  };
}

export function modelText(d: ModelDescription): string {
  const out: string[] = [];
  const c = d.functions.filter((f) => f.kind === 'model C');
  const ts = d.functions.filter((f) => f.kind !== 'model C');
  out.push(`Model C (${c.length} functions; a hunk can change these):`);
  let file = '';
  for (const f of c) {
    if (f.file !== file) out.push(`  ${(file = f.file)}`);
    out.push(`    ${f.name.padEnd(40)} lines ${f.lines![0]}-${f.lines![1]}${f.compiles === false ? '  (does not compile: calling it ends a run with error)' : ''}`);
  }
  out.push('', `TypeScript primitives (${ts.length}; src/model/kernel):`);
  file = '';
  for (const f of ts) {
    if (f.file !== file) out.push(`  ${(file = f.file)}`);
    out.push(`    ${f.proto}`);
  }
  out.push('', 'Bases:');
  for (const b of d.bases) out.push(`  ${b.name.padEnd(6)} ${b.description}${b.patchLines ? ` (src/model/source/${b.name}.patch, ${b.patchLines} lines)` : ` (src/model/source/${b.name}/)`}`);
  out.push('', 'Scenarios (fixtures/scenarios):');
  for (const s of d.scenarios) out.push(`  ${s.name.padEnd(26)} thp ${s.thp ? 'on ' : 'off'}  ${s.description.replace(/\s+/g, ' ').slice(0, 110)}${s.description.length > 110 ? '...' : ''}`);
  return out.join('\n') + '\n';
}
