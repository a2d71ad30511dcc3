// Reading scenario files (YAML, README "Scenario files"). Strict: an unknown key, step or value
// is an error naming the file and the step, never silently ignored.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Scenario, ScenarioThread, Step, ValueSpec } from './types.js';
import { DEFAULT_SCENARIO_BUDGETS, parseByteSize } from './budget.js';

/** A scenario file that cannot be read or is not a valid scenario: names the file and the problem. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

const ERRNO: Record<string, number> = {
  EPERM: 1, ENOENT: 2, EINTR: 4, EIO: 5, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EFAULT: 14, EBUSY: 16, EEXIST: 17, EINVAL: 22,
};

const DEFAULT_BUDGET = DEFAULT_SCENARIO_BUDGETS.steps;

/** The bundled scenarios directory (fixtures/scenarios of the package, found walking up from here). */
function bundledScenarioDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let d = here, i = 0; i < 8; i++, d = dirname(d)) {
    const p = join(d, 'fixtures', 'scenarios');
    if (existsSync(join(p, 'nouveau-atomic-small.yaml'))) return p;
  }
  return resolve(here, '..', '..', '..', 'fixtures', 'scenarios');
}

export function loadBundledScenarios(): Scenario[] {
  const dir = bundledScenarioDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => loadScenarioFile(join(dir, f)));
}

export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScenarioError(path, `cannot read (${(e as Error).message})`);
  }
  return parseScenario(text, path);
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseScenario(text: string, source = '(scenario)'): Scenario {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ScenarioError(source, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const fail = (msg: string): never => {
    throw new ScenarioError(source, msg);
  };
  if (!isObj(doc)) return fail('a scenario is a mapping with name, setup and steps');
  checkKeys(doc, ['name', 'description', 'thp', 'budget', 'default', 'setup', 'steps', 'threads'], 'scenario', fail);
  const byDefault = doc['default'] === undefined ? true : typeof doc['default'] === 'boolean' ? doc['default'] : fail('`default` is true or false');
  const name = typeof doc['name'] === 'string' ? doc['name'] : fail('`name` (a string) is required');
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) fail(`name ${JSON.stringify(name)}: use lower-case letters, digits, '-', '.', '_'`);
  const thp = doc['thp'] === undefined ? false : typeof doc['thp'] === 'boolean' ? doc['thp'] : fail('`thp` is true or false');
  const { budget, maxDepth, maxMemory } = parseBudgetKey(doc['budget'], fail);
  const processes = new Set(['main']);
  const buffers = new Set<string>();
  const steps = (list: unknown, where: string): Step[] => {
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) return fail(`${where} is a list of steps`);
    return list.map((s, i) => parseStep(s, `${where}[${i}]`, fail, processes, buffers));
  };
  const setup = steps(doc['setup'], 'setup');
  let threads: ScenarioThread[];
  if (doc['threads'] !== undefined) {
    if (doc['steps'] !== undefined) fail('give either `steps` (one thread) or `threads`, not both');
    if (!isObj(doc['threads'])) return fail('`threads` maps thread names to lists of steps');
    threads = Object.entries(doc['threads']).map(([tn, l]) => {
      // schedule ids name threads (`cpu@14`): lower-case names keep them readable and unambiguous
      if (!/^[a-z][a-z0-9_-]*$/.test(tn)) fail(`thread name ${JSON.stringify(tn)}: use lower-case letters, digits, '-', '_' (starting with a letter)`);
      return { name: tn, steps: steps(l, `threads.${tn}`) };
    });
  } else {
    threads = [{ name: 'main', steps: steps(doc['steps'], 'steps') }];
  }
  return {
    name,
    description: typeof doc['description'] === 'string' ? doc['description'].trim() : '',
    source: source === '(scenario)' ? source : basename(source),
    thp,
    budget,
    ...(byDefault ? {} : { byDefault: false as const }),
    ...(maxDepth !== undefined ? { maxDepth } : {}),
    ...(maxMemory !== undefined ? { maxMemory } : {}),
    setup,
    threads,
  };
}

