// Helpers to declare builtins by their C prototype, each for the kernel releases it exists in
// (a primitive whose prototype changed, page_remove_rmap(page, compound) becoming
// page_remove_rmap(page, vma, compound), is declared once per range of releases).

import type { Builtin, BuiltinResult, BuiltinTable, ExecCtx, Value } from '../../interp/api.js';
import { kernelOrdinal } from '../../source/bases.js';

type Fn = (ctx: ExecCtx, ...args: Value[]) => BuiltinResult;

/** The function name in a C prototype: the identifier right before the parameter list. */
export function protoName(proto: string): string {
  const m = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(proto);
  if (!m) throw new Error(`cannot find the function name in prototype: ${proto}`);
  return m[1]!;
}

/** Releases a declaration holds for: from `from` (inclusive) up to `until` (exclusive). */
export interface Releases {
  from?: string;
  until?: string;
}

interface Entry {
  name: string;
  builtin: Builtin;
  from: number;
  until: number;
}

export class TableBuilder {
  private readonly entries: Entry[] = [];
  private releases: Releases = {};
  constructor(private header: string) {}
  fn(proto: string, fn: Fn): this {
    this.add(proto, fn, false);
    return this;
  }
  /** A builtin that may block: `fn` is a generator function yielding Blocked. */
  gen(proto: string, fn: Fn): this {
    this.add(proto, fn, true);
    return this;
  }
  /** Switch the kernel header the next builtins are listed under. */
  in(header: string): this {
    this.header = header;
    return this;
  }
  /** The next builtins exist only in these releases (`{}`: in all of them again). */
  releasesOf(r: Releases): this {
    this.releases = r;
    return this;
  }
  private add(proto: string, fn: Fn, blocking: boolean): void {
    const name = protoName(proto);
    const from = this.releases.from ? kernelOrdinal(this.releases.from) : 0;
    const until = this.releases.until ? kernelOrdinal(this.releases.until) : Infinity;
    if (this.entries.some((e) => e.name === name && e.from < until && from < e.until)) throw new Error(`builtin ${name} declared twice for the same release`);
    const b: Builtin = { proto, fn, header: this.header };
    if (blocking) b.blocking = true;
    this.entries.push({ name, builtin: b, from, until });
  }
  /** The builtins of one kernel release. */
  table(kernel: string): BuiltinTable {
    const k = kernelOrdinal(kernel);
    const t: BuiltinTable = {};
    for (const e of this.entries) if (e.from <= k && k < e.until) t[e.name] = e.builtin;
    return t;
  }
}

export const b = (v: boolean): number => (v ? 1 : 0);
