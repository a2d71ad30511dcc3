// What each scenario step does, as a model thread body: user-space actions (mmap, loads and
// stores, mprotect, fork) are TypeScript primitives of the runtime; driver entry points (the
// nouveau GPU fault, dmirror ioctls) are model C called through ctx.call().

import type { Blocked, ExecCtx, Hazard, Waitable } from '../interp/api.js';
import { entryName, entryState, exitHazards } from './exit-checks.js';
import type { Kernel } from '../kernel/state.js';
import { hex } from '../kernel/object.js';
import { acquire, release } from '../kernel/locks.js';
import { cpuAccess, forkMm, munmap } from '../kernel/mm/memory.js';
import { mprotect } from '../kernel/mm/mprotect.js';
import { MmStruct, Vma } from '../kernel/mm/vma.js';
import { VM_MAYEXEC, VM_MAYREAD, VM_MAYWRITE, VM_READ, VM_WRITE, VM_EXEC } from '../kernel/mm/pgtable-types.js';
import type { Step, ValueSpec } from './types.js';

const HMM_DMIRROR_WRITE = 1;
const HMM_DMIRROR_EXCLUSIVE = 4;
const HMM_DMIRROR_CHECK_EXCLUSIVE = 5;
/** Where mmap() places buffers: 2 MiB aligned, a 2 MiB hole between them. */
const MMAP_BASE = 0x7f0000000000n;
/** Where a test's malloc()ed mirror buffers live (never mapped through the model's page tables). */
const MIRROR_BASE = 0x5a0000000000n;

export interface Buffer {
  name: string;
  addr: bigint;
  size: bigint;
  mirror: bigint;
}

/** Scenario-wide state shared by its threads. */
export class ScenarioEnv {
  readonly processes = new Map<string, MmStruct>();
  readonly buffers = new Map<string, Buffer>();
  private nextAddr = MMAP_BASE;
  private nextMirror = MIRROR_BASE;
  /** First failing expectation or first non-zero result of a call step (see README). */
  result: number | null = null;
  readonly failed: string[] = [];
  passed = 0;
  /** Threads other than the first wait for the setup steps (run by the first thread). */
  setupDone = false;
  readonly setupGate: Waitable = { name: 'scenario setup', holder: () => null, ready: () => this.setupDone };
  /** Threads inside a step (a kernel entry) now, and how many steps were entered so far. */
  readonly inKernel = new Set<number>();
  entries = 0;
  /** Records a hazard found at a step's return (the runner sets it). */
  report: (h: Hazard) => void = () => undefined;
  constructor(
    readonly k: Kernel,
    readonly thp: boolean,
  ) {
    this.processes.set('main', k.newMm('main'));
  }

  mm(name: string): MmStruct {
    return this.processes.get(name)!;
  }

  place(size: bigint): { addr: bigint; mirror: bigint } {
    const addr = this.nextAddr;
    this.nextAddr += ((size + 0x1fffffn) & ~0x1fffffn) + 0x200000n;
    const mirror = this.nextMirror;
    this.nextMirror += (size + 0xfffn) & ~0xfffn;
    return { addr, mirror };
  }
}

function valueOf(v: ValueSpec, pageIndex: number): bigint {
  return v.kind === 'index' ? BigInt(pageIndex + v.plus) : BigInt(v.value);
}

function pagesOf(buf: Buffer, offset: bigint, pages: number | 'all'): number {
  const max = Number((buf.size - offset) / 4096n);
  return pages === 'all' ? max : Math.min(pages, max);
}

/** Record a call step's return value. Returns false when the thread must stop (failed expect). */
function called(env: ScenarioEnv, what: string, r: number, expect: number | undefined): boolean {
  if (expect !== undefined) {
    if (r === expect) {
      env.passed++;
      return true;
    }
    env.failed.push(`${what} returned ${r}, expected ${expect}`);
    if (env.result === null) env.result = r;
    return false;
  }
  if (r !== 0 && env.result === null) env.result = r;
  return true;
}

function assertFail(env: ScenarioEnv, msg: string): false {
  env.failed.push(msg);
  return false;
}

/**
 * Run one step as a kernel entry: the hazards of its return (exit-checks.ts) are reported. Returns
 * false when the thread stops here.
 */
export function* runEntry(ctx: ExecCtx, env: ScenarioEnv, s: Step): Generator<Blocked, boolean, void> {
  const t = ctx.thread;
  const alone = env.inKernel.size === 0;
  const entered = ++env.entries;
  env.inKernel.add(t.id);
  const before = entryState(env.k, t, alone);
  const ok = yield* runStep(ctx, env, s);
  env.inKernel.delete(t.id);
  for (const h of exitHazards(env.k, t, before, entryName(s), alone && env.entries === entered)) env.report(h);
  return ok;
}