/** `budget: N` (statements) or `budget: { steps: N, depth: N, memory: 64MiB }`. */
function parseBudgetKey(v: unknown, fail: (m: string) => never): { budget: number; maxDepth?: number; maxMemory?: number } {
  const positive = (x: unknown, what: string): number => (Number.isSafeInteger(x) && (x as number) > 0 ? (x as number) : fail(`\`budget${what}\` is a positive integer`));
  if (v === undefined) return { budget: DEFAULT_BUDGET };
  if (!isObj(v)) return { budget: positive(v, '') };
  checkKeys(v, ['steps', 'depth', 'memory'], 'budget', fail);
  const out: { budget: number; maxDepth?: number; maxMemory?: number } = { budget: v['steps'] === undefined ? DEFAULT_BUDGET : positive(v['steps'], '.steps') };
  if (v['depth'] !== undefined) out.maxDepth = positive(v['depth'], '.depth');
  if (v['memory'] !== undefined) {
    const m = typeof v['memory'] === 'string' ? parseByteSize(v['memory']) : Number.isSafeInteger(v['memory']) && (v['memory'] as number) > 0 ? (v['memory'] as number) : null;
    out.maxMemory = m ?? fail(`\`budget.memory\`: ${JSON.stringify(v['memory'])} is not a size (e.g. 64MiB)`);
  }
  return out;
}

function checkKeys(o: Obj, allowed: string[], what: string, fail: (m: string) => never): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${what}: unknown key \`${k}\` (allowed: ${allowed.join(', ')})`);
}

const SIZE_RE = /^\s*(\d+)\s*(KiB|MiB|GiB|K|M|G)?\s*$/i;

export function parseSize(v: unknown, what: string, fail: (m: string) => never): bigint {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string') {
    let total = 0n;
    for (const part of v.split('+')) {
      const m = SIZE_RE.exec(part);
      if (!m) return fail(`${what}: ${JSON.stringify(v)} is not a size (e.g. 4KiB, 2MiB, 2MiB+4KiB)`);
      const unit = (m[2] ?? '').toUpperCase()[0];
      const mul = unit === 'K' ? 1024n : unit === 'M' ? 1024n * 1024n : unit === 'G' ? 1024n ** 3n : 1n;
      total += BigInt(m[1]!) * mul;
    }
    return total;
  }
  return fail(`${what}: a size is a number of bytes or a string like 4KiB, 2MiB`);
}

function parseErrno(v: unknown, what: string, fail: (m: string) => never): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') {
    const m = /^\s*(-?)(E[A-Z]+)\s*$/.exec(v);
    if (m && ERRNO[m[2]!] !== undefined) return (m[1] === '-' ? -1 : 1) * ERRNO[m[2]!]!;
  }
  return fail(`${what}: expected a number or an errno like -EBUSY`);
}

function parseValue(v: unknown, what: string, fail: (m: string) => never): ValueSpec {
  if (typeof v === 'number' && Number.isInteger(v)) return { kind: 'const', value: v };
  if (typeof v === 'string') {
    const m = /^\s*index\s*(?:\+\s*(\d+))?\s*$/.exec(v);
    if (m) return { kind: 'index', plus: m[1] ? Number(m[1]) : 0 };
  }
  return fail(`${what}: a value is a number, \`index\` (the page's index in the buffer) or \`index+N\``);
}

function parsePages(v: unknown, what: string, fail: (m: string) => never): number | 'all' {
  if (v === undefined || v === 'all') return 'all';
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  return fail(`${what}: \`pages\` is a positive number or \`all\``);
}

const PROT: Record<string, number> = { '': 0, r: 1, w: 2, x: 4 };

function parseProt(v: unknown, what: string, fail: (m: string) => never): number {
  if (typeof v !== 'string' || !/^(none|[rwx]+)$/.test(v)) return fail(`${what}: prot is \`none\` or letters of rwx (e.g. rw)`);
  if (v === 'none') return 0;
  let p = 0;
  for (const c of v) p |= PROT[c]!;
  return p;
}

