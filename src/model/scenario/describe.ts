// What `lkml-replay model` shows: every modelled function with its file and lines (model C) or
// its kernel header and C prototype (TypeScript primitive), what each base's model C was read
// from (a kernel release, a posting's mail, or the model's own harness), and the bundled
// scenarios.

import { kernelBuiltins } from '../kernel/builtins/index.js';
import { BASES, baseInfo, type BaseSpec } from '../source/index.js';
import { functionSource, type FnSource } from '../source/read-from.js';
import { loadBundledScenarios } from './load.js';
import { compileBase, type CompiledBase } from './run.js';

export interface ModelDescription {
  /** The base whose functions `functions` lists. */
  base: string;
  functions: { name: string; kind: 'model C' | 'TypeScript primitive'; file: string; lines?: [number, number]; proto?: string; compiles?: boolean; readFrom?: FnSource | null }[];
  bases: {
    name: string;
    kind: BaseSpec['kind'];
    /** A posting: the base its patch applies to. */
    over?: string;
    description: string;
    patchLines: number;
    /** Every model C function of the base and where it was read from (null: not recorded). */
    functions: { file: string; name: string; readFrom: FnSource | null }[];
  }[];
  scenarios: { name: string; thp: boolean; description: string }[];
}

function modelFunctions(c: CompiledBase) {
  return c.program.functions
    .map((f) => ({ name: f.name, file: f.file, lines: [f.line, f.endLine] as [number, number], compiles: f.error === null, readFrom: functionSource(c.base.name, f.file, f.name) }))
    .sort((a, b) => (a.file === b.file ? a.lines[0] - b.lines[0] : a.file < b.file ? -1 : 1));
}

export async function describeModel(baseName = 'v5.14'): Promise<ModelDescription> {
  const c = await compileBase(baseName);
  const fns: ModelDescription['functions'] = modelFunctions(c).map((f) => ({ ...f, kind: 'model C' as const }));
  const bs = Object.entries(kernelBuiltins(c.base.spec.kernel))
    .map(([name, b]) => ({ name, kind: 'TypeScript primitive' as const, file: b.header ?? '', proto: b.proto }))
    .sort((a, b) => (a.file === b.file ? (a.name < b.name ? -1 : 1) : a.file < b.file ? -1 : 1));
  const bases: ModelDescription['bases'] = [];
  for (const n of BASES) {
    const b = baseInfo(n);
    const compiled = n === baseName ? c : await compileBase(n);
    bases.push({
      name: b.name,
      kind: b.spec.kind,
      ...(b.spec.over ? { over: b.spec.over } : {}),
      description: b.description,
      patchLines: b.patch ? b.patch.split('\n').length : 0,
      functions: modelFunctions(compiled).map(({ file, name, readFrom }) => ({ file, name, readFrom })),
    });
  }
  return {
    base: baseName,
    functions: [...fns, ...bs],
    bases,
    scenarios: loadBundledScenarios().map((s) => ({ name: s.name, thp: s.thp, description: s.description })),
  };
}

/** A function's source in a few words: "v5.14", "v5.14, differs", "model harness", "as posted in ...". */
function sourceWords(s: FnSource | null | undefined): string {
  if (!s) return 'not recorded';
  if (s.kind === 'harness') return 'model harness';
  const differs = s.deviations ? ', differs' : '';
  return s.kind === 'posting' ? `as posted in ${s.version}${differs}` : `${s.version}${s.from ? ` (${s.from})` : ''}${differs}`;
}

export function modelText(d: ModelDescription): string {
  const out: string[] = [];
  const c = d.functions.filter((f) => f.kind === 'model C');
  const ts = d.functions.filter((f) => f.kind !== 'model C');
  out.push(`Model C of ${d.base} (${c.length} functions; a hunk can change these), each with the kernel text it was read from:`);
  let file = '';
  for (const f of c) {
    if (f.file !== file) out.push(`  ${(file = f.file)}`);
    const lines = `lines ${f.lines![0]}-${f.lines![1]}`;
    out.push(`    ${f.name.padEnd(40)} ${lines.padEnd(15)} ${sourceWords(f.readFrom)}${f.compiles === false ? '  (does not compile: calling it ends a run with error)' : ''}`);
  }
  out.push('', `TypeScript primitives (${ts.length}; src/model/kernel):`);
  file = '';
  for (const f of ts) {
    if (f.file !== file) out.push(`  ${(file = f.file)}`);
    out.push(`    ${f.proto}`);
  }
  out.push('', 'Bases (what their model C was read from; --format json lists every function with its reasons):');
  for (const b of d.bases) {
    out.push(`  ${b.name.padEnd(6)} ${b.kind}${b.over ? ` over ${b.over}` : ''}: ${b.description}${b.patchLines ? ` (src/model/source/${b.name}.patch, ${b.patchLines} lines)` : ` (src/model/source/${b.name}/)`}`);
    const pad = ' '.repeat(9);
    if (b.kind === 'posting') {
      const posted = new Map<string, string[]>();
      let rest = 0;
      for (const f of b.functions) {
        if (f.readFrom?.kind !== 'posting') {
          rest++;
          continue;
        }
        const list = posted.get(f.readFrom.version) ?? [];
        list.push(`${f.name}${f.readFrom.deviations ? ' (differs)' : ''}`);
        posted.set(f.readFrom.version, list);
      }
      for (const [subject, names] of [...posted].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`${pad}as posted in ${subject}: ${names.join(', ')}`);
      out.push(`${pad}the other ${rest}: as ${b.over}`);
    } else {
      const n = (k: string, dev: boolean) => b.functions.filter((f) => f.readFrom?.kind === k && !!f.readFrom.deviations === dev).length;
      const missing = b.functions.filter((f) => !f.readFrom).length;
      out.push(`${pad}${n('release', false)} as read from ${b.name}, ${n('release', true)} differ from it for recorded reasons, ${n('harness', false)} model harness${missing ? `, ${missing} not recorded` : ''}`);
    }
  }
  out.push('', 'Scenarios (fixtures/scenarios):');
  for (const s of d.scenarios) out.push(`  ${s.name.padEnd(26)} thp ${s.thp ? 'on ' : 'off'}  ${s.description.replace(/\s+/g, ' ').slice(0, 110)}${s.description.length > 110 ? '...' : ''}`);
  return out.join('\n') + '\n';
}
