// Files whose changes cannot change what the model does: documentation, Kconfig (the model's
// configuration is fixed), maintainer lists, build files. They are listed, not replayed.
import type { NoBehaviourWhy } from './types.js';

const RULES: { test: RegExp; why: NoBehaviourWhy }[] = [
  { test: /^Documentation\//, why: 'documentation' },
  { test: /\.(rst|txt|md|html|svg|dot)$/i, why: 'documentation' },
  { test: /(^|\/)Kconfig(\.[\w.-]+)?$/, why: 'kconfig' },
  { test: /^(MAINTAINERS|CREDITS|COPYING|README)$|(^|\/)\.mailmap$|^LICENSES\//, why: 'metadata' },
  { test: /(^|\/)(Makefile|Kbuild)$/, why: 'build' },
  { test: /(^|\/)\.gitignore$/, why: 'git' },
];

/** Why a path carries no behaviour for the model, or null when it may. */
export function noBehaviour(path: string | null): NoBehaviourWhy | null {
  if (!path) return null;
  for (const r of RULES) if (r.test.test(path)) return r.why;
  return null;
}
