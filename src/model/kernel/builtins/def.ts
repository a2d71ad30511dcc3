// Helpers to declare builtins by their C prototype.

import type { Builtin, BuiltinResult, BuiltinTable, ExecCtx, Value } from '../../interp/api.js';

type Fn = (ctx: ExecCtx, ...args: Value[]) => BuiltinResult;

/** The function name in a C prototype: the identifier right before the parameter list. */
function protoName(proto: string): string {
  const m = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(proto);
  if (!m) throw new Error(`cannot find the function name in prototype: ${proto}`);
  return m[1]!;
}

export class TableBuilder {
  readonly t: BuiltinTable = {};
  constructor(readonly header: string) {}
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
    (this as { header: string }).header = header;
    return this;
  }
  private add(proto: string, fn: Fn, blocking: boolean): void {
    const name = protoName(proto);
    if (this.t[name]) throw new Error(`builtin ${name} declared twice`);
    const b: Builtin = { proto, fn, header: this.header };
    if (blocking) b.blocking = true;
    this.t[name] = b;
  }
}

export const b = (v: boolean): number => (v ? 1 : 0);