function parseStep(raw: unknown, where: string, fail: (m: string) => never, processes: Set<string>, buffers: Set<string>): Step {
  if (!isObj(raw) || Object.keys(raw).length !== 1) return fail(`${where}: a step is a one-key mapping like \`- mmap: { name: buf, size: 4MiB, prot: rw }\``);
  const op = Object.keys(raw)[0]!;
  const a = raw[op] ?? {};
  if (!isObj(a)) return fail(`${where}: the arguments of \`${op}\` are a mapping`);
  const w = `${where} (${op})`;
  const keys = (allowed: string[]) => checkKeys(a, [...allowed, 'process'], w, fail);
  const proc = (): string => {
    const p = a['process'] === undefined ? 'main' : String(a['process']);
    if (!processes.has(p)) fail(`${w}: no process \`${p}\` (processes: ${[...processes].join(', ')})`);
    return p;
  };
  const buf = (): string => {
    const b = String(a['at'] ?? '');
    if (!buffers.has(b)) fail(`${w}: \`at\` names a buffer made by an earlier mmap (${[...buffers].join(', ') || 'none yet'})`);
    return b;
  };
  const offset = (): bigint => {
    if (a['offset'] !== undefined && a['page'] !== undefined) fail(`${w}: give offset or page, not both`);
    if (a['page'] !== undefined) {
      if (!Number.isInteger(a['page']) || (a['page'] as number) < 0) fail(`${w}: page is a page index`);
      return BigInt(a['page'] as number) * 4096n;
    }
    return a['offset'] === undefined ? 0n : parseSize(a['offset'], `${w} offset`, fail);
  };
  const expect = (): number | undefined => (a['expect'] === undefined ? undefined : parseErrno(a['expect'], `${w} expect`, fail));
  switch (op) {
    case 'mmap': {
      keys(['name', 'size', 'prot']);
      const name = typeof a['name'] === 'string' ? a['name'] : fail(`${w}: name is required`);
      if (buffers.has(name)) fail(`${w}: buffer ${name} already exists`);
      buffers.add(name);
      const size = parseSize(a['size'], `${w} size`, fail);
      if (size === 0n || size % 4096n !== 0n) fail(`${w}: size must be a non-zero multiple of 4KiB`);
      return { op, name, size, prot: parseProt(a['prot'] ?? 'rw', w, fail), process: proc() };
    }
    case 'write':
    case 'read': {
      keys(['at', 'offset', 'page', 'pages', op === 'write' ? 'value' : 'expect']);
      const at = buf();
      const pages = parsePages(a['pages'], w, fail);
      if (op === 'write') {
        const value = a['value'] === 'increment' ? ('increment' as const) : parseValue(a['value'] ?? 'index', `${w} value`, fail);
        return { op, at, offset: offset(), pages, value, process: proc() };
      }
      return { op, at, offset: offset(), pages, expect: parseValue(a['expect'], `${w} expect`, fail), process: proc() };
    }
    case 'nouveau-init':
      keys(['device']);
      return { op, device: String(a['device'] ?? 'nouveau'), process: proc() };
    case 'gpu-atomic-fault': {
      keys(['at', 'offset', 'page', 'expect']);
      const at = buf();
      const e = expect();
      return e === undefined ? { op, at, offset: offset(), process: proc() } : { op, at, offset: offset(), expect: e, process: proc() };
    }
    case 'dmirror-open':
      keys([]);
      return { op, process: proc() };
    case 'dmirror': {
      keys(['cmd', 'at', 'pages', 'expect', 'cpages']);
      const cmd = a['cmd'];
      if (cmd !== 'exclusive' && cmd !== 'check-exclusive' && cmd !== 'write') return fail(`${w}: cmd is exclusive, check-exclusive or write`);
      const s: Step = { op, cmd, at: buf(), pages: parsePages(a['pages'], w, fail), process: proc() };
      const e = expect();
      if (e !== undefined) s.expect = e;
      if (a['cpages'] !== undefined) s.cpages = parsePages(a['cpages'], `${w} cpages`, fail);
      return s;
    }
    case 'mirror-check':
      keys(['at', 'pages', 'expect']);
      return { op, at: buf(), pages: parsePages(a['pages'], w, fail), expect: parseValue(a['expect'], `${w} expect`, fail), process: proc() };
    case 'mprotect': {
      keys(['at', 'prot', 'expect']);
      const s: Step = { op, at: buf(), prot: parseProt(a['prot'], w, fail), process: proc() };
      const e = expect();
      if (e !== undefined) s.expect = e;
      return s;
    }
    case 'munmap': {
      keys(['at', 'expect']);
      const s: Step = { op, at: buf(), process: proc() };
      const e = expect();
      if (e !== undefined) s.expect = e;
      return s;
    }
    case 'fork': {
      keys(['child', 'expect']);
      const child = typeof a['child'] === 'string' ? a['child'] : fail(`${w}: child (a process name) is required`);
      if (processes.has(child)) fail(`${w}: process ${child} already exists`);
      const parent = proc();
      processes.add(child);
      const s: Step = { op, child, process: parent };
      const e = expect();
      if (e !== undefined) s.expect = e;
      return s;
    }
    default:
      return fail(`${where}: unknown step \`${op}\` (steps: mmap, write, read, nouveau-init, gpu-atomic-fault, dmirror-open, dmirror, mirror-check, mprotect, munmap, fork)`);
  }
}
