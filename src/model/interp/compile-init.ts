// Initialisers of interpreter-owned objects (struct/array locals, globals, compound literals):
// `= { .rmap_one = f, .arg = &args, }`, nested lists, positional items, `[i] = v`, `= other`.
// As in C, an object with an initialiser is zero-filled first; only a declaration without any
// initialiser leaves its fields UNINIT.

import { Ptr, type Blocked, type CType, type StructRef, type Value } from './api.js';
import type { Init, Designator } from './ast.js';
import { CompileError, convert, type CExpr } from './cexpr.js';
import { compileRvalue, constValue } from './compile-expr.js';
import { typeToString } from './ctypes.js';
import { ArrayRegion, LocalStruct, fillArray } from './memory.js';
import type { Frame } from './runtime.js';
import type { FnCx } from './fn-context.js';
import type { Gen } from './jsgen.js';

/** Applies an initialiser to an owned object (LocalStruct or ArrayRegion). */
export interface Filler {
  ev: ((o: unknown, f: Frame) => void) | null;
  gv: ((o: unknown, f: Frame) => Generator<Blocked, void, void>) | null;
  /** The same as JavaScript statements on the object `o` (an expression without side effects). */
  js?: (g: Gen, o: string) => string;
}

type Setter = Filler;

/** Zero-fill, then apply the initialiser's items in order. */
export function compileInitFiller(cx: FnCx, t: CType, init: Init, _line: number): Filler {
  if (init.k === 'expr') {
    const src = compileRvalue(cx, init.e);
    if (t.k === 'array' && init.e.k === 'str') return stringInto(init.e.value);
    return copyInto(convert(src, t, 'init', `initialiser of \`${typeToString(t)}\``));
  }
  const setters = listSetters(cx, t, init);
  const zero = (o: unknown) => {
    if (o instanceof LocalStruct) o.fill('zero');
    else if (o instanceof ArrayRegion) fillArray(o, cx.ps.types, 'zero');
  };
  return sequence(zero, setters);
}

function sequence(first: (o: unknown) => void, setters: Setter[]): Filler {
  const js = (g: Gen, o: string) => `${g.k(first)}(${o});\n` + setters.map((s) => s.js!(g, o)).join('');
  if (setters.every((s) => s.gv === null)) {
    const evs = setters.map((s) => s.ev!);
    return { ev: (o, f) => { first(o); for (const s of evs) s(o, f); }, gv: null, js };
  }
  return {
    js,
    ev: null,
    gv: function* (o, f) {
      first(o);
      for (const s of setters) {
        if (s.gv) yield* s.gv(o, f);
        else s.ev!(o, f);
      }
    },
  };
}

function copyInto(c: CExpr): Filler {
  const e = c.ev;
  const js = (gen: Gen, o: string) => `${gen.k(assignWhole)}(${o}, ${gen.e(c)}, f);\n`;
  if (e) return { ev: (o, f) => assignWhole(o, e(f), f), gv: null, js };
  const g = c.gv!;
  return { ev: null, gv: function* (o, f) { assignWhole(o, yield* g(f), f); }, js };
}

function assignWhole(o: unknown, v: Value, f: Frame): void {
  if (o instanceof LocalStruct) o.copyFrom(v as StructRef, f.t);
  else if (o instanceof ArrayRegion && v instanceof Ptr) {
    for (let i = 0; i < o.vals.length; i++) o.store(i, v.region.load(v.index + i, f.t), f.t);
  }
}

function stringInto(s: string): Filler {
  const ev = (o: unknown) => {
    const r = o as ArrayRegion;
    for (let i = 0; i < r.vals.length; i++) r.vals[i] = i < s.length ? s.charCodeAt(i) : 0;
  };
  return { ev, gv: null, js: (g, o) => `${g.k(ev)}(${o});\n` };
}

