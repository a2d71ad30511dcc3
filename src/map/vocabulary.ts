// Which bases know a name: a function the model C defines or its kernel's runtime has as a
// primitive, a macro, a type, an enum constant, or a field of a struct. A hunk that uses
// something its base lacks is usually written for another version of the code; this says which.
// Local variables are not in it: a name only some function's locals spell is no API.
import { kernelBuiltins, OPAQUE_TYPES } from '../model/kernel/builtins/index.js';
import { BASE_SPECS, loadBase } from '../model/source/index.js';
import { indexFile } from './model-index.js';

interface Vocabulary {
  names: Set<string>;
  /** struct name -> its fields */
  fields: Map<string, Set<string>>;
}

const MACRO = /^[ \t]*#[ \t]*define[ \t]+(\w+)/gm;
const TYPEDEF = /\btypedef\b[^;{]*?(\w+)\s*;/g;
const STRUCT_BODY = /\bstruct\s+(\w+)\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g;
const ENUM_BODY = /\benum\s*\w*\s*\{([^}]*)\}/g;
const FIELD = /(\w+)\s*(?:\[[^\]]*\])?\s*(?::\s*\d+\s*)?;/g;

let vocab: Map<string, Vocabulary> | null = null;

function vocabularies(): Map<string, Vocabulary> {
  if (vocab) return vocab;
  vocab = new Map();
  for (const spec of BASE_SPECS) {
    const names = new Set([...Object.keys(kernelBuiltins(spec.kernel)), ...OPAQUE_TYPES]);
    const fields = new Map<string, Set<string>>();
    for (const s of loadBase(spec.name).sources) {
      for (const f of indexFile(s.path, s.text).functions) names.add(f.name);
      for (const m of s.text.matchAll(MACRO)) names.add(m[1]!);
      for (const m of s.text.matchAll(TYPEDEF)) names.add(m[1]!);
      for (const m of s.text.matchAll(ENUM_BODY)) for (const c of m[1]!.split(',')) if (/^\s*(\w+)/.test(c)) names.add(/^\s*(\w+)/.exec(c)![1]!);
      for (const m of s.text.matchAll(STRUCT_BODY)) {
        names.add(m[1]!);
        const set = fields.get(m[1]!) ?? new Set<string>();
        for (const f of m[2]!.matchAll(FIELD)) set.add(f[1]!);
        fields.set(m[1]!, set);
      }
    }
    vocab.set(spec.name, { names, fields });
  }
  return vocab;
}

/** The bases (oldest first) whose model or runtime knows `name` (a field of `struct`, when given). */
export function basesKnowing(name: string, struct?: string): string[] {
  const out: string[] = [];
  for (const [base, v] of vocabularies()) if (struct ? v.fields.get(struct)?.has(name) : v.names.has(name)) out.push(base);
  return out;
}
