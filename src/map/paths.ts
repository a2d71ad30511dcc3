// Files whose changes cannot change what the model does: documentation, Kconfig (the model's
// configuration is fixed), maintainer lists, build files. They are listed, not replayed.

const RULES: { test: RegExp; why: string }[] = [
  { test: /^Documentation\//, why: 'documentation' },
  { test: /\.(rst|txt|md|html|svg|dot)$/i, why: 'documentation' },
  { test: /(^|\/)Kconfig(\.[\w.-]+)?$/, why: 'Kconfig (the model runs one fixed configuration)' },
  { test: /^(MAINTAINERS|CREDITS|COPYING|README)$|(^|\/)\.mailmap$|^LICENSES\//, why: 'project metadata' },
  { test: /(^|\/)(Makefile|Kbuild)$/, why: 'build rules' },
  { test: /(^|\/)\.gitignore$/, why: 'git metadata' },
];

/** Why a path carries no behaviour for the model, or null when it may. */
export function noBehaviour(path: string | null): string | null {
  if (!path) return null;
  for (const r of RULES) if (r.test.test(path)) return r.why;
  return null;
}