/** One setter per item of an initialiser list on an object of type `t`. */
function listSetters(cx: FnCx, t: CType, init: Extract<Init, { k: 'list' }>): Setter[] {
  const out: Setter[] = [];
  let next = 0; // positional cursor (field index or array index)
  for (const item of init.items) {
    let designators = item.designators;
    if (designators.length === 0) {
      if (t.k === 'struct') {
        const layout = cx.ps.types.layoutOf(t.name)!;
        const f = layout.fields[next];
        if (!f) throw new CompileError(init.line, `too many initialisers for struct ${t.name}`);
        designators = [{ k: 'field', name: f.name }];
      } else if (t.k === 'array') {
        designators = [{ k: 'index', index: { k: 'num', text: String(next), line: init.line, src: String(next) } }];
      } else {
        if (init.items.length !== 1 || item.value.k !== 'expr') throw new CompileError(init.line, `braced initialiser for scalar \`${typeToString(t)}\``);
        throw new CompileError(init.line, 'scalar initialiser in braces inside an aggregate is not supported');
      }
    }
    const { setter, position } = designated(cx, t, designators, item.value, init.line);
    out.push(setter);
    next = position + 1;
  }
  return out;
}

/** Setter for `designators = value` on an object of type `t`; returns the top-level position. */
function designated(cx: FnCx, t: CType, ds: Designator[], value: Init, line: number): { setter: Setter; position: number } {
  const d = ds[0]!;
  const rest = ds.slice(1);
  if (t.k === 'struct') {
    if (d.k !== 'field') throw new CompileError(line, `array designator in struct ${t.name} initialiser`);
    const layout = cx.ps.types.layoutOf(t.name)!;
    const fi = layout.byName.get(d.name);
    if (!fi) throw new CompileError(line, `struct ${t.name} has no field \`${d.name}\``, { kind: 'field', name: d.name, struct: t.name });
    const idx = fi.index;
    const sub = member(cx, fi.t, rest, value, line, `.${d.name}`);
    return { setter: at(sub, (o) => (o as LocalStruct).vals[idx], (o, v) => ((o as LocalStruct).vals[idx] = v)), position: idx };
  }
  if (t.k === 'array') {
    if (d.k !== 'index') throw new CompileError(line, `field designator in array initialiser`);
    const { v } = constValue(cx, d.index, 'array designator');
    const i = Number(v);
    if (i < 0 || i >= t.len) throw new CompileError(line, `array index ${i} out of bounds in initialiser`);
    const sub = member(cx, t.of, rest, value, line, `[${i}]`);
    return { setter: at(sub, (o) => (o as ArrayRegion).vals[i], (o, v2) => ((o as ArrayRegion).vals[i] = v2)), position: i };
  }
  throw new CompileError(line, `designator on non-aggregate \`${typeToString(t)}\``);
}

/** How to initialise one member: a nested filler on the sub-object, or a scalar value. */
type Member = { kind: 'nested'; filler: Filler } | { kind: 'value'; c: CExpr };

function member(cx: FnCx, t: CType, rest: Designator[], value: Init, line: number, what: string): Member {
  if (rest.length > 0) {
    const { setter } = designated(cx, t, rest, value, line);
    return { kind: 'nested', filler: setter };
  }
  if (t.k === 'struct' || t.k === 'array') {
    if (value.k === 'list') return { kind: 'nested', filler: sequence(() => undefined, listSetters(cx, t, value)) };
    if (t.k === 'array' && value.e.k === 'str') return { kind: 'nested', filler: stringInto(value.e.value) };
    return { kind: 'nested', filler: copyInto(convert(compileRvalue(cx, value.e), t, 'init', `initialiser of ${what}`)) };
  }
  let e = value;
  while (e.k === 'list') {
    if (e.items.length !== 1) throw new CompileError(line, `braced initialiser for scalar ${what}`);
    e = e.items[0]!.value;
  }
  return { kind: 'value', c: convert(compileRvalue(cx, e.e), t, 'init', `initialiser of ${what}`) };
}

function at(m: Member, get: (o: unknown) => unknown, set: (o: unknown, v: Value) => void): Setter {
  if (m.kind === 'nested') {
    const fe = m.filler.ev;
    const fg = m.filler.gv;
    const sub = m.filler;
    const js = (g: Gen, o: string) => sub.js!(g, `${g.k(get)}(${o})`);
    if (fe) return { ev: (o, f) => fe(get(o), f), gv: null, js };
    return { ev: null, gv: function* (o, f) { yield* fg!(get(o), f); }, js };
  }
  const c = m.c;
  const js = (g: Gen, o: string) => `${g.k(set)}(${o}, ${g.e(c)});\n`;
  const e = m.c.ev;
  if (e) return { ev: (o, f) => set(o, e(f)), gv: null, js };
  const g = m.c.gv!;
  return { ev: null, gv: function* (o, f) { set(o, yield* g(f)); }, js };
}