/** Run one step. Returns false when the thread stops here (a failed assertion, as kselftest). */
export function* runStep(ctx: ExecCtx, env: ScenarioEnv, s: Step): Generator<Blocked, boolean, void> {
  const k = env.k;
  const mm = env.mm(s.process);
  switch (s.op) {
    case 'mmap': {
      const { addr, mirror } = env.place(s.size);
      let flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
      if (s.prot & 1) flags |= VM_READ;
      if (s.prot & 2) flags |= VM_WRITE;
      if (s.prot & 4) flags |= VM_EXEC;
      yield* acquire(ctx, mm.mmapLock, false);
      mm.insertVma(new Vma(k, mm, addr, addr + s.size, flags, addr >> 12n, env.thp));
      release(ctx, mm.mmapLock, false);
      env.buffers.set(s.name, { name: s.name, addr, size: s.size, mirror });
      ctx.trace({ t: 'note', text: `mmap ${s.name}: [${hex(addr)}, ${hex(addr + s.size)}) MAP_PRIVATE|MAP_ANONYMOUS in ${mm.name}`, fn: '(scenario)' });
      return true;
    }
    case 'write':
    case 'read': {
      const buf = env.buffers.get(s.at)!;
      const first = Number(s.offset / 4096n);
      const n = pagesOf(buf, s.offset, s.pages);
      for (let i = 0; i < n; i++) {
        const idx = first + i;
        const addr = buf.addr + BigInt(idx) * 4096n;
        if (s.op === 'write') {
          const spec = s.value;
          const r = yield* cpuAccess(ctx, k, mm, addr, true, (old) => (spec === 'increment' ? old + 1n : valueOf(spec, idx)));
          if (r.ret) return assertFail(env, `CPU store at ${hex(addr)} (${s.at} page ${idx}) in ${s.process} got SIGSEGV`);
        } else {
          const r = yield* cpuAccess(ctx, k, mm, addr, false, (v) => v);
          if (r.ret) return assertFail(env, `CPU load at ${hex(addr)} (${s.at} page ${idx}) in ${s.process} got SIGSEGV`);
          const want = valueOf(s.expect, idx);
          if (r.value !== want) return assertFail(env, `${s.at} page ${idx} in ${s.process} reads ${r.value}, expected ${want}`);
        }
      }
      env.passed++;
      return true;
    }
    case 'nouveau-init': {
      const dev = k.plain('device', `${s.device} (drm->dev)`, { __model: 0 });
      k.named.set(`device:${s.device}`, dev);
      const r = Number(yield* ctx.call('nouveau_svm_model_init', [mm.self, dev.self]));
      return called(env, 'nouveau_svmm_init', r, 0);
    }
    case 'gpu-atomic-fault': {
      const buf = env.buffers.get(s.at)!;
      const addr = buf.addr + s.offset;
      const r = Number(yield* ctx.call('nouveau_svm_fault_model', [addr]));
      ctx.trace({ t: 'note', text: `GPU atomic fault at ${hex(addr)} returned ${r}`, fn: '(scenario)' });
      return called(env, `GPU atomic fault at ${hex(addr)}`, r, s.expect);
    }
    case 'dmirror-open': {
      const r = Number(yield* ctx.call('dmirror_model_open', [mm.self]));
      return called(env, 'open(/dev/hmm_dmirror0)', r, 0);
    }
    case 'dmirror': {
      const buf = env.buffers.get(s.at)!;
      const n = pagesOf(buf, 0n, s.pages);
      const cmd = s.cmd === 'exclusive' ? HMM_DMIRROR_EXCLUSIVE : s.cmd === 'write' ? HMM_DMIRROR_WRITE : HMM_DMIRROR_CHECK_EXCLUSIVE;
      const rv = yield* ctx.call('dmirror_model_ioctl', [cmd, buf.addr, BigInt(n), buf.mirror]);
      const r = Number(BigInt.asIntN(64, BigInt(rv as bigint)));
      const name = `HMM_DMIRROR_${s.cmd.toUpperCase().replace('-', '_')}`;
      ctx.trace({ t: 'note', text: `${name} on ${s.at} (${n} pages) returned ${r}`, fn: '(scenario)' });
      if (!called(env, name, r, s.expect)) return false;
      if (s.cpages !== undefined) {
        const cp = Number(yield* ctx.call('dmirror_model_cpages', []));
        const want = s.cpages === 'all' ? n : s.cpages;
        if (cp !== want) return assertFail(env, `${name}: cpages ${cp}, expected ${want}`);
        env.passed++;
      }
      return true;
    }
    case 'mirror-check': {
      const buf = env.buffers.get(s.at)!;
      const n = pagesOf(buf, 0n, s.pages);
      for (let i = 0; i < n; i++) {
        const got = k.userBuffers.get(buf.mirror + BigInt(i) * 4096n);
        const want = valueOf(s.expect, i);
        if (got !== want) return assertFail(env, `mirror of ${s.at} page ${i}: ${got === undefined ? 'never written' : got}, expected ${want}`);
      }
      env.passed++;
      return true;
    }
    case 'mprotect': {
      const buf = env.buffers.get(s.at)!;
      const r = yield* mprotect(ctx, k, mm, buf.addr, buf.size, s.prot);
      return called(env, 'mprotect', r, s.expect);
    }
    case 'munmap': {
      const buf = env.buffers.get(s.at)!;
      const r = yield* munmap(ctx, k, mm, buf.addr, buf.size);
      return called(env, 'munmap', r, s.expect);
    }
    case 'fork': {
      const r = yield* forkMm(ctx, k, mm, s.child);
      if (typeof r === 'number') return called(env, 'fork', r, s.expect);
      env.processes.set(s.child, r);
      return called(env, 'fork', 0, s.expect);
    }
  }
}
